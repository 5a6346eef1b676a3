import Foundation
import Testing

/// Unreadable files and folders, symbolic-link loops, dangling links, named pipes and non-YAML
/// files in an input folder: each is named with its path and reason, exit 1 (a non-YAML file
/// is named as not read), never a crash, a hang or a silent skip (SPEC §4).
@Suite struct FilesystemCLITests {
    let sample = "samples/visits/2026-07/BR0421-20260710-01.yaml"

    func copySample(_ dir: HostileDir, _ name: String) throws {
        try dir.write(name, Array(try Data(contentsOf: CLI.root.appendingPathComponent(sample))))
    }

    func validate(_ paths: [String], _ extra: [String] = [], unprivileged: Bool = false) throws -> CLI.Result {
        try CLI.run(["validate", "--checklists", "checklists", "--lang", "en"] + extra + paths, unprivileged: unprivileged)
    }

    /// Runs the binary under `timeout`, so a hang fails the test instead of stalling the suite.
    func runWithin(_ seconds: Int, _ args: [String], stdin: Data? = nil) throws -> CLI.Result {
        try CLI.run(args, stdin: stdin, within: seconds)
    }

    @Test(.enabled(if: HostileDir.permissionsApply, "running as root without setpriv or a path nobody can reach: chmod 000 would not stop reading"))
    func unreadableFile() throws {
        let dir = try HostileDir()
        try copySample(dir, "v/ok.yaml")
        try copySample(dir, "v/locked.yaml")
        chmod(dir.path + "/v/locked.yaml", 0)
        let r = try validate([dir.path + "/v"], unprivileged: true)
        #expect(r.code == 1)
        #expect(r.stderr == "\(dir.path)/v/locked.yaml:1:1: error: cannot read the file: open failed (Permission denied)\n")
        let s = try CLI.run(["score", "--checklists", "checklists", dir.path + "/v"], unprivileged: true)
        #expect(s.code == 1)
        #expect(s.stdout.isEmpty)
        #expect(s.stderr.hasPrefix("\(dir.path)/v/locked.yaml:1:1: error: 无法读取文件：打开失败（没有读取权限）\n"), "\(s.stderr)")
    }

    @Test(.enabled(if: HostileDir.permissionsApply, "running as root without setpriv or a path nobody can reach: chmod 000 would not stop listing"))
    func unreadableFolder() throws {
        let dir = try HostileDir()
        try copySample(dir, "v/ok.yaml")
        try copySample(dir, "v/locked/inside.yaml")
        chmod(dir.path + "/v/locked", 0)
        let r = try validate([dir.path + "/v"], unprivileged: true)
        #expect(r.code == 1)
        #expect(r.stderr == "\(dir.path)/v/locked:1:1: error: cannot read '\(dir.path)/v/locked': Permission denied\n")
    }

    @Test func symlinkLoopBetweenFiles() throws {
        let dir = try HostileDir()
        _ = try dir.mkdir("v")
        try copySample(dir, "v/ok.yaml")
        try dir.symlink("v/a.yaml", to: "b.yaml")
        try dir.symlink("v/b.yaml", to: "a.yaml")
        let v = dir.path + "/v"
        let r = try validate([v])
        #expect(r.code == 1)
        #expect(r.stderr == """
            \(v)/a.yaml:1:1: error: cannot read '\(v)/a.yaml': symbolic link loop
            \(v)/b.yaml:1:1: error: cannot read '\(v)/b.yaml': symbolic link loop

            """)
        // Named on the command line.
        let one = try validate([v + "/a.yaml"])
        #expect(one.code == 1)
        #expect(one.stderr == "\(v)/a.yaml:1:1: error: cannot read '\(v)/a.yaml': symbolic link loop\n")
    }

    @Test func folderLinkToItsParent() throws {
        let dir = try HostileDir()
        try copySample(dir, "v/sub/ok.yaml")
        try dir.symlink("v/sub/up", to: "..")
        try dir.symlink("v/self", to: ".")
        let v = dir.path + "/v"
        let r = try validate([v], ["--format", "json"])
        #expect(r.code == 1)
        let json = try JSONSerialization.jsonObject(with: r.stdoutData) as! [String: Any]
        #expect(json["files"] as? Int == 1)   // the visit is read once, through no link
        let t = try validate([v])
        #expect(t.code == 1)
        #expect(t.stderr == """
            \(v)/self:1:1: error: cannot read '\(v)/self': symbolic link loop: it leads back to a directory already being read; skipped
            \(v)/sub/up:1:1: error: cannot read '\(v)/sub/up': symbolic link loop: it leads back to a directory already being read; skipped

            """)
    }

    /// Two links to one folder are not a loop: the second is named as the same folder.
    @Test func twoLinksToOneFolder() throws {
        let dir = try HostileDir()
        try copySample(dir, "v/real/ok.yaml")
        try dir.symlink("v/x", to: "real")
        let v = dir.path + "/v"
        let r = try validate([v])
        #expect(r.code == 1)
        #expect(r.stderr == "\(v)/x:1:1: error: cannot read '\(v)/x': it is the same directory as '\(v)/real', which is read already; skipped\n")
    }

    /// "Listed but gone": a link whose file was removed, in a folder and named directly.
    @Test func danglingSymlink() throws {
        let dir = try HostileDir()
        try copySample(dir, "v/ok.yaml")
        try copySample(dir, "gone.yaml")
        try dir.symlink("v/gone.yaml", to: "../gone.yaml")
        try FileManager.default.removeItem(atPath: dir.path + "/gone.yaml")
        let v = dir.path + "/v"
        let line = "\(v)/gone.yaml:1:1: error: cannot read '\(v)/gone.yaml': dangling symbolic link to '../gone.yaml' (what it points to does not exist)\n"
        let r = try validate([v])
        #expect(r.code == 1)
        #expect(r.stderr == line)
        let one = try validate([v + "/gone.yaml"])
        #expect(one.code == 1)
        #expect(one.stderr == line)
        let rank = try CLI.run(["rank", "--lang", "en", "--checklists", "checklists", v])
        #expect(rank.code == 1)
        #expect(rank.stdout.isEmpty)
        #expect(rank.stderr.hasPrefix(line))
        // A plain missing path says so.
        let missing = try validate([v + "/nothing.yaml"])
        #expect(missing.code == 1)
        #expect(missing.stderr == "\(v)/nothing.yaml:1:1: error: cannot read '\(v)/nothing.yaml': No such file or directory\n")
    }

    @Test func nonYAMLFileIsNamed() throws {
        let dir = try HostileDir()
        try copySample(dir, "v/ok.yaml")
        try dir.write("v/备注.txt", "检查备注\n")
        try dir.write("v/ok.yaml.bak", "x\n")
        let v = dir.path + "/v"
        let r = try validate([v], ["--lang", "en"])
        #expect(r.code == 0, "\(r.stderr)")
        #expect(r.stderr == "svcaudit: note: 2 files are not .yaml/.yml and were not read: \(v)/ok.yaml.bak, \(v)/备注.txt\n")
        #expect(r.stdout.contains("2 non-YAML files not read"))
        let j = try validate([v], ["--format", "json"])
        let json = try JSONSerialization.jsonObject(with: j.stdoutData) as! [String: Any]
        #expect(json["not_yaml"] as? [String] == ["\(v)/ok.yaml.bak", "\(v)/备注.txt"])
        // The commands that produce results name them too.
        let s = try CLI.run(["score", "--lang", "en", "--checklists", "checklists", v])
        #expect(s.code == 0)
        #expect(s.stderr.contains("not read: \(v)/ok.yaml.bak, \(v)/备注.txt"))
    }

    /// A named pipe found in a folder is never opened (it would wait for a writer forever).
    @Test func namedPipeInAFolderDoesNotHang() throws {
        let dir = try HostileDir()
        try copySample(dir, "v/ok.yaml")
        #expect(mkfifo(dir.path + "/v/pipe.yaml", 0o644) == 0)
        let v = dir.path + "/v"
        let r = try runWithin(30, ["validate", "--lang", "en", "--checklists", "checklists", v])
        #expect(r.code == 1)
        #expect(r.stderr == "\(v)/pipe.yaml:1:1: error: cannot read '\(v)/pipe.yaml': it is a named pipe, not a regular file; skipped\n")
        // Named directly with no writer: read as empty, not waited on.
        let one = try runWithin(30, ["validate", "--lang", "en", "--checklists", "checklists", v + "/pipe.yaml"])
        #expect(one.code == 1)
        #expect(one.stderr == "\(v)/pipe.yaml:1:1: error: file is empty: it holds no YAML document\n")
    }

    /// A pipe named on the command line (`/dev/stdin`, `<(cmd)`) is read to its end, not by its size (0).
    @Test func pipeNamedOnTheCommandLineIsRead() throws {
        let visit = try Data(contentsOf: CLI.root.appendingPathComponent(sample))
        let r = try runWithin(30, ["validate", "--strict", "--checklists", "checklists", "/dev/stdin"], stdin: visit)
        #expect(r.code == 0, "\(r.stderr)")
        #expect(r.stderr.isEmpty)
    }

    /// A file or folder whose name is not UTF-8 (GBK names from a Windows zip) is named with its
    /// bytes and exit 1, not reported as missing; a non-YAML one is named as not read.
    @Test func namesThatAreNotUTF8() throws {
        let dir = try HostileDir()
        try copySample(dir, "v/ok.yaml")
        let v = dir.path + "/v"
        let gbk: [UInt8] = [0xB3, 0xC7, 0xD6, 0xD0]   // 城中 in GBK
        func cPath(_ name: [UInt8]) -> [CChar] { (Array((v + "/").utf8) + name + [0]).map { CChar(bitPattern: $0) } }
        let visit = Array(try Data(contentsOf: CLI.root.appendingPathComponent(sample)))
        for name in [gbk + Array(".yaml".utf8), gbk + Array(".txt".utf8)] {
            let fd = open(cPath(name), O_CREAT | O_WRONLY, 0o644)
            #expect(fd >= 0)
            _ = visit.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            close(fd)
        }
        #expect(mkdir(cPath(gbk), 0o755) == 0)
        let shown = String(decoding: gbk, as: UTF8.self)
        let r = try validate([v])
        #expect(r.code == 1)
        let fix = "rename it in UTF-8 (a GBK name from a Windows archive: convmv -f gbk -t utf8)"
        #expect(r.stderr == """
            \(v)/\(shown):1:1: error: cannot read '\(v)/\(shown)': its name is not valid UTF-8 (bytes B3 C7 D6 D0); \(fix)
            \(v)/\(shown).yaml:1:1: error: cannot read '\(v)/\(shown).yaml': its name is not valid UTF-8 (bytes B3 C7 D6 D0 2E 79 61 6D 6C); \(fix)
            svcaudit: note: 1 file is not .yaml/.yml and was not read: \(v)/\(shown).txt

            """)
    }
}

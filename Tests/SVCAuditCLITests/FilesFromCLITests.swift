import Foundation
import Testing

/// `--files-from`: PATHS from a list (a file or standard input) give what the same PATHS on
/// the command line give; a list that cannot be used is one message naming it, exit 1.
@Suite struct FilesFromCLITests {
    static let files: [String] = {
        let dir = CLI.root.appendingPathComponent("samples/visits")
        let all = FileManager.default.enumerator(atPath: dir.path)!.compactMap { $0 as? String }
        return all.filter { $0.hasSuffix(".yaml") }.sorted().map { "samples/visits/" + $0 }
    }()

    func listFile(_ text: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("svcaudit-list-\(UUID().uuidString).txt")
        try Data(text.utf8).write(to: url)
        return url
    }

    func rank(_ args: [String], stdin: Data? = nil) throws -> CLI.Result {
        try CLI.run(["rank"] + args + ["--policy", "samples/policy.yaml", "--format", "json"], stdin: stdin)
    }

    @Test func listFileAndStdinGiveWhatPositionalGives() throws {
        let want = try rank(Self.files)
        #expect(want.code == 0)
        let url = try listFile(Self.files.joined(separator: "\n") + "\n")
        defer { try? FileManager.default.removeItem(at: url) }
        let fromFile = try rank(["--files-from", url.path])
        #expect(fromFile.code == 0)
        #expect(fromFile.stdoutData == want.stdoutData)
        let fromStdin = try rank(["--files-from", "-"], stdin: Data((Self.files.joined(separator: "\n") + "\n").utf8))
        #expect(fromStdin.code == 0)
        #expect(fromStdin.stdoutData == want.stdoutData)
    }

    @Test func blankLinesAndCRLF() throws {
        let want = try rank(Self.files)
        let url = try listFile("\r\n" + Self.files.joined(separator: "\r\n\r\n") + "\r\n\n")
        defer { try? FileManager.default.removeItem(at: url) }
        let r = try rank(["--files-from", url.path])
        #expect(r.code == 0, "\(r.stderr)")
        #expect(r.stdoutData == want.stdoutData)
    }

    @Test func positionalThenListSameAsAllPositional() throws {
        let want = try rank(Self.files)
        let half = Self.files.count / 2
        let url = try listFile(Self.files[half...].joined(separator: "\n"))
        defer { try? FileManager.default.removeItem(at: url) }
        let r = try rank(Array(Self.files[..<half]) + ["--files-from", url.path])
        #expect(r.code == 0, "\(r.stderr)")
        #expect(r.stdoutData == want.stdoutData)
        let folders = try rank(["samples/visits"])
        #expect(folders.stdoutData == want.stdoutData)
    }

    @Test func missingListNamedInChineseAndEnglish() throws {
        let r = try CLI.run(["validate", "--files-from", "no-such-list.txt"])
        #expect(r.code == 1)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr == "svcaudit: 无法读取 --files-from 列表 'no-such-list.txt'：文件不存在\n", "\(r.stderr)")
        let en = try CLI.run(["validate", "--files-from", "no-such-list.txt", "--lang", "en"])
        #expect(en.code == 1)
        #expect(en.stderr == "svcaudit: cannot read the --files-from list 'no-such-list.txt': no such file\n", "\(en.stderr)")
        let dir = try CLI.run(["validate", "--files-from", "samples", "--lang", "en"])
        #expect(dir.code == 1)
        #expect(dir.stderr.contains("'samples': it is a directory"), "\(dir.stderr)")
    }

    @Test func notUTF8NamesTheLine() throws {
        var d = Data("samples/visits\n".utf8)
        d.append(contentsOf: [0xC4, 0xE3, 0x2E, 0x79, 0x61, 0x6D, 0x6C, 0x0A])
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("svcaudit-gbk-\(UUID().uuidString).txt")
        try d.write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let r = try CLI.run(["validate", "--files-from", url.path, "--lang", "en"])
        #expect(r.code == 1)
        #expect(r.stderr.contains("line 2 is not UTF-8"), "\(r.stderr)")
    }

    @Test func emptyListSaysSo() throws {
        let url = try listFile("\n\r\n")
        defer { try? FileManager.default.removeItem(at: url) }
        let r = try CLI.run(["validate", "--files-from", url.path])
        #expect(r.code == 64)
        #expect(r.stderr.hasPrefix("错误：--files-from 列表 '\(url.path)' 是空的：请至少给出一个检查记录文件或文件夹\n"), "\(r.stderr)")
        let stdin = try CLI.run(["validate", "--files-from", "-", "--lang", "en"], stdin: Data())
        #expect(stdin.code == 64)
        #expect(stdin.stderr.contains("the --files-from list standard input is empty"), "\(stdin.stderr)")
    }

    @Test func dashInsideAStdinListIsRefused() throws {
        let r = try CLI.run(["validate", "--files-from", "-", "--lang", "en"], stdin: Data("samples/visits\n-\n".utf8))
        #expect(r.code == 1)
        #expect(r.stderr == "svcaudit: cannot read the --files-from list standard input: line 2 is -, but the list itself is standard input, so no visit can be read from it\n", "\(r.stderr)")
        let both = try CLI.run(["validate", "-", "--files-from", "-", "--lang", "en"], stdin: Data())
        #expect(both.code == 1)
        #expect(both.stderr.contains("standard input is already a visit"), "\(both.stderr)")
    }
}

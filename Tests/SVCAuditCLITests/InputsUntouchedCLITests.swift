import Foundation
import Testing

/// SPEC §4: svcaudit never changes an input file. Every command that reads visits, checklists
/// or a policy runs on a temporary copy of samples/ and checklists/ (and of the broken
/// fixtures), in every output format, and afterwards every file's bytes, size, mtime and
/// ctime are as before.
@Suite struct InputsUntouchedCLITests {
    struct Snapshot: Equatable {
        var bytes: Data
        var mtime: timespec
        var ctime: timespec
        static func == (a: Snapshot, b: Snapshot) -> Bool {
            a.bytes == b.bytes && a.mtime.tv_sec == b.mtime.tv_sec && a.mtime.tv_nsec == b.mtime.tv_nsec
                && a.ctime.tv_sec == b.ctime.tv_sec && a.ctime.tv_nsec == b.ctime.tv_nsec
        }
    }

    /// Every file under `root` (relative path -> contents and times), and the folders' own times.
    func snapshot(_ root: String) throws -> [String: Snapshot] {
        var out: [String: Snapshot] = [:]
        let e = FileManager.default.enumerator(atPath: root)!
        var paths = [""]
        while let rel = e.nextObject() as? String { paths.append(rel) }
        for rel in paths {
            let full = rel.isEmpty ? root : root + "/" + rel
            var st = stat()
            #expect(lstat(full, &st) == 0)
            let isDir = (st.st_mode & S_IFMT) == S_IFDIR
            let bytes = isDir ? Data() : try Data(contentsOf: URL(fileURLWithPath: full))
            out[rel] = Snapshot(bytes: bytes, mtime: st.st_mtim, ctime: st.st_ctim)
        }
        return out
    }

    /// Copies contents only (FileManager.copyItem also copies the owner, which fails when the
    /// tests run as another user than the checkout's owner).
    func copyTree(_ from: String, _ to: String) throws {
        let fm = FileManager.default
        try fm.createDirectory(atPath: to, withIntermediateDirectories: true)
        let e = fm.enumerator(atPath: from)!
        while let rel = e.nextObject() as? String {
            var isDir: ObjCBool = false
            _ = fm.fileExists(atPath: from + "/" + rel, isDirectory: &isDir)
            if isDir.boolValue {
                try fm.createDirectory(atPath: to + "/" + rel, withIntermediateDirectories: true)
            } else {
                try Data(contentsOf: URL(fileURLWithPath: from + "/" + rel)).write(to: URL(fileURLWithPath: to + "/" + rel))
            }
        }
    }

    @Test func noCommandWritesToItsInputs() throws {
        let dir = try HostileDir("untouched")
        let fm = FileManager.default
        for (from, to) in [("samples", "samples"), ("checklists", "checklists"), ("Tests/Fixtures/broken", "broken"),
                           ("Tests/Fixtures/checklists", "fixture-checklists")] {
            try copyTree(CLI.root.appendingPathComponent(from).path, dir.path + "/in/" + to)
        }
        let input = dir.path + "/in"
        let out = try dir.mkdir("out")
        let before = try snapshot(input)
        #expect(before.count > 70)
        usleep(20_000)  // so a rewrite within the same clock tick would still show in the times

        let cl = ["--checklists", input + "/checklists"]
        let visits = input + "/samples/visits"
        let policy = ["--policy", input + "/samples/policy.yaml"]
        let oneVisit = visits + "/2026-07/BR0431-20260731-01.yaml"
        #expect(fm.fileExists(atPath: oneVisit))
        var runs: [(args: [String], code: Int32)] = [
            (["validate", "--strict"] + cl + [input + "/samples", input + "/checklists"], 0),
            (["validate"] + cl + ["--format", "json", input + "/samples"], 0),
            (["validate", "--checklists", input + "/fixture-checklists", input + "/broken"], 1),
            (["score"] + cl + [input + "/broken"], 1),
            (["score", "--skip-invalid"] + cl + [visits, input + "/broken"], 0),
            (["explain"] + cl + [oneVisit], 0),
            (["explain"] + cl + ["--staff", "E1010", "--format", "json", oneVisit], 0),
            (["history"] + cl + policy + ["E1006", visits], 0),
            (["history"] + cl + policy + ["--branch", "BR0442", "--format", "json", visits], 0),
            (["rectify"] + cl + ["--as-of", "2026-10-01", visits], 0),
            (["rank"] + cl + policy + ["--period", "2026-Q3", visits], 0),
            (["report"] + cl + policy + ["--period", "2026-Q3", visits], 0),
        ]
        for format in ["table", "json", "csv", "markdown", "html"] {
            runs.append((["score"] + cl + ["--format", format, "-o", out + "/score.\(format)", visits], 0))
            runs.append((["rank"] + cl + policy + ["--period", "2026-Q3", "--format", format, "-o", out + "/rank.\(format)", visits], 0))
            runs.append((["report"] + cl + policy + ["--period", "2026-Q3", "--format", format, "-o", out + "/report.\(format)", visits], 0))
            runs.append((["rectify"] + cl + ["--as-of", "2026-10-01", "--format", format, "-o", out + "/rectify.\(format)", visits], 0))
        }
        for (args, code) in runs {
            let r = try CLI.run(args)
            #expect(r.code == code, "\(args.joined(separator: " ")): exit \(r.code)\n\(r.stderr)")
        }
        // Standard input is an input too: a visit piped in is left as it was.
        let piped = try Data(contentsOf: URL(fileURLWithPath: oneVisit))
        #expect(try CLI.run(["validate"] + cl + ["-"], stdin: piped).code == 0)

        let after = try snapshot(input)
        #expect(Set(after.keys) == Set(before.keys), "files appeared or vanished: \(Set(after.keys).symmetricDifference(before.keys).sorted())")
        for (rel, snap) in before.sorted(by: { $0.key < $1.key }) {
            #expect(after[rel] == snap, "changed: \(rel.isEmpty ? "." : rel)")
        }
    }
}

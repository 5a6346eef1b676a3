import Foundation
import Testing

/// Outputs never depend on how many files are read in parallel: a generated set of visits
/// gives byte-identical rank, report and score output at --jobs 1 and --jobs 2.
@Suite struct JobsDeterminismTests {
    /// The generator built beside `svcaudit`.
    static var generator: URL { CLI.binary.deletingLastPathComponent().appendingPathComponent("svcaudit-gen") }

    static func generate(count: Int, seed: Int, realistic: Bool = false, extra: [String] = []) throws -> URL {
        let dir = FileManager.default.temporaryDirectory
            .appendingPathComponent("svcaudit-jobs-\(getpid())-\(UUID().uuidString)")
        let p = Process()
        p.executableURL = generator
        p.arguments = ["--count", "\(count)", "--seed", "\(seed)", "--out", dir.path,
                       "--checklists", CLI.root.appendingPathComponent("checklists").path] + (realistic ? ["--realistic"] : []) + extra
        p.standardError = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        #expect(p.terminationStatus == 0)
        return dir
    }

    @Test func generatedSetIsValidAndDeterministic() throws {
        let a = try Self.generate(count: 40, seed: 5)
        let b = try Self.generate(count: 40, seed: 5)
        defer { try? FileManager.default.removeItem(at: a); try? FileManager.default.removeItem(at: b) }
        let v = try CLI.run(["validate", a.path])
        #expect(v.code == 0)
        #expect(v.stdout.contains("0 个错误，0 个警告"), "\(v.stdout)")
        let sa = try CLI.run(["score", a.path, "--format", "json"])
        let sb = try CLI.run(["score", b.path, "--format", "json"])
        // Same seed, same visits: only the directory differs.
        #expect(sa.stdout.replacingOccurrences(of: a.path, with: "DIR") == sb.stdout.replacingOccurrences(of: b.path, with: "DIR"))
    }

    /// `--realistic`: 0.5–4 KB files, valid, about half of them with each kind of warning.
    @Test func realisticSet() throws {
        let dir = try Self.generate(count: 200, seed: 3, realistic: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try CLI.run(["validate", dir.path, "--format", "json"])
        #expect(r.code == 0)
        let doc = try #require(try JSONSerialization.jsonObject(with: r.stdoutData) as? [String: Any])
        #expect(doc["errors"] as? Int == 0)
        var files: [String: Set<String>] = [:]
        for d in doc["diagnostics"] as! [[String: Any]] { files[d["code"] as! String, default: []].insert(d["file"] as! String) }
        for code in ["unanswered", "no-note", "unknown-role"] {
            let n = files[code]?.count ?? 0
            #expect(n >= 60 && n <= 140, "\(code): \(n) of 200 files")
        }
        let sizes = try FileManager.default.subpathsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".yaml") }.map {
            try FileManager.default.attributesOfItem(atPath: dir.appendingPathComponent($0).path)[.size] as! Int
        }
        #expect(sizes.count == 200)
        #expect(sizes.filter { $0 >= 400 && $0 <= 4096 }.count >= 190)
    }

    /// `--branches B` fixes the bank, so that more files are more visits of the same branches
    /// (make bench measures memory per file that way), and `--staff S` the staff of each branch
    /// (SPEC §5's bank); without them the bank grows with the count.
    @Test func branchesAndStaffFixTheBank() throws {
        func bank(_ dir: URL) throws -> (branches: Set<String>, staff: Set<String>) {
            let r = try CLI.run(["score", dir.path, "--format", "json"])
            #expect(r.code == 0)
            let visits = try #require(try JSONSerialization.jsonObject(with: r.stdoutData) as? [String: Any])["visits"] as? [[String: Any]]
            let v = try #require(visits)
            return (Set(v.compactMap { ($0["branch"] as? [String: Any])?["id"] as? String }),
                    Set(v.flatMap { ($0["staff"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String } }))
        }
        let fixed = try Self.generate(count: 400, seed: 7, realistic: true, extra: ["--branches", "3", "--staff", "2"])
        let grown = try Self.generate(count: 400, seed: 7, realistic: true)
        defer { try? FileManager.default.removeItem(at: fixed); try? FileManager.default.removeItem(at: grown) }
        let f = try bank(fixed), g = try bank(grown)
        #expect(f.branches.count == 3)
        #expect(f.staff.count == 3 * 2 + 3)  // and each branch's trainee (a role no checklist names)
        #expect(g.branches.count == 16)  // one branch per 25 files
        #expect(g.staff.count > 16 * 6)  // 7–12 staff a branch
    }

    @Test func jobsOneAndTwoGiveTheSameBytes() throws {
        let dir = try Self.generate(count: 300, seed: 11)
        defer { try? FileManager.default.removeItem(at: dir) }
        let commands: [[String]] = [
            ["rank", dir.path, "--format", "json"],
            ["report", dir.path, "--format", "json"],
            ["score", dir.path, "--format", "json"],
            ["validate", dir.path],
        ]
        for command in commands {
            let one = try CLI.run(command + ["--jobs", "1"])
            let two = try CLI.run(command + ["--jobs", "2"])
            #expect(one.code == 0, "\(command): \(one.stderr)")
            #expect(!one.stdoutData.isEmpty)
            #expect(one.stdoutData == two.stdoutData, "\(command[0]) output differs between --jobs 1 and --jobs 2")
            #expect(one.stderr == two.stderr)
        }
    }
}

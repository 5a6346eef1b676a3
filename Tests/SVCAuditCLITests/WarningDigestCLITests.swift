import Foundation
import Testing

/// SPEC §4: the commands that fold many files print the first 20 warnings and then one line
/// per warning code with its count; `--all-warnings` and `validate` print every one; the
/// closing "may distort the ranking" line is gone.
@Suite struct WarningDigestCLITests {
    /// 15 copies of the warnings fixture: each has its own unanswered, no-note and unknown-role
    /// warnings, and every copy after the first repeats the visit (duplicate-visit).
    static func folder() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("svcaudit-digest-\(getpid())")
        try? FileManager.default.removeItem(at: dir)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let text = try String(contentsOf: CLI.root.appendingPathComponent("Tests/Fixtures/warnings/a.yaml"), encoding: .utf8)
        for i in 0..<15 {
            try text.write(to: dir.appendingPathComponent(String(format: "v%02d.yaml", i)), atomically: true, encoding: .utf8)
        }
        return dir
    }

    /// Roster warnings are counted and capped like the files' own: with a staff list of two
    /// people, the sample quarter gives ~500 not-on-roster-staff warnings, of which rank,
    /// report and coverage print 20 and a count.
    @Test func rosterWarningsGoThroughTheDigest() throws {
        let dir = try HostileDir("roster-digest")
        for name in ["branches.csv", "waivers.csv"] {
            _ = try dir.write("roster/" + name, try String(contentsOf: CLI.root.appendingPathComponent("samples/roster/" + name), encoding: .utf8))
        }
        let staff = try String(contentsOf: CLI.root.appendingPathComponent("samples/roster/staff.csv"), encoding: .utf8)
        _ = try dir.write("roster/staff.csv", staff.split(separator: "\n").prefix(3).joined(separator: "\n") + "\n")
        for command in ["rank", "report", "coverage"] {
            let r = try CLI.run([command, "samples/visits", "--period", "2026-Q3", "--roster", dir.path + "/roster"])
            #expect(r.code == 0, "\(command): \(r.stderr)")
            let lines = r.stderr.split(separator: "\n")
            #expect(lines.filter { $0.contains("warning: 员工 ") && $0.contains("不在名册中") }.count == 20, "\(command)")
            #expect(lines.contains { $0.hasPrefix("svcaudit: 警告 [not-on-roster-staff] 共 ") }, "\(command): \(r.stderr)")
            #expect(lines.count <= 25, "\(command)")
        }
    }

    @Test func foldingCommandsSummarise() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let args = [dir.path, "--checklists", "Tests/Fixtures/checklists"]
        let all = try CLI.run(["validate"] + args)
        #expect(all.code == 0)
        let warnings = all.stderr.split(separator: "\n").filter { $0.contains(": 警告：") || $0.contains(": warning: ") }
        #expect(warnings.count > 40)
        for command in ["score", "rank", "report"] {
            let r = try CLI.run([command] + args)
            #expect(r.code == 0, "\(command): \(r.stderr)")
            let lines = r.stderr.split(separator: "\n")
            let shown = lines.filter { $0.hasPrefix(dir.path) }
            #expect(shown.count == 20, "\(command)")
            // The first 20, in path order, exactly as validate prints them.
            #expect(Array(shown) == Array(warnings.prefix(20)), "\(command)")
            let summary = lines.filter { $0.hasPrefix("svcaudit: 警告 [") }
            #expect(summary.count == 4, "\(command): \(summary)")   // unanswered, no-note, unknown-role, duplicate-visit
            #expect(summary.allSatisfy { $0.contains("--all-warnings") && $0.contains("svcaudit validate") })
            #expect(lines.count <= 25)
            #expect(!r.stderr.contains("may distort"))
            let every = try CLI.run([command, "--all-warnings"] + args)
            #expect(every.stderr.split(separator: "\n").filter { $0.hasPrefix(dir.path) }.count == warnings.count)
            #expect(try CLI.run([command, "--quiet"] + args).stderr.isEmpty)
        }
        let en = try CLI.run(["rank", "--lang", "en"] + args)
        #expect(en.stderr.contains("warnings [unanswered] in all"))
    }
}

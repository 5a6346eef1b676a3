import Foundation
import Testing

/// Per-file count limits checked by the visit loader (README "Limits and broken input"):
/// 500 employees in `staff`, 2,000 answers in one `results` mapping.
@Suite struct LimitsCLITests {
    let fixtures = ["--checklists", "Tests/Fixtures/checklists"]
    let head = "branch: {id: BR1, name: 城中支行}\ndate: 2026-07-14\ninspector: 王敏\n"

    func staffVisit(_ n: Int) -> String {
        var s = head + "checklists: [service]\nstaff:\n"
        for i in 0..<n {
            s += "  - {id: E\(i), name: 李娜, role: teller, results: {S1: pass, S2: 10, S3: 0, S4: 0, S5: pass}}\n"
        }
        return s
    }

    func codes(_ args: [String]) throws -> [String] {
        let r = try CLI.run(args + ["--format", "json"])
        let json = try JSONSerialization.jsonObject(with: r.stdoutData) as! [String: Any]
        return (json["diagnostics"] as! [[String: Any]]).map { $0["code"] as! String }
    }

    @Test func staffListOverTheLimit() throws {
        let dir = try HostileDir()
        let f = try dir.write("staff.yaml", staffVisit(501))
        let r = try CLI.run(["validate", "--lang", "en"] + fixtures + [f])
        #expect(r.code == 1)
        #expect(r.stderr == "\(f):6:3: error: 'staff' lists 501 employees, over the limit of 500 for one visit; only the first 500 are read\n")
        #expect(try codes(["validate"] + fixtures + [f]) == ["limit-staff"])
        // The employees past the limit are not read: a broken 501st entry adds nothing.
        let g = try dir.write("staff-bad-tail.yaml", staffVisit(500) + "  - {id: E0, name: 李娜, role: nobody, results: {X9: 1}}\n")
        let r2 = try CLI.run(["validate", "--lang", "en"] + fixtures + [g])
        #expect(r2.code == 1)
        #expect(r2.stderr == "\(g):6:3: error: 'staff' lists 501 employees, over the limit of 500 for one visit; only the first 500 are read\n")
        // Exactly at the limit is fine.
        let ok = try CLI.run(["validate", "--strict"] + fixtures + [try dir.write("staff-500.yaml", staffVisit(500))])
        #expect(ok.code == 0, "\(ok.stderr)")
        #expect(ok.stderr.isEmpty)
    }

    /// A checklist of 2,001 items, so every answer is a real one and the limit is the only error.
    @Test func resultsMappingOverTheLimit() throws {
        let dir = try HostileDir()
        var checklist = "id: big\ntitle: 大表\nscope: branch\nitems:\n"
        for i in 0..<2001 { checklist += "  - {id: K\(i), text: 项目\(i), points: 1}\n" }
        try dir.write("checklists/big.yaml", checklist)
        func visit(_ n: Int, indent: String = "  ") -> String {
            head + "results:\n" + (0..<n).map { "\(indent)K\($0): pass\n" }.joined()
        }
        let f = try dir.write("visits/answers.yaml", visit(2001))
        let args = ["validate", "--lang", "en", "--checklists", dir.path + "/checklists", f]
        let r = try CLI.run(args)
        #expect(r.code == 1)
        #expect(r.stderr == "\(f):5:3: error: 'results' holds 2001 answers, over the limit of 2000 for one mapping; only the first 2000 are read\n")
        #expect(try codes(args) == ["limit-answers"])
        // 2,000 answers are read (one item left unanswered: a warning, not an error).
        let g = try dir.write("visits/answers-2000.yaml", visit(2000))
        let ok = try CLI.run(["validate", "--lang", "en", "--checklists", dir.path + "/checklists", g])
        #expect(ok.code == 0, "\(ok.stderr)")
        #expect(ok.stderr == "\(g):4:1: warning: branch items: 1 applicable item unanswered, excluded from the score like na: K2000\n")
    }

    /// The same limit holds for an employee's own `results`.
    @Test func staffResultsOverTheLimit() throws {
        let dir = try HostileDir()
        var s = head + "staff:\n  - id: E1\n    name: 李娜\n    role: teller\n    results:\n"
        for i in 0..<2001 { s += "      X\(i): pass\n" }
        let f = try dir.write("staff-results.yaml", s)
        let r = try CLI.run(["validate", "--lang", "en"] + fixtures + [f])
        #expect(r.code == 1)
        let lines = r.stderr.split(separator: "\n").map(String.init)
        #expect(lines.contains("\(f):9:7: error: 'results' holds 2001 answers, over the limit of 2000 for one mapping; only the first 2000 are read"))
        // Only the first 2,000 keys are looked at: X2000 (the 2,001st) is never reported.
        #expect(lines.filter { $0.contains("unknown item id") }.count == 2000)
        #expect(!r.stderr.contains("'X2000'"))
    }

    /// `validate --help` states the limits (from YAMLLimits.default, so they cannot drift).
    @Test func helpNamesTheLimits() throws {
        let r = try CLI.run(["validate", "--help"])
        #expect(r.code == 0)
        let text = r.stdout.replacingOccurrences(of: "\n", with: " ")
        for limit in ["8 MiB", "64 levels of nesting", "500000 YAML nodes", "64 KiB per value",
                      "500 employees in 'staff'", "2000 answers in one 'results' mapping"] {
            #expect(text.contains(limit), "help does not name: \(limit)")
        }
    }
}

import Foundation
import Testing

/// `coverage`, `--roster` and the empty-period gate, run as a user would. Until the sample bank
/// has its own roster (samples/roster), the test roster Tests/Fixtures/roster describes it: E1051
/// never inspected, E1006 moved to BR0432 on 2026-08-04, BR0441 closed 09-07 … 09-20 for
/// renovation, BR0524 opened 2026-08-17.
@Suite struct CoverageCLITests {
    static let base = ["samples", "--roster", "Tests/Fixtures/roster", "--policy", "Tests/Fixtures/roster-policy.yaml", "--period", "2026-Q3"]

    @Test(arguments: [("json", "coverage-q3.json"), ("table", "coverage-q3.txt"), ("csv", "coverage-q3.csv"), ("markdown", "coverage-q3.md")])
    func coverageGolden(format: String, golden: String) throws {
        let r = try CLI.run(["coverage"] + Self.base + ["--format", format])
        #expect(r.code == 0, "\(r.stderr)")
        try Golden.check(r.stdoutData, golden)
    }

    @Test func plantedFactsOfTheTestRoster() throws {
        let r = try CLI.run(["coverage"] + Self.base + ["--format", "json"])
        let json = try #require(try JSONSerialization.jsonObject(with: r.stdoutData) as? [String: Any])
        let branches = try #require(json["branches"] as? [[String: Any]])
        func rule(_ id: String, _ name: String) -> [String: Any]? {
            (branches.first { $0["id"] as? String == id }?["rules"] as? [[String: Any]])?.first { $0["name"] as? String == name }
        }
        // The 月查 gaps of the sample quarter: BR0521 in July, BR0442 in September.
        #expect(rule("BR0521", "月查")?["missed"] as? [String] == ["2026-07"])
        #expect(rule("BR0442", "月查")?["missed"] as? [String] == ["2026-09"])
        // BR0441 is waived for W37 and W38 (09-07 … 09-20): not required, so 12 weeks of 14.
        #expect(rule("BR0441", "周查")?["required"] as? Int == 12)
        // BR0524 opened on Mon 08-17 (W34): 7 weeks and 2 months required, nothing met.
        #expect(rule("BR0524", "周查")?["required"] as? Int == 7)
        #expect(rule("BR0524", "月查")?["missed"] as? [String] == ["2026-08", "2026-09"])
        let staff = try #require(json["staff"] as? [String: Any])
        let under = try #require(staff["under_inspected"] as? [[String: Any]])
        #expect(under.map { $0["id"] as? String } == ["E1051", "E1052"])
        #expect(under.first?["observed"] as? Int == 0)
        // E1006 was observed at both branches, each time on the roster.
        #expect((staff["not_on_roster"] as? [Any])?.isEmpty == true)
    }

    @Test func failOnGapExits2AfterWriting() throws {
        let r = try CLI.run(["coverage"] + Self.base + ["--fail-on-gap", "--format", "json"])
        #expect(r.code == 2)
        #expect(r.stdout.contains("\"under_inspected\""))
        #expect(r.stderr.contains("--fail-on-gap"))
    }

    @Test func htmlHasACalendarStripPerRule() throws {
        let r = try CLI.run(["coverage"] + Self.base + ["--format", "html"])
        #expect(r.code == 0)
        #expect(r.stdout.components(separatedBy: "<svg").count - 1 == 2)
        #expect(r.stdout.contains("BR0521 2026-07 未检"))
        #expect(r.stdout.contains("本期从未受检（2 人）"))
        #expect(!r.stdout.contains("http"))
    }

    @Test func coverageNeedsARosterAndAPeriod() throws {
        #expect(try CLI.run(["coverage", "samples", "--period", "2026-Q3"]).code == 64)
        #expect(try CLI.run(["coverage", "samples", "--roster", "Tests/Fixtures/roster"]).code == 64)
    }

    @Test func aBrokenRosterIsNamedAtLineAndColumnAndExits1() throws {
        let r = try CLI.run(["coverage", "samples", "--roster", "Tests/Fixtures/roster-broken/roster-overlap", "--period", "2026-Q3"])
        #expect(r.code == 1)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.contains("Tests/Fixtures/roster-broken/roster-overlap/staff.csv:5:24: error:"))
    }

    @Test func validateChecksVisitsAgainstTheRoster() throws {
        let r = try CLI.run(["validate", "samples", "--roster", "Tests/Fixtures/roster", "--format", "json"])
        #expect(r.code == 0, "\(r.stderr)")
        // The sample visits agree with the test roster: no roster warning.
        #expect(!r.stdout.contains("roster"))
        let broken = try CLI.run(["validate", "samples", "--roster", "Tests/Fixtures/roster-broken/roster-unknown-role", "--lang", "en"])
        #expect(broken.code == 1)
        #expect(broken.stderr.contains("staff.csv:5:7: error: unknown role 'tellr' (did you mean 'teller'?)"))
        let other = try CLI.run(["validate", "samples", "--roster", "Tests/Fixtures/roster-broken/roster-missing-file", "--format", "json"])
        #expect(other.code == 1)
        #expect(other.stdout.contains("roster-missing-file"))
    }

    @Test func rankWithTheRosterListsTheNeverInspected() throws {
        let r = try CLI.run(["rank", "samples", "--roster", "Tests/Fixtures/roster", "--policy", "samples/policy.yaml", "--period", "2026-Q3", "--format", "json"])
        #expect(r.code == 0, "\(r.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: r.stdoutData) as? [String: Any])
        let entries = try #require(json["entries"] as? [[String: Any]])
        let e1051 = try #require(entries.first { $0["id"] as? String == "E1051" })
        #expect(e1051["visits"] as? Int == 0)
        #expect(e1051["eligible"] as? Bool == false)
        #expect(e1051["reason"] as? String == "名册在岗，本期未受检")
        // E1006 is listed at her new branch, from the roster.
        #expect(entries.first { $0["id"] as? String == "E1006" }?["branch"] as? String == "BR0432")
        let memo = try CLI.run(["rank", "samples", "--roster", "Tests/Fixtures/roster", "--policy", "samples/policy.yaml", "--period", "2026-Q3", "--format", "markdown"])
        #expect(memo.stdout.contains("其中本期从未受检 2 人"))
    }

    @Test func reportShowsBranchPassRateAsAShareOfBranches() throws {
        let r = try CLI.run(["report", "samples", "--roster", "Tests/Fixtures/roster", "--policy", "samples/policy.yaml", "--period", "2026-Q3"])
        #expect(r.code == 0, "\(r.stderr)")
        #expect(r.stdout.contains("网点达标率 100.00%（受检网点 11 个中 11 个平均得分达标；名册在营网点未受检 1 个，另计"))
        #expect(r.stdout.contains("检查合格率 98.39%"))
        #expect(r.stdout.contains("未受检网点（名册在营，本期无检查）：BR0524 南太湖新区分理处"))
    }

    /// SPEC §4: a period without visits exits 1 naming the dates the visits cover, in every
    /// command that folds a period, unless --allow-empty.
    @Test(arguments: [["rank"], ["report"], ["score"], ["coverage", "--roster", "Tests/Fixtures/roster"]])
    func emptyPeriodExits1(_ command: [String]) throws {
        let r = try CLI.run(command + ["samples", "--period", "2025-Q3"])
        #expect(r.code == 1)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.contains("2025-Q3（2025-07-01 … 2025-09-30） 内没有检查记录"))
        #expect(r.stderr.contains("2026-07-01 … 2026-09-30"))
        let en = try CLI.run(command + ["samples", "--period", "2025-Q3", "--lang", "en"])
        #expect(en.stderr.contains("cover 2026-07-01 … 2026-09-30"))
        let allowed = try CLI.run(command + ["samples", "--period", "2025-Q3", "--allow-empty"])
        #expect(allowed.code == 0, "\(allowed.stderr)")
        #expect(!allowed.stdout.isEmpty)
    }

    @Test func historyWithTheRosterShowsTheWholePath() throws {
        let r = try CLI.run(["history", "E1006", "samples", "--roster", "Tests/Fixtures/roster", "--format", "json"])
        #expect(r.code == 0, "\(r.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: r.stdoutData) as? [String: Any])
        let path = try #require(json["path"] as? [[String: Any]])
        #expect(path.map { $0["branch"] as? String } == ["BR0422", "BR0432"])
        #expect(path.map { $0["to"] as? String } == ["2026-08-03", nil])
        #expect(path.map { $0["visits"] as? Int } == [2, 4])
        #expect(path.allSatisfy { $0["source"] as? String == "roster" })
        // On the roster but never inspected: a record saying so, not "no such employee".
        let never = try CLI.run(["history", "E1051", "samples", "--roster", "Tests/Fixtures/roster", "--period", "2026-Q3"])
        #expect(never.code == 0, "\(never.stderr)")
        #expect(never.stdout.contains("名册在岗，期间内未受检"))
        #expect(try CLI.run(["history", "E1051", "samples"]).code == 1)
    }
}

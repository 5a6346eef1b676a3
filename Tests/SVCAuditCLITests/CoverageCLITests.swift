import Foundation
import Testing

/// `coverage`, `--roster` and the empty-period gate, run as a user would. Until the sample bank
/// has its own roster (samples/roster), the test roster Tests/Fixtures/roster describes it: E1051
/// never inspected, E1006 moved to BR0432 on 2026-08-04, BR0441 closed 09-07 … 09-20 for
/// renovation, BR0524 opened 2026-08-17.
@Suite struct CoverageCLITests {
    static let base = ["samples/visits", "--roster", "Tests/Fixtures/roster", "--policy", "Tests/Fixtures/roster-policy.yaml", "--period", "2026-Q3"]

    @Test(arguments: [("json", "coverage-q3.json"), ("table", "coverage-q3.txt"), ("csv", "coverage-q3.csv"), ("markdown", "coverage-q3.md")])
    func coverageGolden(format: String, golden: String) throws {
        let r = try CLI.run(["coverage"] + Self.base + ["--format", format])
        #expect(r.code == 0, "\(r.stderr)")
        try Golden.check(r.stdoutData, golden)
    }

    static func json(_ args: [String]) throws -> [String: Any] {
        let r = try CLI.run(args + ["--format", "json"])
        #expect(r.code == 0, "\(r.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: r.stdoutData) as? [String: Any])
    }

    static func rule(_ json: [String: Any], _ id: String, _ name: String) -> [String: Any]? {
        let branches = json["branches"] as? [[String: Any]] ?? []
        return (branches.first { $0["id"] as? String == id }?["rules"] as? [[String: Any]])?.first { $0["name"] as? String == name }
    }

    /// What the test roster alone decides, whatever the sample visits hold.
    @Test func plantedFactsOfTheTestRoster() throws {
        let json = try Self.json(["coverage"] + Self.base)
        // BR0441 is waived for W37 and W38 (09-07 … 09-20): not required, so 12 weeks of 14.
        #expect(Self.rule(json, "BR0441", "周查")?["required"] as? Int == 12)
        #expect(Self.rule(json, "BR0441", "月查")?["required"] as? Int == 3)
        // BR0524 opened on Mon 08-17 (W34): 7 weeks and 2 months required.
        #expect(Self.rule(json, "BR0524", "周查")?["required"] as? Int == 7)
        #expect(Self.rule(json, "BR0524", "月查")?["required"] as? Int == 2)
        let staff = try #require(json["staff"] as? [String: Any])
        let under = try #require(staff["under_inspected"] as? [[String: Any]])
        // E1051 is on the roster and in no sample visit.
        let e1051 = try #require(under.first { $0["id"] as? String == "E1051" })
        #expect(e1051["observed"] as? Int == 0 && e1051["branch"] as? String == "BR0523")
    }

    /// The sample quarter's planted gaps (samples/roster, samples/policy.yaml: 周查 every week,
    /// 月查 every month), exactly: nothing missed but these.
    @Test
    func plantedGapsOfTheSampleQuarter() throws {
        let json = try Self.json(["coverage", "samples/visits", "--roster", "samples/roster", "--policy", "samples/policy.yaml", "--period", "2026-Q3"])
        var missed: [String] = []
        for b in json["branches"] as? [[String: Any]] ?? [] {
            for r in b["rules"] as? [[String: Any]] ?? [] {
                for m in r["missed"] as? [String] ?? [] { missed.append("\(b["id"]!) \(r["name"]!) \(m)") }
            }
        }
        #expect(missed.sorted() == ["BR0432 周查 2026-W31", "BR0442 周查 2026-W33", "BR0442 月查 2026-09",
                                    "BR0512 周查 2026-W39", "BR0521 月查 2026-07"])
        let staff = try #require(json["staff"] as? [String: Any])
        #expect((staff["under_inspected"] as? [[String: Any]])?.map { $0["id"] as? String } == ["E1051"])
        #expect((staff["not_on_roster"] as? [Any])?.isEmpty == true)
        // The renovation waiver leaves BR0523 two weeks fewer; BR0524 opened mid-quarter.
        #expect(Self.rule(json, "BR0523", "周查")?["required"] as? Int == 12)
        #expect(Self.rule(json, "BR0524", "周查")?["required"] as? Int == 7)
        let rank = try Self.json(["rank", "samples/visits", "--roster", "samples/roster", "--policy", "samples/policy.yaml", "--period", "2026-Q3"])
        let e1051 = (rank["entries"] as? [[String: Any]])?.first { $0["id"] as? String == "E1051" }
        #expect(e1051?["visits"] as? Int == 0 && e1051?["eligible"] as? Bool == false)
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
        // The renovation weeks are grey (not required); the never-inspected are listed.
        #expect(r.stdout.contains("BR0441 2026-W37 不要求"))
        #expect(r.stdout.contains("本期从未受检（") && r.stdout.contains("E1051"))
        #expect(!r.stdout.contains("http"))
    }

    @Test func coverageNeedsARosterAndAPeriod() throws {
        #expect(try CLI.run(["coverage", "samples/visits", "--period", "2026-Q3"]).code == 64)
        #expect(try CLI.run(["coverage", "samples/visits", "--roster", "Tests/Fixtures/roster"]).code == 64)
    }

    @Test func aBrokenRosterIsNamedAtLineAndColumnAndExits1() throws {
        let r = try CLI.run(["coverage", "samples/visits", "--roster", "Tests/Fixtures/roster-broken/roster-overlap", "--period", "2026-Q3"])
        #expect(r.code == 1)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.contains("Tests/Fixtures/roster-broken/roster-overlap/staff.csv:5:24: error:"))
    }

    @Test func validateChecksVisitsAgainstTheRoster() throws {
        // The sample visits agree with the sample bank's own roster: no roster warning.
        let own = "samples/roster"
        let r = try CLI.run(["validate", "samples/visits", "--roster", own, "--format", "json"])
        #expect(r.code == 0, "\(r.stderr)")
        #expect(!r.stdout.contains("roster"))
        let broken = try CLI.run(["validate", "samples/visits", "--roster", "Tests/Fixtures/roster-broken/roster-unknown-role", "--lang", "en"])
        #expect(broken.code == 1)
        #expect(broken.stderr.contains("staff.csv:5:7: error: unknown role 'tellr' (did you mean 'teller'?)"))
        let other = try CLI.run(["validate", "samples/visits", "--roster", "Tests/Fixtures/roster-broken/roster-missing-file", "--format", "json"])
        #expect(other.code == 1)
        #expect(other.stdout.contains("roster-missing-file"))
    }

    @Test func rankWithTheRosterListsTheNeverInspected() throws {
        let r = try CLI.run(["rank", "samples/visits", "--roster", "Tests/Fixtures/roster", "--policy", "samples/policy.yaml", "--period", "2026-Q3", "--format", "json"])
        #expect(r.code == 0, "\(r.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: r.stdoutData) as? [String: Any])
        let entries = try #require(json["entries"] as? [[String: Any]])
        let e1051 = try #require(entries.first { $0["id"] as? String == "E1051" })
        #expect(e1051["visits"] as? Int == 0)
        #expect(e1051["eligible"] as? Bool == false)
        #expect(e1051["reason"] as? String == "名册在岗，本期未受检")
        // E1006 is listed at her new branch, from the roster.
        #expect(entries.first { $0["id"] as? String == "E1006" }?["branch"] as? String == "BR0432")
        let memo = try CLI.run(["rank", "samples/visits", "--roster", "Tests/Fixtures/roster", "--policy", "samples/policy.yaml", "--period", "2026-Q3", "--format", "markdown"])
        #expect(memo.stdout.contains("其中本期从未受检 "))
    }

    @Test func reportShowsBranchPassRateAsAShareOfBranches() throws {
        let args = ["report", "samples/visits", "--roster", "Tests/Fixtures/roster", "--policy", "samples/policy.yaml", "--period", "2026-Q3"]
        let json = try Self.json(args)
        let summary = try #require(json["summary"] as? [String: Any])
        let share = try #require(summary["branch_pass"] as? [String: Any])
        let rated = try #require(share["rated"] as? Int), passing = try #require(share["passing"] as? Int)
        let uninspected = try #require(share["uninspected"] as? Int)
        // Every one of the 12 branches active on the roster is either rated or counted apart.
        #expect(rated + uninspected == 12)
        let rate = try #require(summary["branch_pass_rate"] as? Double)
        #expect(abs(rate - (100 * Double(passing) / Double(rated) * 100).rounded() / 100) < 0.006)
        #expect(summary["visit_pass_rate"] is Double && summary["employee_visit_pass_rate"] is Double)
        let text = try CLI.run(args)
        #expect(text.stdout.contains("网点达标率 ") && text.stdout.contains("检查合格率 ") && text.stdout.contains("人次合格率 "))
        #expect(text.stdout.contains("名册在营网点未受检 \(uninspected) 个，另计"))
    }

    /// SPEC §4: a period without visits exits 1 naming the dates the visits cover, in every
    /// command that folds a period, unless --allow-empty.
    @Test(arguments: [["rank"], ["report"], ["score"], ["coverage", "--roster", "Tests/Fixtures/roster"]])
    func emptyPeriodExits1(_ command: [String]) throws {
        let r = try CLI.run(command + ["samples/visits", "--period", "2025-Q3"])
        #expect(r.code == 1)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.contains("2025-Q3（2025-07-01 … 2025-09-30） 内没有检查记录"))
        #expect(r.stderr.contains("2026-07-01 … 2026-09-30"))
        let en = try CLI.run(command + ["samples/visits", "--period", "2025-Q3", "--lang", "en"])
        #expect(en.stderr.contains("cover 2026-07-01 … 2026-09-30"))
        let allowed = try CLI.run(command + ["samples/visits", "--period", "2025-Q3", "--allow-empty"])
        #expect(allowed.code == 0, "\(allowed.stderr)")
        #expect(!allowed.stdout.isEmpty)
    }

    @Test func historyWithTheRosterShowsTheWholePath() throws {
        let r = try CLI.run(["history", "E1006", "samples/visits", "--roster", "Tests/Fixtures/roster", "--format", "json"])
        #expect(r.code == 0, "\(r.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: r.stdoutData) as? [String: Any])
        let path = try #require(json["path"] as? [[String: Any]])
        #expect(path.map { $0["branch"] as? String } == ["BR0422", "BR0432"])
        #expect(path.map { $0["to"] as? String } == ["2026-08-03", nil])
        #expect(path.allSatisfy { ($0["visits"] as? Int ?? 0) > 0 })
        #expect(path.allSatisfy { $0["source"] as? String == "roster" })
        // On the roster but never inspected: a record saying so, not "no such employee".
        let never = try CLI.run(["history", "E1051", "samples/visits", "--roster", "Tests/Fixtures/roster", "--period", "2026-Q3"])
        #expect(never.code == 0, "\(never.stderr)")
        #expect(never.stdout.contains("名册在岗，期间内未受检"))
        #expect(try CLI.run(["history", "E1051", "samples/visits"]).code == 1)
    }
}

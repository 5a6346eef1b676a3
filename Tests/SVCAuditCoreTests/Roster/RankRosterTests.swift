import Testing
@testable import SVCAuditCore

/// Ranking with a roster (SPEC §2.6).
@Suite struct RankRosterTests {
    static let roster = Roster(
        branches: [Roster.BranchRow(branch: Branch(id: "B1", name: "一号网点", parent: "甲支行", region: "甲分行"), from: nil, to: nil, line: 2),
                   Roster.BranchRow(branch: Branch(id: "B2", name: "二号网点", parent: "甲支行", region: "甲分行"), from: nil, to: nil, line: 3)],
        assignments: [
            Roster.Assignment(staff: "E1", name: "张三", role: "teller", branch: "B1", from: nil, to: Day("2026-08-03"), line: 2),
            Roster.Assignment(staff: "E1", name: "张三", role: "lobby_manager", branch: "B2", from: Day("2026-08-04"), to: nil, line: 3),
            Roster.Assignment(staff: "E2", name: "李四", role: "teller", branch: "B1", from: nil, to: nil, line: 4),
            Roster.Assignment(staff: "E3", name: "王五", role: "teller", branch: "B2", from: nil, to: nil, line: 5),
            Roster.Assignment(staff: "E4", name: "赵六", role: "teller", branch: "B1", from: nil, to: Day("2026-06-30"), line: 6),
        ])

    static let visits: [VisitScore] = [
        RankFixtures.visit("2026-07-10", branch: "B1", score: 90, staff: [.init(id: "E1", score: 90, name: "张三"), .init(id: "E2", score: 80)]),
        RankFixtures.visit("2026-08-20", branch: "B2", score: 95, staff: [.init(id: "E1", score: 94, name: "张三"), .init(id: "E9", score: 99)]),
    ]

    static func ranking(_ p: Policy = Policy()) -> Ranking {
        var fold = RankFold(policy: p, period: Period("2026-Q3"))
        visits.forEach { fold.add($0) }
        return fold.ranking(roster: roster)
    }

    @Test func everyActiveEmployeeIsAnEntry() throws {
        let r = Self.ranking()
        // E1, E2 ranked; E3 never inspected; E9 not on the roster; E4 left before the quarter.
        #expect(r.eligible.map(\.id) == ["E1", "E2"])
        #expect(r.ineligible.map(\.id) == ["E3", "E9"])
        let e3 = r.entry("E3")
        #expect(e3.visits == 0 && e3.mean == nil && e3.score == nil && e3.reasons == [.neverInspected])
        #expect(e3.name == "王五" && e3.branch.name == "二号网点" && e3.branch.parent == "甲支行")
        #expect(r.entry("E9").reasons == [.notOnRoster])
        #expect(r.roster == Ranking.RosterCounts(active: 3, neverInspected: 1, notOnRoster: 1))
    }

    @Test func identityComesFromTheRosterOnThePeriodsLastDay() {
        let e1 = Self.ranking().entry("E1")
        // After the transfer on 08-04: B2 and its role, whatever the visits said.
        #expect(e1.branch.id == "B2" && e1.role == "lobby_manager")
        #expect(e1.visits == 2 && e1.mean == 92)
    }

    @Test func roleFilterUsesTheRosterRole() {
        var p = Policy()
        p.roles = ["teller"]
        let r = Self.ranking(p)
        #expect(r.entry("E1").reasons.contains(.role("lobby_manager")))
    }

    @Test func memoSaysHowManyWereNeverInspected() {
        let report = RankReport(ranking: Self.ranking())
        let memo = report.render(.markdown, RenderContext())
        #expect(memo.contains("名册在岗员工 3 人，其中本期从未受检 1 人"))
        #expect(memo.contains("名册在岗，本期未受检"))
        let json = report.json().render()
        #expect(json.contains("\"reason\": \"名册在岗，本期未受检\""))
    }

    @Test func branchRankingWithARoster() {
        var p = Policy()
        p.by = .branch
        var fold = RankFold(policy: p, period: Period("2026-Q3"))
        Self.visits.forEach { fold.add($0) }
        fold.add(RankFixtures.visit("2026-07-11", branch: "B7", score: 88))
        let r = fold.ranking(roster: Self.roster)
        #expect(r.eligible.map(\.id) == ["B2", "B1"])
        #expect(r.entry("B1").name == "一号网点")
        #expect(r.entry("B7").reasons == [.notOnRoster])
    }
}

@Suite struct PeriodGateTests {
    @Test func anEmptyPeriodNamesTheDatesCovered() throws {
        var gate = PeriodGate(period: Period("2025-Q3"))
        for d in ["2026-08-01", "2026-07-01", "2026-09-30"] { gate.see(Day(d)!) }
        let p = try #require(gate.problem())
        #expect(p.first == Day("2026-07-01") && p.last == Day("2026-09-30") && p.visits == 3)
        #expect(p.message(.zh).contains("2026-07-01 … 2026-09-30"))
        #expect(p.message(.en).contains("2025-Q3 (2025-07-01 … 2025-09-30)"))
        #expect(p.message(.en).contains("--allow-empty"))
    }

    @Test func noProblemWithAVisitOrWithoutAPeriod() {
        var gate = PeriodGate(period: Period("2026-Q3"))
        gate.see(Day("2026-09-30")!)
        #expect(gate.problem() == nil)
        #expect(PeriodGate(period: nil).problem() == nil)
        // Nothing read at all: still named as empty.
        #expect(PeriodGate(period: Period("2026-Q3")).problem()?.first == nil)
    }
}

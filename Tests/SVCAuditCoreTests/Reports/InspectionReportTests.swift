import Testing
@testable import SVCAuditCore

@Suite struct InspectionReportTests {
    /// Four Q3 visits:
    /// v1 A 07-05: hall 100; s1 100, s2 D1 fail → 50; desk 75; visit (75+100)/2 = 87.5  达标
    /// v2 A 08-05: hall H1 fail → 50; s1 100; desk 100; visit (100+50)/2 = 75          未达标
    /// v3 B 07-10: hall 100; s3 D2 fail (veto) → 50, s5 100; desk 75; visit 87.5       达标
    /// v4 C 09-01: hall 100; s4 D1 fail → 50; desk 50; visit 75                         未达标
    static let q3: [VisitScore] = [
        Fx.visit("v1", Fx.a, "2026-07-05", staff: [("s1", Fx.desk()), ("s2", Fx.desk(Fx.ans("D1", .fail, note: "单手")))]),
        Fx.visit("v2", Fx.a, "2026-08-05", hall: Fx.hall(Fx.ans("H1", .fail, note: "故障")), staff: [("s1", Fx.desk())]),
        Fx.visit("v3", Fx.b, "2026-07-10", staff: [("s3", Fx.desk(Fx.ans("D2", .fail, note: "投诉"))), ("s5", Fx.desk())]),
        Fx.visit("v4", Fx.c, "2026-09-01", staff: [("s4", Fx.desk(Fx.ans("D1", .fail, note: "单手")))]),
    ]

    /// Q2: w1 A 06-10: hall 100, s1 100 → 100; w2 C 05-20: H2 fail → 50, s4 100 → 75. Q1: one visit (outside).
    static let earlier: [VisitScore] = [
        Fx.visit("w1", Fx.a, "2026-06-10", staff: [("s1", Fx.desk())]),
        Fx.visit("w2", Fx.c, "2026-05-20", hall: Fx.hall(Fx.ans("H2", .fail, note: "脏")), staff: [("s4", Fx.desk())]),
        Fx.visit("w0", Fx.c, "2026-01-15", staff: [("s4", Fx.desk())]),
    ]

    static func report(_ visits: [VisitScore], period: String? = "2026-Q3", targets: Policy.Targets = .init()) -> InspectionReport {
        var policy = Policy()
        policy.targets = targets
        var buckets = PeriodBuckets(period: period.flatMap(Period.init), policy: policy, index: Fx.catalog.scoring)
        for v in visits { buckets.add(VisitSummary(v, catalog: Fx.catalog)) }
        return buckets.report(catalog: Fx.catalog, policy: policy)
    }

    @Test func visitScoresAreWhatTheFixtureSays() {
        #expect(Self.q3.map { $0.score! } == [87.5, 75, 87.5, 75])
    }

    @Test func passRatesAreSharesOfBranchesAndEmployees() throws {
        let r = Self.report(Self.q3, targets: .init(branchPassRate: 100, staffPassRate: 95))
        // 网点达标率 (SPEC §2.6): branch means R — A (87.5 + 75)/2 = 81.25 ✗, B 87.5 ✓, C 75 ✗ → 1 of 3.
        #expect(r.totals.branchShare.rated == 3 && r.totals.branchShare.passing == 1)
        #expect(abs(r.totals.branchPassRate! - 100.0 / 3) < 1e-9)
        // 员工达标率: s1 (100, 100) ✓, s2 50 ✗, s3 50 ✗, s4 50 ✗, s5 100 ✓ → 2 of 5 = 40%.
        #expect(r.totals.staffShare.rated == 5 && r.totals.staffShare.passing == 2)
        #expect(r.totals.staffPassRate == 40)
        // Beside them the visit-level shares: 检查合格率 v1, v3 of 4 = 50%;
        // 人次合格率 v1 s1 ✓ s2 ✗, v2 s1 ✓, v3 s3 ✗ s5 ✓, v4 s4 ✗ → 3 of 6 = 50%.
        #expect(r.totals.visitPassRate == 50)
        #expect(r.totals.employeeVisitPassRate == 50)
        #expect(r.totals.employeeVisits == 6)
        #expect(r.totals.staff == 5)
        // Mean visit score (87.5 + 75 + 87.5 + 75) / 4 = 81.25.
        #expect(r.totals.mean == 81.25)
        // No roster: nothing is counted as 未受检.
        #expect(r.totals.branchShare.uninspected == nil && r.uninspectedBranches == nil)

        let branch = try #require(r.targets.first { $0.kind == .branchPassRate })
        #expect(branch.met == false)
        // The branches that are not 达标, in the branch table's order (B ranks above A), with R.
        #expect(branch.below.map(\.id) == ["A", "C"])
        #expect(branch.below.map(\.rate) == [81.25, 75])
        let staff = try #require(r.targets.first { $0.kind == .staffPassRate })
        #expect(staff.met == false)

        // A staff target of 40 is met by 40%.
        let met = Self.report(Self.q3, targets: .init(staffPassRate: 40))
        #expect(try #require(met.targets.first { $0.kind == .staffPassRate }).met == true)
        // No branch target: no verdict.
        #expect(try #require(met.targets.first { $0.kind == .branchPassRate }).met == nil)
    }

    @Test func methodWeightsDecideWhetherABranchPasses() throws {
        // A: v1 87.5 as mystery ×3, v2 75 onsite ×1 → R = (3 × 87.5 + 75) / 4 = 84.375; pass mark 84 → 达标.
        var v1 = VisitSummary(Self.q3[0], catalog: Fx.catalog)
        let v2 = VisitSummary(Self.q3[1], catalog: Fx.catalog)
        v1.method = .mystery
        var policy = Policy()
        policy.passMark = 84
        policy.methodWeights = [.mystery: 3]
        var buckets = PeriodBuckets(period: Period("2026-Q3"), policy: policy, index: Fx.catalog.scoring)
        for v in [v1, v2] { buckets.add(v) }
        let r = buckets.report(catalog: Fx.catalog, policy: policy)
        let a = try #require(r.branches.first { $0.id == "A" })
        #expect(a.weightedMean == 84.375 && a.passed == true)
        // The unweighted mean (87.5 + 75) / 2 = 81.25 is what the table's 平均得分 shows.
        #expect(a.mean == 81.25)
    }

    @Test func rosterBranchesAndStaffWithoutAVisitAreCountedApart() throws {
        let roster = Roster(
            branches: [Fx.a, Fx.b, Fx.c, Branch(id: "D", name: "丁网点", parent: "Q支行", region: "R")].map {
                Roster.BranchRow(branch: $0, from: nil, to: nil, line: 2)
            },
            assignments: ["s1", "s2", "s3", "s4", "s5", "s6"].map {
                Roster.Assignment(staff: $0, name: $0, role: "teller", branch: "A", from: nil, to: nil, line: 2)
            })
        var buckets = PeriodBuckets(period: Period("2026-Q3"), policy: Policy(), index: Fx.catalog.scoring)
        Self.q3.forEach { buckets.add(VisitSummary($0, catalog: Fx.catalog)) }
        let r = buckets.report(roster: roster, catalog: Fx.catalog, policy: Policy())
        // D and s6 had no visit: 未受检, never passing, not in the share's denominator.
        #expect(r.uninspectedBranches?.map(\.id) == ["D"])
        #expect(r.totals.branchShare.uninspected == 1 && r.totals.branchShare.rated == 3)
        #expect(r.totals.staffShare.uninspected == 1 && r.totals.staffShare.rated == 5)
        #expect(r.render(.table, RenderContext()).contains("未受检网点（名册在营，本期无检查）：D 丁网点"))
        #expect(r.json().render().contains("\"uninspected\": 1"))
    }

    @Test func branchesRankedWithinTheirParent() throws {
        let r = Self.report(Self.q3)
        // P支行: B 87.5 (1st), A (87.5+75)/2 = 81.25 (2nd); Q支行: C 75 alone.
        #expect(r.branches.map(\.id) == ["B", "A", "C"])
        #expect(r.branches.map(\.parentRank) == [1, 2, 1])
        #expect(r.branches.map(\.parentSize) == [2, 2, 1])
        #expect(r.branches.map(\.mean) == [87.5, 81.25, 75])
        let a = try #require(r.branches.first { $0.id == "A" })
        // desk on A: v1 75, v2 100 → 87.5; hall: 100, 50 → 75.
        #expect(a.checklistMean("desk") == 87.5)
        #expect(a.checklistMean("hall") == 75)
        #expect(a.visitPassRate == 50)
        #expect(r.branches.first { $0.id == "B" }?.flaggedVisits == 1)
        #expect(r.parentRankText(r.branches[1], RenderContext()) == "列P支行所属网点第2名（共2个）")
    }

    @Test func checklistAndSectionMeans() throws {
        let r = Self.report(Self.q3)
        let desk = try #require(r.checklists.first { $0.id == "desk" })
        // Visit-level desk: 75, 100, 75, 50 → 75.
        #expect(desk.mean == 75)
        // Section 甲 (D1) per visit: v1 (100+0)/2 = 50, v2 100, v3 100, v4 0 → 62.5.
        // Section 乙 (D2; D3 unanswered): v1 100, v2 100, v3 (0+100)/2 = 50, v4 100 → 87.5.
        #expect(desk.sections.map(\.name) == ["甲", "乙"])
        #expect(desk.sections.map(\.mean) == [62.5, 87.5])
        // hall: 100, 50, 100, 100 → 87.5.
        #expect(r.checklists.first { $0.id == "hall" }?.mean == 87.5)
    }

    @Test func mostFailedItemsByCountThenRate() {
        let r = Self.report(Self.q3)
        // D1: 2 deductions (s2, s4) of 6 answers = 33.33%; H1: 1 of 4 visits = 25%; D2: 1 of 6 = 16.67%.
        #expect(r.mostFailed.map(\.item) == ["D1", "H1", "D2"])
        #expect(r.mostFailed.map(\.deductions) == [2, 1, 1])
        #expect(r.mostFailed.map(\.answered) == [6, 4, 6])
        #expect(r.mostFailed[1].rate == 25)
        #expect(r.failedItemCount == 3)
        // Cut to the top 2.
        var buckets = PeriodBuckets(period: Period("2026-Q3"), policy: Policy(), index: Fx.catalog.scoring)
        Self.q3.forEach { buckets.add(VisitSummary($0, catalog: Fx.catalog)) }
        #expect(buckets.report(catalog: Fx.catalog, policy: Policy(), topItems: 2).mostFailed.map(\.item) == ["D1", "H1"])
    }

    @Test func vetoesAndMonths() {
        let r = Self.report(Self.q3)
        #expect(r.vetoes.count == 1)
        #expect(r.vetoes.first?.staff == "s3")
        #expect(r.vetoes.first?.item == "D2")
        #expect(r.vetoes.first?.note == "投诉")
        // Jul: v1 87.5, v3 87.5 → 87.5, 2/2 达标; Aug: v2 75, 0/1; Sep: v4 75, 0/1.
        #expect(r.months.map(\.month.description) == ["2026-07", "2026-08", "2026-09"])
        #expect(r.months.map(\.mean) == [87.5, 75, 75])
        #expect(r.months.map(\.visitPassRate) == [100, 0, 0])
        // Histogram: 75 and 75 in 75–80; 87.5 and 87.5 in 85–90.
        #expect(r.histogram.map(\.from) == [75, 80, 85, 90, 95])
        #expect(r.histogram.map(\.count) == [2, 0, 2, 0, 0])
    }

    @Test func changeAgainstThePreviousQuarter() throws {
        // Paths in any order: the buckets sort by date, not by arrival.
        let r = Self.report(Self.earlier + Self.q3)
        let c = try #require(r.comparison)
        #expect(c.period.label == "2026-Q2")
        #expect(r.outsideVisits == 1)   // w0 is in Q1
        #expect(r.totals.visits == 4)
        // Previous: w1 100, w2 (100+50)/2 = 75 → mean 87.5; branches A 100 ✓, C 75 ✗ → 50%; staff s1, s4 both 100 → 100%.
        #expect(c.previous.visits == 2)
        #expect(c.previous.mean == 87.5)
        #expect(c.previous.branchPassRate == 50)
        #expect(c.previous.staffPassRate == 100)
        // Change: mean 81.25 − 87.5 = −6.25; A 81.25 − 100 = −18.75; C 75 − 75 = 0; B had no Q2 visit.
        #expect(r.totals.mean! - c.previous.mean! == -6.25)
        #expect(r.branches.first { $0.id == "A" }?.change == -18.75)
        #expect(r.branches.first { $0.id == "C" }?.change == 0)
        #expect(r.branches.first { $0.id == "B" }?.change == nil)
        // desk Q2: 100, 100 → 100 → change 75 − 100 = −25; hall Q2: 100, 50 → 75 → 87.5 − 75 = +12.5.
        #expect(r.checklists.first { $0.id == "desk" }?.change == -25)
        #expect(r.checklists.first { $0.id == "hall" }?.change == 12.5)
        let json = r.json().render()
        #expect(json.contains("\"mean\": -6.25"))
    }

    @Test func noPeriodMeansAllVisitsAndNoComparison() {
        let r = Self.report(Self.earlier + Self.q3, period: nil)
        #expect(r.totals.visits == 7)
        #expect(r.comparison == nil)
        #expect(r.period == nil)
        // The months the visits span: January to September.
        #expect(r.months.count == 9)
        #expect(r.months.first?.month.description == "2026-01")
    }

    @Test func previousPeriodWithoutVisitsGivesNoComparison() {
        let r = Self.report(Self.q3)
        #expect(r.comparison == nil)
        #expect(r.render(.table, RenderContext()).contains("上期（2026年第二季度）无检查记录，不作比较"))
    }

    @Test func everyFormatRenders() {
        let r = Self.report(Self.earlier + Self.q3, targets: .init(branchPassRate: 100, staffPassRate: 95))
        for f in OutputFormat.allCases {
            for lang in Language.allCases {
                #expect(!r.render(f, RenderContext(lang: lang)).isEmpty)
            }
        }
        let html = r.render(.html, RenderContext())
        #expect(html.components(separatedBy: "<svg").count - 1 >= 4)
        #expect(!html.contains("<script") && !html.contains("http"))
    }
}

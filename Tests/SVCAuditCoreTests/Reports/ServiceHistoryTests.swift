import Testing
@testable import SVCAuditCore

@Suite struct ServiceHistoryTests {
    /// Employee e9, desk only (D1 10 + D2 10 + D3 scale 10 = 30 points):
    /// h1 A 07-05 onsite:  all full                  → 30/30 = 100
    /// h2 B 08-10 mystery: D3 7                      → 27/30 = 90
    /// h3 B 08-20 onsite:  D1 fail (单手接收)         → 20/30 = 66.67
    /// h4 B 10-03 onsite:  D3 9                      → 29/30 = 96.67
    /// Another employee on h2 must not leak into e9's record.
    static let visits: [VisitScore] = [
        Fx.visit("h3", Fx.b, "2026-08-20", checklists: ["desk"],
                 staff: [("e9", Fx.desk(Fx.ans("D1", .fail, note: "单手接收"), Fx.ans("D3", .value(10))))]),
        Fx.visit("h1", Fx.a, "2026-07-05", checklists: ["desk"], staff: [("e9", Fx.desk(Fx.ans("D3", .value(10))))]),
        Fx.visit("h4", Fx.b, "2026-10-03", checklists: ["desk"], staff: [("e9", Fx.desk(Fx.ans("D3", .value(9), note: "略显疲惫")))]),
        Fx.visit("h2", Fx.b, "2026-08-10", method: .mystery, checklists: ["desk"],
                 staff: [("e9", Fx.desk(Fx.ans("D3", .value(7), note: "不够主动"))), ("e10", Fx.desk(Fx.ans("D1", .fail)))]),
    ]

    static var policy: Policy {
        var p = Policy()
        p.methodWeights = [.mystery: 2]
        p.stars = [5: 95, 4: 90, 3: 85]
        return p
    }

    static func history(_ id: String = "e9", period: Period? = nil, policy: Policy = Self.policy) -> (ServiceHistoryCollector, ServiceHistory) {
        var c = ServiceHistoryCollector(id: id, subject: .staff, period: period)
        visits.forEach { c.add($0) }
        return (c, ServiceHistory(c, policy: policy, catalog: Fx.catalog))
    }

    @Test func visitsInDateOrderAcrossBranches() {
        let (_, h) = Self.history()
        #expect(h.entries.map(\.visit) == ["h1", "h2", "h3", "h4"])
        #expect(h.branches == ["A", "B"])
        #expect(h.branch?.id == "B")
        let scores = h.entries.map { Num.round2($0.score!) }
        #expect(scores == [100, 90, 66.67, 96.67])
        // One deduction per h2, h3, h4 (the scale items below 10 and the failed D1).
        #expect(h.entries.map(\.deductions.count) == [0, 1, 1, 1])
        #expect(h.entries[2].deductions.first?.item == "D1")
        #expect(h.entries[2].deductions.first?.note == "单手接收")
        #expect(h.entries[1].deductions.first?.earned == 7)
    }

    @Test func monthlyAndQuarterlyMeansWithStars() {
        let (_, h) = Self.history()
        // Jul: 100 → 5★. Aug: (2×90 + 66.67) / 3 = 82.22 → below 85, no star. Oct: 96.67 → 5★.
        #expect(h.months.map(\.key) == ["2026-07", "2026-08", "2026-10"])
        #expect(h.months.map { Num.round2($0.mean!) } == [100, 82.22, 96.67])
        #expect(h.months.map(\.stars) == [5, nil, 5])
        // Q3: (100 + 2×90 + 66.67) / 4 = 86.67 → 3★; Q4: 96.67 → 5★.
        #expect(h.quarters.map(\.key) == ["2026-Q3", "2026-Q4"])
        #expect(h.quarters.map { Num.round2($0.mean!) } == [86.67, 96.67])
        #expect(h.quarters.map(\.stars) == [3, 5])
        #expect(h.quarters[0].min.map(Num.round2) == 66.67)
        // Pass rate against 85: 100, 90, 96.67 pass; 66.67 fails → 3/4 = 75%.
        #expect(h.passRate == 75)
    }

    @Test func periodFilter() {
        let (c, h) = Self.history(period: Period("2026-Q3"))
        #expect(c.seen)
        #expect(h.entries.map(\.visit) == ["h1", "h2", "h3"])
        #expect(h.quarters.count == 1)
        // Known but not in the period: an empty record, not an unknown id.
        let (c2, h2) = Self.history(period: Period("2026-Q1"))
        #expect(c2.seen && h2.entries.isEmpty)
    }

    @Test func vetoDisqualifiesStarsOfThatPeriod() {
        // e10's only visit breaches nothing (D1 is not a veto item), so give e9 a D2 failure instead.
        var c = ServiceHistoryCollector(id: "e9", subject: .staff, period: nil)
        c.add(Fx.visit("x1", Fx.a, "2026-07-01", checklists: ["desk"], staff: [("e9", Fx.desk(Fx.ans("D2", .fail, note: "投诉")))]))
        c.add(Fx.visit("x2", Fx.a, "2026-07-20", checklists: ["desk"], staff: [("e9", Fx.desk())]))
        var p = Self.policy
        p.stars = [1: 0]
        let h = ServiceHistory(c, policy: p, catalog: Fx.catalog)
        #expect(h.months.first?.veto == ["D2"])
        #expect(h.months.first?.disqualified == true)
        #expect(h.months.first?.stars == nil)
        // veto: zero counts the flagged visit as 0: (0 + 100) / 2 = 50.
        p.veto = .zero
        #expect(ServiceHistory(c, policy: p, catalog: Fx.catalog).months.first?.mean == 50)
    }

    @Test func unknownIdSuggestsTheClosest() {
        let (c, _) = Self.history("e8")
        #expect(!c.seen)
        #expect(c.suggestions() == ["e9"])
        let (byName, _) = Self.history("员工e10")
        #expect(byName.suggestions().first == "e10")
    }

    @Test func branchRecord() {
        var c = ServiceHistoryCollector(id: "B", subject: .branch, period: nil)
        Self.visits.forEach { c.add($0) }
        let h = ServiceHistory(c, policy: Self.policy, catalog: Fx.catalog)
        #expect(h.entries.map(\.visit) == ["h2", "h3", "h4"])
        // h2 holds e9's D3 and e10's D1 deductions.
        #expect(h.entries[0].deductions.map { $0.staff ?? "" } == ["e9", "e10"])
        for f in OutputFormat.allCases { #expect(!h.render(f, RenderContext(lang: .en)).isEmpty) }
    }
}

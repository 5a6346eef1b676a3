import Testing
@testable import SVCAuditCore

/// `coverage` arithmetic (SPEC §2.8) on a July with every kind of branch, counted by hand.
///
/// Branches: A open all month; B opened 07-15; C closed after 07-10; D waived 07-06 … 07-19
/// (装修, two ISO weeks W28 and W29); E closed in June (not active, not listed).
/// Weeks of July 2026: W27 (07-01 … 05), W28 (06 … 12), W29 (13 … 19), W30 (20 … 26), W31 (27 … 31).
@Suite struct CoverageTests {
    static let july = Period("2026-07")!

    static func branch(_ id: String, from: String? = nil, to: String? = nil) -> Roster.BranchRow {
        Roster.BranchRow(branch: Branch(id: id, name: "\(id)网点", parent: "P", region: "R"),
                         from: from.flatMap(Day.init), to: to.flatMap(Day.init), line: 2)
    }

    static func assign(_ id: String, _ branch: String, from: String? = nil, to: String? = nil) -> Roster.Assignment {
        Roster.Assignment(staff: id, name: "员工\(id)", role: "teller", branch: branch,
                          from: from.flatMap(Day.init), to: to.flatMap(Day.init), line: 2)
    }

    static let roster = Roster(
        branches: [branch("A"), branch("B", from: "2026-07-15"), branch("C", to: "2026-07-10"), branch("D"),
                   branch("E", to: "2026-06-30")],
        assignments: [assign("s1", "A"), assign("s2", "A"),
                      assign("s3", "A", to: "2026-07-14"), assign("s3", "B", from: "2026-07-15"),
                      assign("s4", "C", to: "2026-07-10"), assign("s5", "A", from: "2026-08-01")],
        waivers: [Roster.Waiver(branch: "D", from: Day("2026-07-06")!, to: Day("2026-07-19")!, reason: "装修", line: 2)])

    static var policy: Policy {
        var p = Policy()
        p.cadence = [
            CadenceRule(name: "周查", methods: [.onsite, .video], every: .week),
            CadenceRule(name: "月查", methods: [.mystery], every: .month, atLeast: 2),
            CadenceRule(name: "日查", methods: [.self], every: .day, weekdays: [1, 2, 3, 4, 5]),
        ]
        p.staffCoverage = 2
        return p
    }

    static func v(_ branch: String, _ date: String, _ method: Visit.Method, staff: [String] = []) -> VisitSummary {
        let score = RankFixtures.visit(date, branch: branch, method: method, file: "v/\(branch)-\(date)-\(method).yaml",
                                       score: 90, staff: staff.map { RankFixtures.Person(id: $0, score: 90) })
        return VisitSummary(score, catalog: ChecklistCatalog([]))
    }

    static let visits: [VisitSummary] = [
        v("A", "2026-07-02", .onsite, staff: ["s1", "s3"]), v("A", "2026-07-08", .video, staff: ["s2"]),
        v("A", "2026-07-14", .self), v("A", "2026-07-21", .onsite, staff: ["s1", "s5"]),
        v("A", "2026-07-22", .mystery), v("A", "2026-07-29", .mystery),
        v("B", "2026-07-16", .onsite, staff: ["s3"]), v("B", "2026-07-20", .mystery),
        v("C", "2026-07-03", .onsite), v("C", "2026-07-20", .onsite),
        v("D", "2026-07-01", .video), v("D", "2026-07-10", .onsite), v("D", "2026-07-28", .onsite, staff: ["s6"]),
        v("X", "2026-07-05", .onsite),
        v("A", "2026-08-03", .onsite),   // outside the period
    ]

    static func coverage() -> Coverage {
        var fold = CoverageFold(roster: roster, policy: policy, period: july)
        visits.forEach { fold.add($0) }
        return fold.coverage()
    }

    func rule(_ c: Coverage, _ branch: String, _ name: String) throws -> Coverage.BranchRule {
        try #require(c.branches.first { $0.branch.id == branch }?.rules.first { $0.name == name })
    }

    @Test func activeBranchesOnly() {
        let c = Self.coverage()
        // E closed before July; X is not on the roster (listed apart).
        #expect(c.branches.map(\.branch.id) == ["A", "B", "C", "D"])
        #expect(c.unknownBranches.map(\.branch.id) == ["X"])
        #expect(c.visitsInPeriod == 14)
        #expect(c.branches.map(\.visits) == [6, 2, 2, 3])
    }

    @Test func weeklyRule() throws {
        let c = Self.coverage()
        // A: onsite W27, video W28, self W29 (not a 周查 method), onsite W30; nothing in W31 → 3 of 5.
        let a = try rule(c, "A", "周查")
        #expect(a.tally.required == 5 && a.tally.met == 3 && a.missed == ["2026-W29", "2026-W31"])
        #expect(a.tally.rate == 60)
        // B opened Wed 07-15: W27, W28 not required; W29 met (07-16); W30 (a mystery visit only), W31 missed.
        let b = try rule(c, "B", "周查")
        #expect(b.tally.required == 3 && b.tally.met == 1 && b.missed == ["2026-W30", "2026-W31"])
        #expect(b.slots.prefix(2).map(\.status) == [.exempt, .exempt])
        // C closed after Fri 07-10: W27 met, W28 missed; its visit of 07-20 falls in a week not required.
        let cc = try rule(c, "C", "周查")
        #expect(cc.tally.required == 2 && cc.tally.met == 1 && cc.missed == ["2026-W28"])
        #expect(cc.slots[3].status == .exempt && cc.slots[3].visits == 1)
        // D waived for W28 and W29 (the visit of 07-10 falls in the waiver): W27 and W31 met, W30 missed.
        let d = try rule(c, "D", "周查")
        #expect(d.tally.required == 3 && d.tally.met == 2 && d.missed == ["2026-W30"])
        #expect(d.slots.map(\.status) == [.met, .exempt, .exempt, .missed, .met])
        // Overall: (3 + 1 + 1 + 2) of (5 + 3 + 2 + 3).
        #expect(c.ruleTotals[0] == Coverage.Tally(required: 13, met: 7))
    }

    @Test func monthlyRuleNeedsAtLeastTwo() throws {
        let c = Self.coverage()
        // Two mystery visits at A (07-22, 07-29); one at B; none at C or D.
        #expect(try rule(c, "A", "月查").tally == Coverage.Tally(required: 1, met: 1))
        #expect(try rule(c, "B", "月查").missed == ["2026-07"])
        #expect(try rule(c, "C", "月查").missed == ["2026-07"])
        #expect(c.ruleTotals[1] == Coverage.Tally(required: 4, met: 1))
        #expect(c.ruleTotals[1].rate == 25)
    }

    @Test func dailyRuleOnWeekdays() throws {
        let c = Self.coverage()
        // July has 23 weekdays. A: all required, the self-check of Tue 07-14 meets one.
        #expect(try rule(c, "A", "日查").tally == Coverage.Tally(required: 23, met: 1))
        // B from Wed 07-15: 15, 16, 17, 20–24, 27–31 = 13. C to Fri 07-10: 1–3, 6–10 = 8.
        #expect(try rule(c, "B", "日查").tally.required == 13)
        #expect(try rule(c, "C", "日查").tally.required == 8)
        // D: 23 less the waived weekdays 6–10 and 13–17 = 13; Saturdays and Sundays are no slot at all.
        let d = try rule(c, "D", "日查")
        #expect(d.tally.required == 13 && d.slots.count == 23)
        #expect(c.ruleTotals[2] == Coverage.Tally(required: 57, met: 1))
        #expect(c.overall == Coverage.Tally(required: 74, met: 9))
        #expect(c.hasGap && c.missedSlots == 65)
    }

    @Test func staffCoverageFollowsTransfers() throws {
        let c = Self.coverage()
        // Active in July: s1, s2, s3 (A then B), s4 (C until 07-10); s5 only from August.
        #expect(c.staffActive == 4)
        // s1 twice at A; s3 once at A and once at B after the transfer: both inspected.
        // s2 once (fewer than 2), s4 never — listed with the branch of the roster.
        #expect(c.underInspected.map(\.id) == ["s2", "s4"])
        #expect(c.underInspected.map(\.observed) == [1, 0])
        #expect(c.underInspected[1].branch.id == "C")
        #expect(c.staffInspected == 2)
        // s5 observed on 07-21 before its first day; s6 is on no roster row at all.
        #expect(c.notOnRoster.map(\.id) == ["s5", "s6"])
        #expect(c.notOnRoster.map(\.branch.id) == ["A", "D"])
    }

    @Test func jsonShape() {
        let json = CoverageReport(Self.coverage()).json().render()
        #expect(json.contains("\"missed\": [\n"))
        #expect(json.contains("\"under_inspected\""))
        #expect(json.contains("\"not_on_roster\""))
        #expect(json.contains("\"branches_not_on_roster\""))
        #expect(json.contains("\"rate\": 53.85"))   // 7 / 13
    }

    @Test func noRequiredSlotGivesANullRate() {
        var p = Self.policy
        p.cadence = [CadenceRule(name: "季查", methods: [.external], every: .quarter)]
        var fold = CoverageFold(roster: Self.roster, policy: p, period: Period(from: Day("2026-06-01")!, to: Day("2026-06-30")!))
        Self.visits.forEach { fold.add($0) }
        let c = fold.coverage()
        // In June only A, C, D (B opens in July) and E are open: Q2 is required of each, none met.
        #expect(c.branches.map(\.branch.id) == ["A", "C", "D", "E"])
        #expect(c.ruleTotals[0] == Coverage.Tally(required: 4, met: 0))
        #expect(Coverage.Tally().rate == nil)
    }

    @Test func everyFormatRenders() {
        let r = CoverageReport(Self.coverage())
        for f in OutputFormat.allCases {
            for lang in Language.allCases { #expect(!r.render(f, RenderContext(lang: lang)).isEmpty) }
        }
        let html = r.render(.html, RenderContext())
        #expect(html.contains("<svg") && html.contains("2026-W29 未检"))
        let csv = r.render(.csv, RenderContext())
        #expect(csv.contains("A,A网点,P,R,6,周查,5,3,60.00%,2026-W29 2026-W31"))
    }
}

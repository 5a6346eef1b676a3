import Testing
@testable import SVCAuditCore

/// Each rule of SPEC §2.7, computed by hand on a few visits of the Fx catalog
/// (desk: D1, D2, D3 staff items; hall: H1, H2 branch items).
@Suite struct RectificationRulesTests {
    static func run(_ visits: [VisitScore], asOf: String, rules: Policy.Rectify = Policy.Rectify(),
                    responses: [RectificationResponse] = []) -> (RectificationTracker, [RectificationTracker.Finding], [RectificationResponse]) {
        var t = RectificationTracker(catalog: Fx.catalog, asOf: Day(asOf)!, rules: rules)
        for v in visits { t.add(v) }
        let (fs, unmatched) = t.resolved(responses: responses)
        return (t, fs, unmatched)
    }

    static func find(_ fs: [RectificationTracker.Finding], _ staff: String?, _ item: String, _ date: String) -> RectificationTracker.Finding {
        fs.first { $0.staff == staff && $0.item == item && $0.date == Day(date)! }!
    }

    @Test func dueFromFixByElseDefaultDaysElseNone() {
        // H1 with fix_by 07-10; H2 without. default_days 15: H2 due 07-01 + 15 = 07-16.
        let v = [Fx.visit("v1", Fx.a, "2026-07-01",
                          hall: Fx.hall(Fx.ans("H1", .fail, note: "x", fixBy: "2026-07-10"), Fx.ans("H2", .fail, note: "y")),
                          staff: [])]
        let (_, with, _) = Self.run(v, asOf: "2026-07-20", rules: .init(defaultDays: 15))
        #expect(Self.find(with, nil, "H1", "2026-07-01").due == Day("2026-07-10"))
        #expect(Self.find(with, nil, "H2", "2026-07-01").due == Day("2026-07-16"))
        // 07-20 − 07-16 = 4 days overdue.
        #expect(Self.find(with, nil, "H2", "2026-07-01").status == .overdue)
        #expect(Self.find(with, nil, "H2", "2026-07-01").overdueDays == 4)
        // Without default_days H2 has no due date and stays open for ever.
        let (_, without, _) = Self.run(v, asOf: "2026-12-31")
        #expect(Self.find(without, nil, "H2", "2026-07-01").due == nil)
        #expect(Self.find(without, nil, "H2", "2026-07-01").status == .open)
        // Due on the as-of day is not overdue yet (due < as-of).
        let (_, onDay, _) = Self.run(v, asOf: "2026-07-16", rules: .init(defaultDays: 15))
        #expect(Self.find(onDay, nil, "H2", "2026-07-01").status == .open)
    }

    @Test func aSelfCheckDoesNotCloseAFinding() {
        // H1 fails on an on-site visit 07-01; the branch's self-check 07-05 passes H1; an on-site
        // visit 07-20 passes it again. closing_methods without self: closed on 07-20, not 07-05.
        let vs = [
            Fx.visit("v1", Fx.a, "2026-07-01", hall: Fx.hall(Fx.ans("H1", .fail, note: "x", fixBy: "2026-07-10")), staff: []),
            Fx.visit("v2", Fx.a, "2026-07-05", method: .`self`, staff: []),
            Fx.visit("v3", Fx.a, "2026-07-20", staff: []),
        ]
        let rules = Policy.Rectify(closingMethods: [.onsite, .video, .mystery, .external])
        let (_, fs, _) = Self.run(vs, asOf: "2026-08-01", rules: rules)
        let h1 = Self.find(fs, nil, "H1", "2026-07-01")
        #expect(h1.status == .closed && h1.closedOn == Day("2026-07-20") && h1.closedBy == "v3")
        // 07-20 > due 07-10: closed late.
        #expect(h1.closedLate)
        // As of 07-15 only the self-check had happened: still not closed, and overdue 5 days.
        let (_, early, _) = Self.run(vs, asOf: "2026-07-15", rules: rules)
        #expect(Self.find(early, nil, "H1", "2026-07-01").status == .overdue)
        #expect(Self.find(early, nil, "H1", "2026-07-01").overdueDays == 5)
        // With the default (every method closes) the self-check closes it on 07-05, in time.
        let (_, any, _) = Self.run(vs, asOf: "2026-08-01")
        let h1any = Self.find(any, nil, "H1", "2026-07-01")
        #expect(h1any.closedOn == Day("2026-07-05") && !h1any.closedLate)
        // The method of the finding's own visit is kept.
        #expect(h1.method == .onsite)
    }

    @Test func aStaffFindingIsClosedAtTheEmployeesNewBranch() {
        // s1 fails D1 at A on 07-01 (fix by 07-15), transfers to B, passes D1 there on 07-10.
        // Another employee passing D1 at A on 07-05 closes nothing of s1's.
        let vs = [
            Fx.visit("a1", Fx.a, "2026-07-01", staff: [("s1", Fx.desk(Fx.ans("D1", .fail, note: "单手", fixBy: "2026-07-15")))]),
            Fx.visit("a2", Fx.a, "2026-07-05", staff: [("s2", Fx.desk())]),
            Fx.visit("b1", Fx.b, "2026-07-10", staff: [("s1", Fx.desk())]),
        ]
        let (_, fs, _) = Self.run(vs, asOf: "2026-08-01")
        let d1 = Self.find(fs, "s1", "D1", "2026-07-01")
        #expect(d1.branch == "A")                  // listed where it was found
        #expect(d1.status == .closed && d1.closedOn == Day("2026-07-10") && d1.closedAt == "B" && d1.closedBy == "b1")
        #expect(!d1.closedLate)                    // 07-10 ≤ 07-15
        // A branch item does not follow anyone: H1 failing at A is not closed by B's clean H1.
        let vs2 = [
            Fx.visit("a1", Fx.a, "2026-07-01", hall: Fx.hall(Fx.ans("H1", .fail, note: "x")), staff: []),
            Fx.visit("b1", Fx.b, "2026-07-10", staff: []),
        ]
        let (_, fs2, _) = Self.run(vs2, asOf: "2026-08-01")
        #expect(Self.find(fs2, nil, "H1", "2026-07-01").status == .open)
    }

    @Test func repeatWithinRepeatDaysOfTheSameSubject() {
        // s1 fails D1 on 07-01, 09-29 (90 days later) and 12-29 (91 days after 09-29).
        // s2 fails D1 on 07-02: another subject, no repeat of s1's.
        let vs = [
            Fx.visit("v1", Fx.a, "2026-07-01", staff: [("s1", Fx.desk(Fx.ans("D1", .fail, note: "x")))]),
            Fx.visit("v2", Fx.a, "2026-07-02", staff: [("s2", Fx.desk(Fx.ans("D1", .fail, note: "x")))]),
            Fx.visit("v3", Fx.b, "2026-09-29", staff: [("s1", Fx.desk(Fx.ans("D1", .fail, note: "x")))]),
            Fx.visit("v4", Fx.a, "2026-12-29", staff: [("s1", Fx.desk(Fx.ans("D1", .fail, note: "x")))]),
        ]
        let (_, fs, _) = Self.run(vs, asOf: "2027-01-31")
        #expect(!Self.find(fs, "s1", "D1", "2026-07-01").repeat)   // the first
        #expect(!Self.find(fs, "s2", "D1", "2026-07-02").repeat)   // s2's first
        #expect(Self.find(fs, "s1", "D1", "2026-09-29").repeat)    // 90 days ≤ 90, at another branch
        #expect(!Self.find(fs, "s1", "D1", "2026-12-29").repeat)   // 91 days after the last one
        let (_, short, _) = Self.run(vs, asOf: "2027-01-31", rules: .init(repeatDays: 30))
        #expect(!Self.find(short, "s1", "D1", "2026-09-29").repeat)
    }

    @Test func responsesMakeOpenAndOverdueFindingsReported() {
        // H1 due 07-10, H2 due 07-31 (fix_by), found 07-01 at A; nothing closes them.
        let vs = [Fx.visit("v1", Fx.a, "2026-07-01",
                           hall: Fx.hall(Fx.ans("H1", .fail, note: "x", fixBy: "2026-07-10"),
                                         Fx.ans("H2", .fail, note: "y", fixBy: "2026-07-31")), staff: [])]
        let r1 = RectificationResponse(branch: "A", staff: nil, item: "H1", date: Day("2026-07-01")!,
                                       measure: "更换叫号机", owner: "张三", done: Day("2026-07-12")!)
        let r2 = RectificationResponse(branch: "A", staff: nil, item: "H2", date: Day("2026-07-01")!,
                                       measure: "加强保洁", owner: "李四", done: Day("2026-08-05")!)
        let (_, fs, unmatched) = Self.run(vs, asOf: "2026-08-01", responses: [r1, r2])
        #expect(unmatched.isEmpty)
        // H1 was overdue; done 07-12 ≤ 08-01 → reported.
        #expect(Self.find(fs, nil, "H1", "2026-07-01").status == .reported)
        #expect(Self.find(fs, nil, "H1", "2026-07-01").response?.owner == "张三")
        // H2: done 08-05 is after the as-of day → not yet reported; due 07-31 < 08-01 → overdue.
        #expect(Self.find(fs, nil, "H2", "2026-07-01").status == .overdue)
        // A later clean visit still closes a reported finding.
        let (_, later, _) = Self.run(vs + [Fx.visit("v2", Fx.a, "2026-08-10", staff: [])], asOf: "2026-08-15", responses: [r1])
        #expect(Self.find(later, nil, "H1", "2026-07-01").status == .closed)
        // A response naming no finding comes back unmatched.
        let stray = RectificationResponse(branch: "A", staff: "s9", item: "D1", date: Day("2026-07-01")!)
        let (_, _, bad) = Self.run(vs, asOf: "2026-08-01", responses: [stray])
        #expect(bad == [stray])
    }
}

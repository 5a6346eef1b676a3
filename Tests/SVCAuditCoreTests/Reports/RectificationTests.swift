import Testing
@testable import SVCAuditCore

@Suite struct RectificationTests {
    /// r1 A 07-01: H1 fail (fix by 07-10); s1 D1 fail (fix by 07-15); s2 D2 fail (no fix-by).
    /// r4 A 07-01 (same day, another inspector): H1 pass — not *later*, so it closes nothing.
    /// r2 A 07-20: H1 pass → closes r1's H1; H2 fail (no fix-by); s2 D1 pass, D2 pass → closes s2's D2
    ///             but not s1's D1 (another employee).
    /// r3 B 07-25: s1 (now at B) D1 pass — the finding follows the employee, so this closes s1's D1
    ///             found at A (SPEC §2.7); s1 D2 fail (fix by 08-10).
    static let visits: [VisitScore] = [
        Fx.visit("r2", Fx.a, "2026-07-20", hall: Fx.hall(Fx.ans("H2", .fail, note: "地面有水渍")),
                 staff: [("s2", Fx.desk())]),
        Fx.visit("r1", Fx.a, "2026-07-01", hall: Fx.hall(Fx.ans("H1", .fail, note: "叫号机故障", fixBy: "2026-07-10")),
                 staff: [("s1", Fx.desk(Fx.ans("D1", .fail, note: "单手接收凭证", fixBy: "2026-07-15"))),
                         ("s2", Fx.desk(Fx.ans("D2", .fail, note: "客户投诉")))]),
        Fx.visit("r4", Fx.a, "2026-07-01", staff: []),
        Fx.visit("r3", Fx.b, "2026-07-25", checklists: ["desk"],
                 staff: [("s1", Fx.desk(Fx.ans("D2", .fail, note: "未提示风险", fixBy: "2026-08-10")))]),
    ]

    static func resolved(asOf: String) -> (RectificationTracker, [RectificationTracker.Finding]) {
        var t = RectificationTracker(catalog: Fx.catalog, asOf: Day(asOf)!)
        for v in visits { t.add(v) }
        return (t, t.resolved().findings)
    }

    static func find(_ fs: [RectificationTracker.Finding], _ staff: String?, _ item: String) -> RectificationTracker.Finding? {
        fs.first { $0.staff == staff && $0.item == item }
    }

    @Test func statusAsOfAugustFirst() throws {
        let (_, fs) = Self.resolved(asOf: "2026-08-01")
        #expect(fs.count == 5)
        // Closed by the later visit of the same branch, on 07-20 (not by r4 on the same day).
        let h1 = try #require(Self.find(fs, nil, "H1"))
        #expect(h1.status == .closed)
        #expect(h1.closedOn == Day("2026-07-20"))
        #expect(h1.closedBy == "r2")
        // s2's own later clean D2 closes it.
        #expect(Self.find(fs, "s2", "D2")?.status == .closed)
        // s1's D1 at A: s2's clean D1 at A is another employee and does not count; s1's own clean
        // D1 at B on 07-25 does — closed there, after its fix-by 07-15: closed late.
        let d1 = try #require(Self.find(fs, "s1", "D1"))
        #expect(d1.status == .closed && d1.closedOn == Day("2026-07-25") && d1.closedAt == "B" && d1.branch == "A")
        #expect(d1.closedLate)
        // H2 has no fix-by: open, never overdue. s1's D2 at B is due 08-10, after the as-of day: open.
        #expect(Self.find(fs, nil, "H2")?.status == .open)
        #expect(Self.find(fs, "s1", "D2")?.status == .open)
        // Grouped by branch, then date.
        #expect(fs.map(\.branch) == ["A", "A", "A", "A", "B"])
        #expect(fs.map(\.date.description) == ["2026-07-01", "2026-07-01", "2026-07-01", "2026-07-20", "2026-07-25"])
    }

    @Test func asOfLeavesLaterVisitsOut() throws {
        // As of 07-15 only r1 and r4 happened: nothing closed yet; H1 due 07-10 is overdue 5 days,
        // s1's D1 due 07-15 is not before 07-15, so still open.
        let (t, fs) = Self.resolved(asOf: "2026-07-15")
        #expect(t.afterAsOf == 2)
        #expect(fs.count == 3)
        #expect(Self.find(fs, nil, "H1")?.status == .overdue)
        #expect(Self.find(fs, nil, "H1")?.overdueDays == 5)
        #expect(Self.find(fs, "s1", "D1")?.status == .open)
        #expect(Self.find(fs, "s2", "D2")?.status == .open)
    }

    @Test func reportCountsFilterAndJSONShape() {
        var t = RectificationTracker(catalog: Fx.catalog, asOf: Day("2026-08-01")!)
        Self.visits.forEach { t.add($0) }
        let all = RectificationReport(tracker: t, catalog: Fx.catalog)
        #expect(all.counts[.closed] == 3 && all.counts[.open] == 2 && all.counts[.overdue] == nil)
        #expect(all.overdue == 0)
        #expect(all.branches.map(\.branch) == ["A", "B"] && all.branches[0].closed == 3 && all.branches[0].closedLate == 2)   // H1 (due 07-10, closed 07-20) and D1 (07-15, 07-25)
        let overdue = RectificationReport(tracker: t, catalog: Fx.catalog, status: .closed)
        #expect(overdue.findings.map(\.item) == ["H1", "D1", "D2"])   // branch items before staff items
        #expect(overdue.total == 5)
        // SPEC §3.1 keys first, in order.
        let json = overdue.json().render()
        let keys = ["\"branch\"", "\"staff\"", "\"item\"", "\"date\"", "\"note\"", "\"fix_by\"", "\"status\"", "\"closed_on\""]
        let positions = keys.map { json.range(of: $0)!.lowerBound }
        #expect(positions == positions.sorted())
        #expect(json.hasPrefix("{\n  \"as_of\": \"2026-08-01\",\n  \"findings\": ["))
        #expect(json.contains("\"status\": \"closed\""))
        for key in ["\"due\"", "\"repeat\"", "\"closed_late\"", "\"method\"", "\"after_as_of\""] { #expect(json.contains(key)) }
        for f in OutputFormat.allCases { #expect(!all.render(f, RenderContext()).isEmpty) }
    }
}

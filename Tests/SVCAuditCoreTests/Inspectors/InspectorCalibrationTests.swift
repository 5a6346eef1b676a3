import Testing
@testable import SVCAuditCore

private typealias F = RankFixtures

/// SPEC §2.9 by hand.
@Suite struct InspectorCalibrationTests {
    static func visit(_ inspector: String, _ branch: String, _ score: Double?, day: Int, method: Visit.Method = .onsite,
                      findings: Int = 0) -> VisitSummary {
        var v = VisitSummary(F.visit("2026-07-\(day < 10 ? "0" : "")\(day)", branch: branch, method: method,
                                     file: "\(inspector)-\(branch)-\(day)", score: score), catalog: ChecklistCatalog([]))
        v.inspector = inspector
        v.findings = findings
        return v
    }

    /// Branch X: 甲 90, 甲 94, 乙 86. Branch Y: 甲 80, 丙 70, 丙 74. Branch Z: 乙 99 (nobody else there).
    /// 甲 at X: others' mean = 86 → (90−86) + (94−86) = 12; at Y: others' mean (丙) = 72 → 80−72 = 8.
    ///    offset = (12 + 8) / 3 = 6.67, compared 3, mean (90+94+80)/3 = 88.
    /// 乙 at X: others' mean (甲) = 92 → 86−92 = −6; Z not compared. offset −6, compared 1 of 2 visits.
    /// 丙 at Y: others' mean (甲) = 80 → (70−80) + (74−80) = −16; offset −8, compared 2.
    /// 丁 only at W, alone: no comparison, offset nil.
    static let visits = [
        visit("甲", "X", 90, day: 1, findings: 2), visit("甲", "X", 94, day: 2), visit("乙", "X", 86, day: 3, method: .video),
        visit("甲", "Y", 80, day: 4, findings: 4), visit("丙", "Y", 70, day: 5), visit("丙", "Y", 74, day: 6, method: .`self`),
        visit("乙", "Z", 99, day: 7, method: .`self`, findings: 1), visit("丁", "W", 88, day: 8),
        visit("丁", "W", nil, day: 9),   // no visit score: left out
    ]

    static func report(_ rules: Policy.Calibration = Policy.Calibration()) -> InspectorReport {
        var c = InspectorCalibration(period: Period("2026-Q3"))
        for v in visits { c.add(v) }
        return c.report(rules)
    }

    func row(_ r: InspectorReport, _ name: String) -> InspectorReport.Inspector { r.inspectors.first { $0.name == name }! }

    @Test func offsetsAgainstColleaguesAtTheSameBranches() {
        let r = Self.report()
        #expect(r.inspectors.map(\.name) == ["丁", "丙", "乙", "甲"].sorted())
        let a = row(r, "甲")
        #expect(a.visits == 3 && a.compared == 3 && a.mean == 88)
        #expect(abs(a.offset! - 20.0 / 3) < 1e-9)
        #expect(a.findingsPerVisit == 2)                       // (2 + 0 + 4) / 3
        let b = row(r, "乙")
        #expect(b.visits == 2 && b.compared == 1 && b.offset == -6)   // Z was seen by 乙 only
        #expect(b.methods.map(\.0) == [.video, .`self`])
        #expect(row(r, "丙").offset == -8 && row(r, "丙").compared == 2)
        let d = row(r, "丁")
        #expect(d.visits == 1 && d.compared == 0 && d.offset == nil && !d.flagged)
        #expect(r.visits == 8 && r.unscored == 1)
    }

    @Test func flagNeedsEnoughComparedVisitsAndALargeOffset() {
        // Defaults (5 compared, 3 points): nobody has 5 compared visits.
        #expect(Self.report().flagged.isEmpty)
        // min_compared 2: 甲 (+6.67, 3) and 丙 (−8, 2) are flagged; 乙 (−6, 1) is not.
        let r = Self.report(.init(minCompared: 2, flagOffset: 3))
        #expect(r.flagged.map(\.name) == ["丙", "甲"].sorted())
        // |offset| must reach flag_offset: at 8, only 丙 (exactly 8) stays.
        #expect(Self.report(.init(minCompared: 2, flagOffset: 8)).flagged.map(\.name) == ["丙"])
    }

    @Test func methodsSideBySide() {
        // onsite: 90, 94, 80, 70, 88 → 84.4, findings (2+0+4+0+0)/5 = 1.2; video: 86; self: 74, 99 → 86.5.
        let r = Self.report()
        #expect(r.methods.map(\.method) == [.onsite, .video, .`self`])
        #expect(abs(r.methods[0].mean - 84.4) < 1e-9 && r.methods[0].visits == 5 && abs(r.methods[0].findingsPerVisit - 1.2) < 1e-9)
        #expect(r.methods[2].mean == 86.5 && r.methods[2].findingsPerVisit == 0.5)
        let gap = r.methodGap!
        #expect(gap.high.method == .`self` && gap.low.method == .onsite && abs(gap.gap - 2.1) < 1e-9)
    }

    @Test func jsonShapeAndEveryFormat() {
        let r = Self.report()
        let json = r.json().render()
        for key in ["\"period\"", "\"inspectors\"", "\"name\"", "\"visits\"", "\"compared\"", "\"mean\"", "\"offset\"",
                    "\"findings_per_visit\"", "\"vetoes\"", "\"methods\"", "\"flagged\"", "\"method\""] {
            #expect(json.contains(key), "\(key)")
        }
        #expect(json.contains("\"offset\": null"))
        #expect(json.contains("\"offset\": 6.67"))
        for f in OutputFormat.allCases { #expect(!r.render(f, RenderContext()).isEmpty) }
        let html = Self.report(.init(minCompared: 2, flagOffset: 3)).render(.html, RenderContext())
        #expect(html.contains("stroke-dasharray") && html.contains("标记线 ±3"))
    }
}

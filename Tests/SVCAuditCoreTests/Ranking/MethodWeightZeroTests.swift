import Testing
@testable import SVCAuditCore

private typealias F = RankFixtures
private typealias P = RankFixtures.Person

/// SPEC §1.3: a method weighted 0 is out of the ranking entirely — no visit, no mean, no part of C.
@Suite struct MethodWeightZeroTests {
    static func policy(_ yaml: String) -> (Policy?, [Diagnostic]) {
        let (root, _) = YAMLReader.parse(Array(yaml.utf8))
        var diags = DiagnosticList(file: "p.yaml")
        let p = PolicyLoader.load(root!, file: "p.yaml", diags: &diags)
        return (p, diags.items)
    }

    @Test func zeroIsAcceptedNegativeIsNot() {
        let (p, d) = Self.policy("method_weights: {self: 0, mystery: 2}\n")
        #expect(d.isEmpty)
        #expect(p?.weight(of: .`self`) == 0 && p?.counts(.`self`) == false && p?.counts(.mystery) == true)
        let (bad, d2) = Self.policy("method_weights: {self: -1}\n")
        #expect(bad == nil && d2.map(\.code) == [.badValue] && d2[0].mark.line == 1)
    }

    @Test func methodsMayBeWrittenInChinese() {
        // SPEC §1.2: a fixed word may be typed in Chinese wherever a user types it.
        let (p, d) = Self.policy("method_weights: {暗访: 2, 第三方: 1.5, 自查: 0}\n")
        #expect(d.isEmpty)
        #expect(p?.weight(of: .mystery) == 2 && p?.weight(of: .external) == 1.5 && p?.weight(of: .`self`) == 0)
        // The same method twice (in two languages) is an error at the second key.
        let (_, d2) = Self.policy("method_weights: {mystery: 2, 暗访: 3}\n")
        #expect(d2.map(\.code) == [.badValue] && d2[0].mark.column == 30)
        // An unknown word is an unknown key with a hint.
        let (_, d3) = Self.policy("method_weights: {mistery: 2}\n")
        #expect(d3.map(\.code) == [.unknownKey])
    }

    @Test func selfChecksLeaveVisitsMeanAndC() {
        // A: onsite 90, self 100, self 100. B: onsite 80, onsite 100.
        // self: 0 → A has 1 visit, R = 90; B 2 visits, R = 90. C = (90 + 80 + 100) / 3 = 90.
        // With m = 1: A = (1·90 + 1·90)/2 = 90; B = (2·90 + 90)/3 = 90. Without the rule A's mean
        // would be 96.67 and C 94.
        var p = Policy()
        p.methodWeights[.`self`] = 0
        p.priorVisits = 1
        let r = F.rank([
            F.visit("2026-07-01", file: "a1", staff: [P(id: "A", score: 90)]),
            F.visit("2026-07-02", method: .`self`, file: "a2", staff: [P(id: "A", score: 100)]),
            F.visit("2026-07-03", method: .`self`, file: "a3", staff: [P(id: "A", score: 100)]),
            F.visit("2026-07-04", file: "b1", staff: [P(id: "B", score: 80)]),
            F.visit("2026-07-05", file: "b2", staff: [P(id: "B", score: 100)]),
        ], p)
        #expect(r.entry("A").visits == 1 && r.entry("A").mean == 90)
        #expect(r.priorMean == 90)
        #expect(abs(r.entry("B").score! - 90) < 1e-9)
        #expect(r.visitsInPeriod == 3 && r.visitsUnweighted == 2)
    }

    @Test func aBreachOnAZeroWeightVisitDoesNotDisqualify() {
        // The self-check is left out entirely, its veto breach with it.
        var p = Policy()
        p.methodWeights[.`self`] = 0
        let r = F.rank([
            F.visit("2026-07-01", file: "a1", staff: [P(id: "A", score: 90)]),
            F.visit("2026-07-02", method: .`self`, file: "a2", staff: [P(id: "A", score: 50, veto: ["C14"])]),
        ], p)
        #expect(r.entry("A").eligible && r.entry("A").veto.isEmpty)
    }

    @Test func onlySelfChecksMeansAnIneligibleEntryWithNoVisit() {
        // Still an entry (SPEC §2.6: everyone observed in the period), but with 0 visits and no
        // score; the reason names the visits left out.
        var p = Policy()
        p.methodWeights[.`self`] = 0
        let r = F.rank([F.visit("2026-07-02", method: .`self`, file: "a2", staff: [P(id: "A", score: 100)]),
                        F.visit("2026-07-03", method: .`self`, file: "a3", staff: [P(id: "A", score: 100)])], p)
        let a = r.entry("A")
        #expect(!a.eligible && a.visits == 0 && a.mean == nil && a.score == nil && a.unweighted == 2)
        #expect(a.reasons == [.noScoredVisit])
        #expect(r.priorMean == nil && r.visitsInPeriod == 0 && r.visitsUnweighted == 2)
        let text = RankReport(ranking: r).reason(a, .zh)
        #expect(text.contains("自查 2 次") && text.contains("权重为 0"))
    }

    @Test func theFoldKeepsTheVisitsBehindAScoreWhenAsked() {
        var p = Policy()
        p.veto = .zero
        var fold = RankFold(policy: p, keepVisits: true)
        fold.add(F.visit("2026-07-03", file: "a2", staff: [P(id: "A", score: 80, veto: ["C14"])]))
        fold.add(F.visit("2026-07-01", method: .video, file: "a1", staff: [P(id: "A", score: 90)]))
        let e = fold.ranking().entry("A")
        #expect(e.visitList.map(\.visit) == ["a1", "a2"])
        #expect(e.visitList.map(\.counted) == [90, 0] && e.visitList.map(\.score) == [90, 80])
        #expect(e.visitList[0].method == .video && e.visitList[0].inspector == "王敏")
        // Off by default: nothing kept.
        #expect(F.rank([F.single("A", 90)]).entry("A").visitList.isEmpty)
    }
}

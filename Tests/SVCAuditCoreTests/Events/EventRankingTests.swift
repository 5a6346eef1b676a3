import Testing
@testable import SVCAuditCore

private typealias F = RankFixtures
private typealias P = RankFixtures.Person

/// Events in the ranking (SPEC §1.5, §2.6), by hand.
@Suite struct EventRankingTests {
    static func event(_ id: String, _ date: String, staff: String? = "A", branch: String = "B1", _ kind: Event.Kind,
                      verified: Bool = true, item: String? = nil) -> Event {
        Event(id: id, date: Day(date)!, branch: branch, staff: staff, kind: kind, verified: verified, item: item)
    }

    static func rank(_ visits: [VisitScore], _ events: [Event], _ policy: Policy = Policy()) -> Ranking {
        var fold = RankFold(policy: policy, period: Period("2026-Q3"))
        for v in visits { fold.add(v) }
        fold.add(events: EventLog(events: events, vetoItems: ["C14"]))
        return fold.ranking()
    }

    // A: 90 and 100 (mean 95); B: 80.
    let visits = [F.single("A", 90, day: 1), F.single("A", 100, day: 2), F.single("B", 80, day: 3)]

    @Test func aVerifiedComplaintOnAVetoItemDisqualifiesWithoutAVisitOrAScore() {
        let r = Self.rank(visits, [Self.event("K01", "2026-08-12", .complaint, item: "C14")])
        let a = r.entry("A")
        #expect(!a.eligible)
        #expect(a.reasons == [.veto([VetoIncident(item: "C14", date: Day("2026-08-12")!, event: "K01")])])
        // No visit and no score added: still 2 visits, mean 95, C = (90 + 100 + 80) / 3 = 90.
        #expect(a.visits == 2 && a.mean == 95 && a.score == 95 && a.veto == ["C14"])
        #expect(r.priorMean == 90)
        #expect(r.visitsInPeriod == 3)
    }

    @Test func unverifiedOrNonVetoOrOutOfPeriodComplaintsChangeNothing() {
        let base = Self.rank(visits, [])
        for e in [Self.event("K01", "2026-08-12", .complaint, verified: false, item: "C14"),
                  Self.event("K02", "2026-08-12", .complaint, item: "C01"),        // not a veto item
                  Self.event("K03", "2026-08-12", .complaint),                     // no item
                  Self.event("K04", "2026-10-02", .complaint, item: "C14")] {      // after the period
            let r = Self.rank(visits, [e])
            #expect(r.entry("A").eligible && r.entry("A").score == base.entry("A").score)
            #expect(r.ids == base.ids)
        }
    }

    @Test func verifiedPraiseAddsPointsAfterShrinkageUpToTheCap() {
        // m = 2, C = 90: A = (2·95 + 2·90)/4 = 92.5; B = (1·80 + 2·90)/3 = 86.67.
        // A has 3 verified praises and 1 unverified: 3 × 1.5 = 4.5, capped at 3 → 95.5.
        var p = Policy()
        p.priorVisits = 2
        p.events = .init(praisePoints: 1.5, maxPraisePoints: 3)
        let praise = (1...3).map { Self.event("P0\($0)", "2026-08-1\($0)", .praise) }
            + [Self.event("P09", "2026-08-19", .praise, verified: false)]
        let r = Self.rank(visits, praise, p)
        let a = r.entry("A")
        #expect(a.praises == 3 && a.praisePoints == 3)
        #expect(abs(a.score! - 95.5) < 1e-9)
        #expect(a.mean == 95)                         // the mean is the visits' own
        #expect(r.priorMean == 90)                    // C is untouched by praise
        // Without a cap: 4.5 → 97.
        p.events.maxPraisePoints = nil
        #expect(abs(Self.rank(visits, praise, p).entry("A").score! - 97) < 1e-9)
    }

    @Test func branchRankingCountsEveryEventAtTheBranch() {
        // by: branch: a complaint naming an employee of B1 disqualifies the branch B1.
        var p = Policy()
        p.by = .branch
        let vs = [F.visit("2026-07-01", score: 90), F.visit("2026-07-02", branch: "B2", score: 80)]
        let r = Self.rank(vs, [Self.event("K01", "2026-08-12", staff: "A", .complaint, item: "C14")], p)
        #expect(!r.entry("B1").eligible && r.entry("B2").eligible)
        #expect(r.entry("B1").incidents == [VetoIncident(item: "C14", date: Day("2026-08-12")!, staff: "A", event: "K01")])
    }
}

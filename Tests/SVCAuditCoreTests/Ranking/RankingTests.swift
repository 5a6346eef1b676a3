import Testing
@testable import SVCAuditCore

private typealias F = RankFixtures
private typealias P = RankFixtures.Person

/// Rankings computed by hand (SPEC §2.6); the arithmetic is in the comments.
@Suite struct RankingTests {
    // A 95, B 90, C 90, D 85 — one visit each, so B and C are equal on score, visits (1) and
    // lowest score (90): tied.
    let fourWithATie = [F.single("A", 95), F.single("B", 90), F.single("C", 90), F.single("D", 85)]

    @Test(arguments: [
        (Policy.TieRule.competition, [1, 2, 2, 4]),   // 1 + entries strictly ahead
        (.dense, [1, 2, 2, 3]),                        // 1 + distinct tuples ahead
        (.ordinal, [1, 2, 3, 4]),                      // position; B before C by id
    ])
    func tieRules(rule: Policy.TieRule, expected: [Int]) {
        var p = Policy()
        p.ties = rule
        let r = F.rank(fourWithATie, p)
        #expect(r.ids == ["A", "B", "C", "D"])
        #expect(r.ranks == expected.map { Optional($0) })
        #expect(r.entry("B").tied && r.entry("C").tied && !r.entry("A").tied)
    }

    @Test func tieInsideListedByID() {
        // Added in reverse order: inside the tie the listing is still by id, B then C.
        let r = F.rank(fourWithATie.reversed())
        #expect(r.ids == ["A", "B", "C", "D"])
    }

    @Test func tieAtTheCutoffIncludeAndExclude() {
        // top 2: the 2nd (B, 90) is tied with the 3rd (C, 90).
        var p = Policy()
        p.select = .init(quota: .top(2), per: .all, atCutoff: .include)
        #expect(F.rank(fourWithATie, p).selectedIDs == ["A", "B", "C"])   // the whole tie is in
        p.select.atCutoff = .exclude
        #expect(F.rank(fourWithATie, p).selectedIDs == ["A"])             // only those strictly ahead
        // top 3: the 3rd (C) is not tied with the 4th (D): no special case either way.
        p.select.quota = .top(3)
        #expect(F.rank(fourWithATie, p).selectedIDs == ["A", "B", "C"])
        // The cut-off also applies with ordinal numbers: B and C are tied whatever the numbering.
        p.select.quota = .top(2)
        p.ties = .ordinal
        #expect(F.rank(fourWithATie, p).selectedIDs == ["A"])
    }

    @Test func tieAtTheCutoffWhenEveryoneIsTied() {
        // Three at 90, top 1, exclude: nobody is strictly ahead of the tie → nobody selected.
        var p = Policy()
        p.select = .init(quota: .top(1), per: .all, atCutoff: .exclude)
        let r = F.rank([F.single("A", 90), F.single("B", 90), F.single("C", 90)], p)
        #expect(r.selectedIDs.isEmpty)
        #expect(r.groups.map(\.selected) == [0])
    }

    @Test func percentQuotaIsExact() {
        // 100 eligible, distinct scores 100.0, 99.9, …: 7% of 100 = 7 exactly (not 8 from 7.000000000000001).
        let visits = (0..<100).map { i in F.single("E\(100 + i)", 100 - Double(i) * 0.1, day: 1 + i % 28) }
        var p = Policy()
        p.select.quota = .percent(7)
        let r = F.rank(visits, p)
        #expect(r.selected.count == 7)
        #expect(r.groups.first?.quota == 7)
        // 10% of 15 = 1.5 → 2; 12.5% of 8 = 1 exactly; 33% of 3 = 0.99 → 1.
        #expect(RankFold.quota(.percent(10), of: 15) == 2)
        #expect(RankFold.quota(.percent(12.5), of: 8) == 1)
        #expect(RankFold.quota(.percent(33), of: 3) == 1)
        #expect(RankFold.quota(.percent(7), of: 100) == 7)
    }

    @Test func percentQuotaCountsEligibleOnly() {
        // 4 eligible (A 95, B 90, C 90, D 85); the guard X is filtered out by role and does not
        // count. 50% of 4 = 2 → B is 2nd and tied with C → include both.
        var p = Policy()
        p.roles = ["teller"]
        p.select = .init(quota: .percent(50), per: .all, atCutoff: .include)
        let r = F.rank(fourWithATie + [F.single("X", 99, role: "security")], p)
        #expect(r.groups.first?.eligible == 4)
        #expect(r.groups.first?.quota == 2)
        #expect(r.selectedIDs == ["A", "B", "C"])
    }

    @Test func perGroupSelectionAndGroupRank() {
        // North: A 95, B 90, C 88.  South: D 93, E 93, F 80.  G has no region: a group of its own.
        // Overall competition ranks: A 1, D 2, E 2, B 4, C 5, F 6 → G (91) sits between.
        let visits = [
            F.single("A", 95, region: "North"), F.single("B", 90, region: "North"), F.single("C", 88, region: "North"),
            F.single("D", 93, region: "South"), F.single("E", 93, region: "South"), F.single("F", 80, region: "South"),
            F.single("G", 91),
        ]
        var p = Policy()
        p.select = .init(quota: .top(1), per: .region, atCutoff: .include)
        let r = F.rank(visits, p)
        // Order: A 95, D 93, E 93, G 91, B 90, C 88, F 80.
        #expect(r.ids == ["A", "D", "E", "G", "B", "C", "F"])
        #expect(r.ranks == [1, 2, 2, 4, 5, 6, 7])
        // group ranks: North A1 B2 C3; South D1 E1 F3; (none) G1.
        #expect(["A", "B", "C", "D", "E", "F", "G"].map { r.entry($0).groupRank } == [1, 2, 3, 1, 1, 3, 1])
        // top 1 per region: North A; South D and E tied at the cut-off → both; G alone in its group.
        #expect(Set(r.selectedIDs) == ["A", "D", "E", "G"])
        #expect(r.groups.map(\.key) == ["North", "South", nil])
        #expect(r.groups.map(\.selected) == [1, 2, 1])
    }

    @Test func tiedAcrossGroupsIsNotTiedInTheGroup() {
        // X (North) and Y (South) both 93: tied overall (rank 1, 1) but each alone in its group.
        var p = Policy()
        p.select = .init(quota: .top(1), per: .region, atCutoff: .include)
        let r = F.rank([F.single("X", 93, region: "North"), F.single("Y", 93, region: "South")], p)
        #expect(r.ranks == [1, 1])
        #expect(r.entry("X").tied && !r.entry("X").tiedInGroup)
        #expect(r.entries.map(\.groupRank) == [1, 1])
    }

    @Test func groupRankFollowsTheTieRule() {
        var p = Policy()
        p.select = .init(quota: .top(3), per: .branch, atCutoff: .include)
        p.ties = .dense
        let r = F.rank([F.single("A", 95), F.single("B", 90), F.single("C", 90), F.single("D", 85)], p)
        #expect(r.entries.map(\.groupRank) == [1, 2, 2, 3])   // all in B1, dense
        #expect(r.entries.allSatisfy { $0.group == "B1" })
    }

    @Test func shrinkageReordersOneVisitAndFiveVisits() {
        // A: 1 visit of 100. B: 5 visits of 96. D: 4 visits of 80 (the rest of the population).
        // C = (100 + 5×96 + 4×80) / 10 = (100 + 480 + 320) / 10 = 90.
        // m = 0: A 100 > B 96.
        // m = 2: A = (1×100 + 2×90)/(1+2) = 280/3 = 93.333…; B = (5×96 + 2×90)/(5+2) = 660/7 = 94.2857…  → B first.
        var visits = [F.single("A", 100)]
        for d in 1...5 { visits.append(F.single("B", 96, day: d)) }
        for d in 1...4 { visits.append(F.single("D", 80, day: d)) }
        let plain = F.rank(visits)
        #expect(plain.ids == ["A", "B", "D"])
        var p = Policy()
        p.priorVisits = 2
        let r = F.rank(visits, p)
        #expect(r.ids == ["B", "A", "D"])
        #expect(r.priorMean == 90)
        #expect(abs(r.entry("A").score! - 280.0 / 3) < 1e-9)
        #expect(abs(r.entry("B").score! - 660.0 / 7) < 1e-9)
        #expect(r.entry("A").mean == 100)   // the mean itself is not shrunk
        // D = (4×80 + 2×90)/6 = 500/6 = 83.33
        #expect(abs(r.entry("D").score! - 500.0 / 6) < 1e-9)
    }

    // X: 100 on 07-10 with veto item C09 breached, 90 on 07-20.  Y: 93, 93.
    var vetoVisits: [VisitScore] {
        [F.visit("2026-07-10", file: "x1.yaml", staff: [P(id: "X", score: 100, veto: ["C09"])]),
         F.visit("2026-07-20", file: "x2.yaml", staff: [P(id: "X", score: 90)]),
         F.visit("2026-07-11", file: "y1.yaml", staff: [P(id: "Y", score: 93)]),
         F.visit("2026-07-21", file: "y2.yaml", staff: [P(id: "Y", score: 93)])]
    }

    @Test func vetoDisqualify() {
        let r = F.rank(vetoVisits)   // disqualify is the default
        #expect(r.ids == ["Y", "X"])
        let x = r.entry("X")
        #expect(x.rank == nil && !x.eligible && !x.selected)
        #expect(x.reasons == [.veto([VetoIncident(item: "C09", date: Day("2026-07-10")!)])])
        #expect(x.mean == 95)   // (100 + 90) / 2: the score itself is not changed
        let text = RankReport(ranking: r).reason(x, .zh)
        #expect(text.contains("C09") && text.contains("2026-07-10"))
        #expect(RankReport(ranking: r).reason(x, .en) == "veto: C09 (2026-07-10)")
    }

    @Test func vetoZero() {
        // X: the flagged visit counts as 0 → mean (0 + 90)/2 = 45, lowest 0. Y 93 first.
        var p = Policy()
        p.veto = .zero
        let r = F.rank(vetoVisits, p)
        #expect(r.ids == ["Y", "X"])
        #expect(r.entry("X").mean == 45)
        #expect(r.entry("X").min == 0)
        #expect(r.entry("X").eligible)
        #expect(r.entry("X").veto == ["C09"])
    }

    @Test func vetoIgnore() {
        // X: mean (100 + 90)/2 = 95 > Y 93: X first, the breach still listed.
        var p = Policy()
        p.veto = .ignore
        let r = F.rank(vetoVisits, p)
        #expect(r.ids == ["X", "Y"])
        #expect(r.entry("X").mean == 95)
        #expect(r.entry("X").veto == ["C09"])
        #expect(r.entry("X").rank == 1)
    }

    @Test func methodWeights() {
        // X: on-site 80, mystery 95. Y: on-site 89 twice.
        // Equal weights: X = (80 + 95)/2 = 87.5 < Y 89.
        // mystery ×2:    X = (80 + 2×95)/(1 + 2) = 270/3 = 90 > Y 89.
        let visits = [
            F.visit("2026-07-01", file: "x1.yaml", staff: [P(id: "X", score: 80)]),
            F.visit("2026-07-02", method: .mystery, file: "x2.yaml", staff: [P(id: "X", score: 95)]),
            F.visit("2026-07-03", file: "y1.yaml", staff: [P(id: "Y", score: 89)]),
            F.visit("2026-07-04", file: "y2.yaml", staff: [P(id: "Y", score: 89)]),
        ]
        #expect(F.rank(visits).ids == ["Y", "X"])
        #expect(F.rank(visits).entry("X").mean == 87.5)
        var p = Policy()
        p.methodWeights = [.mystery: 2]
        let r = F.rank(visits, p)
        #expect(r.ids == ["X", "Y"])
        #expect(r.entry("X").mean == 90)
        #expect(r.entry("X").visits == 2)   // visits are counted, not weighted
    }

    @Test func minVisitsAndMinScore() {
        // A: 1 visit of 99 (min_visits 2 → out). B: 85 and 87 → 86 < 90 (out). C: 95, 93 → 94 (in).
        let visits = [
            F.single("A", 99),
            F.single("B", 85, day: 1), F.single("B", 87, day: 2),
            F.single("C", 95, day: 1), F.single("C", 93, day: 2),
        ]
        var p = Policy()
        p.minVisits = 2
        p.minScore = 90
        let r = F.rank(visits, p)
        #expect(r.ids == ["C", "A", "B"])
        #expect(r.entry("C").rank == 1)
        #expect(r.entry("A").reasons == [.fewVisits(1)])
        #expect(r.entry("B").reasons == [.lowScore(86)])
        let report = RankReport(ranking: r)
        #expect(report.reason(r.entry("A"), .zh) == "本期检查 1 次，少于 2 次")
        #expect(report.reason(r.entry("B"), .zh) == "评选分 86.00 低于 90")
        // min_score is a floor: exactly 90 is eligible.
        #expect(F.rank([F.single("D", 90)], p).entry("D").reasons == [.fewVisits(1)])
        p.minVisits = 1
        #expect(F.rank([F.single("D", 90)], p).entry("D").eligible)
    }

    @Test func roleFilterAndThePopulationOfC() {
        // Tellers T1 90, T2 80; guard G 100. roles [teller], m = 1.
        // C over tellers only = (90 + 80)/2 = 85 (G is not in the population).
        // T1 = (1×90 + 1×85)/2 = 87.5; T2 = (80 + 85)/2 = 82.5. (With G in, C would be 90.)
        var p = Policy()
        p.roles = ["teller"]
        p.priorVisits = 1
        let r = F.rank([F.single("T1", 90), F.single("T2", 80), F.single("G", 100, role: "security")], p)
        #expect(r.priorMean == 85)
        #expect(r.entry("T1").score == 87.5)
        #expect(r.entry("T2").score == 82.5)
        #expect(r.ids == ["T1", "T2", "G"])
        #expect(r.entry("G").reasons == [.role("security")])
        // Role names come from roles.yaml; without one the id stands as written.
        #expect(RankReport(ranking: r).reason(r.entry("G"), .zh) == "岗位“security”不在评选范围")
        var named = RankReport(ranking: r)
        named.roles = RoleCatalog([Role(id: "security", name: "保安", nameEN: "Security guard")])
        #expect(named.reason(r.entry("G"), .zh) == "岗位“保安”不在评选范围")
    }

    @Test func roleComesFromTheLatestVisit() {
        // E was a guard in July and a teller in August: the August role decides.
        var p = Policy()
        p.roles = ["teller"]
        let r = F.rank([
            F.visit("2026-08-02", file: "b.yaml", staff: [P(id: "E", score: 90, role: "teller")]),
            F.visit("2026-07-02", file: "a.yaml", staff: [P(id: "E", score: 80, role: "security")]),
        ], p)
        #expect(r.entry("E").role == "teller")
        #expect(r.entry("E").eligible)
        #expect(r.entry("E").mean == 85)
    }

    @Test func employeeMovingBranch() {
        // E: B1 (North) on 07-05, B2 (South) on 08-20 → the entry is at B2, in South, named as on 08-20.
        var p = Policy()
        p.select = .init(quota: .top(1), per: .region, atCutoff: .include)
        let visits = [
            F.visit("2026-08-20", branch: "B2", region: "South", file: "v/2.yaml", staff: [P(id: "E", score: 90, name: "李娜")]),
            F.visit("2026-07-05", branch: "B1", region: "North", file: "v/1.yaml", staff: [P(id: "E", score: 96, name: "李娜娜")]),
            F.visit("2026-07-06", branch: "B1", region: "North", file: "v/3.yaml", staff: [P(id: "N", score: 99)]),
        ]
        let r = F.rank(visits, p)
        let e = r.entry("E")
        #expect(e.branch.id == "B2" && e.branch.region == "South" && e.name == "李娜")
        #expect(e.visits == 2 && e.mean == 93)   // both visits count: (90 + 96)/2
        #expect(e.group == "South" && e.groupRank == 1 && e.selected)   // alone in South
        #expect(r.entry("N").groupRank == 1)
    }

    @Test func sameDateLaterFileWins() {
        // Two visits on the same day: the later file in path order ("v/b.yaml") gives the branch,
        // whatever order they arrive in.
        let a = F.visit("2026-07-05", branch: "B1", file: "v/a.yaml", staff: [P(id: "E", score: 90)])
        let b = F.visit("2026-07-05", branch: "B3", file: "v/b.yaml", staff: [P(id: "E", score: 90)])
        #expect(F.rank([a, b]).entry("E").branch.id == "B3")
        #expect(F.rank([b, a]).entry("E").branch.id == "B3")
        // A scored visit beats a later one where the employee had no score.
        let c = F.visit("2026-07-09", branch: "B4", file: "v/c.yaml", staff: [P(id: "E", score: nil)])
        let r = F.rank([a, c])
        #expect(r.entry("E").branch.id == "B1" && r.entry("E").visits == 1)
    }

    @Test func observedButNeverScored() {
        let r = F.rank([F.visit("2026-07-05", staff: [P(id: "E", score: nil), P(id: "F", score: 80)])])
        #expect(r.entry("E").reasons == [.noScoredVisit])
        #expect(r.entry("E").mean == nil && r.entry("E").score == nil && r.entry("E").visits == 0)
        #expect(r.ids == ["F", "E"])
    }

    @Test func branchRankingWithAStaffVeto() {
        // B1: visit scores 95 (E1 breached C09 on 07-14) and 97. B2: 90, 92.
        // disqualify: B1 out (reason names C09, the date and E1); B2 ranks 1.
        var p = Policy()
        p.by = .branch
        p.roles = ["teller"]   // ignored for branch rankings
        let visits = [
            F.visit("2026-07-14", branch: "B1", file: "1.yaml", score: 95, staff: [P(id: "E1", score: 70, veto: ["C09"])]),
            F.visit("2026-08-14", branch: "B1", file: "2.yaml", score: 97),
            F.visit("2026-07-15", branch: "B2", file: "3.yaml", score: 90, staff: [P(id: "E2", score: 99, role: "security")]),
            F.visit("2026-08-15", branch: "B2", file: "4.yaml", score: 92),
        ]
        let r = F.rank(visits, p)
        #expect(r.ids == ["B2", "B1"])
        let b1 = r.entry("B1")
        #expect(b1.role == nil && b1.veto == ["C09"])
        #expect(b1.reasons == [.veto([VetoIncident(item: "C09", date: Day("2026-07-14")!, staff: "E1")])])
        #expect(RankReport(ranking: r).reason(b1, .zh) == "一票否决：C09（2026-07-14，E1）")
        #expect(r.entry("B2").mean == 91 && r.entry("B2").rank == 1)
        // zero: B1 = (0 + 97)/2 = 48.5; ignore: B1 = (95 + 97)/2 = 96 first.
        p.veto = .zero
        #expect(F.rank(visits, p).entry("B1").mean == 48.5)
        p.veto = .ignore
        #expect(F.rank(visits, p).ids == ["B1", "B2"])
    }

    @Test func branchVetoDoesNotFlagTheStaff() {
        // A branch-scope breach flags the visit for the branch, not the employees on it.
        let r = F.rank([F.visit("2026-07-14", branchVeto: ["E09"], staff: [P(id: "E1", score: 90)])])
        #expect(r.entry("E1").eligible && r.entry("E1").veto.isEmpty)
    }

    @Test func orderTieBreakers() {
        // Same ranking score 90: V has 3 visits, W 2 → V ahead. W and Z: 2 visits each, mean 90,
        // lowest 88 vs 85 → W ahead. Equal on all three → tied, listed by id.
        let visits = [
            F.single("V", 90, day: 1), F.single("V", 90, day: 2), F.single("V", 90, day: 3),
            F.single("W", 88, day: 1), F.single("W", 92, day: 2),
            F.single("Z", 85, day: 1), F.single("Z", 95, day: 2),
            F.single("Y", 95, day: 1), F.single("Y", 85, day: 2),
        ]
        let r = F.rank(visits)
        #expect(r.ids == ["V", "W", "Y", "Z"])
        #expect(r.ranks == [1, 2, 3, 3])
    }

    @Test func summationOrderNoiseIsNotADifference() {
        // (91.1 + 92.3 + 97.7)/3 is 93.69999999999999 one way round and 93.7 the other.
        let visits = [
            F.single("P", 91.1, day: 1), F.single("P", 92.3, day: 2), F.single("P", 97.7, day: 3),
            F.single("Q", 97.7, day: 1), F.single("Q", 92.3, day: 2), F.single("Q", 91.1, day: 3),
        ]
        let r = F.rank(visits)
        #expect(r.ranks == [1, 1])
    }

    @Test func starsForEligibleOnly() {
        var p = Policy()
        p.stars = [5: 95, 4: 90, 3: 85]
        p.minVisits = 1
        p.roles = ["teller"]
        let r = F.rank([F.single("A", 95), F.single("B", 94.99), F.single("C", 84), F.single("G", 99, role: "security")], p)
        #expect(r.entry("A").stars == 5)       // 95 ≥ 95
        #expect(r.entry("B").stars == 4)       // 94.99 < 95 even though it shows as 94.99
        #expect(r.entry("C").stars == nil)     // below every level
        #expect(r.entry("G").stars == nil)     // not eligible
    }

    @Test func periodIgnoresOtherVisits() {
        let visits = [F.single("A", 90, day: 1), F.visit("2026-10-01", staff: [P(id: "A", score: 10)]),
                      F.visit("2026-06-30", staff: [P(id: "B", score: 99)])]
        var fold = RankFold(policy: Policy(), period: Period("2026-Q3"))
        for v in visits { fold.add(v) }
        let r = fold.ranking()
        #expect(r.ids == ["A"])
        #expect(r.entry("A").mean == 90)
        #expect(r.visitsInPeriod == 1 && r.visitsOutside == 2)
        let range = F.rank(visits, period: Period(from: Day("2026-06-30")!, to: Day("2026-07-01")!))
        #expect(range.ids == ["B", "A"])
    }

    @Test func defaultPolicySelectsTopTenOverall() {
        let visits = (1...12).map { F.single("E\($0 + 10)", 80 + Double($0), day: $0) }
        let r = F.rank(visits)
        #expect(r.selected.count == 10)
        #expect(r.entries.allSatisfy { $0.groupRank == nil })
        #expect(!r.entry("E11").selected && !r.entry("E12").selected)
    }
}

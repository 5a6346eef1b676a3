/// Why an entry is not eligible (SPEC §2.6). An entry can have several reasons.
public enum Ineligibility: Sendable, Equatable {
    /// The employee's role (from the latest visit) is not in the policy's `roles`.
    case role(String)
    /// Observed, but never with a score in the period.
    case noScoredVisit
    /// Fewer visits than `min_visits`.
    case fewVisits(Int)
    /// `veto: disqualify` and something was breached: every breach with its date.
    case veto([VetoIncident])
    /// Ranking score below `min_score`.
    case lowScore(Double)
    /// With `--roster`: active on the roster in the period but never observed (SPEC §2.6).
    case neverInspected
    /// With `--roster`: observed, but on no roster row during the period.
    case notOnRoster
}

/// One employee or branch in a ranking.
public struct RankEntry: Sendable {
    public var id: String
    public var name: String
    /// nil for branch entries.
    public var role: String?
    /// Shared with the other entries of the branch (`RankFold`), not a copy per entry.
    var branchBox: BranchBox
    public var branch: Branch {
        get { branchBox.value }
        set { branchBox = BranchBox(newValue) }
    }
    /// Visits with a score in the period (v).
    public var visits: Int
    /// Σ u_j: the visits weighted by method.
    public var weight: Double
    /// R = Σ u_j x_j / Σ u_j; nil without a scored visit.
    public var mean: Double?
    /// The ranking score: R, or (v·R + m·C)/(v + m) with shrinkage, plus any praise points.
    public var score: Double?
    /// Verified praises in the period (SPEC §1.5) and the points they added to `score`.
    public var praises: Int = 0
    public var praisePoints: Double = 0
    /// The lowest counted visit score (0 for a flagged visit under `veto: zero`).
    public var min: Double?
    /// Breached veto items, sorted and unique.
    public var veto: [String]
    public var incidents: [VetoIncident]
    public var reasons: [Ineligibility]
    public var eligible: Bool { reasons.isEmpty }
    /// Rank among all eligible entries; nil when not eligible.
    public var rank: Int?
    /// Rank within the selection group; nil when not eligible or `per: all`.
    public var groupRank: Int?
    /// The selection group (branch id, parent or region); nil when missing or `per: all`.
    public var group: String?
    /// Equal to another eligible entry of the whole ranking on score, visits and lowest score.
    public var tied: Bool
    /// The same inside the entry's selection group (equal to `tied` with `per: all`).
    public var tiedInGroup: Bool
    public var stars: Int?
    public var selected: Bool
    /// The visits behind the score, by date then visit id (only when the fold kept them).
    public var visitList: [CountedVisit] = []
    /// Visits of a method weighted 0 the entry was seen on, left out (SPEC §1.3).
    public var unweighted: Int = 0
}

/// The outcome of applying a policy to the folded visits.
public struct Ranking: Sendable {
    public struct Group: Sendable {
        /// The branch id, parent or region; nil for the entries without one (and for `per: all`).
        public var key: String?
        /// A display name: the branch name for `per: branch`, else the key.
        public var label: String?
        public var eligible: Int
        /// K: the quota before ties at the cut-off.
        public var quota: Int
        public var selected: Int
    }

    public var policy: Policy
    public var period: Period?
    /// C: the weighted mean of every counted visit score of the population after role
    /// filtering (the shrinkage target); nil when there is no such score.
    public var priorMean: Double?
    /// Eligible entries in rank order (inside a tie by id), then the ineligible ones by id.
    public var entries: [RankEntry]
    /// Selection groups, by key (the group without a key last).
    public var groups: [Group]
    public var visitsInPeriod: Int
    public var visitsOutside: Int
    /// Visits in the period left out because their method weight is 0.
    public var visitsUnweighted: Int = 0
    /// With `--roster`: how many entries the roster made active, and how many of them were
    /// never observed (the memo says so).
    public var roster: RosterCounts? = nil

    public struct RosterCounts: Sendable, Equatable {
        public var active: Int
        public var neverInspected: Int
        public var notOnRoster: Int
    }

    public var eligible: [RankEntry] { entries.filter(\.eligible) }
    public var ineligible: [RankEntry] { entries.filter { !$0.eligible } }
    public var selected: [RankEntry] { entries.filter(\.selected) }
}

extension RankFold {
    /// Applies the policy: eligibility, order, rank numbers, selection per group, stars.
    public func ranking() -> Ranking {
        let p = policy
        let m = p.priorVisits
        func inPopulation(_ a: EntryAggregate) -> Bool {
            guard p.by == .staff, let roles = p.roles else { return true }
            return roles.contains(a.role ?? "")
        }

        // C over the population after role filtering, ineligible entries included.
        var population = WeightedMean()
        for a in aggregates.values where inPopulation(a) { population.add(a.mean) }
        let c = population.mean

        // One array made at its final size: the eligible entries are moved to its front and
        // each half is sorted in place — no second or third array of entries (SPEC §5).
        var entries: [RankEntry] = []
        entries.reserveCapacity(aggregates.count)
        for a in aggregates.values {
            let mean = a.mean.mean
            var score = Shrinkage.score(mean: mean, visits: a.visits, prior: m, population: c)
            // Praise is added after shrinkage, capped (SPEC §2.6); an entry without a score gets none.
            let praised = praises[a.id] ?? 0
            let points = score == nil ? 0 : p.events.points(forPraises: praised)
            if points > 0 { score! += points }
            let incidents = (a.incidents.union(eventBreaches[a.id] ?? [])).sorted()
            var reasons: [Ineligibility] = []
            if !inPopulation(a) { reasons.append(.role(a.role ?? "")) }
            if let r = rosterReasons[a.id] { reasons.append(r) }
            if rosterReasons[a.id] == .neverInspected {
                // 0 visits, said once.
            } else if a.visits == 0 {
                reasons.append(.noScoredVisit)
            } else if a.visits < p.minVisits {
                reasons.append(.fewVisits(a.visits))
            }
            if p.veto == .disqualify, !incidents.isEmpty { reasons.append(.veto(incidents)) }
            if let s = score, s < p.minScore { reasons.append(.lowScore(s)) }
            let e = RankEntry(
                id: a.id, name: a.name, role: p.by == .staff ? a.role : nil, branchBox: a.branchBox,
                visits: a.visits, weight: a.sumW, mean: mean, score: score, praises: praised, praisePoints: points, min: a.minX,
                veto: Array(Set(incidents.map(\.item))).sorted(), incidents: incidents, reasons: reasons,
                rank: nil, groupRank: nil, group: nil, tied: false, tiedInGroup: false, stars: nil, selected: false,
                visitList: a.visitList.sorted { ($0.date, $0.visit) < ($1.date, $1.visit) }, unweighted: a.unweighted)
            entries.append(e)
        }
        // Ids are unique, so each half's order is total: what `partition` leaves is undone.
        let split = entries.partition { !$0.eligible }
        Self.sort(&entries, 0..<split) { a, b in
            let ka = OrderKey(a), kb = OrderKey(b)
            return ka != kb ? kb < ka : a.id < b.id
        }
        Self.sort(&entries, split..<entries.count) { $0.id < $1.id }

        let keys = entries[..<split].map(OrderKey.init)
        for (i, r) in RankNumbering.numbers(keys, p.ties).enumerated() {
            entries[i].rank = r
            entries[i].tied = (i > 0 && keys[i - 1] == keys[i]) || (i + 1 < keys.count && keys[i + 1] == keys[i])
            entries[i].stars = p.stars(for: entries[i].score, eligible: true)
        }

        // Selection per group. Entries keep their global order inside a group.
        var members: [String?: [Int]] = [:]
        for i in 0..<split {
            let g = Self.groupKey(entries[i], p.select.per)
            entries[i].group = g
            members[g, default: []].append(i)
        }
        for (_, idx) in members {
            let gk = idx.map { keys[$0] }
            for j in idx.indices {
                entries[idx[j]].tiedInGroup = (j > 0 && gk[j - 1] == gk[j]) || (j + 1 < gk.count && gk[j + 1] == gk[j])
            }
            if p.select.per != .all {
                for (j, r) in RankNumbering.numbers(gk, p.ties).enumerated() { entries[idx[j]].groupRank = r }
            }
            let n = RankNumbering.selectedCount(gk, quota: RankNumbering.quota(p.select.quota, of: gk.count), atCutoff: p.select.atCutoff)
            for j in 0..<n { entries[idx[j]].selected = true }
        }

        // Every group, including those with nobody eligible (so the memo can say so).
        var groupKeys = Set(members.keys)
        if p.select.per != .all {
            for e in entries[split...] { groupKeys.insert(Self.groupKey(e, p.select.per)) }
        }
        if p.select.per == .all { groupKeys.insert(nil) }
        var labels: [String: String] = [:]
        if p.select.per == .branch {
            for e in entries { labels[e.branch.id] = e.branch.name }
        }
        let groups = groupKeys.sorted { a, b in
            switch (a, b) {
            case (nil, _): return false
            case (_, nil): return true
            case let (x?, y?): return x < y
            }
        }.map { key -> Ranking.Group in
            let idx = members[key] ?? []
            return Ranking.Group(key: key, label: key.map { labels[$0] ?? $0 }, eligible: idx.count,
                                 quota: RankNumbering.quota(p.select.quota, of: idx.count),
                                 selected: idx.filter { entries[$0].selected }.count)
        }

        return Ranking(policy: p, period: period, priorMean: c, entries: entries, groups: groups,
                       visitsInPeriod: visitsInPeriod, visitsOutside: visitsOutside, visitsUnweighted: visitsUnweighted)
    }

    /// Sorts `entries[range]` through a permutation of 4-byte indices, then moves each entry
    /// once along the permutation's cycles: the standard sort's merge buffer held a copy of
    /// the entries being sorted (9 MB for 38,000 staff; SPEC §5). `before` is a total order.
    static func sort(_ entries: inout [RankEntry], _ range: Range<Int>, by before: (RankEntry, RankEntry) -> Bool) {
        guard range.count > 1 else { return }
        let base = range.lowerBound
        var order = [Int32](repeating: 0, count: range.count)
        for k in order.indices { order[k] = Int32(base + k) }
        order.sort { before(entries[Int($0)], entries[Int($1)]) }
        // Position base + k takes the entry that was at order[k].
        var placed = [Bool](repeating: false, count: order.count)
        for start in order.indices where !placed[start] {
            let first = entries[base + start]
            var k = start
            while true {
                placed[k] = true
                let from = Int(order[k]) - base
                if from == start {
                    entries[base + k] = first
                    break
                }
                entries[base + k] = entries[base + from]
                k = from
            }
        }
    }

    static func groupKey(_ e: RankEntry, _ per: Policy.GroupBy) -> String? {
        switch per {
        case .all: return nil
        case .branch: return e.branch.id
        case .parent: return e.branch.parent
        case .region: return e.branch.region
        }
    }

    /// K for a group of n eligible entries (kept for callers and tests: `RankNumbering.quota`).
    static func quota(_ q: Policy.Quota, of n: Int) -> Int { RankNumbering.quota(q, of: n) }
}

extension OrderKey {
    init(_ e: RankEntry) { self.init(score: e.score, visits: e.visits, min: e.min) }
}

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
    public var branch: Branch
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
    /// Eligible entries in rank order (inside a tie by id), then the ineligible ones by id:
    /// each made as it is asked for, from the fold's slot and its place in the ranking.
    public var entries: RankEntries
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

/// The entries of a ranking, each made when it is read (a JSON ranking of a bank writes
/// them one at a time, SPEC §5): the fold's slot gives the totals, and the ranking keeps per
/// entry only its slot, rank numbers and flags — 16 bytes where a `RankEntry` took 272.
public struct RankEntries: RandomAccessCollection, Sendable {
    let fold: RankFold
    /// C, the shrinkage target.
    let prior: Double?
    let placed: [Placement]

    struct Placement: Sendable {
        var slot: Int32
        var rank: Int32 = 0
        var groupRank: Int32 = 0
        var flags: UInt8 = 0
        static let eligible: UInt8 = 1, tied: UInt8 = 2, tiedInGroup: UInt8 = 4, selected: UInt8 = 8
        func has(_ f: UInt8) -> Bool { flags & f != 0 }
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { placed.count }

    /// Every item breached behind some entry (what `veto` of the entries holds together),
    /// without making the entries.
    func vetoItems() -> Set<String> {
        var items = Set<String>()
        for set in fold.incidents.values { for i in set { items.insert(i.item) } }
        for (id, list) in fold.eventBreaches where fold.slot(of: id) != nil { for i in list { items.insert(i.item) } }
        return items
    }

    public subscript(i: Int) -> RankEntry {
        let pl = placed[i]
        var e = fold.entry(Int(pl.slot), prior: prior)
        guard pl.has(Placement.eligible) else { return e }
        let p = fold.policy
        e.rank = Int(pl.rank)
        e.tied = pl.has(Placement.tied)
        e.stars = p.stars(for: e.score, eligible: true)
        e.group = RankFold.groupKey(e.branch, p.select.per)
        e.tiedInGroup = pl.has(Placement.tiedInGroup)
        if p.select.per != .all { e.groupRank = Int(pl.groupRank) }
        e.selected = pl.has(Placement.selected)
        return e
    }
}

extension RankFold {
    /// Entry `k` as the policy makes it, before its place in the ranking: score, incidents,
    /// reasons. The ranking and every reader of its entries take it from here.
    func entry(_ k: Int, prior c: Double?) -> RankEntry {
        let p = policy
        let a = slots[k]
        let mean = a.mean.mean
        var score = Shrinkage.score(mean: mean, visits: a.visits, prior: p.priorVisits, population: c)
        // Praise is added after shrinkage, capped (SPEC §2.6); an entry without a score gets none.
        let praised = praises.isEmpty ? 0 : praises[a.id] ?? 0
        let points = score == nil ? 0 : p.events.points(forPraises: praised)
        if points > 0 { score! += points }
        let own = incidents.isEmpty ? nil : incidents[Int32(k)]
        let events = eventBreaches.isEmpty ? nil : eventBreaches[a.id]
        let incidents = own == nil && events == nil ? [] : ((own ?? []).union(events ?? [])).sorted()
        let roster = rosterReasons.isEmpty ? nil : rosterReasons[a.id]
        var reasons: [Ineligibility] = []
        if !inPopulation(a) { reasons.append(.role(role(of: a) ?? "")) }
        if let r = roster { reasons.append(r) }
        if roster == .neverInspected {
            // 0 visits, said once.
        } else if a.visits == 0 {
            reasons.append(.noScoredVisit)
        } else if a.visits < p.minVisits {
            reasons.append(.fewVisits(a.visits))
        }
        if p.veto == .disqualify, !incidents.isEmpty { reasons.append(.veto(incidents)) }
        if let s = score, s < p.minScore { reasons.append(.lowScore(s)) }
        let kept = visitLists.isEmpty ? [] : (visitLists[Int32(k)] ?? []).sorted { ($0.date, $0.visit) < ($1.date, $1.visit) }
        return RankEntry(
            id: a.id, name: a.name, role: p.by == .staff ? role(of: a) : nil, branch: branches[Int(a.branch)],
            visits: a.visits, weight: a.mean.sumW, mean: mean, score: score, praises: praised, praisePoints: points, min: a.mean.min,
            veto: incidents.isEmpty ? [] : Array(Set(incidents.map(\.item))).sorted(), incidents: incidents, reasons: reasons,
            rank: nil, groupRank: nil, group: nil, tied: false, tiedInGroup: false, stars: nil, selected: false,
            visitList: kept, unweighted: Int(a.unweighted))
    }

    /// In the ranking population: every entry, or with `roles` the staff of those roles.
    func inPopulation(_ a: EntrySlot) -> Bool {
        guard policy.by == .staff, let roles = policy.roles else { return true }
        return roles.contains(role(of: a) ?? "")
    }

    /// Applies the policy: eligibility, order, rank numbers, selection per group, stars.
    public func ranking() -> Ranking {
        let p = policy

        // C over the population after role filtering, ineligible entries included.
        var population = WeightedMean()
        for a in slots where inPopulation(a) { population.add(a.mean) }
        let c = population.mean

        // Each entry made once here for what orders it, then dropped: the ranking keeps
        // slot numbers, and the eligible ones' keys only until they are numbered.
        var eligible: [(key: OrderKey, slot: Int32)] = []
        var ineligible: [Int32] = []
        // Room made once for every entry: grown by doubling, the list was up to 1.5x its size
        // and held its old buffer beside the new one at each step (SPEC §5).
        eligible.reserveCapacity(slots.count)
        for k in slots.indices {
            let e = entry(k, prior: c)
            if e.eligible { eligible.append((OrderKey(e), Int32(k))) } else { ineligible.append(Int32(k)) }
        }
        // Ids are unique, so each half's order is total.
        eligible.sort { a, b in a.key != b.key ? b.key < a.key : slots[Int(a.slot)].id < slots[Int(b.slot)].id }
        ineligible.sort { slots[Int($0)].id < slots[Int($1)].id }
        let split = eligible.count

        var placed: [RankEntries.Placement] = []
        placed.reserveCapacity(split + ineligible.count)
        // The keys are read where they are, in `eligible`: a copy of them was 24 bytes an
        // entry more at the top of the ranking (SPEC §5).
        let keys = eligible.lazy.map(\.key)
        for (i, r) in RankNumbering.numbers(keys, p.ties).enumerated() {
            var pl = RankEntries.Placement(slot: eligible[i].slot, rank: Int32(r), flags: RankEntries.Placement.eligible)
            if RankNumbering.tied(keys, i) { pl.flags |= RankEntries.Placement.tied }
            placed.append(pl)
        }
        for k in ineligible { placed.append(RankEntries.Placement(slot: k)) }
        ineligible = []

        // Selection per group. Entries keep their global order inside a group.
        func branchOf(_ i: Int) -> Branch { branch(of: Int(placed[i].slot)) }
        var members: [String?: [Int32]] = [:]
        for i in 0..<split {
            members[Self.groupKey(branchOf(i), p.select.per), default: []].append(Int32(i))
        }
        var selectedIn: [String?: Int] = [:]
        for (g, list) in members {
            // The group's keys read where they are, in `eligible`, not copied.
            let idx = list.lazy.map { Int($0) }
            let gk = list.lazy.map { eligible[Int($0)].key }
            for j in idx.indices where RankNumbering.tied(gk, j) {
                placed[idx[j]].flags |= RankEntries.Placement.tiedInGroup
            }
            if p.select.per != .all {
                for (j, r) in RankNumbering.numbers(gk, p.ties).enumerated() { placed[idx[j]].groupRank = Int32(r) }
            }
            let n = RankNumbering.selectedCount(gk, quota: RankNumbering.quota(p.select.quota, of: gk.count), atCutoff: p.select.atCutoff)
            for j in 0..<n { placed[idx[j]].flags |= RankEntries.Placement.selected }
            selectedIn[g] = n
        }
        eligible = []

        // Every group, including those with nobody eligible (so the memo can say so).
        var groupKeys = Set(members.keys)
        if p.select.per != .all {
            for i in split..<placed.count { groupKeys.insert(Self.groupKey(branchOf(i), p.select.per)) }
        }
        if p.select.per == .all { groupKeys.insert(nil) }
        var labels: [String: String] = [:]
        if p.select.per == .branch {
            for i in placed.indices { let b = branchOf(i); labels[b.id] = b.name }
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
                                 selected: selectedIn[key] ?? 0)
        }

        return Ranking(policy: p, period: period, priorMean: c, entries: RankEntries(fold: self, prior: c, placed: placed), groups: groups,
                       visitsInPeriod: visitsInPeriod, visitsOutside: visitsOutside, visitsUnweighted: visitsUnweighted)
    }

    static func groupKey(_ e: RankEntry, _ per: Policy.GroupBy) -> String? { groupKey(e.branch, per) }

    static func groupKey(_ b: Branch, _ per: Policy.GroupBy) -> String? {
        switch per {
        case .all: return nil
        case .branch: return b.id
        case .parent: return b.parent
        case .region: return b.region
        }
    }

    /// K for a group of n eligible entries (kept for callers and tests: `RankNumbering.quota`).
    static func quota(_ q: Policy.Quota, of n: Int) -> Int { RankNumbering.quota(q, of: n) }
}

extension OrderKey {
    init(_ e: RankEntry) { self.init(score: e.score, visits: e.visits, min: e.min) }
}

/// Folds the visits of a period into what coverage needs (SPEC §2.8): per branch the date and
/// method of each visit, per employee the number of observations. Kept per visit is one date
/// and one method, so a quarter of 250,000 visits is a few megabytes.
public struct CoverageFold: Sendable {
    public let roster: Roster
    public let policy: Policy
    public let period: Period
    public private(set) var visitsInPeriod = 0
    public private(set) var visitsOutside = 0

    /// Branch id → (day ordinal, method) of its visits in the period.
    var visits: [String: [(day: Int, method: Visit.Method)]] = [:]
    /// Branch as the latest visit names it, for branches not on the roster.
    var visitBranch: [String: (branch: Branch, date: Day)] = [:]
    /// Employee id → observations in the period, at any branch, scored or not.
    var observed: [String: Int] = [:]
    /// Observations on a date no roster row of the employee covers.
    var offRoster: [String: (name: String, role: String, branch: Branch, date: Day, count: Int)] = [:]

    public init(roster: Roster, policy: Policy, period: Period) {
        self.roster = roster
        self.policy = policy
        self.period = period
    }

    public mutating func add(_ v: VisitSummary) {
        guard period.contains(v.date) else {
            visitsOutside += 1
            return
        }
        visitsInPeriod += 1
        visits[v.branch.id, default: []].append((v.date.ordinal, v.method))
        if let seen = visitBranch[v.branch.id], seen.date > v.date {} else { visitBranch[v.branch.id] = (v.branch, v.date) }
        for s in v.staff {
            observed[s.id, default: 0] += 1
            if roster.assignment(of: s.id, on: v.date) == nil {
                var o = offRoster[s.id] ?? (s.name, s.role, v.branch, v.date, 0)
                o.count += 1
                if v.date >= o.date { o = (s.name, s.role, v.branch, v.date, o.count) }
                offRoster[s.id] = o
            }
        }
    }

    public func coverage() -> Coverage {
        let rules = policy.cadence
        let ruleSlots = rules.map { $0.slots(in: period) }
        var totals = [Coverage.Tally](repeating: Coverage.Tally(), count: rules.count)
        var rows: [Coverage.BranchRow] = []
        for id in roster.activeBranches(in: period) {
            let row = roster.branch(id)!
            let days = (visits[id] ?? []).sorted { $0.day < $1.day }
            var branchRules: [Coverage.BranchRule] = []
            for (k, rule) in rules.enumerated() {
                var tally = Coverage.Tally()
                var results: [Coverage.SlotResult] = []
                for slot in ruleSlots[k] {
                    let n = Self.count(days, from: slot.from.ordinal, to: slot.to.ordinal, methods: rule.methods)
                    let status: Coverage.SlotStatus
                    if !activeSomeDay(id, slot) {
                        status = .exempt
                    } else {
                        tally.required += 1
                        if n >= rule.atLeast { tally.met += 1; status = .met } else { status = .missed }
                    }
                    results.append(Coverage.SlotResult(slot: slot, status: status, visits: n))
                }
                totals[k].required += tally.required
                totals[k].met += tally.met
                branchRules.append(Coverage.BranchRule(name: rule.name, tally: tally, slots: results))
            }
            let waivers = (roster.waivers[id] ?? []).filter { $0.from <= period.to && period.from <= $0.to }
            rows.append(Coverage.BranchRow(branch: row.branch, from: row.from, to: row.to, visits: days.count,
                                           rules: branchRules, waivers: waivers))
        }

        let unknown = visitBranch.keys.filter { roster.branch($0) == nil }.sorted().map {
            Coverage.UnknownBranch(branch: visitBranch[$0]!.branch, visits: visits[$0]?.count ?? 0)
        }

        let active = roster.activeStaff(in: period)
        var under: [Coverage.StaffRow] = []
        for id in active {
            let n = observed[id] ?? 0
            guard n < policy.staffCoverage, let a = roster.representative(of: id, in: period) else { continue }
            under.append(Coverage.StaffRow(id: id, name: a.name, role: a.role, branch: roster.branchValue(a.branch), observed: n))
        }
        let off = offRoster.keys.sorted().map { id in
            let o = offRoster[id]!
            return Coverage.StaffRow(id: id, name: o.name, role: o.role, branch: o.branch, observed: o.count)
        }
        return Coverage(period: period, rules: rules, ruleTotals: totals, branches: rows, unknownBranches: unknown,
                        staffActive: active.count, staffInspected: active.count - under.count, atLeast: policy.staffCoverage,
                        underInspected: under, notOnRoster: off, visitsInPeriod: visitsInPeriod)
    }

    /// Active on at least one day of the slot (already cut to the period).
    func activeSomeDay(_ branch: String, _ slot: CalendarSlot) -> Bool {
        var d = slot.from
        while d <= slot.to {
            if roster.branchActive(branch, on: d) { return true }
            d = d.adding(days: 1)
        }
        return false
    }

    /// Visits of `methods` dated from…to (ordinals, inclusive) in a date-sorted list.
    static func count(_ days: [(day: Int, method: Visit.Method)], from: Int, to: Int, methods: [Visit.Method]) -> Int {
        var lo = 0, hi = days.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if days[mid].day < from { lo = mid + 1 } else { hi = mid }
        }
        var n = 0
        var i = lo
        while i < days.count, days[i].day <= to {
            if methods.contains(days[i].method) { n += 1 }
            i += 1
        }
        return n
    }
}

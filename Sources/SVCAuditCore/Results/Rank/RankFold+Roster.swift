/// Ranking with a roster (SPEC §2.6): names, roles and branches come from the roster; every
/// employee (branch) active on it in the period is an entry, those never observed ineligible
/// with 0 visits, and those observed but not on it ineligible.
extension RankFold {
    public func ranking(roster: Roster?) -> Ranking {
        guard let roster else { return ranking() }
        var fold = self
        // Without a period the roster is read over the span of the visits folded.
        let period = self.period ?? visitSpan ?? Period(from: Day(year: 1, month: 1, day: 1)!, to: Day(year: 9999, month: 12, day: 31)!)
        var active = 0, never = 0, off = 0
        switch policy.by {
        case .staff:
            for id in roster.activeStaff(in: period) {
                active += 1
                let a = roster.representative(of: id, in: period)!
                let branch = roster.branchValue(a.branch)
                if let i = fold.aggregates.index(forKey: id) {
                    fold.aggregates.values[i].name = a.name
                    fold.aggregates.values[i].role = a.role
                    fold.aggregates.values[i].branch = branch
                } else {
                    never += 1
                    fold.aggregates[id] = EntryAggregate(id: id, name: a.name, role: a.role, branch: branch,
                                                         latest: .init(scored: false, date: period.to, file: ""))
                    fold.rosterReasons[id] = .neverInspected
                }
            }
            for id in fold.aggregates.keys where !roster.staffActive(id, in: period) {
                off += 1
                fold.rosterReasons[id] = .notOnRoster
            }
        case .branch:
            for id in roster.activeBranches(in: period) {
                active += 1
                let b = roster.branch(id)!.branch
                if let i = fold.aggregates.index(forKey: id) {
                    fold.aggregates.values[i].name = b.name
                    fold.aggregates.values[i].branch = b
                } else {
                    never += 1
                    fold.aggregates[id] = EntryAggregate(id: id, name: b.name, role: nil, branch: b,
                                                         latest: .init(scored: false, date: period.to, file: ""))
                    fold.rosterReasons[id] = .neverInspected
                }
            }
            let activeIDs = Set(roster.activeBranches(in: period))
            for id in fold.aggregates.keys where !activeIDs.contains(id) {
                off += 1
                fold.rosterReasons[id] = .notOnRoster
            }
        }
        var r = fold.ranking()
        r.roster = Ranking.RosterCounts(active: active, neverInspected: never, notOnRoster: off)
        return r
    }
}

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
                let branch = fold.number(roster.branchValue(a.branch))
                if let k = fold.slot(of: id) {
                    fold.slots[k].name = a.name
                    fold.slots[k].role = fold.number(role: a.role)
                    fold.slots[k].branch = branch
                } else {
                    never += 1
                    fold.addSlot(EntrySlot(id: id, name: a.name, role: fold.number(role: a.role), branch: branch,
                                           latest: .init(scored: false, date: period.to, file: 0)))
                    fold.rosterReasons[id] = .neverInspected
                }
            }
            for k in fold.slots.indices where !roster.staffActive(fold.slots[k].id, in: period) {
                off += 1
                fold.rosterReasons[fold.slots[k].id] = .notOnRoster
            }
        case .branch:
            for id in roster.activeBranches(in: period) {
                active += 1
                let b = roster.branch(id)!.branch
                let branch = fold.number(b)
                if let k = fold.slot(of: id) {
                    fold.slots[k].name = b.name
                    fold.slots[k].branch = branch
                } else {
                    never += 1
                    fold.addSlot(EntrySlot(id: id, name: b.name, role: 0, branch: branch,
                                           latest: .init(scored: false, date: period.to, file: 0)))
                    fold.rosterReasons[id] = .neverInspected
                }
            }
            let activeIDs = Set(roster.activeBranches(in: period))
            for k in fold.slots.indices where !activeIDs.contains(fold.slots[k].id) {
                off += 1
                fold.rosterReasons[fold.slots[k].id] = .notOnRoster
            }
        }
        var r = fold.ranking()
        r.roster = Ranking.RosterCounts(active: active, neverInspected: never, notOnRoster: off)
        return r
    }
}

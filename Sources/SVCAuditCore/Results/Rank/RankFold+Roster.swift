/// Ranking with a roster (SPEC §2.6): names, roles and branches come from the roster; every
/// employee (branch) active on it in the period is an entry, those never observed ineligible
/// with 0 visits, and those observed but not on it ineligible.
extension RankFold {
    /// Changes the fold in place (names, roles and branches from the roster, its entries
    /// added): a copy of the fold changed here copied every chunk of its entries, twice the
    /// slots of a bank's staff at the top of the ranking (SPEC §5).
    public mutating func ranking(roster: Roster?) -> Ranking {
        guard let roster else { return ranking() }
        // Without a period the roster is read over the span of the visits folded.
        let period = self.period ?? visitSpan ?? Period(from: Day(year: 1, month: 1, day: 1)!, to: Day(year: 9999, month: 12, day: 31)!)
        var active = 0, never = 0, off = 0
        switch policy.by {
        case .staff:
            for id in roster.activeStaff(in: period) {
                active += 1
                let a = roster.representative(of: id, in: period)!
                let branch = number(roster.branchValue(a.branch))
                if let k = slot(of: id) {
                    slots[k].name = a.name
                    slots[k].role = number(role: a.role)
                    slots[k].branch = branch
                } else {
                    never += 1
                    addSlot(EntrySlot(id: id, name: a.name, role: number(role: a.role), branch: branch,
                                      latest: .init(scored: false, date: period.to, file: 0)))
                    rosterReasons[id] = .neverInspected
                }
            }
            for k in slots.indices where !roster.staffActive(slots[k].id, in: period) {
                off += 1
                rosterReasons[slots[k].id] = .notOnRoster
            }
        case .branch:
            for id in roster.activeBranches(in: period) {
                active += 1
                let b = roster.branch(id)!.branch
                let branch = number(b)
                if let k = slot(of: id) {
                    slots[k].name = b.name
                    slots[k].branch = branch
                } else {
                    never += 1
                    addSlot(EntrySlot(id: id, name: b.name, role: 0, branch: branch,
                                      latest: .init(scored: false, date: period.to, file: 0)))
                    rosterReasons[id] = .neverInspected
                }
            }
            let activeIDs = Set(roster.activeBranches(in: period))
            for k in slots.indices where !activeIDs.contains(slots[k].id) {
                off += 1
                rosterReasons[slots[k].id] = .notOnRoster
            }
        }
        var r = ranking()
        r.roster = Ranking.RosterCounts(active: active, neverInspected: never, notOnRoster: off)
        return r
    }
}

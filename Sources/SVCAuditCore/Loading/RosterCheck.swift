/// Visits checked against the roster (SPEC §1.4), as warnings: a branch or employee not on
/// it, an employee observed at a branch other than the one assigned on the visit date, a
/// name that differs from the roster's.
public enum RosterCheck {
    /// A roster and the period whose visits are checked against it (nil: every visit).
    public struct Against: Sendable {
        public let roster: Roster
        public let period: Period?
        public init?(_ roster: Roster?, period: Period?) {
            guard let roster else { return nil }
            self.roster = roster
            self.period = period
        }

        /// The visit's roster warnings, into the run's digest.
        public func check(_ v: VisitSummary, into digest: DiagnosticDigest) {
            guard period?.contains(v.date) ?? true else { return }
            digest.add(file: RosterCheck.check(v, against: roster))
        }
    }

    public static func check(_ v: VisitSummary, against roster: Roster) -> [Diagnostic] {
        var d = DiagnosticList(file: v.file)
        // A summary keeps no mark for `branch:`; the visit's first line stands for it.
        let at = Mark.start
        if let row = roster.branch(v.branch.id) {
            if !row.open(on: v.date) {
                d.warning(.rosterBranchClosed, ["id": .text(v.branch.id), "date": .text(v.date.description),
                                                "span": .text("\(row.from?.description ?? "…")–\(row.to?.description ?? "…")")], at: at)
            }
            if row.branch.name != v.branch.name {
                d.warning(.rosterNameMismatch, ["what": .localized(zh: "网点", en: "branch"), "id": .text(v.branch.id),
                                                "found": .text(v.branch.name), "roster": .text(row.branch.name)], at: at)
            }
        } else {
            d.warning(.notOnRosterBranch, ["id": .text(v.branch.id),
                                           "hint": .hint(Suggestion.closest(to: v.branch.id, in: roster.branches.keys))], at: at)
        }
        for s in v.staff {
            guard let a = roster.assignment(of: s.id, on: v.date) else {
                d.warning(.notOnRosterStaff, ["id": .text(s.id), "name": .text(s.name), "date": .text(v.date.description)], at: s.mark)
                continue
            }
            if a.branch != v.branch.id {
                d.warning(.rosterWrongBranch, ["id": .text(s.id), "name": .text(s.name), "date": .text(v.date.description),
                                               "assigned": .text(a.branch), "branch": .text(v.branch.id)], at: s.mark)
            }
            if a.name != s.name {
                d.warning(.rosterNameMismatch, ["what": .localized(zh: "员工", en: "employee"), "id": .text(s.id),
                                                "found": .text(s.name), "roster": .text(a.name)], at: s.mark)
            }
        }
        return d.items
    }
}

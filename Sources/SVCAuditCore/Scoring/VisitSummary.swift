/// A scored visit without its item-by-item results: what `rank`, `report`, `score` and
/// `validate` fold over a whole quarter. `Scorer.score(_:detail:)` makes it, with or
/// without the item-by-item `VisitScore` beside it.
public struct VisitSummary: Sendable, Equatable {
    public struct ChecklistScore: Sendable, Equatable {
        public var id: String
        public var weight: Double
        public var score: Double
        /// Subjects the score is the mean of (1 for a branch-scope checklist).
        public var subjects: Int
    }

    public struct Staff: Sendable, Equatable {
        public var id: String
        public var name: String
        public var role: String
        /// Where the employee's entry stands in the file (for cross-visit warnings).
        public var mark: Mark
        public var base: Double?
        public var bonus: Double
        public var score: Double? { base.map { $0 + bonus } }
        /// Scored checklists only, in catalog order.
        public var checklists: [ChecklistScore]
        /// Breached veto items, sorted.
        public var veto: [String]
        /// Applicable items left unanswered, sorted.
        public var unanswered: [String]
        public var deductions: Int
    }

    /// A visit-level section score (SPEC §2.3 applied to a section): `section` numbers
    /// `ScoringIndex.universe.sections` (the same in every version's catalog).
    public struct SectionScore: Sendable, Equatable {
        public var section: Int
        public var score: Double
    }

    /// A veto breach with its answer's note; `staff` indexes `staff` (nil: a branch item).
    public struct Breach: Sendable, Equatable {
        public var item: String
        public var staff: Int?
        public var note: String?
    }

    public var id: String
    public var file: String
    /// The file's number in byte-wise path order among the run's files (`VisitRun` sets it; 0
    /// otherwise): the latest-visit rule compares it, not the path (`LatestVisit`).
    public var fileOrder = 0
    public var branch: Branch
    public var date: Day
    public var inspector: String
    public var method: Visit.Method
    public var base: Double?
    /// Σ bonus of branch-scope bonus items.
    public var bonus: Double
    public var score: Double? { base.map { $0 + bonus } }
    /// Visit-level checklist scores, catalog order, scored ones only.
    public var checklists: [ChecklistScore]
    /// Visit-level section scores, in `ScoringIndex.sections` order.
    public var sections: [SectionScore]
    /// The version of each assessed checklist the visit was scored against, catalog order
    /// (SPEC §1.1 "Versions over time", `versions` in the score JSON).
    public var versions: [VersionUsed] = []
    /// Branch-scope veto breaches, sorted (the visit's own `veto`).
    public var veto: [String]
    public var staff: [Staff]
    /// Deductions in the visit, branch and staff (rectification findings).
    public var findings: Int
    /// Every counted answer (outcome scored), subject by subject in catalog order, as
    /// `item number << 1 | 1 if it lost points`, items numbered by `ScoringIndex.universe`
    /// (alike in every version's catalog): the 通报's most-failed items.
    public var counted: [UInt32]
    /// Every veto breach, subject by subject (branch first), items in catalog order.
    public var breaches: [Breach]

    /// Anything breached in the visit, by the branch or by any employee (branch rankings).
    public var anyBreach: [String] {
        var all = Set(veto)
        for s in staff { all.formUnion(s.veto) }
        return all.sorted()
    }

    public func checklistScore(_ id: String) -> Double? { checklists.first { $0.id == id }?.score }
}

extension VisitSummary {
    /// The summary of a fully scored visit (made by the same scoring run as the detail).
    public init(_ v: VisitScore, catalog: ChecklistCatalog) { self = v.summary }
}

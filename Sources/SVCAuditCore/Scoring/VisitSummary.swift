/// A scored visit without its item-by-item results: what `rank`, `report`, `score` and
/// `validate` fold over a whole quarter. It is made either straight from the file's YAML
/// events (`VisitStreamReader`, the fast path for clean files) or from a full `VisitScore`
/// (`init(_:catalog:)`); the two must agree exactly, and the tests check that they do.
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
    /// `ScoringIndex.sections`.
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
    /// Branch-scope veto breaches, sorted (the visit's own `veto`).
    public var veto: [String]
    public var staff: [Staff]
    /// Deductions in the visit, branch and staff (rectification findings).
    public var findings: Int
    /// Every counted answer (outcome scored), subject by subject in catalog order, as
    /// `flat item number << 1 | 1 if it lost points`: the 通报's most-failed items.
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
    /// The summary of a fully scored visit.
    public init(_ v: VisitScore, catalog: ChecklistCatalog) {
        let index = catalog.scoring
        id = v.id; file = v.file; branch = v.branch; date = v.date; inspector = v.inspector; method = v.method
        base = v.base; bonus = v.bonus; veto = v.branchPart.veto; findings = v.findings
        checklists = v.checklists.map { ChecklistScore(id: $0.id, weight: $0.weight, score: $0.score, subjects: $0.subjects) }
        staff = v.staff.map { s in
            Staff(id: s.id, name: s.name, role: s.role, mark: s.mark, base: s.result.base, bonus: s.result.bonus,
                  checklists: s.result.checklists.compactMap { r in
                      r.score.map { ChecklistScore(id: r.id, weight: r.weight, score: $0, subjects: 1) }
                  },
                  veto: s.result.veto, unanswered: s.result.unanswered, deductions: s.result.deductions)
        }

        // Sections: per subject the section's own score, then the mean over subjects (SPEC §2.3).
        var perSection = [MeanAccumulator](repeating: MeanAccumulator(), count: index.sections.count)
        var counted: [UInt32] = []
        var breaches: [Breach] = []
        let subjects = [(v.branchPart, nil as Int?)] + v.staff.enumerated().map { ($0.element.result, $0.offset) }
        for (subject, staffIndex) in subjects {
            for r in subject.checklists {
                guard let ci = catalog.index(of: r.id) else { continue }
                for s in r.sections {
                    guard let x = s.score,
                          let k = index.sections.firstIndex(where: { $0.checklist == ci && $0.name == s.name }) else { continue }
                    perSection[k].add(x)
                }
                for i in r.items {
                    if case .scored = i.outcome, let flat = index.find(i.item) {
                        counted.append(UInt32(flat) << 1 | (i.deduction ? 1 : 0))
                    }
                    if i.breach { breaches.append(Breach(item: i.item, staff: staffIndex, note: i.answer?.note)) }
                }
            }
        }
        sections = perSection.enumerated().compactMap { k, acc in acc.mean.map { SectionScore(section: k, score: $0) } }
        self.counted = counted
        self.breaches = breaches
    }
}

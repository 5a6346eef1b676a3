/// The scored form of one visit (SPEC §2.1–2.4): everything `score`, `explain`, `rank`,
/// `report` and `rectify` need, so none of them computes a score on its own.
public struct VisitScore: Sendable {
    public var id: String
    public var file: String
    public var branch: Branch
    public var date: Day
    public var inspector: String
    public var method: Visit.Method
    /// Checklist ids assessed, in catalog order.
    public var assessed: [String]
    /// Branch-scope checklists, scored once for the visit.
    public var branchPart: SubjectScore
    public var staff: [StaffScore]
    /// The visit's per-checklist scores: branch-scope S_k, and for staff scope the mean of S_k
    /// over the employees for whom k is scored. Only scored checklists appear.
    public var checklists: [(id: String, weight: Double, score: Double, subjects: Int)]
    public var base: Double?
    /// Σ bonus of branch-scope bonus items.
    public var bonus: Double
    public var score: Double? { base.map { $0 + bonus } }
    /// Deductions in the visit (branch and staff), i.e. rectification findings.
    public var findings: Int
    /// The same visit as `rank`, `report` and `score` fold it, made by the same scoring run.
    public var summary: VisitSummary

    public init(id: String, file: String, branch: Branch, date: Day, inspector: String, method: Visit.Method,
                assessed: [String], branchPart: SubjectScore, staff: [StaffScore],
                checklists: [(id: String, weight: Double, score: Double, subjects: Int)], base: Double?, bonus: Double,
                findings: Int, summary: VisitSummary? = nil) {
        self.id = id; self.file = file; self.branch = branch; self.date = date; self.inspector = inspector
        self.method = method; self.assessed = assessed; self.branchPart = branchPart; self.staff = staff
        self.checklists = checklists; self.base = base; self.bonus = bonus; self.findings = findings
        // A score built by hand (tests) carries its fields over as they are: nothing is
        // computed here, and there are no section scores without a scoring run.
        self.summary = summary ?? VisitSummary(
            id: id, file: file, branch: branch, date: date, inspector: inspector, method: method, base: base, bonus: bonus,
            checklists: checklists.map { .init(id: $0.id, weight: $0.weight, score: $0.score, subjects: $0.subjects) },
            sections: [], veto: branchPart.veto,
            staff: staff.map { s in
                .init(id: s.id, name: s.name, role: s.role, mark: s.mark, base: s.result.base, bonus: s.result.bonus,
                      checklists: s.result.checklists.compactMap { r in
                          r.score.map { .init(id: r.id, weight: r.weight, score: $0, subjects: 1) }
                      },
                      veto: s.result.veto, unanswered: s.result.unanswered, deductions: s.result.deductions)
            },
            findings: findings, counted: [], breaches: [])
    }

    /// Branch-scope veto breaches (the visit's own `veto` list).
    public var veto: [String] { branchPart.veto }

    /// Anything breached in the visit, by the branch or by any employee (branch rankings).
    public var anyBreach: [String] {
        Array(Set(branchPart.veto + staff.flatMap(\.result.veto))).sorted()
    }

    public func checklistScore(_ id: String) -> Double? {
        checklists.first { $0.id == id }?.score
    }
}

public struct StaffScore: Sendable {
    public var id: String
    public var name: String
    public var role: String
    public var result: SubjectScore
    /// Where the employee's entry stands in the visit file (for cross-visit warnings).
    public var mark: Mark = .start
}

/// The scores of one subject (an employee, or the branch's own items) on one visit.
public struct SubjectScore: Sendable {
    /// Every applicable checklist, scored or not, in catalog order.
    public var checklists: [ChecklistResult]
    /// Σ w_k S_k / Σ w_k over scored checklists; nil when none is scored.
    public var base: Double?
    /// Σ bonus over bonus items (not capped at 100).
    public var bonus: Double
    public var score: Double? { base.map { $0 + bonus } }
    /// Breached veto items, sorted.
    public var veto: [String]
    /// Applicable items left unanswered, sorted.
    public var unanswered: [String]
    /// Number of deductions (failed checks, deduct counts > 0, scale below points).
    public var deductions: Int

    public var scoredChecklists: [ChecklistResult] { checklists.filter { $0.score != nil } }
}

public struct ChecklistResult: Sendable {
    public var id: String
    public var weight: Double
    public var earned: Double
    public var max: Double
    /// 100 × earned / max; nil when max is 0 (all na or unanswered): not scored.
    public var score: Double? { max > 0 ? 100 * earned / max : nil }
    public var bonus: Double
    public var sections: [SectionResult]
    public var items: [ItemResult]
}

public struct SectionResult: Sendable {
    public var name: String
    public var earned: Double
    public var max: Double
    public var score: Double? { max > 0 ? 100 * earned / max : nil }
}

public struct ItemResult: Sendable {
    public enum Outcome: Sendable, Equatable {
        /// Counted: earned of max.
        case scored(earned: Double, max: Double)
        /// A bonus item: adds `bonus` outside the max.
        case bonus(Double)
        /// Answered na: out of both earned and max.
        case notApplicable
        /// Left unanswered: excluded like na (and warned about).
        case unanswered
    }

    public var item: String
    public var outcome: Outcome
    public var answer: Answer?
    public var deduction: Bool
    public var breach: Bool
}

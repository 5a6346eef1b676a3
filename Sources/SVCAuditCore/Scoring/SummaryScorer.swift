/// SPEC §2.1–2.4 for the streaming reader: the same arithmetic as `Scorer`, in the same order
/// (so the doubles agree to the last bit), over answers held by flat item number, producing a
/// `VisitSummary` without item-by-item results. Only fully answered, valid visits reach it.
struct SummaryScorer {
    /// One answer as the streaming reader keeps it.
    struct RawAnswer {
        var flat: Int
        var value: Answer.Value
        /// Kept for veto items only: the 通报 quotes the note of every breach.
        var note: String?
    }

    /// One subject's answers: the branch's own (`staff == nil`) or one employee's (its index).
    struct Subject {
        var answers: Range<Int>
        var staff: Int?
    }

    let index: ScoringIndex
    /// Answer position per flat item for the subject being scored (-1: none). Reused.
    private var slot: [Int]

    init(index: ScoringIndex) {
        self.index = index
        slot = [Int](repeating: -1, count: index.items.count)
    }

    struct SubjectResult {
        /// (checklist index, score) of scored checklists, catalog order.
        var scored: [(checklist: Int, score: Double)] = []
        var base: Double?
        var bonus = 0.0
        var veto: [String] = []
        var deductions = 0
    }

    /// Scores one subject; `applies` says which flat items apply to it, `assessed` which
    /// checklists the visit assessed. Section sums go to `sections` (earned, max) per section.
    mutating func score(_ answers: [RawAnswer], _ subject: Subject, applies: (Int) -> Bool, assessed: [Bool],
                        sections: inout [(earned: Double, max: Double)], counted: inout [UInt32],
                        breaches: inout [VisitSummary.Breach]) -> SubjectResult {
        for k in subject.answers { slot[answers[k].flat] = k }
        defer { for k in subject.answers { slot[answers[k].flat] = -1 } }
        var out = SubjectResult()
        var results: [(checklist: Int, weight: Double, score: Double?)] = []
        for ci in index.ranges.indices where assessed[ci] {
            // Branch items for the branch; for an employee, staff items that apply to the role
            // (a checklist that does not apply has no applicable item and so no score).
            guard index.scopes[ci] == (subject.staff == nil ? .branch : .staff) else { continue }
            var earned = 0.0, max = 0.0
            for flat in index.ranges[ci] {
                if subject.staff != nil, !applies(flat) { continue }
                let k = slot[flat]
                guard k >= 0 else { continue }  // never: unanswered visits take the full path
                let facts = index.facts[flat]
                let value = answers[k].value
                let deduction = value.isDeduction(facts)
                if deduction { out.deductions += 1 }
                if value.isBreach(facts) {
                    let id = index.items[flat].id
                    out.veto.append(id)
                    breaches.append(VisitSummary.Breach(item: id, staff: subject.staff, note: answers[k].note))
                }
                switch Scorer.outcome(facts, value) {
                case .scored(let e, let m):
                    earned += e
                    max += m
                    let section = index.itemSection[flat]
                    if section >= 0 {
                        sections[section].earned += e
                        sections[section].max += m
                    }
                    counted.append(UInt32(flat) << 1 | (deduction ? 1 : 0))
                case .bonus(let b):
                    out.bonus += b
                case .notApplicable, .unanswered:
                    break
                }
            }
            results.append((ci, index.weights[ci], max > 0 ? 100 * earned / max : nil))
        }
        var wsum = 0.0
        for r in results where r.score != nil { wsum += r.weight }
        if wsum > 0 {
            var sum = 0.0
            for r in results { if let s = r.score { sum += r.weight * s } }
            out.base = sum / wsum
        }
        out.scored = results.compactMap { r in r.score.map { (r.checklist, $0) } }
        out.veto.sort()
        return out
    }
}

/// The arithmetic of SPEC §2.1–2.4. Scores are unrounded doubles; rounding is for display only.
public struct Scorer: Sendable {
    public let catalog: ChecklistCatalog

    /// Where each checklist's items start in one flat numbering of every item.
    private let offsets: [Int]
    private let itemCount: Int

    public init(catalog: ChecklistCatalog) {
        self.catalog = catalog
        var offsets: [Int] = []
        var n = 0
        for c in catalog.checklists {
            offsets.append(n)
            n += c.items.count
        }
        self.offsets = offsets
        self.itemCount = n
    }

    public func score(_ visit: Visit) -> VisitScore {
        let assessed = Set(visit.checklists)
        let branchPart = scoreSubject(answers: visit.results, role: nil, assessed: assessed)
        var staff: [StaffScore] = []
        staff.reserveCapacity(visit.staff.count)
        for s in visit.staff {
            staff.append(StaffScore(id: s.id, name: s.name, role: s.role,
                                    result: scoreSubject(answers: s.results, role: s.role, assessed: assessed), mark: s.mark))
        }

        // Visit-level checklist scores (§2.3).
        var composite: [(id: String, weight: Double, score: Double, subjects: Int)] = []
        for c in catalog.checklists where assessed.contains(c.id) {
            switch c.scope {
            case .branch:
                if let s = branchPart.checklists.first(where: { $0.id == c.id })?.score {
                    composite.append((c.id, c.weight, s, 1))
                }
            case .staff:
                var sum = 0.0, n = 0
                for st in staff {
                    if let s = st.result.checklists.first(where: { $0.id == c.id })?.score { sum += s; n += 1 }
                }
                if n > 0 { composite.append((c.id, c.weight, sum / Double(n), n)) }
            }
        }
        let wsum = composite.reduce(0) { $0 + $1.weight }
        let base = wsum > 0 ? composite.reduce(0) { $0 + $1.weight * $1.score } / wsum : nil
        let findings = branchPart.deductions + staff.reduce(0) { $0 + $1.result.deductions }
        return VisitScore(id: visit.id, file: visit.file, branch: visit.branch, date: visit.date,
                          inspector: visit.inspector, method: visit.method,
                          assessed: catalog.checklists.lazy.filter { assessed.contains($0.id) }.map(\.id),
                          branchPart: branchPart, staff: staff, checklists: composite, base: base,
                          bonus: branchPart.bonus, findings: findings)
    }

    /// Scores the branch's own items (`role == nil`) or one employee's.
    func scoreSubject(answers: [Answer], role: String?, assessed: Set<String>) -> SubjectScore {
        // Answer index per item, in the flat numbering: one hash per answer, none per item.
        var slot = [Int](repeating: -1, count: itemCount)
        for (k, a) in answers.enumerated() {
            if let ref = catalog.ref(a.item) { slot[offsets[ref.checklist] + ref.item] = k }
        }

        var results: [ChecklistResult] = []
        var veto: [String] = []
        var unanswered: [String] = []
        var deductions = 0
        var bonusTotal = 0.0
        for (ci, c) in catalog.checklists.enumerated() where assessed.contains(c.id) {
            if let role {
                guard c.scope == .staff, c.applies(toRole: role) else { continue }
            } else {
                guard c.scope == .branch else { continue }
            }
            var r = ChecklistResult(id: c.id, weight: c.weight, earned: 0, max: 0, bonus: 0, sections: [], items: [])
            let items = c.items
            for ii in items.indices {
                if let role, !items[ii].applies(toRole: role) { continue }
                let k = slot[offsets[ci] + ii]
                let answer: Answer? = k >= 0 ? answers[k] : nil
                let outcome = Self.outcome(items[ii], answer?.value)
                let deduction = answer?.isDeduction(for: items[ii]) ?? false
                let breach = answer?.isBreach(of: items[ii]) ?? false
                if deduction { deductions += 1 }
                if breach { veto.append(items[ii].id) }
                switch outcome {
                case .scored(let e, let m):
                    r.earned += e
                    r.max += m
                    if let name = items[ii].section {
                        // A checklist has a handful of sections: a scan beats hashing Chinese text.
                        let i = r.sections.lastIndex { $0.name == name } ?? {
                            r.sections.append(SectionResult(name: name, earned: 0, max: 0))
                            return r.sections.count - 1
                        }()
                        r.sections[i].earned += e
                        r.sections[i].max += m
                    }
                case .bonus(let b):
                    r.bonus += b
                    bonusTotal += b
                case .unanswered:
                    unanswered.append(items[ii].id)
                case .notApplicable:
                    break
                }
                r.items.append(ItemResult(item: items[ii].id, outcome: outcome, answer: answer, deduction: deduction, breach: breach))
            }
            results.append(r)
        }
        let scored = results.filter { $0.score != nil }
        let wsum = scored.reduce(0) { $0 + $1.weight }
        let base = wsum > 0 ? scored.reduce(0) { $0 + $1.weight * $1.score! } / wsum : nil
        return SubjectScore(checklists: results, base: base, bonus: bonusTotal,
                            veto: veto.sorted(), unanswered: unanswered.sorted(), deductions: deductions)
    }

    /// SPEC §2.1: what one answer earns of what maximum.
    static func outcome(_ item: ChecklistItem, _ value: Answer.Value?) -> ItemResult.Outcome {
        guard let value else { return .unanswered }
        return outcome(ItemFacts(item), value)
    }

    /// The same, from the facts the arithmetic needs (the streaming path keeps only these).
    @inline(__always)
    static func outcome(_ item: ItemFacts, _ value: Answer.Value) -> ItemResult.Outcome {
        switch (item.type, value) {
        case (_, .na):
            return .notApplicable
        case (.check, .pass):
            return .scored(earned: item.points, max: item.points)
        case (.check, _):
            return .scored(earned: 0, max: item.points)
        case (.scale, .value(let x)):
            return .scored(earned: x, max: item.points)
        case (.deduct, .count(let n)):
            return .scored(earned: Swift.max(0, item.points - Double(n) * item.per), max: item.points)
        case (.bonus, .count(let n)):
            return .bonus(Swift.min(item.points, Double(n) * item.per))
        default:
            // The loader never lets a value of the wrong kind through.
            return .notApplicable
        }
    }
}

/// What scoring needs of an item, as plain values: no strings, nothing to retain.
public struct ItemFacts: Sendable {
    public var type: ChecklistItem.Kind
    public var points: Double
    /// Points per occurrence (deduct and bonus); 0 when not given.
    public var per: Double
    public var veto: Bool
    /// Scale items: a value below this is a deduction (`finding_below`, default the points).
    public var findingBelow: Double

    public init(_ item: ChecklistItem) {
        type = item.type; points = item.points; per = item.per ?? 0; veto = item.veto
        findingBelow = item.findingThreshold
    }
}

extension Answer.Value {
    /// A failed check, a deduct count above 0, or a scale value below its `finding_below`
    /// (default: full points) (SPEC §1.1, §1.2, §2.7). A scale value at or above it earns its value
    /// but is no deduction: it needs no note and makes no finding.
    @inline(__always)
    public func isDeduction(_ item: ItemFacts) -> Bool {
        switch (item.type, self) {
        case (.check, .fail): return true
        case (.deduct, .count(let n)): return n > 0
        case (.scale, .value(let x)): return x < item.findingBelow
        default: return false
        }
    }

    /// A veto breach: a failed check or a deduct count of 1 or more on a veto item (SPEC §2.4).
    @inline(__always)
    public func isBreach(_ item: ItemFacts) -> Bool {
        guard item.veto else { return false }
        switch (item.type, self) {
        case (.check, .fail): return true
        case (.deduct, .count(let n)): return n >= 1
        default: return false
        }
    }

    public func isDeduction(for item: ChecklistItem) -> Bool { isDeduction(ItemFacts(item)) }
    public func isBreach(of item: ChecklistItem) -> Bool { isBreach(ItemFacts(item)) }
}

/// 员工服务档案 (seeds 001:426): every inspection result of one employee — or, with
/// `--branch`, of one branch — in date order, with the deductions and their notes, and the
/// monthly and quarterly means with the star level the policy gives them.
public struct ServiceHistoryCollector: Sendable {
    public enum Subject: String, Sendable { case staff, branch }

    public struct Deduction: Sendable {
        public var item: String
        public var checklist: String
        /// For a branch history: the employee (nil for the branch's own items).
        public var staff: String?
        public var staffName: String?
        public var earned: Double
        public var max: Double
        public var note: String?
        public var fixBy: Day?
    }

    public struct Entry: Sendable {
        public var visit: String
        public var file: String
        public var date: Day
        public var branch: Branch
        public var method: Visit.Method
        public var inspector: String
        /// Staff history: the employee's name and role on this visit.
        public var name: String?
        public var role: String?
        public var score: Double?
        public var base: Double?
        public var bonus: Double
        public var checklists: [(id: String, score: Double)]
        public var deductions: [Deduction]
        public var veto: [String]
    }

    public let id: String
    public let subject: Subject
    public let period: Period?
    public private(set) var entries: [Entry] = []
    /// Whether the id was met at all (in or out of the period).
    public private(set) var seen = false
    /// Every id of the subject kind met, with a name: for "did you mean".
    public private(set) var known: [String: String] = [:]

    public init(id: String, subject: Subject, period: Period?) {
        self.id = id; self.subject = subject; self.period = period
    }

    public mutating func add(_ v: VisitScore) {
        switch subject {
        case .staff:
            for s in v.staff { if known[s.id] == nil { known[s.id] = s.name } }
            guard let s = v.staff.first(where: { $0.id == id }) else { return }
            seen = true
            guard period?.contains(v.date) ?? true else { return }
            entries.append(Entry(visit: v.id, file: v.file, date: v.date, branch: v.branch, method: v.method, inspector: v.inspector,
                                 name: s.name, role: s.role, score: s.result.score, base: s.result.base, bonus: s.result.bonus,
                                 checklists: s.result.scoredChecklists.map { ($0.id, $0.score!) },
                                 deductions: Self.deductions(s.result, staff: nil), veto: s.result.veto))
        case .branch:
            if known[v.branch.id] == nil { known[v.branch.id] = v.branch.name }
            guard v.branch.id == id else { return }
            seen = true
            guard period?.contains(v.date) ?? true else { return }
            entries.append(Entry(visit: v.id, file: v.file, date: v.date, branch: v.branch, method: v.method, inspector: v.inspector,
                                 name: nil, role: nil, score: v.score, base: v.base, bonus: v.bonus,
                                 checklists: v.checklists.map { ($0.id, $0.score) },
                                 deductions: Self.deductions(v.branchPart, staff: nil) + v.staff.flatMap { Self.deductions($0.result, staff: $0) },
                                 veto: v.anyBreach))
        }
    }

    static func deductions(_ s: SubjectScore, staff: StaffScore?) -> [Deduction] {
        s.checklists.flatMap { r in
            r.items.compactMap { i -> Deduction? in
                guard i.deduction, case .scored(let e, let m) = i.outcome else { return nil }
                return Deduction(item: i.item, checklist: r.id, staff: staff?.id, staffName: staff?.name, earned: e, max: m,
                                 note: i.answer?.note, fixBy: i.answer?.fixBy)
            }
        }
    }

    /// Up to five known ids close to the one asked for: the nearest by edit distance (at most
    /// 2), or those whose name matches what was typed (someone typed 李娜 instead of E1001).
    public func suggestions() -> [String] {
        let w = Array(id.lowercased().unicodeScalars)
        let byName = known.filter { $0.value == id }.keys.sorted()
        let close = known.keys.compactMap { k -> (String, Int)? in
            let d = Suggestion.distance(w, Array(k.lowercased().unicodeScalars), limit: 2)
            return d <= 2 ? (k, d) : nil
        }
        let best = close.map(\.1).min()
        let nearest = close.filter { $0.1 == best }.map(\.0).sorted()
        var out: [String] = []
        for k in byName + nearest where !out.contains(k) { out.append(k) }
        return Array(out.prefix(5))
    }
}

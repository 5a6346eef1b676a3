/// 整改 (SPEC §2.7): every deduction is a finding. It is **closed** when a later visit (by
/// date) of the same branch answers the same item without deduction — for a staff item, for
/// the same employee; otherwise **open**, and **overdue** once its `fix_by` is before the as-of
/// date. Visits dated after the as-of date are not considered at all: the list shows what was
/// known on that day.
///
/// The tracker keeps the findings (they are what it lists) and, per observed subject and
/// visit, one bit per catalog item answered without deduction — a few bytes per employee-visit.
public struct RectificationTracker: Sendable {
    public struct Finding: Sendable, Equatable {
        public enum Status: String, Sendable, CaseIterable { case open, overdue, closed }

        public var branch: String
        public var branchName: String
        public var parent: String?
        /// nil for a branch-scope item.
        public var staff: String?
        public var staffName: String?
        public var item: String
        public var date: Day
        public var note: String?
        public var fixBy: Day?
        public var visit: String
        public var file: String
        public var status: Status = .open
        public var closedOn: Day?
        /// The visit that closed it.
        public var closedBy: String?
        /// Days past fix_by on the as-of date (overdue findings only).
        public var overdueDays: Int?
    }

    struct SubjectKey: Hashable, Sendable {
        var branch: String
        var staff: String?
    }

    /// One subject on one visit: which items were answered without deduction.
    struct CleanAnswers: Sendable {
        var date: Day
        var visit: String
        var bits: [UInt64]
    }

    public let asOf: Day
    private let itemIndex: [String: Int]
    private let words: Int
    public private(set) var findings: [Finding] = []
    private var clean: [SubjectKey: [CleanAnswers]] = [:]
    /// Visits dated after the as-of date, left out.
    public private(set) var afterAsOf = 0
    public private(set) var visits = 0
    /// Names repeat on every finding of a branch or employee: one copy of each is kept.
    private var names: [String: String] = [:]

    public init(catalog: ChecklistCatalog, asOf: Day) {
        self.asOf = asOf
        var index: [String: Int] = [:]
        for c in catalog.checklists { for i in c.items { index[i.id] = index.count } }
        itemIndex = index
        words = max(1, (index.count + 63) / 64)
    }

    public mutating func add(_ v: VisitScore) {
        guard v.date <= asOf else { afterAsOf += 1; return }
        visits += 1
        scan(v, v.branchPart, staff: nil)
        for s in v.staff { scan(v, s.result, staff: s) }
    }

    private mutating func scan(_ v: VisitScore, _ subject: SubjectScore, staff: StaffScore?) {
        var bits = [UInt64](repeating: 0, count: words)
        var any = false
        for r in subject.checklists {
            for i in r.items {
                if i.deduction {
                    findings.append(Finding(branch: intern(v.branch.id), branchName: intern(v.branch.name),
                                            parent: v.branch.parent.map { intern($0) }, staff: staff.map { intern($0.id) },
                                            staffName: staff.map { intern($0.name) }, item: intern(i.item), date: v.date,
                                            note: i.answer?.note, fixBy: i.answer?.fixBy, visit: v.id, file: v.file))
                } else if case .scored = i.outcome, let k = itemIndex[i.item] {
                    bits[k / 64] |= 1 << UInt64(k % 64)
                    any = true
                }
            }
        }
        if any {
            clean[SubjectKey(branch: v.branch.id, staff: staff?.id), default: []]
                .append(CleanAnswers(date: v.date, visit: v.id, bits: bits))
        }
    }

    private mutating func intern(_ s: String) -> String {
        if let known = names[s] { return known }
        names[s] = s
        return s
    }

    /// Every finding with its status, grouped by branch: branch id, then date, branch items
    /// before staff items, employee id, item id.
    public func resolved() -> [Finding] {
        var out = findings
        for n in out.indices {
            let f = out[n]
            var best: CleanAnswers?
            if let k = itemIndex[f.item], let list = clean[SubjectKey(branch: f.branch, staff: f.staff)] {
                for c in list where c.date > f.date && c.bits[k / 64] & (1 << UInt64(k % 64)) != 0 {
                    if best == nil || (c.date, c.visit) < (best!.date, best!.visit) { best = c }
                }
            }
            if let best {
                out[n].status = .closed
                out[n].closedOn = best.date
                out[n].closedBy = best.visit
            } else if let due = f.fixBy, due < asOf {
                out[n].status = .overdue
                out[n].overdueDays = asOf.ordinal - due.ordinal
            }
        }
        out.sort { a, b in
            (a.branch, a.date, a.staff ?? "", a.item, a.visit) < (b.branch, b.date, b.staff ?? "", b.item, b.visit)
        }
        return out
    }
}

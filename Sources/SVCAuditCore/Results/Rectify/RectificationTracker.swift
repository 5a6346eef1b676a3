/// 整改 (SPEC §2.7): every deduction is a finding, due on its `fix_by` or, without one, on its
/// date + `rectify.default_days`. It is **closed** by the earliest later visit (by date) of a
/// method among `rectify.closing_methods` that answers the same item without deduction — for
/// a branch item a visit of the same branch, for a staff item a visit observing the same
/// employee at any branch (the finding follows the person who transferred). Otherwise it is
/// **reported** when the branch's response says it was done by the as-of date, else
/// **overdue** once due is before the as-of date, else **open**. A finding is a **repeat**
/// when the same subject had a finding on the same item within `repeat_days` before it.
/// Visits dated after the as-of date are not considered at all: the list shows what was known
/// on that day.
///
/// The tracker keeps the findings (they are what it lists) and, per observed subject and
/// closing visit, one bit per catalog item answered without deduction — a few bytes per
/// employee-visit.
public struct RectificationTracker: Sendable {
    public struct Finding: Sendable, Equatable {
        public enum Status: String, Sendable, CaseIterable { case open, overdue, reported, closed }

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
        /// `fix_by`, else date + `rectify.default_days`, else nil (never overdue).
        public var due: Day?
        /// Of the visit that found it.
        public var method: Visit.Method
        public var visit: String
        public var file: String
        public var status: Status = .open
        public var closedOn: Day?
        /// The visit that closed it, and its branch (another one when the employee moved).
        public var closedBy: String?
        public var closedAt: String?
        /// Closed after its due date.
        public var closedLate = false
        /// The same subject and item had a finding within `repeat_days` before this one.
        public var `repeat` = false
        /// Days past due on the as-of date (overdue findings only).
        public var overdueDays: Int?
        /// The branch's written answer (`--responses`), when there is one.
        public var response: RectificationResponse?
    }

    /// Who a finding belongs to: the branch for a branch item, the employee (at whatever
    /// branch) for a staff item.
    struct SubjectKey: Hashable, Sendable {
        var branch: String?
        var staff: String?
    }

    /// One subject on one closing visit: which items were answered without deduction.
    struct CleanAnswers: Sendable {
        var date: Day
        var visit: String
        var branch: String
        var bits: [UInt64]
    }

    public let asOf: Day
    public let rules: Policy.Rectify
    private let itemIndex: [String: Int]
    private let words: Int
    public private(set) var findings: [Finding] = []
    private var clean: [SubjectKey: [CleanAnswers]] = [:]
    /// Visits dated after the as-of date, left out.
    public private(set) var afterAsOf = 0
    public private(set) var visits = 0
    /// Names repeat on every finding of a branch or employee: one copy of each is kept.
    private var names: [String: String] = [:]

    public init(catalog: ChecklistCatalog, asOf: Day, rules: Policy.Rectify = Policy.Rectify()) {
        self.asOf = asOf
        self.rules = rules
        // Items of every version: a clean answer under one version closes a finding made under another.
        var index: [String: Int] = [:]
        for id in catalog.everyItemID where index[id] == nil { index[id] = index.count }
        itemIndex = index
        words = max(1, (index.count + 63) / 64)
    }

    static func subject(branch: String, staff: String?) -> SubjectKey {
        staff.map { SubjectKey(branch: nil, staff: $0) } ?? SubjectKey(branch: branch, staff: nil)
    }

    public mutating func add(_ v: VisitScore) {
        guard v.date <= asOf else { afterAsOf += 1; return }
        visits += 1
        scan(v, v.branchPart, staff: nil)
        for s in v.staff { scan(v, s.result, staff: s) }
    }

    private mutating func scan(_ v: VisitScore, _ subject: SubjectScore, staff: StaffScore?) {
        // Only a closing method's clean answers can close anything (a self-check cannot).
        let closing = rules.closes(v.method)
        var bits = [UInt64](repeating: 0, count: words)
        var any = false
        for r in subject.checklists {
            for i in r.items {
                if i.deduction {
                    let fixBy = i.answer?.fixBy
                    findings.append(Finding(branch: intern(v.branch.id), branchName: intern(v.branch.name),
                                            parent: v.branch.parent.map { intern($0) }, staff: staff.map { intern($0.id) },
                                            staffName: staff.map { intern($0.name) }, item: intern(i.item), date: v.date,
                                            note: i.answer?.note, fixBy: fixBy,
                                            due: fixBy ?? rules.defaultDays.map { v.date.adding(days: $0) },
                                            method: v.method, visit: v.id, file: v.file))
                } else if closing, case .scored = i.outcome, let k = itemIndex[i.item] {
                    bits[k / 64] |= 1 << UInt64(k % 64)
                    any = true
                }
            }
        }
        if any {
            clean[Self.subject(branch: v.branch.id, staff: staff?.id), default: []]
                .append(CleanAnswers(date: v.date, visit: v.id, branch: intern(v.branch.id), bits: bits))
        }
    }

    private mutating func intern(_ s: String) -> String {
        if let known = names[s] { return known }
        names[s] = s
        return s
    }

    /// Every finding with its status, grouped by branch: branch id, then date, branch items
    /// before staff items, employee id, item id. `unanswered` are the responses that name no
    /// finding (an error for the caller to report).
    public func resolved(responses: [RectificationResponse] = []) -> (findings: [Finding], unmatched: [RectificationResponse]) {
        var out = findings
        var byKey: [RectificationResponse.Key: RectificationResponse] = [:]
        for r in responses { byKey[r.key] = r }
        var used = Set<RectificationResponse.Key>()

        // Repeats: per subject and item, the earlier findings' dates.
        var earlier: [SubjectKey: [String: [Day]]] = [:]
        for f in out { earlier[Self.subject(branch: f.branch, staff: f.staff), default: [:]][f.item, default: []].append(f.date) }

        for n in out.indices {
            let f = out[n]
            let key = Self.subject(branch: f.branch, staff: f.staff)
            out[n].repeat = earlier[key]?[f.item]?.contains { $0 < f.date && f.date.ordinal - $0.ordinal <= rules.repeatDays } ?? false

            var best: CleanAnswers?
            if let k = itemIndex[f.item], let list = clean[key] {
                for c in list where c.date > f.date && c.bits[k / 64] & (1 << UInt64(k % 64)) != 0 {
                    if best == nil || (c.date, c.visit) < (best!.date, best!.visit) { best = c }
                }
            }
            let rkey = RectificationResponse.Key(branch: f.branch, staff: f.staff, item: f.item, date: f.date)
            if let r = byKey[rkey] {
                out[n].response = r
                used.insert(rkey)
            }
            if let best {
                out[n].status = .closed
                out[n].closedOn = best.date
                out[n].closedBy = best.visit
                out[n].closedAt = best.branch
                if let due = f.due, best.date > due { out[n].closedLate = true }
            } else if let done = out[n].response?.done, done <= asOf {
                out[n].status = .reported
            } else if let due = f.due, due < asOf {
                out[n].status = .overdue
                out[n].overdueDays = asOf.ordinal - due.ordinal
            }
        }
        out.sort { a, b in
            (a.branch, a.date, a.staff ?? "", a.item, a.visit) < (b.branch, b.date, b.staff ?? "", b.item, b.visit)
        }
        let unmatched = responses.filter { !used.contains($0.key) }
        return (out, unmatched)
    }
}

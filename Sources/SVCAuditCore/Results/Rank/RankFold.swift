/// A veto breach behind a ranking entry (SPEC §2.4): the item, the date of the visit, and for
/// a branch entry the employee who breached it (nil for the branch's own items and for staff entries).
public struct VetoIncident: Sendable, Hashable, Comparable {
    public var item: String
    public var date: Day
    public var staff: String?
    /// The complaint event (SPEC §1.5) when the breach is a verified complaint, not a visit.
    public var event: String?

    public init(item: String, date: Day, staff: String? = nil, event: String? = nil) {
        self.item = item; self.date = date; self.staff = staff; self.event = event
    }

    public static func < (a: VetoIncident, b: VetoIncident) -> Bool {
        (a.date, a.item, a.staff ?? "", a.event ?? "") < (b.date, b.item, b.staff ?? "", b.event ?? "")
    }
}

/// Folds scored visits, one at a time, into one slot per ranking entry (an employee or a
/// branch, SPEC §2.6). Nothing of a visit is kept beyond its entry's running sums, so memory
/// grows with the number of entries, not of files. `ranking()` then applies the policy.
public struct RankFold: Sendable {
    public let policy: Policy
    /// nil: every visit counts.
    public let period: Period?
    /// Visits inside the period (or all visits without one) that count: method weight > 0.
    public private(set) var visitsInPeriod = 0
    /// Visits read but outside the period, and so ignored.
    public private(set) var visitsOutside = 0
    /// Visits in the period whose method weight is 0: left out of the ranking (SPEC §1.3).
    public private(set) var visitsUnweighted = 0
    /// Keep, per entry, the visits that made its score (the selection memo lists them for the
    /// selected entries). Off by default: it costs memory per employee-visit, which a ranking of
    /// a year of files in JSON does not need.
    public var keepVisits = false
    /// The entries, in the order first seen, and the table that finds one by id.
    var slots = EntrySlots()
    private var index = EntryIndex()
    /// Each branch value as its visits give it, once, numbered: an entry holds the number (4
    /// bytes) where a `Branch` is 66 bytes inline and two or three strings on the heap.
    private(set) var branches: [Branch] = []
    /// Branch value → its number, as 8-byte buckets (a `[Branch: Int32]` kept every branch's
    /// four strings a second time, in a table up to 3/4 empty: 140 bytes a branch).
    private var branchIndex = EntryIndex()
    /// The last branch numbered: a visit's neighbours in path order are mostly of its branch,
    /// and comparing the value is cheaper than hashing its four strings.
    private var lastBranch: Int32 = -1
    /// The roles entries hold, by number (`number(role:)`).
    private(set) var roles: [String] = []
    private var lastRole: UInt32 = 0
    /// Breaches behind an entry, by slot (most entries have none).
    var incidents: [Int32: Set<VetoIncident>] = [:]
    /// With `keepVisits` only: the counted visits, by slot.
    var visitLists: [Int32: [CountedVisit]] = [:]
    /// Verified complaints naming a veto item, by entry id (SPEC §2.6): breaches that are no visit.
    var eventBreaches: [String: [VetoIncident]] = [:]
    /// Verified praises by entry id.
    var praises: [String: Int] = [:]
    var firstDay: Day?
    var lastDay: Day?
    /// The dates of the visits counted, first to last.
    var visitSpan: Period? { firstDay.flatMap { a in lastDay.map { Period(from: a, to: $0) } } }
    /// Set by `ranking(roster:)`: entries the roster makes ineligible.
    var rosterReasons: [String: Ineligibility] = [:]

    public init(policy: Policy, period: Period? = nil, keepVisits: Bool = false) {
        self.policy = policy
        self.period = period
        self.keepVisits = keepVisits
    }

    /// Adds one visit. Visits may come in any order; the entry's name, role and branch are
    /// those of its latest visit (by date; on the same date the later file in path order, by
    /// `fileOrder`: without one, the visit that came later).
    public mutating func add(_ v: VisitSummary) {
        if let period, !period.contains(v.date) {
            visitsOutside += 1
            return
        }
        let branch = number(v.branch)
        guard policy.counts(v.method) else {
            // Out of the ranking arithmetic (SPEC §1.3), but the people observed are still
            // entries (§2.6: everyone who appears in a visit of the period), with 0 visits if
            // that is all there is — so the memo can say why a self-checked employee is not ranked.
            visitsUnweighted += 1
            switch policy.by {
            case .staff:
                for s in v.staff { fold(id: s.id, name: s.name, role: s.role, visit: v, branch: branch, score: nil, weight: 0, breaches: [], unweighted: true) }
            case .branch:
                fold(id: v.branch.id, name: v.branch.name, role: nil, visit: v, branch: branch, score: nil, weight: 0, breaches: [], unweighted: true)
            }
            return
        }
        visitsInPeriod += 1
        if firstDay.map({ v.date < $0 }) ?? true { firstDay = v.date }
        if lastDay.map({ v.date > $0 }) ?? true { lastDay = v.date }
        let u = policy.weight(of: v.method)
        switch policy.by {
        case .staff:
            for s in v.staff {
                let breaches = s.veto.isEmpty ? [] : s.veto.map { VetoIncident(item: $0, date: v.date) }
                fold(id: s.id, name: s.name, role: s.role, visit: v, branch: branch, score: s.score, weight: u, breaches: breaches)
            }
        case .branch:
            // A branch visit is flagged by anything breached in it, by the branch or any employee.
            var breaches = v.veto.map { VetoIncident(item: $0, date: v.date) }
            for s in v.staff where !s.veto.isEmpty {
                breaches += s.veto.map { VetoIncident(item: $0, date: v.date, staff: s.id) }
            }
            fold(id: v.branch.id, name: v.branch.name, role: nil, visit: v, branch: branch, score: v.score, weight: u, breaches: breaches)
        }
    }

    /// Adds the period's verified events (SPEC §1.5, §2.6): a complaint naming a veto item is a
    /// breach on its date, for the employee it names (a staff ranking) or the branch (a branch
    /// ranking, whoever it names); a praise counts towards praise points. Neither is a visit or
    /// a score, and an unverified event changes nothing.
    public mutating func add(events log: EventLog) {
        for e in log.within(period) where e.verified {
            let key: String?
            switch policy.by {
            case .staff: key = e.staff
            case .branch: key = e.branch
            }
            guard let key else { continue }
            if log.isBreach(e), let item = e.item {
                eventBreaches[key, default: []].append(
                    VetoIncident(item: item, date: e.date, staff: policy.by == .branch ? e.staff : nil, event: e.id))
            } else if e.kind == .praise {
                praises[key, default: 0] += 1
            }
        }
    }

    /// Verified events of the period whose subject (the employee, or the branch in a branch
    /// ranking) has no entry — no visit of the period and, with a roster, no roster row: they
    /// change nothing, most likely a mistyped id (SPEC §1.5). Warnings at the event's line.
    public func eventsNamingNobody(_ log: EventLog, roster: Roster? = nil) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for e in log.within(period) where e.verified {
            let subject: String?
            let known: Bool
            switch policy.by {
            case .staff:
                subject = e.staff
                known = e.staff.map { slot(of: $0) != nil || roster?.staff[$0] != nil } ?? true
            case .branch:
                subject = e.branch
                known = slot(of: e.branch) != nil || roster?.branches[e.branch] != nil
            }
            guard let subject, !known else { continue }
            let candidates = slots.indices.filter { policy.by == .branch || branch(of: $0).id == e.branch }.map { slots[$0].id }
            let kind: DiagnosticArg = e.kind == .complaint ? .localized(zh: "投诉", en: "complaint") : .localized(zh: "表扬", en: "praise")
            out.append(Diagnostic(file: e.file, mark: Mark(line: e.line, column: 1), severity: .warning, code: .eventNamesNobody,
                args: ["kind": kind, "id": .text(e.id), "subject": .text(subject),
                       "what": policy.by == .staff ? .localized(zh: "员工", en: "employee") : .localized(zh: "网点", en: "branch"),
                       "roster": roster == nil ? .text("") : .localized(zh: "，名册中也没有", en: " and is not on the roster"),
                       "hint": .hint(Suggestion.closest(to: subject, in: candidates))]))
        }
        return out
    }

    /// The slot of the entry `id`, if it has one.
    func slot(of id: String) -> Int? { index.find(id, hash: EntryIndex.hash(id), in: slots) }

    /// The branch of entry `k` (its latest visit's, or the roster's).
    func branch(of k: Int) -> Branch { branches[Int(slots[k].branch)] }

    /// A new entry; its id has none yet (`hash`: its `EntryIndex.hash`, when already known).
    mutating func addSlot(_ s: EntrySlot, hash: UInt64? = nil) {
        index.insert(slots.count, hash: hash ?? EntryIndex.hash(s.id), in: slots)
        slots.append(s)
    }

    /// The role of an entry as its slot numbers it.
    func role(of a: EntrySlot) -> String? { a.role == 0 ? nil : roles[Int(a.role) - 1] }

    /// The number of a role in `roles` (0 for none): a handful of roles serve every employee,
    /// and the last one asked for is mostly the one asked for again.
    mutating func number(role: String?) -> UInt32 {
        guard let role else { return 0 }
        if lastRole > 0, roles[Int(lastRole) - 1] == role { return lastRole }
        if let k = roles.firstIndex(of: role) {
            lastRole = UInt32(k + 1)
        } else {
            roles.append(role)
            lastRole = UInt32(roles.count)
        }
        return lastRole
    }

    /// The one number of a branch value (a renamed branch is a second value, a second number).
    mutating func number(_ b: Branch) -> Int32 {
        if lastBranch >= 0, branches[Int(lastBranch)] == b { return lastBranch }
        let h = Self.hash(b)
        if let found = branchIndex.find(hash: h, where: { branches[$0] == b }) {
            lastBranch = Int32(found)
            return lastBranch
        }
        let made = Int32(branches.count)
        branches.append(b)
        branchIndex.insert(Int(made), hash: h) { Self.hash(branches[$0]) }
        lastBranch = made
        return made
    }

    /// The cross-visit checks' FNV-1a over the branch's four fields, each closed by a byte no
    /// UTF-8 has (0xFE, or 0xFF for an absent one), mixed like `EntryIndex.hash`; equal hashes
    /// are confirmed on the whole value.
    static func hash(_ b: Branch) -> UInt64 {
        var h = VisitSetChecks.hash(EmptyCollection<UInt8>())
        func add(_ field: String?) {
            h = VisitSetChecks.hash((field ?? "").utf8, continuing: h)
            h = VisitSetChecks.hash(CollectionOfOne(field == nil ? 0xFF : 0xFE), continuing: h)
        }
        add(b.id); add(b.name); add(b.parent); add(b.region)
        return HashFileTable.mix(h)
    }

    private mutating func fold(id: String, name: String, role: String?, visit v: VisitSummary, branch: Int32, score: Double?,
                               weight u: Double, breaches: [VetoIncident], unweighted: Bool = false) {
        let key = LatestVisit(scored: score != nil, date: v.date, file: v.fileOrder)
        let h = EntryIndex.hash(id)
        let k: Int
        if let found = index.find(id, hash: h, in: slots) {
            k = found
            // Mutated in place through the slot's chunk: no copy of it goes out and back.
            if LatestVisit.supersedes(key, slots[k].latest) {
                slots[k].latest = key
                slots[k].name = name
                slots[k].role = number(role: role)
                slots[k].branch = branch
            }
        } else {
            // A new entry is its own latest visit.
            k = slots.count
            addSlot(EntrySlot(id: id, name: name, role: number(role: role), branch: branch, latest: key), hash: h)
        }
        if unweighted { slots[k].unweighted += 1 }
        if let x = score {
            let counted = policy.countedScore(x, flagged: !breaches.isEmpty)
            slots[k].mean.add(counted, weight: u)
            if !breaches.isEmpty { incidents[Int32(k), default: []].formUnion(breaches) }
            if keepVisits {
                visitLists[Int32(k), default: []].append(
                    CountedVisit(date: v.date, visit: v.id, method: v.method, inspector: v.inspector, score: x, counted: counted))
            }
        }
    }
}

/// One visit behind an entry's score, as the selection memo lists it.
public struct CountedVisit: Sendable, Equatable {
    public var date: Day
    public var visit: String
    public var method: Visit.Method
    public var inspector: String
    /// The visit score as scored.
    public var score: Double
    /// What the mean used: 0 for a flagged visit under `veto: zero`, else `score`.
    public var counted: Double
}

/// The running totals of one entry, as compact as its fields allow (80 bytes with the
/// strings inline): a bank has 400,000 staff (SPEC §5). Breaches and kept visits, which most
/// entries have none of, are in `RankFold`'s tables by slot number.
struct EntrySlot: Identified {
    // In this order the slot is 80 bytes: the three 4-byte numbers follow the mean's 28.
    var id: String
    var name: String
    /// Which visit supplies name, role and branch (`LatestVisit`, 8 bytes).
    var latest: LatestVisit
    /// Σ u_j, Σ u_j x_j, the count and the lowest of the counted visit scores.
    var mean = WeightedMean()
    /// The role, a number in `RankFold.roles` + 1 (0: none, a branch entry).
    var role: UInt32
    /// The branch, a number in `RankFold.branches`.
    var branch: Int32
    /// Visits of a method weighted 0 the entry was seen on (not counted).
    var unweighted: Int32 = 0
    var visits: Int { mean.count }

    init(id: String, name: String, role: UInt32, branch: Int32, latest: LatestVisit) {
        self.id = id; self.name = name; self.role = role; self.branch = branch; self.latest = latest
    }
}

/// The entries, in the order first seen.
typealias EntrySlots = ChunkedRows<EntrySlot>

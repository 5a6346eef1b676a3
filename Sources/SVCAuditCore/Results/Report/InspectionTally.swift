/// The running totals of one period's visits for the 检查通报. Visits are folded in one at a
/// time (`add`) and dropped; what is kept grows with branches, staff, checklists, items and
/// months — never with the number of visit files.
public struct InspectionTally: Sendable {
    /// A veto breach (一票否决) on one visit: kept, because the 通报 lists every one.
    public struct VetoIncident: Sendable, Equatable {
        public var date: Day
        public var visit: String
        public var file: String
        public var branch: String
        public var branchName: String
        /// nil for a branch-scope item.
        public var staff: String?
        public var staffName: String?
        public var item: String
        public var note: String?
    }

    public struct BranchTally: Sendable, Identified {
        /// Name, parent and region from the branch's latest visit (ties: the later file).
        public var branch: Branch
        public var id: String { branch.id }
        var latest: Day
        public var visits = 0
        /// Visit scores (SPEC §2.3).
        public var score = MeanAccumulator()
        /// 检查合格率: visits with visit score ≥ pass mark.
        public var branchPass = RateAccumulator()
        /// 人次合格率: employee-visits with score ≥ pass mark.
        public var staffPass = RateAccumulator()
        /// R of the branch (method-weighted): whether it 达标 (SPEC §2.6).
        public var weighted = WeightedMean()
        /// Visit-level checklist scores, numbered like the tally's `checklistIDs` (a list of a
        /// handful where a dictionary per branch took ~330 bytes; a bank has 20,000 branches).
        var checklists: [MeanAccumulator] = []
        public var findings = 0
        /// Visits where anything was breached.
        public var flaggedVisits = 0
    }

    public struct MonthTally: Sendable {
        public var visits = 0
        public var score = MeanAccumulator()
        public var branchPass = RateAccumulator()
        public var staffPass = RateAccumulator()
        public var checklists: [String: MeanAccumulator] = [:]
    }

    public struct ItemTally: Sendable, Equatable {
        /// Answers that counted (not na, not unanswered), over all subjects.
        public var answered = 0
        /// Answers that lost points (rectification findings).
        public var deductions = 0
    }

    public let passMark: Double
    /// Method weights for the 达标 means R.
    public let policy: Policy
    public private(set) var visits = 0
    public private(set) var score = MeanAccumulator()
    public private(set) var branchPass = RateAccumulator()
    public private(set) var staffPass = RateAccumulator()
    public private(set) var staffScore = MeanAccumulator()
    public private(set) var findings = 0
    public private(set) var flaggedVisits = 0
    /// The branches in the order first seen, found by id: each changed in place, where a
    /// `[String: BranchTally]` copied the tally out and back for every visit (SPEC §5).
    private var branchTable = IDTable<BranchTally>()
    var branches: ChunkedRows<BranchTally> { branchTable.rows }
    public func branch(_ id: String) -> BranchTally? { branchTable.find(id).map { branchTable[$0] } }
    /// The checklist ids the branches' `checklists` are numbered by, in the order first seen.
    public private(set) var checklistIDs: [String] = []
    /// The mean of checklist `id` at branch `b`, if it was scored there.
    public func checklist(_ id: String, at b: BranchTally) -> MeanAccumulator? {
        guard let k = checklistIDs.firstIndex(of: id), k < b.checklists.count, b.checklists[k].count > 0 else { return nil }
        return b.checklists[k]
    }
    /// R of each employee observed (method-weighted; no mean without a weighted score), for
    /// 员工达标率 as a share of employees. One table serves both: its rows are the staff seen,
    /// 48 bytes each with the id inline and an 8-byte bucket to find it (a `[String:
    /// WeightedMean]` took ~120 at its load and copied itself whole to grow; SPEC §5).
    private var staff = IDTable<StaffMean>()
    struct StaffMean: Identified {
        let id: String
        var mean = WeightedMean()
    }
    /// How many employees were observed.
    public var staffCount: Int { staff.count }
    /// Whether the employee `id` was observed.
    public func observed(_ id: String) -> Bool { staff.find(id) != nil }
    /// Each observed employee's R.
    var staffMeans: LazyMapSequence<ChunkedRows<StaffMean>, WeightedMean> { staff.rows.lazy.map(\.mean) }
    /// Visit-level checklist scores by checklist id.
    public private(set) var checklists: [String: MeanAccumulator] = [:]
    /// The catalog's numbering of items and sections over every version (`index.universe`),
    /// which the tallies below use: visits scored against different versions meet by item id.
    public let index: ScoringIndex
    /// Visit-level section scores, numbered like `index.universe.sections`.
    private var sectionTallies: [MeanAccumulator]
    /// Per item, numbered like `index.universe.itemIDs`.
    private var itemTallies: [ItemTally]
    public private(set) var vetoes: [VetoIncident] = []
    public private(set) var months: [MonthKey: MonthTally] = [:]
    /// Visit scores by bucket: ⌊score⌋ below 100, 100 for exactly 100, 101 above 100.
    public private(set) var scoreBuckets: [Int: Int] = [:]
    public private(set) var firstDate: Day?
    public private(set) var lastDate: Day?

    public init(policy: Policy, index: ScoringIndex) {
        self.passMark = policy.passMark
        self.policy = policy
        self.index = index
        sectionTallies = [MeanAccumulator](repeating: MeanAccumulator(), count: index.universe.sections.count)
        itemTallies = [ItemTally](repeating: ItemTally(), count: index.universe.itemIDs.count)
    }

    /// Visit-level section scores by checklist id, then section name.
    public func sections(catalog: ChecklistCatalog) -> [String: [String: MeanAccumulator]] {
        var out: [String: [String: MeanAccumulator]] = [:]
        for (k, s) in index.universe.sections.enumerated() where sectionTallies[k].count > 0 {
            out[s.checklist, default: [:]][s.name] = sectionTallies[k]
        }
        return out
    }

    /// Items answered at least once, by id.
    public var items: [String: ItemTally] {
        var out: [String: ItemTally] = [:]
        for (k, t) in itemTallies.enumerated() where t.answered > 0 { out[index.universe.itemIDs[k]] = t }
        return out
    }

    public mutating func add(_ v: VisitSummary) {
        visits += 1
        findings += v.findings
        firstDate = min(firstDate ?? v.date, v.date)
        lastDate = max(lastDate ?? v.date, v.date)
        let flagged = !v.anyBreach.isEmpty
        if flagged { flaggedVisits += 1 }

        let bk = branchTable.row(v.branch.id) { BranchTally(branch: v.branch, latest: v.date) }
        if v.date >= branchTable[bk].latest { branchTable[bk].branch = v.branch; branchTable[bk].latest = v.date }
        branchTable[bk].visits += 1
        branchTable[bk].findings += v.findings
        if flagged { branchTable[bk].flaggedVisits += 1 }

        let monthKey = MonthKey(v.date)
        var m = months[monthKey] ?? MonthTally()
        m.visits += 1

        if let s = v.score {
            let pass = s >= passMark
            score.add(s); branchPass.add(pass)
            branchTable[bk].score.add(s); branchTable[bk].branchPass.add(pass)
            branchTable[bk].weighted.add(s, weight: policy.weight(of: v.method))
            m.score.add(s); m.branchPass.add(pass)
            scoreBuckets[InspectionReport.bucket(s), default: 0] += 1
        }
        for c in v.checklists {
            checklists[c.id, default: MeanAccumulator()].add(c.score)
            let k = checklistNumber(c.id)
            if branchTable[bk].checklists.count <= k {
                branchTable[bk].checklists += repeatElement(MeanAccumulator(), count: k + 1 - branchTable[bk].checklists.count)
            }
            branchTable[bk].checklists[k].add(c.score)
            m.checklists[c.id, default: MeanAccumulator()].add(c.score)
        }
        for st in v.staff {
            // Mutated in place, entered once whether scored or not.
            let k = staff.row(st.id) { StaffMean(id: st.id) }
            if let s = st.score {
                let pass = s >= passMark
                staffPass.add(pass); staffScore.add(s)
                staff[k].mean.add(s, weight: policy.weight(of: v.method))
                branchTable[bk].staffPass.add(pass)
                m.staffPass.add(pass)
            }
        }
        addSections(v)
        addItems(v)
        months[monthKey] = m
    }

    /// The number of checklist `id` in `checklistIDs` (added when new): a catalog has a handful.
    private mutating func checklistNumber(_ id: String) -> Int {
        if let k = checklistIDs.firstIndex(of: id) { return k }
        checklistIDs.append(id)
        return checklistIDs.count - 1
    }

    /// Section scores of the visit, formed like its checklist scores (SPEC §2.3): a branch-scope
    /// section once, a staff-scope section as the mean over the employees for whom it is scored.
    private mutating func addSections(_ v: VisitSummary) {
        for s in v.sections { sectionTallies[s.section].add(s.score) }
    }

    private mutating func addItems(_ v: VisitSummary) {
        for c in v.counted {
            let k = Int(c >> 1)
            itemTallies[k].answered += 1
            if c & 1 == 1 { itemTallies[k].deductions += 1 }
        }
        for b in v.breaches {
            let staff = b.staff.map { v.staff[$0] }
            vetoes.append(VetoIncident(date: v.date, visit: v.id, file: v.file, branch: v.branch.id,
                                       branchName: v.branch.name, staff: staff?.id, staffName: staff?.name,
                                       item: b.item, note: b.note))
        }
    }
}

/// Sorts visits into the report's period and the previous period of the same length as they
/// stream past, so PATHS are read once for both. Without a period every visit is current.
public struct PeriodBuckets: Sendable {
    public let period: Period?
    private let previousPeriod: Period?
    public private(set) var current: InspectionTally
    public private(set) var previous: InspectionTally?
    /// Visits in neither period.
    public private(set) var outside = 0

    public init(period: Period?, policy: Policy, index: ScoringIndex) {
        self.period = period
        previousPeriod = period?.previous
        current = InspectionTally(policy: policy, index: index)
        previous = period.map { _ in InspectionTally(policy: policy, index: index) }
    }

    public mutating func add(_ v: VisitSummary) {
        guard let period else { current.add(v); return }
        if period.contains(v.date) {
            current.add(v)
        } else if previousPeriod!.contains(v.date) {
            previous!.add(v)
        } else {
            outside += 1
        }
    }

    public func report(roster: Roster? = nil, catalog: ChecklistCatalog, policy: Policy, skipped: [String] = [],
                       topItems: Int = InspectionReport.defaultTopItems) -> InspectionReport {
        InspectionReport(current: current, previous: previous, period: period, catalog: catalog, policy: policy,
                         roster: roster, outsideVisits: outside, skipped: skipped, topItems: topItems)
    }
}

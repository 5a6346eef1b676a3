/// `svcaudit report`: the 检查通报 a manager circulates — coverage, the branch table with
/// 达标率 and the ranking among the branches of the same parent (列XX所属网点第N名), checklist
/// and section means, the most-failed items, veto incidents, the months of the period and
/// the change against the previous period. Built from `InspectionTally` totals only.
public struct InspectionReport: Sendable {
    public struct BranchRow: Sendable {
        public var id: String
        public var name: String
        public var parent: String?
        public var region: String?
        public var visits: Int
        public var mean: Double?
        /// Checklist id → mean visit-level checklist score, in catalog order (scored ones only).
        public var checklists: [(id: String, mean: Double)]
        /// 检查合格率 of the branch: its visits with visit score ≥ pass mark.
        public var visitPassRate: Double?
        /// 人次合格率 of the branch: its employee-visits with score ≥ pass mark.
        public var employeeVisitPassRate: Double?
        /// R, the method-weighted mean visit score, and whether R ≥ pass mark (the branch 达标).
        public var weightedMean: Double?
        public var passed: Bool? { weightedMean.map { $0 >= passMark } }
        public var passMark: Double
        public var employeeVisits: Int
        public var findings: Int
        public var flaggedVisits: Int
        /// Rank by mean among the branches with the same parent (a missing parent is a group of
        /// its own), numbered by the policy's tie rule; nil without a mean.
        public var parentRank: Int?
        public var parentSize: Int
        public var previousMean: Double?
        public var change: Double? { mean.flatMap { m in previousMean.map { m - $0 } } }

        public func checklistMean(_ id: String) -> Double? { checklists.first { $0.id == id }?.mean }
    }

    public struct SectionRow: Sendable {
        public var name: String
        public var mean: Double
        public var previousMean: Double?
    }

    public struct ChecklistRow: Sendable {
        public var id: String
        public var title: String
        public var titleEN: String?
        /// Visits on which the checklist was scored.
        public var visits: Int
        public var mean: Double
        public var previousMean: Double?
        public var sections: [SectionRow]
        public var change: Double? { previousMean.map { mean - $0 } }
        public func title(_ lang: Language) -> String { lang == .en ? (titleEN ?? title) : title }
    }

    public struct FailedItem: Sendable, Equatable {
        public var item: String
        public var checklist: String
        public var text: String
        public var textEN: String?
        public var section: String?
        public var deductions: Int
        public var answered: Int
        /// Percent of answers that lost points.
        public var rate: Double { answered > 0 ? 100 * Double(deductions) / Double(answered) : 0 }
        public func text(_ lang: Language) -> String { lang == .en ? (textEN ?? text) : text }
    }

    public struct MonthRow: Sendable {
        public var month: MonthKey
        public var visits: Int
        public var mean: Double?
        /// Visit-level shares of the month (检查合格率, 人次合格率).
        public var visitPassRate: Double?
        public var employeeVisitPassRate: Double?
        public var checklists: [(id: String, mean: Double?)]
    }

    /// One bar of the visit-score histogram: `[from, to)`, the last scored bin closed at 100;
    /// `to` nil for "above 100" (bonus points).
    public struct Bin: Sendable, Equatable {
        public var from: Double
        public var to: Double?
        public var count: Int
    }

    /// The headline numbers of one period.
    public struct Totals: Sendable, Equatable {
        public var visits = 0
        public var scoredVisits = 0
        public var branches = 0
        public var staff = 0
        public var employeeVisits = 0
        public var mean: Double?
        public var staffMean: Double?
        /// 网点达标率: share of the branches whose R ≥ pass mark (SPEC §2.6).
        public var branchPassRate: Double? { branchShare.rate }
        /// 员工达标率: share of the employees whose R ≥ pass mark.
        public var staffPassRate: Double? { staffShare.rate }
        public var branchShare = PassShare()
        public var staffShare = PassShare()
        /// 检查合格率: visits with visit score ≥ pass mark.
        public var visitPassRate: Double?
        /// 人次合格率: employee-visits with score ≥ pass mark.
        public var employeeVisitPassRate: Double?
        public var findings = 0
        public var flaggedVisits = 0
    }

    /// A 达标率 against its policy target, and the branches whose own rate is below it.
    public struct TargetCheck: Sendable {
        public enum Kind: String, Sendable { case branchPassRate = "branch_pass_rate", staffPassRate = "staff_pass_rate" }
        public var kind: Kind
        public var rate: Double?
        public var target: Double?
        /// nil without a target or a rate.
        public var met: Bool? { target.flatMap { t in rate.map { $0 >= t } } }
        /// The subjects that are not 达标: for branches, each with its mean R (below the pass
        /// mark); employees are only counted (`PassShare`).
        public var below: [(id: String, name: String, rate: Double)]
    }

    public struct Comparison: Sendable {
        public var period: Period
        public var previous: Totals
    }

    public var period: Period?
    public var policyFile: String?
    public var policyTitle: String?
    public var passMark: Double
    public var totals: Totals
    public var targets: [TargetCheck]
    public var branches: [BranchRow]
    public var checklists: [ChecklistRow]
    public var mostFailed: [FailedItem]
    /// How many items lost points at least once (the list shows the first `mostFailed.count`).
    public var failedItemCount: Int
    public var vetoes: [InspectionTally.VetoIncident]
    /// Item id → text, for the veto list.
    public var itemTexts: [String: (zh: String, en: String?)]
    public var months: [MonthRow]
    public var histogram: [Bin]
    public var comparison: Comparison?
    /// Visits read that fall outside the period (and its previous period).
    public var outsideVisits: Int
    /// Invalid files left out with `--skip-invalid`.
    public var skipped: [String]
    /// The issuing unit printed in the 通报 header (`--issuer`, else the policy's `issuer:`).
    public var issuer: String?
    /// 检查质量, 表扬与投诉, 整改情况 (InspectionReport+Accountability.swift).
    public var accountability = Accountability()
    /// With `--roster`: branches active on the roster in the period with no visit (未受检).
    public var uninspectedBranches: [Branch]?

    /// The most-failed list is this long at most.
    public static let defaultTopItems = 10

    public init(current: InspectionTally, previous: InspectionTally? = nil, period: Period?, catalog: ChecklistCatalog,
                policy: Policy, roster: Roster? = nil, outsideVisits: Int = 0, skipped: [String] = [],
                topItems: Int = defaultTopItems) {
        self.period = period
        policyFile = policy.file
        policyTitle = policy.title
        passMark = policy.passMark
        var tot = Self.totals(current)
        if let roster {
            let span = period ?? current.firstDate.flatMap { a in current.lastDate.map { Period(from: a, to: $0) } }
            if let span {
                let active = roster.activeBranches(in: span)
                let missing = active.filter { current.branch($0) == nil }
                uninspectedBranches = missing.map { roster.branch($0)!.branch }
                tot.branchShare.uninspected = missing.count
                tot.staffShare.uninspected = roster.activeStaff(in: span).filter { !current.observed($0) }.count
            } else {
                uninspectedBranches = []
            }
        }
        totals = tot
        self.outsideVisits = outsideVisits
        self.skipped = skipped
        issuer = policy.issuer
        let order = catalog.checklists.map(\.id)

        // Branches, ranked within their parent.
        var rows: [BranchRow] = current.branches.map { b in
            BranchRow(id: b.branch.id, name: b.branch.name, parent: b.branch.parent, region: b.branch.region,
                      visits: b.visits, mean: b.score.mean,
                      checklists: order.compactMap { id in current.checklist(id, at: b)?.mean.map { (id, $0) } },
                      visitPassRate: b.branchPass.rate, employeeVisitPassRate: b.staffPass.rate,
                      weightedMean: b.weighted.mean, passMark: policy.passMark, employeeVisits: b.staffPass.count, findings: b.findings, flaggedVisits: b.flaggedVisits,
                      parentRank: nil, parentSize: 0,
                      previousMean: previous?.branch(b.branch.id)?.score.mean)
        }
        let groups = Dictionary(grouping: rows.indices, by: { rows[$0].parent })
        for (_, members) in groups {
            // Ranked by mean with the policy's tie rule (SPEC §2.6 rank numbering): equal
            // means are tied; inside a tie, by id.
            let ranked = members.filter { rows[$0].mean != nil }.sorted { a, b in
                let ka = OrderKey(score: rows[a].mean, visits: 0, min: nil), kb = OrderKey(score: rows[b].mean, visits: 0, min: nil)
                return ka != kb ? kb < ka : rows[a].id < rows[b].id
            }
            let numbers = RankNumbering.numbers(ranked.map { OrderKey(score: rows[$0].mean, visits: 0, min: nil) }, policy.ties)
            for i in members { rows[i].parentSize = ranked.count }
            for (i, n) in zip(ranked, numbers) { rows[i].parentRank = n }
        }
        // Order: regions and parents by their first branch id (the bank's own numbering), then rank, then id.
        // The keys are worked out once per row, not inside the comparison (a dictionary lookup
        // and a joined string per comparison made this sort most of the report's own cost).
        var regionKey: [String: String] = [:], parentKey: [String: String] = [:]
        for r in rows {
            let rk = r.region ?? "", pk = rk + "\u{1F}" + (r.parent ?? "")
            regionKey[rk] = min(regionKey[rk] ?? r.id, r.id)
            parentKey[pk] = min(parentKey[pk] ?? r.id, r.id)
        }
        let orderKeys = rows.map { r in
            (region: regionKey[r.region ?? ""]!, parent: parentKey[(r.region ?? "") + "\u{1F}" + (r.parent ?? "")]!,
             rank: r.parentRank ?? Int.max)
        }
        let ordered = rows.indices.sorted { a, b in
            let ka = orderKeys[a], kb = orderKeys[b]
            if ka.region != kb.region { return ka.region < kb.region }
            if ka.parent != kb.parent { return ka.parent < kb.parent }
            if ka.rank != kb.rank { return ka.rank < kb.rank }
            return rows[a].id < rows[b].id
        }.map { rows[$0] }
        branches = ordered

        // Targets: 达标率 as shares; the branches that are not 达标 are named.
        let notPassing: [(id: String, name: String, rate: Double)] = ordered.compactMap { r in
            r.passed == false ? (r.id, r.name, r.weightedMean!) : nil
        }
        targets = [
            TargetCheck(kind: .branchPassRate, rate: tot.branchPassRate, target: policy.targets.branchPassRate, below: notPassing),
            TargetCheck(kind: .staffPassRate, rate: tot.staffPassRate, target: policy.targets.staffPassRate, below: []),
        ]

        // Checklists and sections, in catalog and item order.
        let currentSections = current.sections(catalog: catalog)
        let previousSections = previous?.sections(catalog: catalog)
        checklists = catalog.checklists.compactMap { c in
            guard let acc = current.checklists[c.id], let mean = acc.mean else { return nil }
            // Sections of every version (the latest's first): old visits may have scored others.
            let names = current.index.universe.sectionNames(of: c.id)
            let secs = names.compactMap { n in
                currentSections[c.id]?[n]?.mean.map {
                    SectionRow(name: n, mean: $0, previousMean: previousSections?[c.id]?[n]?.mean)
                }
            }
            return ChecklistRow(id: c.id, title: c.title, titleEN: c.titleEN, visits: acc.count, mean: mean,
                                previousMean: previous?.checklists[c.id]?.mean, sections: secs)
        }

        // Most-failed items: most deductions first, then the higher failure rate, then id.
        let failed: [FailedItem] = current.items.compactMap { id, t in
            guard t.deductions > 0, let (c, item) = catalog.item(id) else { return nil }
            return FailedItem(item: id, checklist: c.id, text: item.text, textEN: item.textEN, section: item.section,
                              deductions: t.deductions, answered: t.answered)
        }
        failedItemCount = failed.count
        mostFailed = Array(failed.sorted { a, b in
            if a.deductions != b.deductions { return a.deductions > b.deductions }
            let ra = Double(a.deductions) * Double(b.answered), rb = Double(b.deductions) * Double(a.answered)
            if ra != rb { return ra > rb }
            return a.item < b.item
        }.prefix(topItems))

        vetoes = current.vetoes.sorted { ($0.date, $0.branch, $0.visit, $0.staff ?? "", $0.item) < ($1.date, $1.branch, $1.visit, $1.staff ?? "", $1.item) }
        var texts: [String: (zh: String, en: String?)] = [:]
        for v in vetoes { if let (_, i) = catalog.item(v.item) { texts[v.item] = (i.text, i.textEN) } }
        itemTexts = texts

        // Months: every month of the period, or the months the visits span.
        let keys: [MonthKey]
        if let period {
            keys = period.months.map { MonthKey(year: $0.year, month: $0.month) }
        } else if let a = current.firstDate, let b = current.lastDate {
            keys = MonthKey.range(MonthKey(a), MonthKey(b))
        } else {
            keys = []
        }
        let listed = checklists.map(\.id)
        months = keys.map { k in
            let m = current.months[k]
            return MonthRow(month: k, visits: m?.visits ?? 0, mean: m?.score.mean, visitPassRate: m?.branchPass.rate,
                            employeeVisitPassRate: m?.staffPass.rate, checklists: listed.map { ($0, m?.checklists[$0]?.mean) })
        }

        histogram = Self.bins(current.scoreBuckets)

        if let period, let previous, previous.visits > 0 {
            comparison = Comparison(period: period.previous, previous: Self.totals(previous))
        } else {
            comparison = nil
        }
    }

    static func totals(_ t: InspectionTally) -> Totals {
        Totals(visits: t.visits, scoredVisits: t.score.count, branches: t.branches.count, staff: t.staffCount,
               employeeVisits: t.staffPass.count, mean: t.score.mean, staffMean: t.staffScore.mean,
               branchShare: PassShare(t.branches.lazy.map(\.weighted), passMark: t.passMark),
               staffShare: PassShare(t.staffMeans, passMark: t.passMark),
               visitPassRate: t.branchPass.rate, employeeVisitPassRate: t.staffPass.rate, findings: t.findings,
               flaggedVisits: t.flaggedVisits)
    }

    /// Five-point bins from the lowest score's bin up to 95–100 (100 included), plus one bin
    /// for scores above 100 when bonus points produced any.
    static func bins(_ buckets: [Int: Int]) -> [Bin] {
        guard let low = buckets.keys.min() else { return [] }
        let start = min(95, (low / 5) * 5)
        var out: [Bin] = []
        var from = start
        while from < 100 {
            let to = from + 5
            let count = buckets.filter { k, _ in k >= from && (k < to || (to == 100 && k == 100)) }.reduce(0) { $0 + $1.value }
            out.append(Bin(from: Double(from), to: Double(to), count: count))
            from = to
        }
        if let above = buckets[101] { out.append(Bin(from: 100, to: nil, count: above)) }
        return out
    }

    public func checklistTitle(_ id: String, _ lang: Language) -> String {
        checklists.first { $0.id == id }?.title(lang) ?? id
    }
}

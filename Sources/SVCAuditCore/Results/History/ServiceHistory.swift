/// The 员工服务档案 itself.
public struct ServiceHistory: Sendable {
    public struct Roll: Sendable {
        /// `2026-07` or `2026-Q3`.
        public var key: String
        public var title: String
        public var titleEN: String
        public var visits: Int
        /// Σ u·x / Σ u with the policy's method weights; a vetoed visit counts 0 under `veto: zero`.
        public var mean: Double?
        public var min: Double?
        public var veto: [String]
        /// The policy's star level for `mean`; nil below every level, or when a veto
        /// disqualifies (`veto: disqualify`).
        public var stars: Int?
        public var disqualified: Bool
    }

    public var id: String
    public var subject: ServiceHistoryCollector.Subject
    public var name: String?
    public var role: String?
    /// From the latest visit.
    public var branch: Branch?
    public var period: Period?
    public var entries: [ServiceHistoryCollector.Entry]
    public var months: [Roll]
    public var quarters: [Roll]
    public var overall: Roll
    /// The subject as `rank` ranks it over the same period and policy (SPEC §2.6, the one
    /// arithmetic in Policy/): mean, ranking score after shrinkage, eligibility and stars.
    /// `overall` takes its mean and stars from it; nil when the subject had no entry.
    public var ranking: RankEntry?
    public var passMark: Double
    /// Visit-level share (SPEC §2.6): of an employee's visits, those with a score at the pass
    /// mark (人次合格率); of a branch's, its visits (检查合格率). Whether the subject 达标 is
    /// `passed`, from the weighted mean.
    public var passRate: Double?
    /// The method-weighted mean R ≥ pass mark (达标); nil without a scored visit.
    public var passed: Bool? { overall.mean.map { $0 >= passMark } }
    public var policyFile: String?
    public var starLevels: [Int: Double]
    public var vetoMode: Policy.VetoMode
    /// Item id → (text, English text).
    public var items: [String: (text: String, textEN: String?)]
    public var checklistTitles: [(id: String, title: String, titleEN: String?)]
    public var skipped: [String]
    /// The complaints and praise naming this employee (or, for a branch, made at it) in the
    /// period (SPEC §1.5), by date.
    public var events: [Event]

    /// `ranking` is the ranking of the same visits (`RankFold` over the period, by the
    /// subject's kind); without it the summary's stars are those of the raw mean.
    public init(_ c: ServiceHistoryCollector, policy: Policy, catalog: ChecklistCatalog, skipped: [String] = [],
                events log: EventLog = EventLog(), ranking: Ranking? = nil, roster: Roster? = nil) {
        id = c.id
        subject = c.subject
        period = c.period
        let sorted = c.entries.sorted { ($0.date, $0.visit) < ($1.date, $1.visit) }
        entries = sorted
        name = sorted.last?.name ?? (c.subject == .branch ? sorted.last?.branch.name : nil)
        role = sorted.last?.role
        branch = sorted.last?.branch
        path = c.subject == .staff ? Self.path(sorted, id: c.id, roster: roster) : []
        if c.subject == .staff, let roster, let rows = roster.staff[c.id] {
            // Who the employee is now, by the roster (SPEC §2.6), also when never inspected.
            let a = period.flatMap { roster.representative(of: c.id, in: $0) } ?? rows.last!
            name = a.name
            role = a.role
            branch = roster.branchValue(a.branch)
        }
        passMark = policy.passMark
        policyFile = policy.file
        starLevels = policy.stars
        vetoMode = policy.veto
        let mine = log.within(c.period).filter { c.subject == .branch ? $0.branch == c.id : $0.staff == c.id }
        events = mine
        // A verified complaint naming a veto item is a breach on its date, as in the ranking.
        let eventBreaches = mine.filter { log.isBreach($0) }
        self.skipped = skipped
        let scored = sorted.compactMap(\.score)
        passRate = scored.isEmpty ? nil : 100 * Double(scored.filter { $0 >= policy.passMark }.count) / Double(scored.count)

        // A month's or quarter's roll: the raw weighted mean of its visits (no shrinkage, no
        // eligibility rules), with the stars that mean reaches — the view says so.
        func roll(_ key: String, _ zh: String, _ en: String, _ es: [ServiceHistoryCollector.Entry]) -> Roll {
            var acc = WeightedMean()
            var veto: [String] = []
            // The roll's own span, told by its key: a quarter, a month, or the whole period.
            let within: (Day) -> Bool = { d in
                if key.contains("-Q") { return QuarterKey(d).description == key }
                if key.count == 7 { return MonthKey(d).description == key }
                return c.period?.contains(d) ?? true
            }
            veto += eventBreaches.filter { within($0.date) }.compactMap(\.item)
            // A method weighted 0 is out of the ranking arithmetic entirely (SPEC §1.3).
            let es = es.filter { policy.counts($0.method) }
            for e in es {
                veto += e.veto
                guard let x = e.score else { continue }
                acc.add(policy.countedScore(x, flagged: !e.veto.isEmpty), weight: policy.weight(of: e.method))
            }
            let disq = policy.veto == .disqualify && !veto.isEmpty
            return Roll(key: key, title: zh, titleEN: en, visits: es.count, mean: acc.mean, min: acc.min,
                        veto: Array(Set(veto)).sorted(), stars: policy.stars(for: acc.mean, eligible: !disq),
                        disqualified: disq)
        }
        let byMonth = Dictionary(grouping: sorted) { MonthKey($0.date) }
        months = byMonth.keys.sorted().map { k in roll(k.description, k.title(.zh), k.title(.en), byMonth[k]!) }
        let byQuarter = Dictionary(grouping: sorted) { QuarterKey($0.date) }
        quarters = byQuarter.keys.sorted().map { k in roll(k.description, k.title(.zh), k.title(.en), byQuarter[k]!) }
        overall = roll(c.period?.label ?? "all", c.period?.title(.zh) ?? "全部", c.period?.title(.en) ?? "all", sorted)
        // The summary is the ranking's: the same mean, and stars only for an eligible entry.
        self.ranking = ranking?.entries.first { $0.id == c.id }
        if let r = self.ranking {
            overall.mean = r.mean
            overall.min = r.min
            overall.stars = r.stars
        } else if ranking != nil {
            overall.stars = nil
        }

        var texts: [String: (text: String, textEN: String?)] = [:]
        for e in sorted { for d in e.deductions where texts[d.item] == nil {
            if let (_, i) = catalog.item(d.item) { texts[d.item] = (i.text, i.textEN) }
        } }
        items = texts
        let used = Set(sorted.flatMap { $0.checklists.map(\.id) })
        checklistTitles = catalog.checklists.filter { used.contains($0.id) }.map { ($0.id, $0.title, $0.titleEN) }
    }

    /// The employee's branches over time: roster assignments with `--roster`, else runs of
    /// visits at one branch (ServiceHistory+Path.swift).
    public var path: [ServicePathStep]

    /// Branch ids the employee was observed at, in order of first visit.
    public var branches: [String] {
        var out: [String] = []
        for e in entries where !out.contains(e.branch.id) { out.append(e.branch.id) }
        return out
    }

    func itemText(_ id: String, _ lang: Language) -> String {
        guard let i = items[id] else { return "" }
        return lang == .en ? (i.textEN ?? i.text) : i.text
    }

    func checklistTitle(_ id: String, _ lang: Language) -> String {
        guard let c = checklistTitles.first(where: { $0.id == id }) else { return id }
        return lang == .en ? (c.titleEN ?? c.title) : c.title
    }
}

extension ServiceHistory: Report {
    public static let tables = ["visits", "deductions", "months", "quarters", "events"]

    /// The summary: visits and pass rate of the record, mean, ranking score, eligibility,
    /// rank and stars as `rank` gives them.
    var summaryJSON: JSONValue {
        var o: [(String, JSONValue)] = [("visits", .int(entries.count)), ("mean", .opt(overall.mean)), ("min", .opt(overall.min))]
        o.append(("score", .opt(ranking?.score)))
        o.append(("eligible", ranking.map { .bool($0.eligible) } ?? .null))
        o.append(("rank", .opt(ranking?.rank)))
        o.append(("pass_rate", .opt(passRate)))
        o.append(("passed", passed.map { .bool($0) } ?? .null))
        o.append(("veto", .array(overall.veto.map { .string($0) })))
        o.append(("stars", .opt(overall.stars)))
        return .object(o)
    }

    public func json() -> JSONValue {
        func branchJSON(_ b: Branch) -> JSONValue {
            .object([("id", .string(b.id)), ("name", .string(b.name)), ("parent", .opt(b.parent)), ("region", .opt(b.region))])
        }
        func rollJSON(_ r: Roll, key: String) -> JSONValue {
            .object([(key, .string(r.key)), ("visits", .int(r.visits)), ("mean", .opt(r.mean)), ("min", .opt(r.min)),
                     ("veto", .array(r.veto.map { .string($0) })), ("stars", .opt(r.stars)), ("disqualified", .bool(r.disqualified))])
        }
        let visitsJSON: JSONValue = .array(entries.map { e in
                .object([
                    ("id", .string(e.visit)), ("file", .string(e.file)), ("date", .string(e.date.description)),
                    ("branch", branchJSON(e.branch)), ("method", .string(e.method.rawValue)), ("inspector", .string(e.inspector)),
                    ("role", .opt(e.role)), ("score", .opt(e.score)), ("base", .opt(e.base)), ("bonus", .number(e.bonus)),
                    ("checklists", .object(e.checklists.map { ($0.id, .number($0.score)) })),
                    ("deductions", .array(e.deductions.map { d in
                        .object([("item", .string(d.item)), ("checklist", .string(d.checklist)), ("text", .opt(items[d.item]?.text)),
                                 ("staff", .opt(d.staff)), ("staff_name", .opt(d.staffName)),
                                 ("earned", .number(d.earned)), ("max", .number(d.max)), ("note", .opt(d.note)),
                                 ("fix_by", .opt(d.fixBy?.description))])
                    })),
                    ("veto", .array(e.veto.map { .string($0) })),
                ])
            })
        let eventsJSON: JSONValue = .array(events.map { e in
                .object([("id", .string(e.id)), ("date", .string(e.date.description)), ("branch", .string(e.branch)),
                         ("staff", .opt(e.staff)), ("type", .string(e.kind.rawValue)), ("verified", .bool(e.verified)),
                         ("item", .opt(e.item)), ("note", .opt(e.note))])
            })
        return .object([
            ("subject", .string(subject.rawValue)),
            ("id", .string(id)), ("name", .opt(name)), ("role", .opt(role)),
            ("branch", branch.map(branchJSON) ?? .null),
            ("branches", .array(branches.map { .string($0) })),
            ("path", pathJSON()),
            ("period", period.map(RFmt.period) ?? .null),
            ("policy", .object([("file", .opt(policyFile)), ("pass_mark", .number(passMark)), ("veto", .string(vetoMode.rawValue)),
                                ("stars", .object(starLevels.keys.sorted(by: >).map { (String($0), .number(starLevels[$0]!)) }))])),
            ("summary", summaryJSON),
            ("visits", visitsJSON),
            ("months", .array(months.map { rollJSON($0, key: "month") })),
            ("quarters", .array(quarters.map { rollJSON($0, key: "quarter") })),
            ("events", eventsJSON),
            ("skipped", .array(skipped.map { .string($0) })),
        ])
    }
}

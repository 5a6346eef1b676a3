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
    public var passMark: Double
    public var passRate: Double?
    public var policyFile: String?
    public var starLevels: [Int: Double]
    public var vetoMode: Policy.VetoMode
    /// Item id → (text, English text).
    public var items: [String: (text: String, textEN: String?)]
    public var checklistTitles: [(id: String, title: String, titleEN: String?)]
    public var skipped: [String]

    public init(_ c: ServiceHistoryCollector, policy: Policy, catalog: ChecklistCatalog, skipped: [String] = []) {
        id = c.id
        subject = c.subject
        period = c.period
        let sorted = c.entries.sorted { ($0.date, $0.visit) < ($1.date, $1.visit) }
        entries = sorted
        name = sorted.last?.name ?? (c.subject == .branch ? sorted.last?.branch.name : nil)
        role = sorted.last?.role
        branch = sorted.last?.branch
        passMark = policy.passMark
        policyFile = policy.file
        starLevels = policy.stars
        vetoMode = policy.veto
        self.skipped = skipped
        let scored = sorted.compactMap(\.score)
        passRate = scored.isEmpty ? nil : 100 * Double(scored.filter { $0 >= policy.passMark }.count) / Double(scored.count)

        func roll(_ key: String, _ zh: String, _ en: String, _ es: [ServiceHistoryCollector.Entry]) -> Roll {
            var sum = 0.0, weights = 0.0, low: Double?
            var veto: [String] = []
            for e in es {
                veto += e.veto
                guard var x = e.score else { continue }
                if policy.veto == .zero, !e.veto.isEmpty { x = 0 }
                let u = policy.weight(of: e.method)
                sum += u * x; weights += u
                low = Swift.min(low ?? x, x)
            }
            let mean = weights > 0 ? sum / weights : nil
            let disq = policy.veto == .disqualify && !veto.isEmpty
            return Roll(key: key, title: zh, titleEN: en, visits: es.count, mean: mean, min: low,
                        veto: Array(Set(veto)).sorted(), stars: disq ? nil : mean.flatMap { policy.stars(for: $0) },
                        disqualified: disq)
        }
        let byMonth = Dictionary(grouping: sorted) { MonthKey($0.date) }
        months = byMonth.keys.sorted().map { k in roll(k.description, k.title(.zh), k.title(.en), byMonth[k]!) }
        let byQuarter = Dictionary(grouping: sorted) { QuarterKey($0.date) }
        quarters = byQuarter.keys.sorted().map { k in roll(k.description, k.title(.zh), k.title(.en), byQuarter[k]!) }
        overall = roll(c.period?.label ?? "all", c.period?.title(.zh) ?? "全部", c.period?.title(.en) ?? "all", sorted)

        var texts: [String: (text: String, textEN: String?)] = [:]
        for e in sorted { for d in e.deductions where texts[d.item] == nil {
            if let (_, i) = catalog.item(d.item) { texts[d.item] = (i.text, i.textEN) }
        } }
        items = texts
        let used = Set(sorted.flatMap { $0.checklists.map(\.id) })
        checklistTitles = catalog.checklists.filter { used.contains($0.id) }.map { ($0.id, $0.title, $0.titleEN) }
    }

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
    public func json() -> JSONValue {
        func branchJSON(_ b: Branch) -> JSONValue {
            .object([("id", .string(b.id)), ("name", .string(b.name)), ("parent", .opt(b.parent)), ("region", .opt(b.region))])
        }
        func rollJSON(_ r: Roll, key: String) -> JSONValue {
            .object([(key, .string(r.key)), ("visits", .int(r.visits)), ("mean", .opt(r.mean)), ("min", .opt(r.min)),
                     ("veto", .array(r.veto.map { .string($0) })), ("stars", .opt(r.stars)), ("disqualified", .bool(r.disqualified))])
        }
        return .object([
            ("subject", .string(subject.rawValue)),
            ("id", .string(id)), ("name", .opt(name)), ("role", .opt(role)),
            ("branch", branch.map(branchJSON) ?? .null),
            ("branches", .array(branches.map { .string($0) })),
            ("period", period.map(RFmt.period) ?? .null),
            ("policy", .object([("file", .opt(policyFile)), ("pass_mark", .number(passMark)), ("veto", .string(vetoMode.rawValue)),
                                ("stars", .object(starLevels.keys.sorted(by: >).map { (String($0), .number(starLevels[$0]!)) }))])),
            ("summary", .object([("visits", .int(entries.count)), ("mean", .opt(overall.mean)), ("min", .opt(overall.min)),
                                 ("pass_rate", .opt(passRate)), ("veto", .array(overall.veto.map { .string($0) })),
                                 ("stars", .opt(overall.stars))])),
            ("visits", .array(entries.map { e in
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
            })),
            ("months", .array(months.map { rollJSON($0, key: "month") })),
            ("quarters", .array(quarters.map { rollJSON($0, key: "quarter") })),
            ("skipped", .array(skipped.map { .string($0) })),
        ])
    }

    func starsText(_ r: Roll, _ ctx: RenderContext) -> String {
        if r.disqualified { return ctx.t("否决", "vetoed") }
        guard let s = r.stars else { return "—" }
        return String(repeating: "★", count: s) + ctx.t("（\(s)星）", " (\(s))")
    }

    public func render(_ format: OutputFormat, _ ctx: RenderContext) -> String {
        if format == .json { return json().render() }
        let staff = subject == .staff
        let who = [id, name ?? ""].filter { !$0.isEmpty }.joined(separator: " ")
        var doc = ReportDocument(title: staff ? ctx.t("员工服务档案：\(who)", "Employee service record: \(who)")
                                              : ctx.t("网点服务档案：\(who)", "Branch service record: \(who)"))
        var ls: [String] = []
        if staff, let b = branch {
            ls.append(ctx.t("岗位 \(role.map { Fmt.role($0, ctx) } ?? "—")；现所在网点 \(b.id) \(b.name)\(b.parent.map { "（\($0)）" } ?? "")",
                            "Role \(role ?? "—"); latest branch \(b.id) \(b.name)\(b.parent.map { " (\($0))" } ?? "")"))
            if branches.count > 1 {
                ls.append(ctx.t("受检网点：", "Observed at: ") + RFmt.join(branches, ctx))
            }
        } else if let b = branch, let p = b.parent {
            ls.append(ctx.t("所属：\(p)\(b.region.map { "，\($0)" } ?? "")", "Parent: \(p)\(b.region.map { ", \($0)" } ?? "")"))
        }
        ls.append(period.map { ctx.t("期间：\($0.title(.zh))（\($0.from) 至 \($0.to)）", "Period: \($0.title(.en)) (\($0.from) to \($0.to))") }
                  ?? ctx.t("期间：全部检查记录", "Period: every visit read"))
        ls.append(ctx.t("受检 \(entries.count) 次，均分 \(Fmt.score(overall.mean))，最低 \(Fmt.score(overall.min))，达标率 \(RFmt.rate(passRate))（达标线 \(Fmt.num(passMark)) 分）",
                        "\(RFmt.n(entries.count, "visit")), mean \(Fmt.score(overall.mean)), lowest \(Fmt.score(overall.min)), pass rate \(RFmt.rate(passRate)) (pass mark \(Fmt.num(passMark)))"))
        if !overall.veto.isEmpty {
            ls.append(ctx.t("一票否决：", "Veto breaches: ") + RFmt.join(overall.veto, ctx))
        }
        if !starLevels.isEmpty {
            let levels = starLevels.keys.sorted(by: >).map { ctx.t("\($0)星 ≥ \(Fmt.num(starLevels[$0]!))", "\($0) stars ≥ \(Fmt.num(starLevels[$0]!))") }
            ls.append(ctx.t("星级标准：", "Star levels: ") + RFmt.join(levels, ctx) + ctx.t("；均分按检查方式加权", "; means weighted by inspection method"))
        }
        if entries.isEmpty { ls.append(ctx.t("期间内没有检查记录", "No visits in the period")) }
        if !skipped.isEmpty {
            ls.append(ctx.t("已跳过无效文件 \(skipped.count) 个：", "\(RFmt.n(skipped.count, "invalid file")) skipped: ") + RFmt.join(skipped, ctx))
        }
        doc.lines(ls)

        // 1. Visits.
        let ids = checklistTitles.map(\.id)
        doc.section(ctx.t("检查记录", "Visits"), ctx.lang)
        let visitHeaders: [String] = [ctx.t("日期", "Date"), ctx.t("网点", "Branch"), ctx.t("方式", "Method"),
                                      ctx.t("检查人", "Inspector"), ctx.t("得分", "Score")]
            + ids.map { checklistTitle($0, ctx.lang) } + [ctx.t("扣分项", "Deductions"), ctx.t("否决", "Veto")]
        let visitRows: [[String]] = entries.map { e in
            let head: [String] = [e.date.description, "\(e.branch.id) \(e.branch.name)", Fmt.method(e.method, ctx), e.inspector,
                                  Fmt.score(e.score)]
            let per: [String] = ids.map { id in Fmt.score(e.checklists.first { $0.id == id }?.score) }
            return head + per + [String(e.deductions.count), e.veto.joined(separator: " ")]
        }
        let visitClasses: [String?] = entries.map { e in
            !e.veto.isEmpty || (e.score.map { $0 < passMark } ?? false) ? "bad" : nil
        }
        doc.table(.init(headers: visitHeaders, rows: visitRows, alignRight: Set(4..<(6 + ids.count)),
                        rowClasses: visitClasses, nowrap: [0, 1, 2, 3]))
        if format == .html, entries.contains(where: { $0.score != nil }) {
            doc.chart(SVGChart.line(title: ctx.t("历次检查得分", "Score by visit"), xLabels: entries.map(\.date.description),
                                    series: [(name: ctx.t("得分", "Score"), values: entries.map(\.score))]),
                      ctx.t("达标线 \(Fmt.num(passMark)) 分", "pass mark \(Fmt.num(passMark))"))
        }

        // 2. Deductions.
        doc.section(ctx.t("扣分明细", "Deductions"), ctx.lang)
        let ded = entries.flatMap { e in e.deductions.map { (e, $0) } }
        if ded.isEmpty {
            doc.line(ctx.t("没有扣分", "No deductions"))
        } else {
            var headers = [ctx.t("日期", "Date"), ctx.t("网点", "Branch")]
            if !staff { headers.append(ctx.t("员工", "Employee")) }
            headers += [ctx.t("条目", "Item"), ctx.t("内容", "Text"), ctx.t("得分", "Earned"), ctx.t("扣分说明", "Note"),
                        ctx.t("整改期限", "Fix by")]
            doc.table(.init(
                headers: headers,
                rows: ded.map { e, d in
                    var r = [e.date.description, e.branch.name]
                    if !staff { r.append(d.staff.map { "\($0) \(d.staffName ?? "")" } ?? ctx.t("（网点）", "(branch)")) }
                    return r + [d.item, itemText(d.item, ctx.lang), "\(Fmt.num(d.earned))/\(Fmt.num(d.max))", d.note ?? "",
                                d.fixBy?.description ?? ""]
                },
                alignRight: [staff ? 4 : 5], maxWidth: [staff ? 3 : 4: 30, staff ? 5 : 6: 34],
                nowrap: staff ? [0, 1, 2, 6] : [0, 1, 2, 3, 7]))
        }

        // 3–4. Months and quarters.
        for (title, rolls) in [(ctx.t("按月", "By month"), months), (ctx.t("按季度", "By quarter"), quarters)] {
            doc.section(title, ctx.lang)
            doc.table(.init(
                headers: [ctx.t("期间", "Period"), ctx.t("检查次数", "Visits"), ctx.t("均分", "Mean"), ctx.t("最低", "Lowest"),
                          ctx.t("星级", "Stars"), ctx.t("否决", "Veto")],
                rows: rolls.map { r in
                    [ctx.lang == .en ? r.titleEN : r.title, String(r.visits), Fmt.score(r.mean), Fmt.score(r.min),
                     starsText(r, ctx), r.veto.joined(separator: " ")]
                },
                alignRight: [1, 2, 3], rowClasses: rolls.map { $0.disqualified ? "bad" : nil }))
        }
        return doc.render(format, ctx)
    }
}

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

/// `svcaudit rectify`: the 整改清单.
public struct RectificationReport: Sendable {
    public var asOf: Day
    /// The findings shown (after any status filter), grouped by branch.
    public var findings: [RectificationTracker.Finding]
    /// Counts over all findings, before the filter.
    public var counts: [RectificationTracker.Finding.Status: Int]
    public var total: Int
    public var statusFilter: RectificationTracker.Finding.Status?
    public var afterAsOf: Int
    public var skipped: [String]
    /// Item id → (checklist id, text, English text).
    public var items: [String: (checklist: String, text: String, textEN: String?)]

    public init(tracker: RectificationTracker, catalog: ChecklistCatalog, status: RectificationTracker.Finding.Status? = nil,
                skipped: [String] = []) {
        let all = tracker.resolved()
        asOf = tracker.asOf
        total = all.count
        var counts: [RectificationTracker.Finding.Status: Int] = [:]
        for f in all { counts[f.status, default: 0] += 1 }
        self.counts = counts
        statusFilter = status
        findings = status.map { s in all.filter { $0.status == s } } ?? all
        afterAsOf = tracker.afterAsOf
        self.skipped = skipped
        var items: [String: (checklist: String, text: String, textEN: String?)] = [:]
        for f in all where items[f.item] == nil {
            if let (c, i) = catalog.item(f.item) { items[f.item] = (c.id, i.text, i.textEN) }
        }
        self.items = items
    }

    public var overdue: Int { counts[.overdue] ?? 0 }

    func itemText(_ id: String, _ lang: Language) -> String {
        guard let i = items[id] else { return "" }
        return lang == .en ? (i.textEN ?? i.text) : i.text
    }
}

extension RectificationReport: Report {
    public func json() -> JSONValue {
        .object([
            ("as_of", .string(asOf.description)),
            ("findings", .array(findings.map { f in
                .object([
                    ("branch", .string(f.branch)), ("staff", .opt(f.staff)), ("item", .string(f.item)),
                    ("date", .string(f.date.description)), ("note", .opt(f.note)), ("fix_by", .opt(f.fixBy?.description)),
                    ("status", .string(f.status.rawValue)), ("closed_on", .opt(f.closedOn?.description)),
                    ("branch_name", .string(f.branchName)), ("staff_name", .opt(f.staffName)),
                    ("item_text", .opt(items[f.item]?.text)), ("checklist", .opt(items[f.item]?.checklist)),
                    ("closed_by", .opt(f.closedBy)), ("overdue_days", .opt(f.overdueDays)),
                    ("visit", .string(f.visit)), ("file", .string(f.file)),
                ])
            })),
            ("summary", .object([("findings", .int(total))]
                + RectificationTracker.Finding.Status.allCases.map { ($0.rawValue, .int(counts[$0] ?? 0)) })),
            ("status_filter", .opt(statusFilter?.rawValue)),
            ("after_as_of", .int(afterAsOf)),
            ("skipped", .array(skipped.map { .string($0) })),
        ])
    }

    static func statusLabel(_ f: RectificationTracker.Finding, _ ctx: RenderContext) -> String {
        switch f.status {
        case .open: return ctx.t("未整改", "open")
        case .closed: return ctx.t("已整改", "closed")
        case .overdue: return ctx.t("逾期 \(f.overdueDays ?? 0) 天", "overdue \(RFmt.n(f.overdueDays ?? 0, "day"))")
        }
    }

    static func statusName(_ s: RectificationTracker.Finding.Status, _ ctx: RenderContext) -> String {
        switch s {
        case .open: return ctx.t("未整改", "open")
        case .overdue: return ctx.t("逾期", "overdue")
        case .closed: return ctx.t("已整改", "closed")
        }
    }

    func countLine(_ c: [RectificationTracker.Finding.Status: Int], total: Int, _ ctx: RenderContext) -> String {
        ctx.t("共 \(total) 项：未整改 \(c[.open] ?? 0)，逾期 \(c[.overdue] ?? 0)，已整改 \(c[.closed] ?? 0)",
              "\(RFmt.n(total, "finding")): \(c[.open] ?? 0) open, \(c[.overdue] ?? 0) overdue, \(c[.closed] ?? 0) closed")
    }

    func summaryLines(_ ctx: RenderContext) -> [String] {
        var ls = [ctx.t("截至 \(asOf)", "As of \(asOf)") + ctx.t("，", ": ") + countLine(counts, total: total, ctx)]
        if let s = statusFilter {
            let label = Self.statusName(s, ctx)
            ls.append(ctx.t("仅列出「\(label)」的 \(findings.count) 项", "Only the \(s.rawValue) findings are listed (\(findings.count))"))
        }
        ls.append(ctx.t("整改：同一网点此后（按日期）的检查对同一条目未再扣分即视为已整改，员工条目须为同一员工；超过整改期限仍未整改为逾期",
                        "A finding is closed when a later visit of the same branch (the same employee, for a staff item) answers the item without deduction; open past its fix-by date it is overdue"))
        if afterAsOf > 0 {
            ls.append(ctx.t("晚于截至日期的检查 \(afterAsOf) 次未计入", "\(RFmt.n(afterAsOf, "visit")) after the as-of date not considered"))
        }
        if !skipped.isEmpty {
            ls.append(ctx.t("已跳过无效文件 \(skipped.count) 个：", "\(RFmt.n(skipped.count, "invalid file")) skipped: ") + RFmt.join(skipped, ctx))
        }
        return ls
    }

    var headersKeys: [(String, String)] {
        [("日期", "Date"), ("责任人", "Responsible"), ("条目", "Item"), ("问题", "Standard"), ("扣分说明", "Note"),
         ("整改期限", "Fix by"), ("状态", "Status"), ("复查整改日期", "Closed on")]
    }

    func row(_ f: RectificationTracker.Finding, _ ctx: RenderContext) -> [String] {
        [f.date.description, f.staff.map { "\($0) \(f.staffName ?? "")" } ?? ctx.t("（网点）", "(branch)"), f.item,
         itemText(f.item, ctx.lang), f.note ?? "", f.fixBy?.description ?? "—", Self.statusLabel(f, ctx),
         f.closedOn?.description ?? ""]
    }

    public func render(_ format: OutputFormat, _ ctx: RenderContext) -> String {
        let title = ctx.t("整改清单", "Rectification list")
        switch format {
        case .json:
            return json().render()
        case .csv:
            // One flat table: what Excel filters and sorts.
            // Status and days overdue in their own columns, so Excel can filter and sort them.
            let headers = [ctx.t("网点", "Branch"), ctx.t("网点名称", "Branch name")] + headersKeys.map { ctx.t($0.0, $0.1) }
                + [ctx.t("逾期天数", "Days overdue"), ctx.t("检查记录", "Visit")]
            let rows = findings.map { f in
                var r = [f.branch, f.branchName] + row(f, ctx)
                r[8] = Self.statusName(f.status, ctx)
                return r + [f.overdueDays.map(String.init) ?? "", f.visit]
            }
            return CSVDocument(header: headers, rows: rows).render(bom: ctx.bom)
        default:
            break
        }
        var doc = ReportDocument(title: title)
        doc.lines(summaryLines(ctx))
        if format == .html {
            var open: [(String, Int)] = []
            for f in findings where f.status != .closed {
                if let i = open.firstIndex(where: { $0.0 == f.branchName }) { open[i].1 += 1 } else { open.append((f.branchName, 1)) }
            }
            if !open.isEmpty {
                doc.chart(SVGChart.hbars(title: ctx.t("各网点未整改（含逾期）问题数", "Open findings (incl. overdue) by branch"),
                                         labels: open.map(\.0), values: open.map { Double($0.1) }))
            }
        }
        if findings.isEmpty { doc.line(ctx.t("没有符合条件的整改事项", "No findings")) }
        var start = 0
        while start < findings.count {
            let branch = findings[start].branch
            var end = start
            while end < findings.count && findings[end].branch == branch { end += 1 }
            let group = Array(findings[start..<end])
            var c: [RectificationTracker.Finding.Status: Int] = [:]
            for f in group { c[f.status, default: 0] += 1 }
            let first = group[0]
            let parent = first.parent.map { ctx.t("（\($0)）", " (\($0))") } ?? ""
            doc.heading("\(first.branch) \(first.branchName)\(parent)")
            doc.line(countLine(c, total: group.count, ctx))
            doc.table(.init(headers: headersKeys.map { ctx.t($0.0, $0.1) }, rows: group.map { row($0, ctx) },
                            rowClasses: group.map { $0.status == .overdue ? "bad" : ($0.status == .open ? "warn" : "muted") },
                            maxWidth: [3: 30, 4: 30], nowrap: [0, 1, 2, 5, 6, 7]))
            start = end
        }
        if format == .html, !findings.isEmpty {
            doc.htmlNote(ctx.t("红色：逾期；黄色：未整改；灰色：已整改。", "Red: overdue; amber: open; grey: closed."))
        }
        return doc.render(format, ctx)
    }
}

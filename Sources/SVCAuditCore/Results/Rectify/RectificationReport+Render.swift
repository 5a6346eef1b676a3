// Rendering of the 整改清单 (table, CSV, Markdown) and of the 整改通知书 (HTML).
extension RectificationReport {
    static func statusLabel(_ f: RectificationTracker.Finding, _ ctx: RenderContext) -> String {
        var s: String
        switch f.status {
        case .open: s = ctx.t("未整改", "open")
        case .reported: s = ctx.t("整改已报", "reported")
        case .closed: s = f.closedLate ? ctx.t("已整改（超期）", "closed late") : ctx.t("已整改", "closed")
        case .overdue: s = ctx.t("逾期 \(f.overdueDays ?? 0) 天", "overdue \(RFmt.n(f.overdueDays ?? 0, "day"))")
        }
        if f.repeat { s += ctx.t("·重复", " · repeat") }
        return s
    }

    static func statusName(_ s: RectificationTracker.Finding.Status, _ ctx: RenderContext) -> String {
        switch s {
        case .open: return ctx.t("未整改", "open")
        case .overdue: return ctx.t("逾期", "overdue")
        case .reported: return ctx.t("整改已报", "reported")
        case .closed: return ctx.t("已整改", "closed")
        }
    }

    func countLine(_ c: [RectificationTracker.Finding.Status: Int], total: Int, _ ctx: RenderContext) -> String {
        ctx.t("共 \(total) 项：未整改 \(c[.open] ?? 0)，逾期 \(c[.overdue] ?? 0)，整改已报 \(c[.reported] ?? 0)，已整改 \(c[.closed] ?? 0)",
              "\(RFmt.n(total, "finding")): \(c[.open] ?? 0) open, \(c[.overdue] ?? 0) overdue, \(c[.reported] ?? 0) reported, \(c[.closed] ?? 0) closed")
    }

    /// The rules of SPEC §2.7 in words, as this run applied them.
    func ruleLines(_ ctx: RenderContext) -> [String] {
        var ls: [String] = []
        let methods = Visit.Method.allCases.filter { rules.closes($0) }
        let closers = methods.count == Visit.Method.allCases.count
            ? ctx.t("任何方式", "any") : methods.map { Fmt.method($0, ctx) }.joined(separator: ctx.t("、", ", "))
        ls.append(ctx.t("整改：此后（按日期）\(closers)的检查对同一条目未再扣分即视为已整改——网点条目须为同一网点，员工条目须为同一员工（在任何网点，调动后随人）",
                        "A finding is closed by a later \(closers) visit answering the item without deduction: the same branch for a branch item, the same employee at any branch for a staff item"))
        if let d = rules.defaultDays {
            ls.append(ctx.t("未写整改期限的问题，期限为检查日后 \(d) 天；过期未整改为逾期", "Without fix_by a finding is due \(RFmt.n(d, "day")) after the visit; past due it is overdue"))
        } else {
            ls.append(ctx.t("超过整改期限仍未整改为逾期（未写期限的不会逾期）", "Past its fix-by date a finding is overdue (one without fix_by never is)"))
        }
        ls.append(ctx.t("同一网点（员工条目为同一员工）\(rules.repeatDays) 天内同一条目再次扣分为重复问题",
                        "The same subject and item found again within \(RFmt.n(rules.repeatDays, "day")) is a repeat"))
        return ls
    }

    func summaryLines(_ ctx: RenderContext) -> [String] {
        var ls = [ctx.t("截至 \(asOf)", "As of \(asOf)") + ctx.t("，", ": ") + countLine(counts, total: total, ctx)
                  + ctx.t("；超期整改 \(closedLate)，重复 \(repeats)", "; \(closedLate) closed late, \(repeats) repeat\(repeats == 1 ? "" : "s")")]
        if let s = statusFilter {
            let label = Self.statusName(s, ctx)
            ls.append(ctx.t("仅列出「\(label)」的 \(findings.count) 项", "Only the \(s.rawValue) findings are listed (\(findings.count))"))
        }
        ls += ruleLines(ctx)
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
         ("整改期限", "Due"), ("状态", "Status"), ("复查整改日期", "Closed on")]
    }

    func closedText(_ f: RectificationTracker.Finding, _ ctx: RenderContext) -> String {
        guard let on = f.closedOn else { return "" }
        if let at = f.closedAt, at != f.branch { return "\(on)（\(at)）" }
        return on.description
    }

    func row(_ f: RectificationTracker.Finding, _ ctx: RenderContext) -> [String] {
        [f.date.description, f.staff.map { "\($0) \(f.staffName ?? "")" } ?? ctx.t("（网点）", "(branch)"), f.item,
         itemText(f.item, ctx.lang), f.note ?? "", f.due?.description ?? "—", Self.statusLabel(f, ctx), closedText(f, ctx)]
    }

    public func render(_ format: OutputFormat, _ ctx: RenderContext) -> String {
        let title = ctx.t("整改清单", "Rectification list")
        switch format {
        case .json:
            return json().render()
        case .csv:
            // One flat table: what Excel filters and sorts. Status, flags and the response in
            // columns of their own.
            let headers = [ctx.t("网点", "Branch"), ctx.t("网点名称", "Branch name")] + headersKeys.map { ctx.t($0.0, $0.1) }
                + [ctx.t("逾期天数", "Days overdue"), ctx.t("检查方式", "Method"), ctx.t("整改期限（原定）", "Fix by"),
                   ctx.t("超期整改", "Closed late"), ctx.t("重复问题", "Repeat"), ctx.t("整改网点", "Closed at"),
                   ctx.t("整改措施", "Measure"), ctx.t("整改责任人", "Owner"), ctx.t("完成日期", "Done"), ctx.t("复查人", "Reviewer"),
                   ctx.t("检查记录", "Visit")]
            let yes = ctx.t("是", "yes")
            let rows = findings.map { f in
                var r = [f.branch, f.branchName] + row(f, ctx)
                r[8] = Self.statusName(f.status, ctx)
                r[9] = f.closedOn?.description ?? ""
                return r + [f.overdueDays.map(String.init) ?? "", Fmt.method(f.method, ctx), f.fixBy?.description ?? "",
                            f.closedLate ? yes : "", f.repeat ? yes : "", f.closedAt ?? "",
                            f.response?.measure ?? "", f.response?.owner ?? "", f.response?.done?.description ?? "",
                            f.response?.reviewer ?? "", f.visit]
            }
            return CSVDocument(header: headers, rows: rows).render(bom: ctx.bom)
        case .html:
            return RectificationNotices(report: self, ctx: ctx).html()
        default:
            break
        }
        var doc = ReportDocument(title: title)
        doc.lines(summaryLines(ctx))
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
                            rowClasses: group.map { $0.status == .overdue ? "bad" : ($0.status == .closed ? "muted" : "warn") },
                            maxWidth: [3: 30, 4: 30], nowrap: [0, 1, 2, 5, 6, 7]))
            start = end
        }
        return doc.render(format, ctx)
    }
}

/// The 整改通知书: one page per branch with open, overdue or reported findings — what was
/// found, by when it must be fixed, and blank space for the branch's written answer (整改措施、
/// 责任人、完成日期, seeds 002:207) — printed on A4 and sent as it is.
struct RectificationNotices {
    let report: RectificationReport
    let ctx: RenderContext
    func t(_ zh: String, _ en: String) -> String { ctx.t(zh, en) }

    func html() -> String {
        var doc = HTMLDocument(title: t("整改通知书", "Rectification notices") + " · " + report.asOf.description,
                               lang: ctx.lang == .en ? "en" : "zh-CN")
        doc.append("<style>\(Self.css)</style>")
        let pending = report.findings.filter { $0.status != .closed }
        var branches: [String] = []
        for f in pending where !branches.contains(f.branch) { branches.append(f.branch) }
        if branches.isEmpty {
            doc.heading(t("整改通知书", "Rectification notices"))
            doc.paragraph(t("截至 \(report.asOf) 没有未整改的问题，无需发送整改通知书。",
                            "As of \(report.asOf) no finding is open: no notice to send."))
            return doc.render()
        }
        for (k, b) in branches.enumerated() {
            let group = pending.filter { $0.branch == b }
            doc.append(k + 1 < branches.count ? "<section class=\"notice\">" : "<section class=\"notice last\">")
            doc.heading(t("整改通知书", "Rectification notice"))
            let first = group[0]
            let parent = first.parent.map { "（\($0)）" } ?? ""
            doc.paragraph(t("\(first.branchName)\(parent)（网点编号 \(b)）：", "To \(first.branchName)\(parent) (branch \(b)):"))
            let overdue = group.filter { $0.status == .overdue }.count
            doc.paragraph(t("截至 \(report.asOf)，贵网点在服务规范检查中发现的以下 \(group.count) 项问题尚未复查整改到位（其中逾期 \(overdue) 项）。请按期整改，并在下方填写整改措施、整改责任人和完成日期，报送检查部门复查。",
                            "As of \(report.asOf), the following \(group.count) finding\(group.count == 1 ? "" : "s") from service inspections of your branch \(group.count == 1 ? "is" : "are") not yet confirmed fixed (\(overdue) overdue). Please fix them by the due dates and return this notice with the measures, the person responsible and the completion date."))
            let headers = [t("序号", "No."), t("检查日期", "Found"), t("责任人", "Responsible"), t("条目", "Item"), t("问题", "Standard"),
                           t("扣分说明", "Note"), t("整改期限", "Due"), t("状态", "Status")]
            let rows = group.enumerated().map { n, f in
                [String(n + 1), f.date.description, f.staff.map { "\($0) \(f.staffName ?? "")" } ?? t("（网点）", "(branch)"),
                 f.item, report.itemText(f.item, ctx.lang), f.note ?? "", f.due?.description ?? "—",
                 RectificationReport.statusLabel(f, ctx)]
            }
            doc.table(headers: headers, rows: rows, alignRight: [0],
                      rowClasses: group.map { $0.status == .overdue ? "bad" : nil })
            doc.append(responseForm(group.count))
            doc.append("</section>")
        }
        return doc.render()
    }

    /// Blank lines for the branch's written answer.
    func responseForm(_ n: Int) -> String {
        let lines = String(repeating: "<div class=\"blank\"></div>\n", count: max(4, min(10, n + 2)))
        return """
            <div class="reply">
            <h3>\(HTML.escape(t("整改措施（网点填写）", "Measures taken (filled in by the branch)")))</h3>
            \(lines)<p class="sign">\(HTML.escape(t("整改责任人：", "Responsible:")))<span class="field"></span>\
            \(HTML.escape(t("完成日期：", "Completed on:")))<span class="field"></span></p>
            <p class="sign">\(HTML.escape(t("网点负责人（签字）：", "Branch manager (signature):")))<span class="field"></span>\
            \(HTML.escape(t("复查人：", "Re-inspected by:")))<span class="field"></span></p>
            </div>
            """
    }

    static let css = """
        section.notice { break-after: page; page-break-after: always; margin-bottom: 32px; }
        section.notice.last { break-after: auto; page-break-after: auto; }
        .reply { margin-top: 18px; border: 1px solid #8c959f; padding: 8px 14px 14px; break-inside: avoid; page-break-inside: avoid; }
        .reply h3 { margin: 4px 0 8px; }
        .blank { border-bottom: 1px solid #8c959f; height: 2.2em; }
        p.sign { margin-top: 18px; }
        .field { display: inline-block; min-width: 14em; border-bottom: 1px solid #1f2328; margin: 0 2em 0 0.3em; }
        """
}

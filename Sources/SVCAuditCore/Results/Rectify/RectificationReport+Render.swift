// Rendering of the 整改清单.
extension RectificationReport {
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

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

    func statusCell(_ f: RectificationTracker.Finding, _ ctx: RenderContext) -> Cell {
        .status(Self.statusLabel(f, ctx), f.status == .overdue ? .bad : (f.status == .open ? .warn : .muted))
    }

    func tone(_ f: RectificationTracker.Finding) -> Tone {
        f.status == .overdue ? .bad : (f.status == .open ? .warn : .muted)
    }

    public func document(_ ctx: RenderContext) -> Document {
        var doc = Document(title: ctx.t("整改清单", "Rectification list"), lang: ctx.lang)
        doc.header = [.init(ctx.t("截至日期", "As of"), asOf.description)]
        doc.facts(summaryLines(ctx))
        if closedHidden, let closed = counts[.closed], closed > 0 {
            doc.fact(ctx.t("已整改 \(closed) 项只计数、不逐条列出（--status all 列出全部）",
                           "\(RFmt.n(closed, "closed finding")) counted, not listed (--status all lists them)"))
        }

        // Per branch: how many are open, overdue, closed; the chart ranks the open ones.
        var groups: [(first: RectificationTracker.Finding, items: [RectificationTracker.Finding])] = []
        for f in findings {
            if let last = groups.last, last.first.branch == f.branch { groups[groups.count - 1].items.append(f) } else { groups.append((f, [f])) }
        }
        var summary = Table(name: "branches", title: ctx.t("各网点整改情况", "By branch"), columns: [
            .init(ctx.t("网点", "Branch"), .id), .init(ctx.t("网点名称", "Branch name"), .name),
            .init(ctx.t("上级单位", "Parent"), .name, shown: .dataOnly),
            .init(ctx.t("未整改", "Open"), .number(.count)), .init(ctx.t("逾期", "Overdue"), .number(.count)),
            .init(ctx.t("已整改", "Closed"), .number(.count)),
        ])
        for g in groups {
            let c = Dictionary(grouping: g.items, by: \.status).mapValues(\.count)
            summary.add([.text(g.first.branch), .text(g.first.branchName), .opt(g.first.parent),
                         .int(c[.open] ?? 0), .int(c[.overdue] ?? 0), .int(c[.closed] ?? 0)],
                        tone: (c[.overdue] ?? 0) > 0 ? .bad : nil)
        }
        let open = groups.map { g in (g.first.branchName, g.items.filter { $0.status != .closed }.count) }
            .filter { $0.1 > 0 }.sorted { $0.1 > $1.1 }
        if !groups.isEmpty {
            doc.heading(ctx.t("各网点整改情况", "By branch"))
            if open.isEmpty {
                doc.table(summary)
            } else {
                doc.chart(Chart(title: ctx.t("各网点未整改（含逾期）问题数", "Open findings (incl. overdue) by branch"),
                                kind: .bars(labels: open.map(\.0), values: open.map { Double($0.1) }),
                                valueTitle: ctx.t("未整改问题（项）", "Open findings"), categoryTitle: ctx.t("网点", "Branch"),
                                axis: .fromZero),
                          with: summary)
            }
        }

        // The flat list for CSV and xlsx: what Excel filters and sorts.
        var flat = Table(name: "findings", title: ctx.t("整改清单", "Findings"), columns: [
            .init(ctx.t("网点", "Branch"), .id), .init(ctx.t("网点名称", "Branch name"), .name),
            .init(ctx.t("日期", "Date"), .date), .init(ctx.t("工号", "Staff ID"), .id), .init(ctx.t("姓名", "Name"), .name),
            .init(ctx.t("条目", "Item"), .id), .init(ctx.t("问题", "Standard"), .text), .init(ctx.t("扣分说明", "Note"), .text),
            .init(ctx.t("整改期限", "Fix by"), .date), .init(ctx.t("状态", "Status"), .status),
            .init(ctx.t("复查整改日期", "Closed on"), .date), .init(ctx.t("逾期天数", "Days overdue"), .number(.count)),
            .init(ctx.t("检查记录", "Visit"), .id),
        ], main: true)
        flat.medium = .dataOnly
        for f in findings {
            flat.add([.text(f.branch), .text(f.branchName), .date(f.date), .opt(f.staff), .opt(f.staffName), .text(f.item),
                      .text(itemText(f.item, ctx.lang)), .opt(f.note), .date(f.fixBy), .text(Self.statusName(f.status, ctx)),
                      .date(f.closedOn), .int(f.overdueDays), .text(f.visit)])
        }
        doc.table(flat)

        if findings.isEmpty { doc.fact(ctx.t("没有符合条件的整改事项", "No findings")) }
        // Grouped by branch for reading and print: the branch heads every page its findings fill.
        for g in groups {
            var c: [RectificationTracker.Finding.Status: Int] = [:]
            for f in g.items { c[f.status, default: 0] += 1 }
            let parent = g.first.parent.map { ctx.t("（\($0)）", " (\($0))") } ?? ""
            doc.heading("\(g.first.branch) \(g.first.branchName)\(parent)")
            doc.fact(countLine(c, total: g.items.count, ctx))
            var t = Table(name: "branch_findings", title: ctx.t("整改清单", "Findings"), columns: [
                .init(ctx.t("日期", "Date"), .date), .init(ctx.t("责任人", "Responsible"), .name), .init(ctx.t("条目", "Item"), .id),
                .init(ctx.t("问题", "Standard"), .text), .init(ctx.t("扣分说明", "Note"), .text), .init(ctx.t("整改期限", "Fix by"), .date),
                .init(ctx.t("状态", "Status"), .status), .init(ctx.t("复查整改日期", "Closed on"), .date),
            ], caption: "\(g.first.branch) \(g.first.branchName)")
            t.medium = .displayOnly
            for f in g.items {
                t.add([.date(f.date), .text(f.staff.map { "\($0) \(f.staffName ?? "")" } ?? ctx.t("（网点）", "(branch)")), .text(f.item),
                       .text(itemText(f.item, ctx.lang)), .opt(f.note), .date(f.fixBy), statusCell(f, ctx), .date(f.closedOn)],
                      tone: tone(f))
            }
            doc.table(t)
        }
        if !findings.isEmpty {
            doc.htmlNote(ctx.t("红色：逾期；黄色：未整改；灰色：已整改。", "Red: overdue; amber: open; grey: closed."))
        }
        return doc
    }
}

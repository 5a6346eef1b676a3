// The 整改清单 as one document: on screen grouped by branch; printed (HTML) one 整改通知书 per
// branch, the branch repeated at the top of every page its findings fill, with space for the
// branch's written answer; in CSV and xlsx one flat list of every finding.
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

    func tone(_ f: RectificationTracker.Finding) -> Tone {
        switch f.status {
        case .overdue: return .bad
        case .open: return .warn
        case .reported: return .good
        case .closed: return .muted
        }
    }

    func responsible(_ f: RectificationTracker.Finding, _ ctx: RenderContext) -> String {
        f.staff.map { "\($0) \(f.staffName ?? "")" } ?? ctx.t("（网点）", "(branch)")
    }

    public func document(_ ctx: RenderContext) -> Document {
        var doc = Document(title: ctx.t("整改清单", "Rectification list"), lang: ctx.lang)
        doc.header = [.init(ctx.t("截至日期", "As of"), asOf.description)]
        doc.facts(summaryLines(ctx))
        if closedHidden, let closed = counts[.closed], closed > 0 {
            doc.fact(ctx.t("已整改 \(closed) 项只计数、不逐条列出（--status all 列出全部）",
                           "\(RFmt.n(closed, "closed finding")) counted, not listed (--status all lists them)"))
        }

        var groups: [(first: RectificationTracker.Finding, items: [RectificationTracker.Finding])] = []
        for f in findings {
            if let last = groups.last, last.first.branch == f.branch { groups[groups.count - 1].items.append(f) } else { groups.append((f, [f])) }
        }

        // Per branch: how many are open, overdue, reported, closed (all findings, before any
        // filter); the chart ranks the branches by what is still to do.
        if !branches.isEmpty {
            var summary = Table(name: "branches", title: ctx.t("各网点整改情况", "By branch"), columns: [
                .init(ctx.t("网点", "Branch"), .id), .init(ctx.t("网点名称", "Branch name"), .name),
                .init(ctx.t("上级单位", "Parent"), .name, shown: .dataOnly),
                .init(ctx.t("未整改", "Open"), .number(.count)), .init(ctx.t("逾期", "Overdue"), .number(.count)),
                .init(ctx.t("整改已报", "Reported"), .number(.count)), .init(ctx.t("已整改", "Closed"), .number(.count)),
            ])
            for b in branches {
                summary.add([.text(b.branch), .text(b.name), .opt(b.parent), .int(b.open), .int(b.overdue),
                             .int(b.reported), .int(b.closed)], tone: b.overdue > 0 ? .bad : nil)
            }
            let open = branches.map { ($0.name, $0.open + $0.overdue) }.filter { $0.1 > 0 }.sorted { $0.1 > $1.1 }
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

        // The flat list for CSV and xlsx: what Excel filters and sorts, flags and the branch's
        // answer in columns of their own.
        var flat = Table(name: "findings", title: ctx.t("整改清单", "Findings"), columns: [
            .init(ctx.t("网点", "Branch"), .id), .init(ctx.t("网点名称", "Branch name"), .name),
            .init(ctx.t("日期", "Date"), .date), .init(ctx.t("工号", "Staff ID"), .id), .init(ctx.t("姓名", "Name"), .name),
            .init(ctx.t("条目", "Item"), .id), .init(ctx.t("问题", "Standard"), .text), .init(ctx.t("扣分说明", "Note"), .text),
            .init(ctx.t("整改期限", "Due"), .date), .init(ctx.t("状态", "Status"), .status),
            .init(ctx.t("复查整改日期", "Closed on"), .date), .init(ctx.t("逾期天数", "Days overdue"), .number(.count)),
            .init(ctx.t("检查方式", "Method"), .status), .init(ctx.t("整改期限（原定）", "Fix by"), .date),
            .init(ctx.t("超期整改", "Closed late"), .status), .init(ctx.t("重复问题", "Repeat"), .status),
            .init(ctx.t("整改网点", "Closed at"), .id), .init(ctx.t("整改措施", "Measure"), .text),
            .init(ctx.t("整改责任人", "Owner"), .name), .init(ctx.t("完成日期", "Done"), .date), .init(ctx.t("复查人", "Reviewer"), .name),
            .init(ctx.t("检查记录", "Visit"), .id),
        ], main: true)
        flat.medium = .dataOnly
        let yes = ctx.t("是", "yes")
        for f in findings {
            flat.add([.text(f.branch), .text(f.branchName), .date(f.date), .opt(f.staff), .opt(f.staffName), .text(f.item),
                      .text(itemText(f.item, ctx.lang)), .opt(f.note), .date(f.due), .text(Self.statusName(f.status, ctx)),
                      .date(f.closedOn), .int(f.overdueDays), .text(Fmt.method(f.method, ctx)), .date(f.fixBy),
                      .text(f.closedLate ? yes : ""), .text(f.repeat ? yes : ""), .opt(f.closedAt),
                      .opt(f.response?.measure), .opt(f.response?.owner), .date(f.response?.done), .opt(f.response?.reviewer),
                      .text(f.visit)])
        }
        doc.table(flat)

        if findings.isEmpty {
            doc.fact(ctx.t("没有符合条件的整改事项", "No findings"))
            doc.only(.html) { d in
                d.paragraph(ctx.t("截至 \(asOf) 没有需要列出的问题，无需发送整改通知书。", "As of \(asOf) no finding is listed: no notice to send."))
            }
        }
        for g in groups {
            let first = g.first
            let parent = first.parent.map { ctx.t("（\($0)）", " (\($0))") } ?? ""
            var c: [RectificationTracker.Finding.Status: Int] = [:]
            for f in g.items { c[f.status, default: 0] += 1 }
            let pending = g.items.filter { $0.status != .closed }
            let overdue = pending.filter { $0.status == .overdue }.count
            doc.only(.screen) { d in
                d.heading("\(first.branch) \(first.branchName)\(parent)")
                d.fact(countLine(c, total: g.items.count, ctx))
            }
            doc.only(.html) { d in
                d.pageBreak()
                d.heading(ctx.t("整改通知书", "Rectification notice"))
                d.paragraph(ctx.t("\(first.branchName)\(parent)（网点编号 \(first.branch)）：", "To \(first.branchName)\(parent) (branch \(first.branch)):"))
                if pending.isEmpty {
                    d.paragraph(ctx.t("截至 \(asOf)，贵网点的以下问题均已复查整改到位。", "As of \(asOf), every finding below is confirmed fixed."))
                } else {
                    d.paragraph(ctx.t("截至 \(asOf)，贵网点在服务规范检查中发现的以下 \(pending.count) 项问题尚未复查整改到位（其中逾期 \(overdue) 项）。请按期整改，并在下方填写整改措施、整改责任人和完成日期，报送检查部门复查。",
                                      "As of \(asOf), the following \(pending.count) finding\(pending.count == 1 ? "" : "s") from service inspections of your branch \(pending.count == 1 ? "is" : "are") not yet confirmed fixed (\(overdue) overdue). Please fix them by the due dates and return this notice with the measures, the person responsible and the completion date."))
                }
            }
            var t = Table(name: "branch_findings", title: ctx.t("整改清单", "Findings"), columns: [
                .init(ctx.t("日期", "Date"), .date), .init(ctx.t("责任人", "Responsible"), .name), .init(ctx.t("条目", "Item"), .id),
                .init(ctx.t("问题", "Standard"), .text), .init(ctx.t("扣分说明", "Note"), .text), .init(ctx.t("整改期限", "Due"), .date),
                .init(ctx.t("状态", "Status"), .status), .init(ctx.t("复查整改日期", "Closed on"), .text),
            ], caption: "\(first.branch) \(first.branchName)\(parent)")
            t.medium = .displayOnly
            for f in g.items {
                t.add([.date(f.date), .text(responsible(f, ctx)), .text(f.item), .text(itemText(f.item, ctx.lang)), .opt(f.note),
                       .date(f.due), .status(Self.statusLabel(f, ctx), tone(f)), .text(closedText(f, ctx))], tone: tone(f))
            }
            doc.table(t)
            if !pending.isEmpty {
                doc.only(.html) { d in
                    // The form names its branch: under a long list it starts a page of its own,
                    // and a sheet returned alone must still say whose it is. 3–6 lines keep it
                    // on the list's page whenever the list leaves room.
                    d.blocks.append(.replyForm(title: ctx.t("整改措施（网点填写）：\(first.branch) \(first.branchName)",
                                                            "Measures taken (filled in by the branch): \(first.branch) \(first.branchName)"),
                                               lines: max(3, min(6, pending.count)),
                                               fields: [ctx.t("整改责任人：", "Responsible:"), ctx.t("完成日期：", "Completed on:"),
                                                        ctx.t("网点负责人（签字）：", "Branch manager (signature):"), ctx.t("复查人：", "Re-inspected by:")]))
                }
            }
        }
        if !findings.isEmpty {
            doc.htmlNote(ctx.t("红色：逾期；黄色：未整改；绿色：整改已报；灰色：已整改。", "Red: overdue; amber: open; green: reported; grey: closed."))
        }
        return doc
    }
}

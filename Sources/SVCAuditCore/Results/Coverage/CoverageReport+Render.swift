// Rendering of `coverage`: the document (table, markdown, html) and the main CSV table.
extension CoverageReport {
    public func render(_ format: OutputFormat, _ ctx: RenderContext) -> String {
        switch format {
        case .json: return json().render()
        case .csv: return csv(ctx)
        default: return document(ctx, html: format == .html).render(format, ctx)
        }
    }

    func title(_ ctx: RenderContext) -> String {
        ctx.t("检查覆盖情况", "Inspection coverage") + " · " + coverage.period.title(ctx.lang)
    }

    static func every(_ r: CadenceRule, _ ctx: RenderContext) -> String {
        var s: String
        switch r.every {
        case .day: s = ctx.t("每日", "daily")
        case .week: s = ctx.t("每周", "weekly")
        case .month: s = ctx.t("每月", "monthly")
        case .quarter: s = ctx.t("每季度", "quarterly")
        }
        if let w = r.weekdays, w.count < 7 {
            let zh = ["", "一", "二", "三", "四", "五", "六", "日"]
            let en = ["", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
            s += ctx.t("（周" + w.map { zh[$0] }.joined(separator: "、") + "）", " (" + w.map { en[$0] }.joined(separator: ", ") + ")")
        }
        return s
    }

    static func tally(_ t: Coverage.Tally) -> String { "\(t.met)/\(t.required)" }

    func document(_ ctx: RenderContext, html: Bool) -> ReportDocument {
        let c = coverage
        var doc = ReportDocument(title: title(ctx))
        var intro = [ctx.t("期间：\(c.period.from) 至 \(c.period.to)；计入检查 \(c.visitsInPeriod) 次；名册在营网点 \(c.branches.count) 个",
                           "Period: \(c.period.from) to \(c.period.to); \(RFmt.n(c.visitsInPeriod, "visit")) counted; \(RFmt.n(c.branches.count, "active branch", "active branches")) on the roster")]
        if c.rules.isEmpty {
            intro.append(ctx.t("评选规则未设检查频次（cadence），只统计员工受检情况。",
                               "The policy sets no cadence; only staff coverage is counted."))
        } else {
            let o = c.overall
            intro.append(ctx.t("应检时段 \(o.required) 个，已检 \(o.met) 个，未检 \(c.missedSlots) 个，覆盖率 \(RFmt.rate(o.rate))",
                               "\(o.required) required slots, \(o.met) met, \(c.missedSlots) missed, coverage \(RFmt.rate(o.rate))"))
        }
        intro.append(ctx.t("名册在岗员工 \(c.staffActive) 人，受检达 \(c.atLeast) 次的 \(c.staffInspected) 人，未达的 \(c.underInspected.count) 人",
                           "\(RFmt.n(c.staffActive, "employee")) active on the roster, \(c.staffInspected) observed at least \(c.atLeast) time\(c.atLeast == 1 ? "" : "s"), \(c.underInspected.count) under-inspected"))
        if !skipped.isEmpty {
            intro.append(ctx.t("以下无效文件未计入：", "Invalid files left out: ") + skipped.joined(separator: ", "))
        }
        doc.lines(intro)

        if !c.rules.isEmpty {
            doc.section(ctx.t("检查频次", "Cadence"), ctx.lang)
            doc.table(.init(
                headers: [ctx.t("规则", "Rule"), ctx.t("检查方式", "Methods"), ctx.t("频次", "Every"), ctx.t("每期至少", "At least"),
                          ctx.t("应检", "Required"), ctx.t("已检", "Met"), ctx.t("覆盖率", "Rate")],
                rows: c.rules.enumerated().map { k, r in
                    [r.name, RFmt.join(r.methods.map { Fmt.method($0, ctx) }, ctx), Self.every(r, ctx), String(r.atLeast),
                     String(c.ruleTotals[k].required), String(c.ruleTotals[k].met), RFmt.rate(c.ruleTotals[k].rate)]
                },
                alignRight: [3, 4, 5, 6]))

            doc.section(ctx.t("各网点检查频次", "Branches"), ctx.lang)
            var headers = [ctx.t("网点编号", "ID"), ctx.t("网点名称", "Branch"), ctx.t("检查次数", "Visits")]
            for r in c.rules { headers += [r.name, ctx.t("\(r.name)未检", "\(r.name) missed")] }
            let right = Set([2] + c.rules.indices.map { 3 + 2 * $0 })
            var rows: [[String]] = [], classes: [String?] = []
            for b in c.branches {
                var row = [b.branch.id, b.branch.name, String(b.visits)]
                for r in b.rules {
                    row.append(Self.tally(r.tally) + (r.tally.rate.map { " (" + Num.percent($0) + ")" } ?? ""))
                    row.append(r.missed.joined(separator: " "))
                }
                rows.append(row)
                classes.append(b.rules.contains { $0.tally.met < $0.tally.required } ? "bad" : nil)
            }
            var maxWidth: [Int: Int] = [:]
            for k in c.rules.indices { maxWidth[4 + 2 * k] = 40 }
            doc.table(.init(headers: headers, rows: rows, alignRight: right, rowClasses: classes, maxWidth: maxWidth, nowrap: [0]))
            if html {
                doc.htmlNote(ctx.t("红色底纹：该网点有未检时段。下图每格为一个时段：绿色已检，红色未检，灰色停业或豁免（不要求检查）。",
                                   "Red rows: the branch missed a slot. In the charts below each cell is a slot: green met, red missed, grey closed or waived (not required)."))
                for (k, r) in c.rules.enumerated() {
                    doc.chart(CoverageHeatMap.svg(rule: r, index: k, branches: c.branches, ctx: ctx),
                              ctx.t("\(r.name)：各网点各时段检查情况", "\(r.name): each branch, each slot"))
                }
            }
            let waived = c.branches.filter { !$0.waivers.isEmpty || $0.from.map { $0 > c.period.from } == true
                || $0.to.map { $0 < c.period.to } == true }
            if !waived.isEmpty {
                doc.subheading(ctx.t("停业、开业与豁免", "Closures, openings and waivers"))
                doc.table(.init(
                    headers: [ctx.t("网点编号", "ID"), ctx.t("网点名称", "Branch"), ctx.t("营业期", "Open"), ctx.t("豁免", "Waivers")],
                    rows: waived.map { b in
                        [b.branch.id, b.branch.name, "\(b.from?.description ?? "…") – \(b.to?.description ?? "…")",
                         b.waivers.map { "\($0.from) – \($0.to)" + ($0.reason.map { " " + $0 } ?? "") }.joined(separator: "; ")]
                    }, nowrap: [0, 2]))
            }
        }

        doc.section(ctx.t("员工受检情况", "Staff"), ctx.lang)
        doc.line(ctx.t("每名在岗员工本期至少受检 \(c.atLeast) 次（在任何网点）。", "Every active employee is to be observed at least \(c.atLeast) time\(c.atLeast == 1 ? "" : "s") in the period (at any branch)."))
        let staffHeaders = [ctx.t("工号", "ID"), ctx.t("姓名", "Name"), ctx.t("岗位", "Role"), ctx.t("网点编号", "Branch ID"),
                            ctx.t("网点名称", "Branch"), ctx.t("受检次数", "Observed")]
        func staffRows(_ list: [Coverage.StaffRow]) -> [[String]] {
            list.map { [$0.id, $0.name, $0.role.map { Fmt.role($0, ctx) } ?? "", $0.branch.id, $0.branch.name, String($0.observed)] }
        }
        let never = c.underInspected.filter { $0.observed == 0 }
        let fewer = c.underInspected.filter { $0.observed > 0 }
        doc.subheading(ctx.t("本期从未受检（\(never.count) 人）", "Never inspected in the period (\(never.count))"))
        if never.isEmpty { doc.line(ctx.t("无。", "None.")) } else {
            doc.table(.init(headers: staffHeaders, rows: staffRows(never), alignRight: [5], nowrap: [0, 3]))
        }
        if c.atLeast > 1 {
            doc.subheading(ctx.t("受检次数不足（\(fewer.count) 人）", "Observed too few times (\(fewer.count))"))
            if fewer.isEmpty { doc.line(ctx.t("无。", "None.")) } else {
                doc.table(.init(headers: staffHeaders, rows: staffRows(fewer), alignRight: [5], nowrap: [0, 3]))
            }
        }
        doc.subheading(ctx.t("受检但不在名册（\(c.notOnRoster.count) 人）", "Observed but not on the roster (\(c.notOnRoster.count))"))
        if c.notOnRoster.isEmpty { doc.line(ctx.t("无。", "None.")) } else {
            doc.table(.init(headers: staffHeaders, rows: staffRows(c.notOnRoster), alignRight: [5], nowrap: [0, 3]))
        }
        if !c.unknownBranches.isEmpty {
            doc.subheading(ctx.t("有检查但不在名册的网点（\(c.unknownBranches.count) 个）", "Visited branches not on the roster (\(c.unknownBranches.count))"))
            doc.table(.init(headers: [ctx.t("网点编号", "ID"), ctx.t("网点名称", "Branch"), ctx.t("检查次数", "Visits")],
                            rows: c.unknownBranches.map { [$0.branch.id, $0.branch.name, String($0.visits)] }, alignRight: [2]))
        }
        return doc
    }

    /// The main table: one row per branch and rule (SPEC §3: one table per CSV file).
    func csv(_ ctx: RenderContext) -> String {
        let header = [ctx.t("网点编号", "branch"), ctx.t("网点名称", "name"), ctx.t("上级机构", "parent"), ctx.t("分行", "region"),
                      ctx.t("检查次数", "visits"), ctx.t("规则", "rule"), ctx.t("应检", "required"), ctx.t("已检", "met"),
                      ctx.t("覆盖率", "rate"), ctx.t("未检时段", "missed")]
        var rows: [[String]] = []
        for b in coverage.branches {
            for r in b.rules {
                rows.append([b.branch.id, b.branch.name, b.branch.parent ?? "", b.branch.region ?? "", String(b.visits), r.name,
                             String(r.tally.required), String(r.tally.met), r.tally.rate.map(Num.fixed2) ?? "",
                             r.missed.joined(separator: " ")])
            }
        }
        return CSVDocument(header: header, rows: rows).render(bom: ctx.bom)
    }
}

/// The HTML heat-map of one cadence rule: a row per branch, a cell per slot.
enum CoverageHeatMap {
    static func svg(rule: CadenceRule, index k: Int, branches: [Coverage.BranchRow], ctx: RenderContext) -> String {
        let slots = branches.first?.rules[k].slots.map(\.slot) ?? []
        let cell: Double = slots.count > 40 ? 7 : (slots.count > 14 ? 16 : 40)
        let rowH = 16.0, left = 150.0, top = 40.0, bottom = 56.0
        let width = max(640, left + Double(slots.count) * cell + 20)
        let height = top + Double(branches.count) * rowH + bottom
        func n(_ x: Double) -> String { SVGChart.n(x) }
        var s = "<svg viewBox=\"0 0 \(n(width)) \(n(height))\" width=\"\(n(width))\" height=\"\(n(height))\" role=\"img\" font-family=\"\(SVGChart.fontFamily)\" font-size=\"11\">\n"
        s += "<title>\(HTML.escape(rule.name))</title>\n"
        s += "<text x=\"\(n(left))\" y=\"16\" font-size=\"13\" font-weight=\"bold\">\(HTML.escape(rule.name + " · " + CoverageReport.every(rule, ctx)))</text>\n"
        // Axis titles: slots across, branches down.
        s += "<text x=\"\(n(left))\" y=\"\(n(height - 6))\" fill=\"\(SVGChart.muted)\">\(HTML.escape(ctx.t("时段", "Slot")))</text>\n"
        s += "<text x=\"4\" y=\"\(n(top - 6))\" fill=\"\(SVGChart.muted)\">\(HTML.escape(ctx.t("网点", "Branch")))</text>\n"
        for (r, b) in branches.enumerated() {
            let y = top + Double(r) * rowH
            s += "<text x=\"4\" y=\"\(n(y + 12))\">\(HTML.escape(b.branch.id + " " + b.branch.name))</text>\n"
            for (i, res) in b.rules[k].slots.enumerated() {
                let color: String
                let word: String
                switch res.status {
                case .met: color = "#2da44e"; word = ctx.t("已检", "met")
                case .missed: color = "#cf222e"; word = ctx.t("未检", "missed")
                case .exempt: color = "#d0d7de"; word = ctx.t("不要求", "not required")
                }
                let tip = "\(b.branch.id) \(res.slot.label) \(word) · \(ctx.t("检查", "visits")) \(res.visits)"
                s += "<rect x=\"\(n(left + Double(i) * cell))\" y=\"\(n(y + 2))\" width=\"\(n(cell - 1))\" height=\"\(n(rowH - 3))\" fill=\"\(color)\"><title>\(HTML.escape(tip))</title></rect>\n"
            }
        }
        // Slot labels: every one when they fit, else about every seventh.
        let step = cell >= 40 ? 1 : (cell >= 16 ? 2 : 7)
        let yLabels = top + Double(branches.count) * rowH + 14
        for (i, slot) in slots.enumerated() where i % step == 0 {
            let text = rule.every == .day ? String(slot.label.suffix(5)) : slot.label
            s += "<text x=\"\(n(left + Double(i) * cell))\" y=\"\(n(yLabels))\" fill=\"\(SVGChart.muted)\">\(HTML.escape(text))</text>\n"
        }
        return s + "</svg>"
    }
}

// Rendering of visit scores.
extension ScoreReport {
    // MARK: Rendered formats

    public func render(_ format: OutputFormat, _ ctx: RenderContext) -> String {
        switch format {
        case .json: return json().render()
        case .csv: return csv(ctx)
        case .table: return table(ctx)
        case .markdown: return markdown(ctx)
        case .html: return html(ctx)
        }
    }

    func title(_ ctx: RenderContext) -> String { ctx.t("检查评分", "Visit scores") }

    func summaryLine(_ ctx: RenderContext) -> String {
        let scored = visits.compactMap(\.score)
        var s = ctx.t("检查 \(visits.count) 次，员工 \(employeeVisits) 人次",
                      "\(visits.count) visit\(visits.count == 1 ? "" : "s"), \(employeeVisits) employee-visit\(employeeVisits == 1 ? "" : "s")")
        if let first = visits.first?.date, let last = visits.last?.date {
            s += ctx.t("（\(first) 至 \(last)）", " (\(first) to \(last))")
        }
        if !scored.isEmpty {
            let mean = scored.reduce(0, +) / Double(scored.count)
            s += ctx.t("；检查平均得分 \(Num.fixed2(mean))，最低 \(Num.fixed2(scored.min()!))，最高 \(Num.fixed2(scored.max()!))",
                       "; mean visit score \(Num.fixed2(mean)), lowest \(Num.fixed2(scored.min()!)), highest \(Num.fixed2(scored.max()!))")
        }
        let flagged = visitsWithBreach.count
        s += ctx.t("；触及否决项的检查 \(flagged) 次", "; \(flagged) visit\(flagged == 1 ? "" : "s") with a veto breach")
        return s
    }

    /// Which checklist each score column is, with its weight.
    func legend(_ ctx: RenderContext) -> String {
        ctx.t("检查表：", "Checklists: ") + columns.map { c in
            let scope = c.scope == .staff ? ctx.t("员工", "staff") : ctx.t("网点", "branch")
            return ctx.t("\(c.id) = \(c.title)（\(scope)，权重 \(Fmt.num(c.weight))）",
                         "\(c.id) = \(c.titleEN ?? c.title) (\(scope), weight \(Fmt.num(c.weight)))")
        }.joined(separator: ctx.t("；", "; "))
    }

    func notes(_ ctx: RenderContext) -> [String] {
        [ctx.t("得分 = 基础分 + 加分；基础分为各检查表得分按权重的加权平均；员工类检查表的检查得分为各员工得分的平均。否决项列出触及的一票否决条目（员工的写作 员工编号:条目）。",
               "Score = base + bonus; base is the weighted mean of the checklist scores; a staff checklist's visit score is the mean over employees. Veto lists breached red-line items (an employee's as id:item).")]
    }

    func skippedLine(_ ctx: RenderContext) -> String? {
        guard !skipped.isEmpty else { return nil }
        return ctx.t("已跳过无效文件 \(skipped.count) 个：", "\(skipped.count) invalid file\(skipped.count == 1 ? "" : "s") skipped: ")
            + skipped.joined(separator: ", ")
    }

    // Visit table: date, id, branch, method, inspector, score, base, bonus, checklists…, veto, deductions.
    func visitHeaders(_ ctx: RenderContext) -> [String] {
        [ctx.t("日期", "Date"), ctx.t("检查编号", "Visit"), ctx.t("网点", "Branch"), ctx.t("方式", "Method"),
         ctx.t("检查人", "Inspector"), ctx.t("得分", "Score"), ctx.t("基础分", "Base"), ctx.t("加分", "Bonus")]
            + columns.map(\.id) + [ctx.t("否决项", "Veto"), ctx.t("扣分项", "Deductions")]
    }

    var visitRight: Set<Int> { Set(Array(5..<(8 + columns.count)) + [9 + columns.count]) }

    func visitCells(_ v: VisitRow, _ ctx: RenderContext) -> [String] {
        [v.date.description, v.id, v.branch.name, Fmt.method(v.method, ctx), v.inspector,
         Fmt.score(v.score), Fmt.score(v.base), Fmt.num(v.bonus)]
            + columns.map { Fmt.score(v.checklistScore($0.id)) }
            + [Fmt.list(v.breaches), String(v.findings)]
    }

    // Employee table: date, visit, employee, name, role, score, base, bonus, checklists…, veto, deductions, unanswered.
    func staffHeaders(_ ctx: RenderContext) -> [String] {
        [ctx.t("日期", "Date"), ctx.t("检查编号", "Visit"), ctx.t("员工", "Staff"), ctx.t("姓名", "Name"),
         ctx.t("岗位", "Role"), ctx.t("得分", "Score"), ctx.t("基础分", "Base"), ctx.t("加分", "Bonus")]
            + staffColumns.map(\.id) + [ctx.t("否决项", "Veto"), ctx.t("扣分项", "Deductions"), ctx.t("未答项", "Unanswered")]
    }

    var staffRight: Set<Int> { Set(Array(5..<(8 + staffColumns.count)) + [9 + staffColumns.count]) }

    func staffCells(_ v: VisitRow, _ s: StaffRow, _ ctx: RenderContext) -> [String] {
        [v.date.description, v.id, s.id, s.name, Fmt.role(s.role, ctx),
         Fmt.score(s.score), Fmt.score(s.base), Fmt.num(s.bonus)]
            + staffColumns.map { c in Fmt.score(s.checklists.first { $0.id == c.id }?.score) }
            + [Fmt.list(s.veto), String(s.deductions), Fmt.list(s.unanswered)]
    }

    var staffPairs: [(VisitRow, StaffRow)] { visits.flatMap { v in v.staff.map { (v, $0) } } }

    func table(_ ctx: RenderContext) -> String {
        func grid(_ headers: [String], _ right: Set<Int>, _ rows: [[String]], flagged: [Bool]) -> String {
            let cols = headers.enumerated().map { TextTable.Column(header: $1, align: right.contains($0) ? .right : .left) }
            let text = TextTable(columns: cols, rows: rows).render(color: ctx.color)
            guard ctx.color else { return text }
            // Whole lines are painted, so escape codes never disturb the column widths.
            var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            for (i, f) in flagged.enumerated() where f && i + 2 < lines.count { lines[i + 2] = ANSI.red(lines[i + 2], enabled: true) }
            return lines.joined(separator: "\n")
        }
        var out = ANSI.bold(title(ctx), enabled: ctx.color) + "  " + summaryLine(ctx) + "\n"
        out += legend(ctx) + "\n\n"
        out += ANSI.bold(ctx.t("检查记录", "Visits"), enabled: ctx.color) + "\n"
        out += grid(visitHeaders(ctx), visitRight, visits.map { visitCells($0, ctx) }, flagged: visits.map { !$0.breaches.isEmpty })
        out += "\n" + ANSI.bold(ctx.t("员工得分", "Employees"), enabled: ctx.color) + "\n"
        let pairs = staffPairs
        out += grid(staffHeaders(ctx), staffRight, pairs.map { staffCells($0.0, $0.1, ctx) }, flagged: pairs.map { !$0.1.veto.isEmpty })
        out += "\n" + notes(ctx).joined(separator: "\n") + "\n"
        if let s = skippedLine(ctx) { out += s + "\n" }
        return out
    }

    func markdown(_ ctx: RenderContext) -> String {
        var out = "# \(Markdown.escape(title(ctx)))\n\n\(Markdown.escape(summaryLine(ctx)))\n\n\(Markdown.escape(legend(ctx)))\n\n"
        out += "## \(ctx.t("检查记录", "Visits"))\n\n"
        out += MarkdownTable(headers: visitHeaders(ctx), rows: visits.map { visitCells($0, ctx).map(Fmt.mdCell) }, alignRight: visitRight).render()
        out += "\n## \(ctx.t("员工得分", "Employees"))\n\n"
        out += MarkdownTable(headers: staffHeaders(ctx), rows: staffPairs.map { staffCells($0.0, $0.1, ctx).map(Fmt.mdCell) },
                             alignRight: staffRight).render()
        out += "\n" + notes(ctx).map(Markdown.escape).joined(separator: "\n\n") + "\n"
        if let s = skippedLine(ctx) { out += "\n" + Markdown.escape(s) + "\n" }
        return out
    }

    func html(_ ctx: RenderContext) -> String {
        var doc = HTMLDocument(title: title(ctx), lang: ctx.lang == .zh ? "zh-CN" : "en")
        // Dates, visit ids, branch and employee names stay on one line.
        doc.append("<style>td:nth-child(-n+4) { white-space: nowrap; }</style>")
        doc.heading(title(ctx), level: 1)
        doc.paragraph(summaryLine(ctx))
        doc.paragraph(legend(ctx), cssClass: "muted")
        let scored = visits.compactMap(\.score)
        if !scored.isEmpty {
            doc.chart(SVGChart.histogram(title: ctx.t("检查得分分布", "Visit scores"), bins: Self.bins(scored)))
        }
        doc.heading(ctx.t("检查记录", "Visits"), level: 2)
        doc.table(headers: visitHeaders(ctx), rows: visits.map { visitCells($0, ctx) }, alignRight: visitRight,
                  rowClasses: visits.map { $0.breaches.isEmpty ? nil : "bad" })
        doc.heading(ctx.t("员工得分", "Employees"), level: 2)
        let pairs = staffPairs
        doc.table(headers: staffHeaders(ctx), rows: pairs.map { staffCells($0.0, $0.1, ctx) }, alignRight: staffRight,
                  rowClasses: pairs.map { $0.1.veto.isEmpty ? ($0.1.score == nil ? "muted" : nil) : "bad" })
        for n in notes(ctx) { doc.paragraph(n + ctx.t("红色行：触及否决项。", " Red rows: a veto breach."), cssClass: "muted") }
        if let s = skippedLine(ctx) { doc.paragraph(s, cssClass: "muted") }
        return doc.render()
    }

    /// Score bands for the histogram: below 60, then 10-point bands to 80, 5-point bands to 100, 100 and above.
    static func bins(_ scores: [Double]) -> [(label: String, count: Int)] {
        let edges: [Double] = [60, 70, 80, 85, 90, 95, 100]
        var counts = [Int](repeating: 0, count: edges.count + 1)
        for s in scores { counts[edges.firstIndex { s < $0 } ?? edges.count] += 1 }
        var labels = ["<60"]
        for i in 0..<(edges.count - 1) { labels.append("\(Fmt.num(edges[i]))–\(Fmt.num(edges[i + 1]))") }
        labels.append("≥100")
        return zip(labels, counts).map { ($0, $1) }
    }

    // CSV: one row per employee-visit; the visit's own columns repeat on each of its rows, and a
    // visit without employees gets one row with the employee columns empty.
    func csv(_ ctx: RenderContext) -> String {
        var header = [ctx.t("检查编号", "visit"), ctx.t("文件", "file"), ctx.t("网点编号", "branch"), ctx.t("网点", "branch_name"),
                      ctx.t("上级单位", "parent"), ctx.t("分行", "region"), ctx.t("日期", "date"), ctx.t("检查人", "inspector"),
                      ctx.t("方式", "method"), ctx.t("检查得分", "visit_score"), ctx.t("检查基础分", "visit_base"),
                      ctx.t("检查加分", "visit_bonus")]
        header += columns.map { ctx.t("检查 \($0.id)", "visit_\($0.id)") }
        header += [ctx.t("网点否决项", "visit_veto"), ctx.t("扣分项总数", "visit_findings"),
                   ctx.t("员工编号", "staff"), ctx.t("姓名", "name"), ctx.t("岗位", "role"),
                   ctx.t("得分", "score"), ctx.t("基础分", "base"), ctx.t("加分", "bonus")]
        header += staffColumns.map { ctx.t("员工 \($0.id)", "staff_\($0.id)") }
        header += [ctx.t("否决项", "veto"), ctx.t("扣分项", "deductions"), ctx.t("未答项", "unanswered")]
        func n(_ x: Double?) -> String { x.map(Num.fixed2) ?? "" }
        var rows: [[String]] = []
        for v in visits {
            let visitPart = [v.id, v.file, v.branch.id, v.branch.name, v.branch.parent ?? "", v.branch.region ?? "",
                             v.date.description, v.inspector, v.method.rawValue, n(v.score), n(v.base), n(v.bonus)]
                + columns.map { n(v.checklistScore($0.id)) } + [v.veto.joined(separator: " "), String(v.findings)]
            if v.staff.isEmpty {
                rows.append(visitPart + [String](repeating: "", count: 9 + staffColumns.count))
            }
            for s in v.staff {
                rows.append(visitPart + [s.id, s.name, s.role, n(s.score), n(s.base), n(s.bonus)]
                    + staffColumns.map { c in n(s.checklists.first { $0.id == c.id }?.score) }
                    + [s.veto.joined(separator: " "), String(s.deductions), s.unanswered.joined(separator: " ")])
            }
        }
        return CSVDocument(header: header, rows: rows).render(bom: ctx.bom)
    }
}

extension Fmt {
    /// A Markdown table cell: inline markup escaped; the table itself escapes pipes and newlines.
    static func mdCell(_ s: String) -> String {
        var out = ""
        for c in s {
            if "\\*_[]<>`".contains(c) { out.append("\\") }
            out.append(c)
        }
        return out
    }
}

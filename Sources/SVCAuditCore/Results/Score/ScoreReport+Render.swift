// Rendering of visit scores.
extension ScoreReport {
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
        let used = versionsUsed
        return ctx.t("检查表：", "Checklists: ") + columns.map { c in
            let scope = c.scope == .staff ? ctx.t("员工", "staff") : ctx.t("网点", "branch")
            let short = shortHeader(c, ctx).map { "（\($0)）" } ?? ""
            let version = versionPhrase(used[c.id] ?? [], ctx)
            return ctx.t("\(c.id)\(short) = \(c.title)（\(scope)，权重 \(Fmt.num(c.weight))\(version)）",
                         "\(c.id) = \(c.titleEN ?? c.title) (\(scope), weight \(Fmt.num(c.weight))\(version))")
        }.joined(separator: ctx.t("；", "; "))
    }

    /// "，版本 2026.1" for one version; for several, each with the visits scored against it and
    /// the dates they span: "，版本 2026.1（93 次，2026-07-01 至 2026-08-31）、2026.2（…）".
    /// Every visit's own versions are in the data formats (the Versions column, JSON `versions`).
    func versionPhrase(_ used: [VersionUse], _ ctx: RenderContext) -> String {
        let labels = used.map { $0.version ?? ctx.t("无版本号", "none") }
        switch used.count {
        case 0: return ""
        case 1: return ctx.t("，版本 ", ", version ") + labels[0]
        default:
            return ctx.t("，版本 ", ", versions ") + zip(labels, used).map { l, u in
                ctx.t("\(l)（\(u.visits) 次，\(u.first) 至 \(u.last)）",
                      "\(l) (\(u.visits) visit\(u.visits == 1 ? "" : "s"), \(u.first) to \(u.last))")
            }.joined(separator: ctx.t("、", ", "))
        }
    }

    /// The visit's versions as one cell of the data formats: "counter 2026.1; environment 2026.1".
    static func versionsCell(_ v: VisitRow) -> String {
        v.versions.map { "\($0.id) \($0.version ?? "-")" }.joined(separator: "; ")
    }

    /// The terminal header of a checklist's score column: in Chinese the first two characters
    /// of its title (柜面, 网点, …) when they tell the checklists apart, so five score columns fit
    /// 120 columns; otherwise (and in English) the id. The legend names both.
    func shortHeader(_ c: Column, _ ctx: RenderContext) -> String? {
        guard ctx.lang == .zh else { return nil }
        let shorts = columns.map { String($0.title.prefix(2)) }
        let mine = String(c.title.prefix(2))
        guard c.title.count > 2, shorts.filter({ $0 == mine }).count == 1 else { return nil }
        return mine
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

    public func document(_ ctx: RenderContext) -> Document {
        var doc = Document(title: title(ctx), lang: ctx.lang)
        doc.facts([summaryLine(ctx), legend(ctx)])
        let scored = visits.compactMap(\.score)
        doc.heading(ctx.t("检查记录", "Visits"))
        var vt = Table(name: "visits", title: ctx.t("检查记录", "Visits"), columns: [
            .init(ctx.t("日期", "Date"), .date), .init(ctx.t("检查编号", "Visit"), .id),
            .init(ctx.t("文件", "File"), .text, shown: .dataOnly),
            .init(ctx.t("网点编号", "Branch ID"), .id, shown: .dataOnly), .init(ctx.t("网点", "Branch"), .name),
            .init(ctx.t("上级单位", "Parent"), .name, shown: .dataOnly), .init(ctx.t("分行", "Region"), .name, shown: .dataOnly),
            .init(ctx.t("方式", "Method"), .status, terminalDrop: 2), .init(ctx.t("检查人", "Inspector"), .name, terminalDrop: 1),
            // Score = base + bonus: the terminal shows the score, the data formats all three.
            .init(ctx.t("得分", "Score"), .number(.score)), .init(ctx.t("基础分", "Base"), .number(.score), shown: .dataOnly),
            .init(ctx.t("加分", "Bonus"), .number(.plain), shown: .dataOnly),
        ] + columns.map { .init($0.id, .number(.score), terminalHeader: shortHeader($0, ctx)) } + [
            .init(ctx.t("否决项", "Veto"), .id), .init(ctx.t("扣分项", "Deductions"), .number(.count)),
            .init(ctx.t("检查表版本", "Versions"), .text, shown: .dataOnly),
        ], main: true)
        for v in visits {
            vt.add([.date(v.date), .text(v.id), .text(v.file), .text(v.branch.id), .text(v.branch.name), .opt(v.branch.parent),
                    .opt(v.branch.region), .text(Fmt.method(v.method, ctx)), .text(v.inspector),
                    .number(v.score), .number(v.base), .number(v.bonus)]
                   + columns.map { .number(v.checklistScore($0.id)) }
                   + [.text(Fmt.list(v.breaches)), .int(v.findings), .text(Self.versionsCell(v))],
                   tone: v.breaches.isEmpty ? nil : .bad)
        }
        doc.table(vt)
        if !scored.isEmpty {
            var buckets: [Int: Int] = [:]
            for x in scored { buckets[InspectionReport.bucket(x), default: 0] += 1 }
            doc.heading(ctx.t("检查得分分布", "Distribution of visit scores"))
            InspectionReport.histogramBlock(InspectionReport.bins(buckets), passMark: passMark, ctx, into: &doc)
        }
        doc.heading(ctx.t("员工得分", "Employees"))
        var st = Table(name: "staff", title: ctx.t("员工得分", "Employees"), columns: [
            .init(ctx.t("日期", "Date"), .date), .init(ctx.t("检查编号", "Visit"), .id),
            .init(ctx.t("网点编号", "Branch ID"), .id, shown: .dataOnly), .init(ctx.t("网点", "Branch"), .name, shown: .dataOnly),
            .init(ctx.t("工号", "Staff ID"), .id), .init(ctx.t("姓名", "Name"), .name),
            .init(ctx.t("岗位", "Role"), .status), .init(ctx.t("得分", "Score"), .number(.score)),
            .init(ctx.t("基础分", "Base"), .number(.score), terminalDrop: 1), .init(ctx.t("加分", "Bonus"), .number(.plain), terminalDrop: 2),
        ] + staffColumns.map { .init($0.id, .number(.score), terminalHeader: shortHeader($0, ctx)) } + [
            .init(ctx.t("否决项", "Veto"), .id), .init(ctx.t("扣分项", "Deductions"), .number(.count)),
            .init(ctx.t("未答项", "Unanswered"), .id, terminalDrop: 3),
        ])
        for (v, s) in staffPairs {
            st.add([.date(v.date), .text(v.id), .text(v.branch.id), .text(v.branch.name), .text(s.id), .text(s.name),
                    .text(Fmt.role(s.role, ctx)), .number(s.score), .number(s.base), .number(s.bonus)]
                   + staffColumns.map { c in .number(s.checklists.first { $0.id == c.id }?.score) }
                   + [.text(Fmt.list(s.veto)), .int(s.deductions), .text(Fmt.list(s.unanswered))],
                   tone: s.veto.isEmpty ? (s.score == nil ? .muted : nil) : .bad)
        }
        doc.table(st)
        doc.facts(notes(ctx))
        doc.htmlNote(ctx.t("红色行：触及否决项。", "Red rows: a veto breach."))
        if let s = skippedLine(ctx) { doc.fact(s) }
        return doc
    }

    var staffPairs: [(VisitRow, StaffRow)] { visits.flatMap { v in v.staff.map { (v, $0) } } }
}

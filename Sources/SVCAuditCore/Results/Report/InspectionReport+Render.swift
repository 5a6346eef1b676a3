extension InspectionReport: Report {
    // MARK: JSON (the canonical model)

    public func json() -> JSONValue {
        func share(_ p: PassShare) -> JSONValue {
            var o: [(String, JSONValue)] = [("rated", .int(p.rated)), ("passing", .int(p.passing))]
            if let u = p.uninspected { o.append(("uninspected", .int(u))) }
            return .object(o)
        }
        func totalsJSON(_ t: Totals) -> [(String, JSONValue)] {
            var o: [(String, JSONValue)] = [("visits", .int(t.visits)), ("scored_visits", .int(t.scoredVisits)), ("branches", .int(t.branches))]
            o += [("staff", .int(t.staff)), ("employee_visits", .int(t.employeeVisits)), ("mean", .opt(t.mean))]
            o += [("staff_mean", .opt(t.staffMean)), ("branch_pass_rate", .opt(t.branchPassRate))]
            o += [("staff_pass_rate", .opt(t.staffPassRate)), ("branch_pass", share(t.branchShare)), ("staff_pass", share(t.staffShare))]
            o += [("visit_pass_rate", .opt(t.visitPassRate)), ("employee_visit_pass_rate", .opt(t.employeeVisitPassRate))]
            o += [("findings", .int(t.findings)), ("flagged_visits", .int(t.flaggedVisits))]
            return o
        }
        func diff(_ a: Double?, _ b: Double?) -> JSONValue { .opt(a.flatMap { x in b.map { x - $0 } }) }
        let previous: JSONValue = comparison.map { c in
            .object([("period", RFmt.period(c.period))] + totalsJSON(c.previous) + [
                ("change", .object([
                    ("visits", .int(totals.visits - c.previous.visits)),
                    ("mean", diff(totals.mean, c.previous.mean)),
                    ("branch_pass_rate", diff(totals.branchPassRate, c.previous.branchPassRate)),
                    ("staff_pass_rate", diff(totals.staffPassRate, c.previous.staffPassRate)),
                ])),
            ])
        } ?? .null
        return .object([
            ("period", period.map(RFmt.period) ?? .null),
            ("policy", .object([
                ("file", .opt(policyFile)), ("title", .opt(policyTitle)), ("pass_mark", .number(passMark)),
                ("targets", .object(targets.map { ($0.kind.rawValue, .opt($0.target)) })),
            ])),
            ("summary", .object(totalsJSON(totals) + [("veto_incidents", .int(vetoes.count))])),
            ("targets", .array(targets.map { t in
                .object([("rate", .string(t.kind.rawValue)), ("value", .opt(t.rate)), ("target", .opt(t.target)),
                         ("met", t.met.map { .bool($0) } ?? .null),
                         ("below", .array(t.below.map { .object([("id", .string($0.id)), ("name", .string($0.name)), ("rate", .number($0.rate))]) }))])
            })),
            ("branches", .array(branches.map { b in
                .object([
                    ("id", .string(b.id)), ("name", .string(b.name)), ("parent", .opt(b.parent)), ("region", .opt(b.region)),
                    ("visits", .int(b.visits)), ("mean", .opt(b.mean)),
                    ("checklists", .object(b.checklists.map { ($0.id, .number($0.mean)) })),
                    ("weighted_mean", .opt(b.weightedMean)), ("passed", b.passed.map { .bool($0) } ?? .null),
                    ("visit_pass_rate", .opt(b.visitPassRate)), ("employee_visit_pass_rate", .opt(b.employeeVisitPassRate)),
                    ("employee_visits", .int(b.employeeVisits)), ("findings", .int(b.findings)),
                    ("flagged_visits", .int(b.flaggedVisits)), ("parent_rank", .opt(b.parentRank)),
                    ("parent_size", .int(b.parentSize)), ("previous_mean", .opt(b.previousMean)), ("change", .opt(b.change)),
                ])
            })),
            ("checklists", .array(checklists.map { c in
                .object([
                    ("id", .string(c.id)), ("title", .string(c.title)), ("visits", .int(c.visits)), ("mean", .number(c.mean)),
                    ("previous_mean", .opt(c.previousMean)), ("change", .opt(c.change)),
                    ("sections", .array(c.sections.map { s in
                        .object([("name", .string(s.name)), ("mean", .number(s.mean)), ("previous_mean", .opt(s.previousMean)),
                                 ("change", .opt(s.previousMean.map { s.mean - $0 }))])
                    })),
                ])
            })),
            ("most_failed", .array(mostFailed.map { f in
                .object([("item", .string(f.item)), ("checklist", .string(f.checklist)), ("section", .opt(f.section)),
                         ("text", .string(f.text)), ("deductions", .int(f.deductions)), ("answered", .int(f.answered)),
                         ("rate", .number(f.rate))])
            })),
            ("failed_items", .int(failedItemCount)),
            ("vetoes", .array(vetoes.map { v in
                .object([("date", .string(v.date.description)), ("visit", .string(v.visit)), ("file", .string(v.file)),
                         ("branch", .string(v.branch)), ("branch_name", .string(v.branchName)), ("staff", .opt(v.staff)),
                         ("staff_name", .opt(v.staffName)), ("item", .string(v.item)),
                         ("text", .opt(itemTexts[v.item]?.zh)), ("note", .opt(v.note))])
            })),
            ("months", .array(months.map { m in
                .object([("month", .string(m.month.description)), ("visits", .int(m.visits)), ("mean", .opt(m.mean)),
                         ("visit_pass_rate", .opt(m.visitPassRate)), ("employee_visit_pass_rate", .opt(m.employeeVisitPassRate)),
                         ("checklists", .object(m.checklists.compactMap { c in c.mean.map { (c.id, .number($0)) } }))])
            })),
            ("histogram", .array(histogram.map { .object([("from", .number($0.from)), ("to", .opt($0.to)), ("count", .int($0.count))]) })),
            ("previous", previous),
            ("outside_period", .int(outsideVisits)),
            ("skipped", .array(skipped.map { .string($0) })),
        ] + uninspectedJSON() + accountabilityJSON())
    }

    /// With --roster: the branches with no visit (未受检).
    private func uninspectedJSON() -> [(String, JSONValue)] {
        guard let list = uninspectedBranches else { return [] }
        return [("uninspected_branches", .array(list.map { .object([("id", .string($0.id)), ("name", .string($0.name))]) }))]
    }

    // MARK: Text, CSV, Markdown, HTML

    public func render(_ format: OutputFormat, _ ctx: RenderContext) -> String {
        if format == .json { return json().render() }
        return document(ctx, charts: format == .html).render(format, ctx)
    }

    func title(_ ctx: RenderContext) -> String {
        if let period { return ctx.t("\(period.title(.zh))服务规范检查通报", "Service-standard inspection report, \(period.title(.en))") }
        return ctx.t("服务规范检查通报", "Service-standard inspection report")
    }

    func targetLabel(_ k: TargetCheck.Kind, _ ctx: RenderContext) -> String {
        k == .branchPassRate ? ctx.t("网点达标率", "Branch pass rate") : ctx.t("员工达标率", "Staff pass rate")
    }

    /// 列嘉兴分行营业部所属网点第1名（共2个）.
    func parentRankText(_ b: BranchRow, _ ctx: RenderContext) -> String {
        guard let r = b.parentRank else { return "—" }
        let parent = b.parent ?? ctx.t("无上级", "no parent")
        return ctx.t("列\(parent)所属网点第\(r)名（共\(b.parentSize)个）", "\(r) of \(b.parentSize) under \(parent)")
    }

    func summaryLines(_ ctx: RenderContext) -> [String] {
        let t = totals
        var ls: [String] = []
        if let period {
            ls.append(ctx.t("期间：\(period.from) 至 \(period.to)", "Period: \(period.from) to \(period.to)"))
        } else {
            ls.append(ctx.t("期间：全部检查记录（未指定期间，不与上期比较）", "Period: all visits read (no period given, no comparison)"))
        }
        ls.append(ctx.t(
            "检查 \(t.visits) 次，覆盖网点 \(t.branches) 个、员工 \(t.staff) 人（员工受检 \(t.employeeVisits) 人次）",
            "\(RFmt.n(t.visits, "visit")) covering \(RFmt.n(t.branches, "branch", "branches")) and \(RFmt.n(t.staff, "employee")) (\(RFmt.n(t.employeeVisits, "employee-visit")))"))
        ls.append(ctx.t(
            "网点平均得分 \(Fmt.score(t.mean))，员工平均得分 \(Fmt.score(t.staffMean))；达标线 \(Fmt.num(passMark)) 分",
            "Mean visit score \(Fmt.score(t.mean)), mean employee score \(Fmt.score(t.staffMean)); pass mark \(Fmt.num(passMark))"))
        ls.append(ctx.t(
            "扣分 \(t.findings) 处；一票否决 \(vetoes.count) 起，涉及检查 \(t.flaggedVisits) 次",
            "\(RFmt.n(t.findings, "deduction")); \(RFmt.n(vetoes.count, "veto breach", "veto breaches")) on \(RFmt.n(t.flaggedVisits, "visit"))"))
        for tc in targets {
            let share = tc.kind == .branchPassRate ? t.branchShare : t.staffShare
            var s = targetLabel(tc.kind, ctx) + " " + RFmt.rate(tc.rate)
            s += tc.kind == .branchPassRate
                ? ctx.t("（受检网点 \(share.rated) 个中 \(share.passing) 个平均得分达标", " (\(share.passing) of \(RFmt.n(share.rated, "inspected branch", "inspected branches")) with a mean at the pass mark")
                : ctx.t("（受检员工 \(share.rated) 人中 \(share.passing) 人平均得分达标", " (\(share.passing) of \(RFmt.n(share.rated, "inspected employee")) with a mean at the pass mark")
            if let u = share.uninspected {
                s += tc.kind == .branchPassRate ? ctx.t("；名册在营网点未受检 \(u) 个，另计", "; \(u) on the roster not inspected, counted apart")
                                                : ctx.t("；名册在岗员工未受检 \(u) 人，另计", "; \(u) on the roster not inspected, counted apart")
            }
            if let target = tc.target {
                let verdict = tc.met == true ? ctx.t("达标", "met") : ctx.t("未达标", "not met")
                s += ctx.t("；目标 \(Num.percent(target))，\(verdict)", "; target \(Num.percent(target)), \(verdict)")
            }
            s += ctx.t("）", ")")
            ls.append(s)
        }
        ls.append(ctx.t("检查合格率 \(RFmt.rate(t.visitPassRate))（得分达标的检查次数占比），人次合格率 \(RFmt.rate(t.employeeVisitPassRate))（得分达标的员工受检人次占比）",
                        "Visit pass rate \(RFmt.rate(t.visitPassRate)) (share of visits at the pass mark), employee-visit pass rate \(RFmt.rate(t.employeeVisitPassRate)) (share of employee-visits at the pass mark)"))
        if let list = uninspectedBranches, !list.isEmpty {
            ls.append(ctx.t("未受检网点（名册在营，本期无检查）：", "Not inspected (active on the roster, no visit): ")
                      + RFmt.join(list.map { "\($0.id) \($0.name)" }, ctx))
        }
        if let c = comparison {
            let p = c.previous
            ls.append(ctx.t(
                "与上期（\(c.period.title(.zh))）相比：检查 \(RFmt.signed(t.visits - p.visits)) 次，平均得分 \(RFmt.signed(diff(t.mean, p.mean)))，网点达标率 \(RFmt.signed(diff(t.branchPassRate, p.branchPassRate))) 个百分点，员工达标率 \(RFmt.signed(diff(t.staffPassRate, p.staffPassRate))) 个百分点",
                "Against the previous period (\(c.period.title(.en))): visits \(RFmt.signed(t.visits - p.visits)), mean score \(RFmt.signed(diff(t.mean, p.mean))), branch pass rate \(RFmt.signed(diff(t.branchPassRate, p.branchPassRate))) points, staff pass rate \(RFmt.signed(diff(t.staffPassRate, p.staffPassRate))) points"))
        } else if let period {
            ls.append(ctx.t("上期（\(period.previous.title(.zh))）无检查记录，不作比较",
                            "No visits in the previous period (\(period.previous.title(.en))): no comparison"))
        }
        if outsideVisits > 0 {
            ls.append(ctx.t("期间以外的检查 \(outsideVisits) 次未计入", "\(RFmt.n(outsideVisits, "visit")) outside the period not counted"))
        }
        if let f = policyFile {
            ls.append(ctx.t("规则文件：\(f)", "Policy: \(f)") + (policyTitle.map { ctx.t("（\($0)）", " (\($0))") } ?? ""))
        }
        if !skipped.isEmpty {
            ls.append(ctx.t("已跳过无效文件 \(skipped.count) 个：", "\(RFmt.n(skipped.count, "invalid file")) skipped: ") + RFmt.join(skipped, ctx))
        }
        return ls
    }

    private func diff(_ a: Double?, _ b: Double?) -> Double? { a.flatMap { x in b.map { x - $0 } } }

    func document(_ ctx: RenderContext, charts: Bool) -> ReportDocument {
        var doc = ReportDocument(title: title(ctx))
        doc.lines(summaryLines(ctx))
        let compare = comparison != nil

        // 1. Branches.
        doc.section(ctx.t("各网点情况", "Branches"), ctx.lang)
        var headers = [ctx.t("网点", "Branch"), ctx.t("名称", "Name"), ctx.t("检查次数", "Visits"), ctx.t("平均得分", "Mean"),
                       ctx.t("达标", "Passed"), ctx.t("检查合格率", "Visit pass"), ctx.t("人次合格率", "Employee-visit pass"), ctx.t("扣分", "Deductions"),
                       ctx.t("否决", "Vetoed"), ctx.t("所属网点排名", "Rank under parent")]
        if compare { headers += [ctx.t("上期得分", "Previous"), ctx.t("较上期", "Change")] }
        var rows: [[String]] = []
        var classes: [String?] = []
        for b in branches {
            let passed = b.passed.map { $0 ? ctx.t("是", "yes") : ctx.t("否", "no") } ?? "—"
            var row = [b.id, b.name, String(b.visits), Fmt.score(b.mean), passed, RFmt.rate(b.visitPassRate),
                       RFmt.rate(b.employeeVisitPassRate), String(b.findings), String(b.flaggedVisits), parentRankText(b, ctx)]
            if compare { row += [Fmt.score(b.previousMean), RFmt.signed(b.change)] }
            rows.append(row)
            classes.append(b.flaggedVisits > 0 || b.passed == false ? "bad" : nil)
        }
        doc.table(.init(headers: headers, rows: rows, alignRight: [2, 3, 5, 6, 7, 8, 10, 11], rowClasses: classes, nowrap: [0, 1]))
        doc.line(ctx.t("达标：按检查方式加权的平均得分不低于达标线 \(Fmt.num(passMark)) 分；检查合格率、人次合格率为按检查次数、受检人次计的占比",
                       "Passed: the method-weighted mean is at the pass mark \(Fmt.num(passMark)) or above; the visit and employee-visit pass rates are shares of visits and of employee-visits"))
        if classes.contains(where: { $0 != nil }) {
            doc.htmlNote(ctx.t("红色底纹：该网点有一票否决事项，或平均得分未达标。", "Red rows: the branch had a veto breach or a mean below the pass mark."))
        }

        doc.subheading(ctx.t("各网点分检查表平均得分", "Mean score per checklist and branch"))
        let ids = checklists.map(\.id)
        doc.table(.init(
            headers: [ctx.t("网点", "Branch"), ctx.t("名称", "Name")] + checklists.map { $0.title(ctx.lang) },
            rows: branches.map { b in [b.id, b.name] + ids.map { Fmt.score(b.checklistMean($0)) } },
            alignRight: Set(2..<(2 + ids.count))))
        if charts, !branches.isEmpty, !checklists.isEmpty {
            doc.chart(SVGChart.bars(title: ctx.t("各网点分检查表平均得分", "Mean checklist score by branch"),
                                    categories: branches.map(\.name),
                                    series: checklists.map { c in (name: c.title(ctx.lang), values: branches.map { $0.checklistMean(c.id) }) },
                                    yMax: 100))
        }

        // 2. Pass rates against targets.
        doc.section(ctx.t("达标率与目标", "Pass rates and targets"), ctx.lang)
        doc.table(.init(
            headers: [ctx.t("指标", "Rate"), ctx.t("本期", "This period"), ctx.t("目标", "Target"), ctx.t("结果", "Result"),
                      ctx.t("未达标网点数", "Branches not passing")],
            rows: targets.map { t in
                [targetLabel(t.kind, ctx), RFmt.rate(t.rate), RFmt.rate(t.target),
                 t.target == nil ? ctx.t("未设目标", "no target") : (t.met == true ? ctx.t("达标", "met") : ctx.t("未达标", "not met")),
                 t.kind == .branchPassRate ? String(t.below.count) : "—"]
            },
            alignRight: [1, 2, 4], rowClasses: targets.map { $0.met == false ? "bad" : ($0.met == true ? "good" : nil) }))
        let below = targets.flatMap { t in t.below.map { (t, $0) } }
        if !below.isEmpty {
            doc.subheading(ctx.t("平均得分未达标的网点", "Branches with a mean below the pass mark"))
            doc.table(.init(
                headers: [ctx.t("指标", "Rate"), ctx.t("网点", "Branch"), ctx.t("名称", "Name"), ctx.t("平均得分", "Mean"),
                          ctx.t("达标线", "Pass mark"), ctx.t("差距", "Gap")],
                rows: below.map { t, b in
                    [targetLabel(t.kind, ctx), b.id, b.name, Num.fixed2(b.rate), Fmt.num(passMark), RFmt.signed(b.rate - passMark)]
                },
                alignRight: [3, 4, 5], rowClasses: below.map { _ in "bad" }))
        } else if targets.contains(where: { $0.target != nil }) {
            doc.line(ctx.t("各受检网点平均得分均达标", "Every inspected branch has a mean at the pass mark"))
        }

        // 3. Checklists and sections.
        doc.section(ctx.t("检查表及分项平均得分", "Checklists and sections"), ctx.lang)
        var cHeaders = [ctx.t("检查表", "Checklist"), ctx.t("分项", "Section"), ctx.t("检查次数", "Visits"), ctx.t("平均得分", "Mean")]
        if compare { cHeaders += [ctx.t("上期得分", "Previous"), ctx.t("较上期", "Change")] }
        var cRows: [[String]] = []
        for c in checklists {
            var row = [c.title(ctx.lang), ctx.t("（全表）", "(all)"), String(c.visits), Fmt.score(c.mean)]
            if compare { row += [Fmt.score(c.previousMean), RFmt.signed(c.change)] }
            cRows.append(row)
            for s in c.sections {
                var r = [c.title(ctx.lang), s.name, "", Fmt.score(s.mean)]
                if compare { r += [Fmt.score(s.previousMean), RFmt.signed(s.previousMean.map { s.mean - $0 })] }
                cRows.append(r)
            }
        }
        doc.table(.init(headers: cHeaders, rows: cRows, alignRight: [2, 3, 4, 5]))

        // 4. Most-failed items.
        doc.section(ctx.t("扣分最多的条目", "Most-failed items"), ctx.lang)
        if mostFailed.isEmpty {
            doc.line(ctx.t("本期无扣分", "No deductions"))
        } else {
            doc.line(ctx.t("共 \(failedItemCount) 个条目有扣分，列出前 \(mostFailed.count) 个；扣分率 = 扣分次数 ÷ 受检次数",
                           "\(RFmt.n(failedItemCount, "item")) lost points; the first \(mostFailed.count) are listed; failure rate = deductions ÷ times answered"))
            doc.table(.init(
                headers: [ctx.t("序号", "No."), ctx.t("条目", "Item"), ctx.t("检查表", "Checklist"), ctx.t("内容", "Text"),
                          ctx.t("扣分次数", "Deductions"), ctx.t("受检次数", "Answered"), ctx.t("扣分率", "Failure rate")],
                rows: mostFailed.enumerated().map { i, f in
                    [String(i + 1), f.item, checklistTitle(f.checklist, ctx.lang), f.text(ctx.lang), String(f.deductions),
                     String(f.answered), Num.percent(f.rate)]
                },
                alignRight: [0, 4, 5, 6], maxWidth: [3: 40], nowrap: [1, 2]))
            if charts {
                doc.chart(SVGChart.hbars(title: ctx.t("扣分次数最多的条目", "Items with the most deductions"),
                                         labels: mostFailed.map { "\($0.item) \($0.text(ctx.lang))" },
                                         values: mostFailed.map { Double($0.deductions) }))
            }
        }

        // 5. Veto incidents.
        doc.section(ctx.t("一票否决事项", "Veto breaches"), ctx.lang)
        if vetoes.isEmpty {
            doc.line(ctx.t("本期无一票否决事项", "No veto breaches"))
        } else {
            doc.table(.init(
                headers: [ctx.t("日期", "Date"), ctx.t("网点", "Branch"), ctx.t("员工", "Employee"), ctx.t("条目", "Item"),
                          ctx.t("内容", "Text"), ctx.t("说明", "Note")],
                rows: vetoes.map { v in
                    [v.date.description, "\(v.branch) \(v.branchName)", v.staff.map { "\($0) \(v.staffName ?? "")" } ?? ctx.t("（网点）", "(branch)"),
                     v.item, itemTexts[v.item].map { ctx.lang == .en ? ($0.en ?? $0.zh) : $0.zh } ?? "", v.note ?? ""]
                },
                rowClasses: vetoes.map { _ in "bad" }, maxWidth: [4: 30, 5: 30], nowrap: [0, 1, 2, 3]))
        }

        // 6. Months.
        doc.section(ctx.t("按月情况", "By month"), ctx.lang)
        doc.table(.init(
            headers: [ctx.t("月份", "Month"), ctx.t("检查次数", "Visits"), ctx.t("平均得分", "Mean"), ctx.t("检查合格率", "Visit pass"),
                      ctx.t("人次合格率", "Employee-visit pass")] + checklists.map { $0.title(ctx.lang) },
            rows: months.map { m in
                [m.month.title(ctx.lang), String(m.visits), Fmt.score(m.mean), RFmt.rate(m.visitPassRate), RFmt.rate(m.employeeVisitPassRate)]
                    + m.checklists.map { Fmt.score($0.mean) }
            },
            alignRight: Set(1..<(5 + checklists.count))))
        if charts, !months.isEmpty {
            let labels = months.map { $0.month.title(ctx.lang) }
            doc.chart(SVGChart.line(title: ctx.t("按月平均得分", "Mean visit score by month"), xLabels: labels,
                                    series: [(name: ctx.t("网点平均得分", "Mean visit score"), values: months.map(\.mean))]))
            doc.chart(SVGChart.line(title: ctx.t("按月合格率（%）", "Pass rates by month (%)"), xLabels: labels,
                                    series: [(name: ctx.t("检查合格率", "Visit pass rate"), values: months.map(\.visitPassRate)),
                                             (name: ctx.t("人次合格率", "Employee-visit pass rate"), values: months.map(\.employeeVisitPassRate))],
                                    yMax: 100))
        }

        // 7. Score distribution.
        doc.section(ctx.t("检查得分分布", "Distribution of visit scores"), ctx.lang)
        let binLabels = histogram.map { b in b.to.map { "\(Fmt.num(b.from))–\(Fmt.num($0))" } ?? ctx.t("100 以上", "over 100") }
        doc.table(.init(headers: [ctx.t("分数段", "Score"), ctx.t("检查次数", "Visits")],
                        rows: zip(binLabels, histogram).map { [$0, String($1.count)] }, alignRight: [1]))
        if !histogram.isEmpty {
            doc.line(ctx.t("分数段含下限、不含上限，95–100 含 100 分", "Bins include their lower bound, not the upper; 95–100 includes 100"))
            if charts {
                doc.chart(SVGChart.histogram(title: ctx.t("检查得分分布", "Visit scores"),
                                             bins: zip(binLabels, histogram).map { (label: $0, count: $1.count) }),
                          ctx.t("达标线 \(Fmt.num(passMark)) 分", "pass mark \(Fmt.num(passMark))"))
            }
        }

        // 8. Previous period.
        if let c = comparison {
            doc.section(ctx.t("与上期比较", "Against the previous period"), ctx.lang)
            let p = c.previous
            var rows: [[String]] = [
                [ctx.t("检查次数", "Visits"), String(totals.visits), String(p.visits), RFmt.signed(totals.visits - p.visits)],
                [ctx.t("覆盖网点", "Branches"), String(totals.branches), String(p.branches), RFmt.signed(totals.branches - p.branches)],
                [ctx.t("覆盖员工", "Employees"), String(totals.staff), String(p.staff), RFmt.signed(totals.staff - p.staff)],
                [ctx.t("平均得分", "Mean visit score"), Fmt.score(totals.mean), Fmt.score(p.mean), RFmt.signed(diff(totals.mean, p.mean))],
                [ctx.t("网点达标率", "Branch pass rate"), RFmt.rate(totals.branchPassRate), RFmt.rate(p.branchPassRate),
                 RFmt.signed(diff(totals.branchPassRate, p.branchPassRate))],
                [ctx.t("员工达标率", "Staff pass rate"), RFmt.rate(totals.staffPassRate), RFmt.rate(p.staffPassRate),
                 RFmt.signed(diff(totals.staffPassRate, p.staffPassRate))],
            ]
            for ch in checklists {
                rows.append([ch.title(ctx.lang), Fmt.score(ch.mean), Fmt.score(ch.previousMean), RFmt.signed(ch.change)])
            }
            doc.subheading(ctx.t("上期：\(c.period.title(.zh))（\(c.period.from) 至 \(c.period.to)）",
                                 "Previous period: \(c.period.title(.en)) (\(c.period.from) to \(c.period.to))"))
            doc.table(.init(headers: [ctx.t("指标", "Measure"), ctx.t("本期", "This period"), ctx.t("上期", "Previous"),
                                      ctx.t("变化", "Change")],
                            rows: rows, alignRight: [1, 2, 3]))
            doc.line(ctx.t("达标率的变化以百分点计", "Pass-rate changes are in percentage points"))
        }
        addAccountability(&doc, ctx)
        return doc
    }
}

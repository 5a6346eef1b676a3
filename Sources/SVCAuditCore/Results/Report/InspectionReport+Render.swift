extension InspectionReport: Report {
    public static let tables = ["branches", "branch_checklists", "targets", "below_target", "checklists", "most_failed", "vetoes", "months", "histogram", "previous"]
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
            // A bank's branches and veto breaches are made one at a time as they are written (SPEC §5).
            ("branches", .lazy(branches.count) { [branches] i in
                let b = branches[i]
                return .object([
                    ("id", .string(b.id)), ("name", .string(b.name)), ("parent", .opt(b.parent)), ("region", .opt(b.region)),
                    ("visits", .int(b.visits)), ("mean", .opt(b.mean)),
                    ("checklists", .object(b.checklists.map { ($0.id, .number($0.mean)) })),
                    ("weighted_mean", .opt(b.weightedMean)), ("passed", b.passed.map { .bool($0) } ?? .null),
                    ("visit_pass_rate", .opt(b.visitPassRate)), ("employee_visit_pass_rate", .opt(b.employeeVisitPassRate)),
                    ("employee_visits", .int(b.employeeVisits)), ("findings", .int(b.findings)),
                    ("flagged_visits", .int(b.flaggedVisits)), ("parent_rank", .opt(b.parentRank)),
                    ("parent_size", .int(b.parentSize)), ("previous_mean", .opt(b.previousMean)), ("change", .opt(b.change)),
                ])
            }),
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
            ("vetoes", .lazy(vetoes.count) { [vetoes, itemTexts] i in
                let v = vetoes[i]
                return .object([("date", .string(v.date.description)), ("visit", .string(v.visit)), ("file", .string(v.file)),
                                ("branch", .string(v.branch)), ("branch_name", .string(v.branchName)), ("staff", .opt(v.staff)),
                                ("staff_name", .opt(v.staffName)), ("item", .string(v.item)),
                                ("text", .opt(itemTexts[v.item]?.zh)), ("note", .opt(v.note))])
            }),
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
        // A period is in the header block; say so when there is none.
        if period == nil {
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

    /// ⌊score⌋ below 100, 100 for exactly 100, 101 above: the histogram's buckets, for the
    /// tally and for `score` alike.
    static func bucket(_ s: Double) -> Int { s < 100 ? Int(s.rounded(.down)) : (s == 100 ? 100 : 101) }

    /// "85–90", or "100 以上" for the bin above 100.
    static func binLabel(_ b: Bin, _ ctx: RenderContext) -> String {
        b.to.map { "\(Fmt.num(b.from))–\(Fmt.num($0))" } ?? ctx.t("100 以上", "over 100")
    }

    /// The score distribution as a chart with its table (report and score share it).
    static func histogramBlock(_ bins: [Bin], passMark: Double, _ ctx: RenderContext, into doc: inout Document) {
        let labels = bins.map { binLabel($0, ctx) }
        var t = Table(name: "histogram", title: ctx.t("得分分布", "Distribution"), columns: [
            .init(ctx.t("分数段", "Score"), .id), .init(ctx.t("检查次数", "Visits"), .number(.count)),
        ])
        for (l, b) in zip(labels, bins) { t.add([.text(l), .int(b.count)]) }
        doc.chart(Chart(title: ctx.t("检查得分分布", "Distribution of visit scores"),
                        kind: .histogram(labels: labels, counts: bins.map(\.count)),
                        valueTitle: ctx.t("检查次数（次）", "Visits"), categoryTitle: ctx.t("检查得分（分）", "Visit score"),
                        axis: .fromZero, passMark: (passMark, ctx.t("达标线 \(Fmt.num(passMark)) 分", "pass mark \(Fmt.num(passMark))"))),
                  with: t)
        doc.fact(ctx.t("分数段含下限、不含上限，95–100 含 100 分", "Bins include their lower bound, not the upper; 95–100 includes 100"))
    }

    public func document(_ ctx: RenderContext) -> Document {
        var doc = Document(title: title(ctx), lang: ctx.lang)
        doc.issuer = issuer
        if let period {
            doc.header = [.init(ctx.t("检查期间", "Period"), ctx.t("\(period.title(.zh))（\(period.from) 至 \(period.to)）", "\(period.title(.en)) (\(period.from) to \(period.to))"))]
        }
        doc.facts(summaryLines(ctx))
        let compare = comparison != nil
        let passLine = (passMark, ctx.t("达标线 \(Fmt.num(passMark)) 分", "pass mark \(Fmt.num(passMark))"))

        // 1. Branches.
        doc.section(ctx.t("各网点情况", "Branches"))
        var bt = Table(name: "branches", title: ctx.t("各网点情况", "Branches"), columns: [
            .init(ctx.t("网点", "Branch"), .id), .init(ctx.t("名称", "Name"), .name),
            .init(ctx.t("上级单位", "Parent"), .name, shown: .dataOnly), .init(ctx.t("分行", "Region"), .name, shown: .dataOnly),
            .init(ctx.t("检查次数", "Visits"), .number(.count)), .init(ctx.t("平均得分", "Mean"), .number(.score)),
            .init(ctx.t("加权平均分", "Weighted mean"), .number(.score), shown: .dataOnly),
            .init(ctx.t("达标", "Passed"), .status), .init(ctx.t("检查合格率", "Visit pass"), .percent),
            .init(ctx.t("人次合格率", "Employee-visit pass"), .percent),
            .init(ctx.t("扣分", "Deductions"), .number(.count)), .init(ctx.t("否决", "Vetoed"), .number(.count)),
            .init(ctx.t("所属网点排名", "Rank under parent"), .text, shown: .displayOnly),
            .init(ctx.t("所属网点排名", "Rank under parent"), .number(.count), shown: .dataOnly),
            .init(ctx.t("所属网点数", "Branches under parent"), .number(.count), shown: .dataOnly),
        ] + (compare ? [.init(ctx.t("上期得分", "Previous"), .number(.score)), .init(ctx.t("较上期", "Change"), .number(.signed))] : []),
        main: true)
        for b in branches {
            let passed: Cell = b.passed.map { $0 ? .status(ctx.t("是", "yes"), .good) : .status(ctx.t("否", "no"), .bad) } ?? .number(nil)
            bt.add([.text(b.id), .text(b.name), .opt(b.parent), .opt(b.region), .int(b.visits), .number(b.mean), .number(b.weightedMean),
                    passed, .number(b.visitPassRate), .number(b.employeeVisitPassRate), .int(b.findings), .int(b.flaggedVisits),
                    .text(parentRankText(b, ctx)), .int(b.parentRank), .int(b.parentSize)]
                   + (compare ? [.number(b.previousMean), .number(b.change)] : []),
                   tone: b.flaggedVisits > 0 || b.passed == false ? .bad : nil)
        }
        // The comparison the table cannot show at a glance: every branch against the pass
        // mark and each other, best first; kept on the page of the table.
        let ranked = branches.filter { $0.mean != nil }.sorted { ($0.mean!, $1.id) > ($1.mean!, $0.id) }
        if ranked.isEmpty {
            doc.table(bt)
        } else {
            doc.chart(Chart(title: ctx.t("各网点平均得分（由高到低）", "Mean visit score by branch, best first"),
                            kind: .bars(labels: ranked.map(\.name), values: ranked.map(\.mean)),
                            valueTitle: ctx.t("平均得分（分）", "Mean visit score (points)"), categoryTitle: ctx.t("网点", "Branch"),
                            axis: Chart.scoreAxis, passMark: passLine),
                      with: bt)
        }
        doc.fact(ctx.t("达标：按检查方式加权的平均得分不低于达标线 \(Fmt.num(passMark)) 分；检查合格率、人次合格率为按检查次数、受检人次计的占比",
                       "Passed: the method-weighted mean is at the pass mark \(Fmt.num(passMark)) or above; the visit and employee-visit pass rates are shares of visits and of employee-visits"))
        if bt.rows.contains(where: { $0.tone != nil }) {
            doc.htmlNote(ctx.t("红色底纹：该网点有一票否决事项，或平均得分未达标。", "Red rows: the branch had a veto breach or a mean below the pass mark."))
        }


        doc.subheading(ctx.t("各网点分检查表平均得分", "Mean score per checklist and branch"))
        var ct = Table(name: "branch_checklists", title: ctx.t("分检查表平均得分", "Checklist means"), columns: [
            .init(ctx.t("网点", "Branch"), .id), .init(ctx.t("名称", "Name"), .name),
        ] + checklists.map { .init($0.title(ctx.lang), .number(.score), terminalHeader: ctx.lang == .en ? $0.id : nil) })
        for b in branches { ct.add([.text(b.id), .text(b.name)] + checklists.map { .number(b.checklistMean($0.id)) }) }
        doc.table(ct)

        // 2. Pass rates against targets.
        doc.section(ctx.t("达标率与目标", "Pass rates and targets"))
        var tt = Table(name: "targets", title: ctx.t("达标率与目标", "Pass rates"), columns: [
            .init(ctx.t("指标", "Rate"), .name), .init(ctx.t("本期", "This period"), .percent), .init(ctx.t("目标", "Target"), .percent),
            .init(ctx.t("结果", "Result"), .status), .init(ctx.t("未达标网点数", "Branches not passing"), .number(.count)),
        ])
        for t in targets {
            let result: Cell = t.target == nil ? .status(ctx.t("未设目标", "no target"), nil)
                : (t.met == true ? .status(ctx.t("达标", "met"), .good) : .status(ctx.t("未达标", "not met"), .bad))
            tt.add([.text(targetLabel(t.kind, ctx)), .number(t.rate), .number(t.target), result,
                    t.kind == .branchPassRate ? .int(t.below.count) : .number(nil)],
                   tone: t.met == false ? .bad : (t.met == true ? .good : nil))
        }
        doc.table(tt)
        let below = targets.flatMap { t in t.below.map { (t, $0) } }
        if !below.isEmpty {
            doc.subheading(ctx.t("平均得分未达标的网点", "Branches with a mean below the pass mark"))
            var bl = Table(name: "below_target", title: ctx.t("未达标网点", "Below the pass mark"), columns: [
                .init(ctx.t("指标", "Rate"), .name), .init(ctx.t("网点", "Branch"), .id), .init(ctx.t("名称", "Name"), .name),
                .init(ctx.t("平均得分", "Mean"), .number(.score)), .init(ctx.t("达标线", "Pass mark"), .number(.plain)),
                .init(ctx.t("差距", "Gap"), .number(.signed)),
            ])
            for (t, b) in below {
                bl.add([.text(targetLabel(t.kind, ctx)), .text(b.id), .text(b.name), .number(b.rate), .number(passMark),
                        .number(b.rate - passMark)], tone: .bad)
            }
            doc.table(bl)
        } else if targets.contains(where: { $0.target != nil }) {
            doc.fact(ctx.t("各受检网点平均得分均达标", "Every inspected branch has a mean at the pass mark"))
        }

        // 3. Checklists and sections.
        doc.section(ctx.t("检查表及分项平均得分", "Checklists and sections"))
        var st = Table(name: "checklists", title: ctx.t("检查表及分项", "Checklists and sections"), columns: [
            .init(ctx.t("检查表", "Checklist"), .name), .init(ctx.t("分项", "Section"), .text),
            .init(ctx.t("检查次数", "Visits"), .number(.count)), .init(ctx.t("平均得分", "Mean"), .number(.score)),
        ] + (compare ? [.init(ctx.t("上期得分", "Previous"), .number(.score)), .init(ctx.t("较上期", "Change"), .number(.signed))] : []))
        for c in checklists {
            st.add([.text(c.title(ctx.lang)), .text(ctx.t("（全表）", "(all)")), .int(c.visits), .number(c.mean)]
                   + (compare ? [.number(c.previousMean), .number(c.change)] : []))
            for s in c.sections {
                st.add([.text(c.title(ctx.lang)), .text(s.name), .empty, .number(s.mean)]
                       + (compare ? [.number(s.previousMean), .number(s.previousMean.map { s.mean - $0 })] : []))
            }
        }
        doc.table(st)

        // 4. Most-failed items.
        doc.section(ctx.t("扣分最多的条目", "Most-failed items"))
        if mostFailed.isEmpty {
            doc.fact(ctx.t("本期无扣分", "No deductions"))
        } else {
            doc.fact(ctx.t("共 \(failedItemCount) 个条目有扣分，列出前 \(mostFailed.count) 个；扣分率 = 扣分次数 ÷ 受检次数",
                           "\(RFmt.n(failedItemCount, "item")) lost points; the first \(mostFailed.count) are listed; failure rate = deductions ÷ times answered"))
            var ft = Table(name: "most_failed", title: ctx.t("扣分最多的条目", "Most-failed items"), columns: [
                .init(ctx.t("序号", "No."), .number(.count)), .init(ctx.t("条目", "Item"), .id), .init(ctx.t("检查表", "Checklist"), .name),
                .init(ctx.t("内容", "Text"), .text), .init(ctx.t("扣分次数", "Deductions"), .number(.count)),
                .init(ctx.t("受检次数", "Answered"), .number(.count)), .init(ctx.t("扣分率", "Failure rate"), .percent),
            ])
            for (i, f) in mostFailed.enumerated() {
                ft.add([.int(i + 1), .text(f.item), .text(checklistTitle(f.checklist, ctx.lang)), .text(f.text(ctx.lang)),
                        .int(f.deductions), .int(f.answered), .number(f.rate)])
            }
            // In the table's order (most deductions first), so bar and row read alike.
            doc.chart(Chart(title: ctx.t("扣分次数最多的条目", "Items with the most deductions"),
                            kind: .bars(labels: mostFailed.map { "\($0.item) \($0.text(ctx.lang))" }, values: mostFailed.map { Double($0.deductions) }),
                            valueTitle: ctx.t("扣分次数（次）", "Deductions"),
                            categoryTitle: ctx.t("条目", "Item"), axis: .fromZero),
                      with: ft)
        }

        // 5. Veto incidents.
        doc.section(ctx.t("一票否决事项", "Veto breaches"))
        if vetoes.isEmpty {
            doc.fact(ctx.t("本期无一票否决事项", "No veto breaches"))
        } else {
            var vt = Table(name: "vetoes", title: ctx.t("一票否决事项", "Veto breaches"), columns: [
                .init(ctx.t("日期", "Date"), .date), .init(ctx.t("网点", "Branch"), .id), .init(ctx.t("网点名称", "Branch name"), .name),
                .init(ctx.t("员工", "Employee"), .id), .init(ctx.t("姓名", "Name"), .name), .init(ctx.t("条目", "Item"), .id),
                .init(ctx.t("内容", "Text"), .text), .init(ctx.t("说明", "Note"), .text),
                .init(ctx.t("检查编号", "Visit"), .id, shown: .dataOnly),
            ])
            for v in vetoes {
                vt.add([.date(v.date), .text(v.branch), .text(v.branchName), v.staff.map(Cell.text) ?? .text(ctx.t("（网点）", "(branch)")),
                        .opt(v.staffName), .text(v.item), .text(itemTexts[v.item].map { ctx.lang == .en ? ($0.en ?? $0.zh) : $0.zh } ?? ""),
                        .opt(v.note), .text(v.visit)], tone: .bad)
            }
            doc.table(vt)
        }

        // 6. Months.
        doc.section(ctx.t("按月情况", "By month"))
        var mt = Table(name: "months", title: ctx.t("按月情况", "By month"), columns: [
            .init(ctx.t("月份", "Month"), .id), .init(ctx.t("检查次数", "Visits"), .number(.count)), .init(ctx.t("平均得分", "Mean"), .number(.score)),
            .init(ctx.t("检查合格率", "Visit pass"), .percent), .init(ctx.t("人次合格率", "Employee-visit pass"), .percent),
        ] + checklists.map { .init($0.title(ctx.lang), .number(.score), terminalHeader: ctx.lang == .en ? $0.id : nil) })
        for m in months {
            mt.add([.text(m.month.title(ctx.lang)), .int(m.visits), .number(m.mean), .number(m.visitPassRate), .number(m.employeeVisitPassRate)]
                   + m.checklists.map { .number($0.mean) })
        }
        if !months.isEmpty, months.contains(where: { $0.mean != nil }) {
            let labels = months.map { $0.month.title(ctx.lang) }
            doc.chart(Chart(title: ctx.t("按月平均得分", "Mean visit score by month"),
                            kind: .line(x: labels, series: [.init(ctx.t("网点平均得分", "Mean visit score"), months.map(\.mean))]),
                            valueTitle: ctx.t("平均得分（分）", "Mean score (points)"), categoryTitle: ctx.t("月份", "Month"),
                            axis: Chart.scoreAxis, passMark: passLine),
                      with: mt)
        } else {
            doc.table(mt)
        }

        // 7. Score distribution.
        doc.section(ctx.t("检查得分分布", "Distribution of visit scores"))
        if !histogram.isEmpty {
            Self.histogramBlock(histogram, passMark: passMark, ctx, into: &doc)
        } else {
            doc.fact(ctx.t("没有计分的检查", "No scored visits"))
        }

        // 8. Previous period.
        if let c = comparison {
            doc.section(ctx.t("与上期比较", "Against the previous period"))
            let p = c.previous
            doc.subheading(ctx.t("上期：\(c.period.title(.zh))（\(c.period.from) 至 \(c.period.to)）",
                                 "Previous period: \(c.period.title(.en)) (\(c.period.from) to \(c.period.to))"))
            var pt = Table(name: "previous", title: ctx.t("与上期比较", "Previous period"), columns: [
                .init(ctx.t("指标", "Measure"), .name), .init(ctx.t("本期", "This period"), .number(.plain)),
                .init(ctx.t("上期", "Previous"), .number(.plain)), .init(ctx.t("变化", "Change"), .number(.signed)),
            ])
            // Counts, scores and rates in one table: the cells say which by their text.
            func row(_ label: String, _ a: Double?, _ b: Double?) { pt.add([.text(label), .number(a), .number(b), .number(diff(a, b))]) }
            row(ctx.t("检查次数", "Visits"), Double(totals.visits), Double(p.visits))
            row(ctx.t("覆盖网点", "Branches"), Double(totals.branches), Double(p.branches))
            row(ctx.t("覆盖员工", "Employees"), Double(totals.staff), Double(p.staff))
            row(ctx.t("平均得分", "Mean visit score"), totals.mean, p.mean)
            row(ctx.t("网点达标率（%）", "Branch pass rate (%)"), totals.branchPassRate, p.branchPassRate)
            row(ctx.t("员工达标率（%）", "Staff pass rate (%)"), totals.staffPassRate, p.staffPassRate)
            for ch in checklists { row(ch.title(ctx.lang), ch.mean, ch.previousMean) }
            doc.table(pt)
            doc.fact(ctx.t("达标率的变化以百分点计", "Pass-rate changes are in percentage points"))
        }
        addAccountability(&doc, ctx)
        return doc
    }
}

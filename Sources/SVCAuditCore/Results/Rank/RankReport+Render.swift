// Rendering of the ranking: table, CSV, and the selection memo (RankMemo).
extension RankReport {
    func title(_ ctx: RenderContext) -> String {
        let what = policy.by == .staff ? ctx.t("服务明星评选", "Service star selection")
                                       : ctx.t("标杆网点评选", "Benchmark branch selection")
        return policy.title ?? what
    }

    func periodText(_ ctx: RenderContext) -> String {
        ranking.period.map { $0.title(ctx.lang) } ?? ctx.t("全部检查（未指定期间）", "all visits (no period given)")
    }

    func groupLabel(_ key: String?, _ label: String?, _ ctx: RenderContext) -> String {
        if let label { return label }
        switch policy.select.per {
        case .all: return ctx.t("全体", "everyone")
        case .branch: return ctx.t("（无网点）", "(no branch)")
        case .parent: return ctx.t("（未填上级单位）", "(no parent unit)")
        case .region: return ctx.t("（未填分行）", "(no region)")
        }
    }

    func groupLabel(of e: RankEntry, _ ctx: RenderContext) -> String {
        let key = RankFold.groupKey(e, policy.select.per)
        return groupLabel(key, policy.select.per == .branch ? e.branch.name : key, ctx)
    }

    /// The name of the grouping column: 分行, 上级单位 or 网点.
    func groupHeader(_ ctx: RenderContext) -> String {
        switch policy.select.per {
        case .all: return ctx.t("分组", "Group")
        case .branch: return ctx.t("评选网点", "Group branch")
        case .parent: return ctx.t("上级单位", "Parent")
        case .region: return ctx.t("分行", "Region")
        }
    }

    func starsText(_ n: Int?, _ ctx: RenderContext) -> String {
        guard let n else { return "" }
        return ctx.t("\(n)星", "\(n)")
    }

    func perText(_ ctx: RenderContext) -> String {
        switch policy.select.per {
        case .all: return ctx.t("全体", "overall")
        case .branch: return ctx.t("每个网点", "per branch")
        case .parent: return ctx.t("每个上级单位", "per parent unit")
        case .region: return ctx.t("每个分行", "per region")
        }
    }

    // MARK: Formats

    public func render(_ format: OutputFormat, _ ctx: RenderContext) -> String {
        switch format {
        case .json: return json().render()
        case .table: return table(ctx)
        case .csv: return csv(ctx)
        case .markdown: return RankMemo(report: self, ctx: ctx).markdown()
        case .html: return RankMemo(report: self, ctx: ctx).html()
        }
    }

    func table(_ ctx: RenderContext) -> String {
        let staff = policy.by == .staff
        var cols: [TextTable.Column] = [TextTable.Column(header: ctx.t("名次", "Rank"), align: .right)]
        if grouped {
            cols.append(TextTable.Column(header: groupHeader(ctx)))
            cols.append(TextTable.Column(header: ctx.t("组内", "In group"), align: .right))
        }
        cols.append(TextTable.Column(header: staff ? ctx.t("工号", "ID") : ctx.t("网点号", "ID")))
        cols.append(TextTable.Column(header: staff ? ctx.t("姓名", "Name") : ctx.t("网点", "Branch")))
        if staff {
            cols.append(TextTable.Column(header: ctx.t("岗位", "Role")))
            cols.append(TextTable.Column(header: ctx.t("网点", "Branch")))
        }
        cols += [
            TextTable.Column(header: ctx.t("检查次数", "Visits"), align: .right),
            TextTable.Column(header: ctx.t("平均分", "Mean"), align: .right),
            TextTable.Column(header: ctx.t("评选分", "Score"), align: .right),
            TextTable.Column(header: ctx.t("最低分", "Min"), align: .right),
        ]
        let hasStars = !policy.stars.isEmpty
        if hasStars { cols.append(TextTable.Column(header: ctx.t("星级", "Stars"))) }
        cols += [
            TextTable.Column(header: ctx.t("入选", "Selected")),
            TextTable.Column(header: ctx.t("不参评原因", "Not eligible because")),
        ]
        let rows: [[String]] = ranking.entries.map { e in
            var r = [e.rank.map(String.init) ?? "—"]
            if grouped {
                r.append(groupLabel(of: e, ctx))
                r.append(e.groupRank.map(String.init) ?? "")
            }
            r += [e.id, e.name]
            if staff { r += [e.role.map { Fmt.role($0, ctx) } ?? "", e.branch.name] }
            r += [String(e.visits), Fmt.score(e.mean), Fmt.score(e.score), Fmt.score(e.min)]
            if hasStars { r.append(starsText(e.stars, ctx)) }
            r += [e.selected ? ANSI.green("✓", enabled: ctx.color) : "", e.eligible ? "" : reason(e, ctx.lang)]
            return r
        }
        var out = "\(title(ctx)) · \(periodText(ctx))\n\n"
        out += TextTable(columns: cols, rows: rows).render(color: ctx.color)
        out += "\n" + footer(ctx).map { $0 + "\n" }.joined()
        return out
    }

    /// The lines under the table: counts, C, ignored visits, warnings, skipped files.
    func footer(_ ctx: RenderContext) -> [String] {
        var lines: [String] = []
        let sel = ranking.selected.count, elig = ranking.eligible.count, inel = ranking.ineligible.count
        var line = ctx.t("入选 \(sel)，参评 \(elig)，不参评 \(inel)；计入检查 \(ranking.visitsInPeriod) 次",
                         "selected \(sel), eligible \(elig), not eligible \(inel); \(ranking.visitsInPeriod) visits counted")
        if ranking.visitsUnweighted > 0 {
            line += ctx.t("，权重为 0 的检查 \(ranking.visitsUnweighted) 次未计入", ", \(ranking.visitsUnweighted) of a method weighted 0 left out")
        }
        if ranking.visitsOutside > 0 {
            line += ctx.t("，期间外 \(ranking.visitsOutside) 次未计入", ", \(ranking.visitsOutside) outside the period ignored")
        }
        lines.append(line)
        if policy.priorVisits > 0, let c = ranking.priorMean {
            let m = Fmt.num(policy.priorVisits)
            lines.append(ctx.t("评选分 = (检查次数 × 平均分 + \(m) × C) ÷ (检查次数 + \(m))，C = \(Num.fixed2(c))（参评范围内全部检查的加权平均分）",
                               "score = (visits × mean + \(m) × C) / (visits + \(m)), C = \(Num.fixed2(c)) (weighted mean of every visit in the population)"))
        }
        if !dataWarnings.isEmpty {
            lines.append(ctx.t("⚠ 数据质量警告 \(dataWarnings.count) 条（同一工号姓名或岗位不一致、疑似重复录入），可能影响排名，明细见标准错误输出或 svcaudit validate",
                               "⚠ \(dataWarnings.count) data-quality warnings (one id with two names or roles, visits recorded twice) may distort the ranking; details on standard error or from svcaudit validate"))
        }
        if !skipped.isEmpty {
            lines.append(ctx.t("已跳过无效文件 \(skipped.count) 个：", "\(skipped.count) invalid files skipped: ") + skipped.joined(separator: ", "))
        }
        return lines
    }

    func csv(_ ctx: RenderContext) -> String {
        var header = [ctx.t("名次", "rank")]
        if grouped { header += [ctx.t("分组", "group"), ctx.t("组内名次", "group_rank")] }
        header += [ctx.t("编号", "id"), ctx.t("姓名/网点名称", "name"), ctx.t("岗位", "role"), ctx.t("网点号", "branch"),
                   ctx.t("网点", "branch_name"), ctx.t("上级单位", "parent"), ctx.t("分行", "region"),
                   ctx.t("检查次数", "visits"), ctx.t("平均分", "mean"), ctx.t("评选分", "score"), ctx.t("最低分", "min"),
                   ctx.t("一票否决项", "veto"), ctx.t("参评", "eligible"), ctx.t("不参评原因", "reason"),
                   ctx.t("星级", "stars"), ctx.t("入选", "selected")]
        let yes = ctx.t("是", "yes"), no = ctx.t("否", "no")
        let rows: [[String]] = ranking.entries.map { e in
            var r = [e.rank.map(String.init) ?? ""]
            if grouped { r += [groupLabel(of: e, ctx), e.groupRank.map(String.init) ?? ""] }
            r += [e.id, e.name, e.role ?? "", e.branch.id, e.branch.name, e.branch.parent ?? "", e.branch.region ?? "",
                  String(e.visits), e.mean.map(Num.fixed2) ?? "", e.score.map(Num.fixed2) ?? "", e.min.map(Num.fixed2) ?? "",
                  e.veto.joined(separator: " "), e.eligible ? yes : no, e.eligible ? "" : reason(e, ctx.lang),
                  e.stars.map(String.init) ?? "", e.selected ? yes : no]
            return r
        }
        return CSVDocument(header: header, rows: rows).render(bom: ctx.bom)
    }
}

// Rendering of the ranking: table, CSV, and the selection memo (RankMemo).
extension RankReport {
    /// The period once: the policy's title as written when it names one, else with the period.
    func title(_ ctx: RenderContext) -> String {
        let what = policy.by == .staff ? (zh: "服务明星评选", en: "Service star selection")
                                       : (zh: "标杆网点评选", en: "Benchmark branch selection")
        return PolicyPeriod.title(policy, period: ranking.period, fallback: what, ctx.lang)
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

    public func document(_ ctx: RenderContext) -> Document { RankMemo(report: self, ctx: ctx).document() }

    /// Every entry with every data column: what CSV and xlsx write (HR sorts and filters it).
    func entriesTable(_ ctx: RenderContext) -> Table {
        var t = Table(name: "entries", title: ctx.t("全部名单", "Entries"), columns: [.init(ctx.t("名次", "Rank"), .number(.count))]
            + (grouped ? [.init(ctx.t("分组", "Group"), .name), .init(ctx.t("组内名次", "Group rank"), .number(.count))] : [])
            + [.init(ctx.t("编号", "ID"), .id), .init(ctx.t("姓名/网点名称", "Name"), .name), .init(ctx.t("岗位", "Role"), .status),
               .init(ctx.t("网点号", "Branch ID"), .id), .init(ctx.t("网点", "Branch"), .name), .init(ctx.t("上级单位", "Parent"), .name),
               .init(ctx.t("分行", "Region"), .name), .init(ctx.t("检查次数", "Visits"), .number(.count)),
               .init(ctx.t("平均分", "Mean"), .number(.score)), .init(ctx.t("评选分", "Score"), .number(.score)),
               .init(ctx.t("最低分", "Min"), .number(.score)), .init(ctx.t("一票否决项", "Veto"), .id),
               .init(ctx.t("参评", "Eligible"), .status), .init(ctx.t("不参评原因", "Reason"), .text),
               .init(ctx.t("星级", "Stars"), .number(.count)), .init(ctx.t("入选", "Selected"), .status)],
            main: true)
        t.medium = .dataOnly
        for e in ranking.entries {
            t.add([.int(e.rank)] + (grouped ? [.text(groupLabel(of: e, ctx)), .int(e.groupRank)] : [])
                  + [.text(e.id), .text(e.name), .text(e.role.map { Fmt.role($0, ctx) } ?? ""), .text(e.branch.id), .text(e.branch.name),
                     .opt(e.branch.parent), .opt(e.branch.region), .int(e.visits), .number(e.mean), .number(e.score), .number(e.min),
                     .text(e.veto.joined(separator: " ")), .text(Terms.yesNo(e.eligible, ctx.lang)),
                     .text(e.eligible ? "" : reason(e, ctx.lang)), .int(e.stars), .text(Terms.yesNo(e.selected, ctx.lang))])
        }
        return t
    }
}

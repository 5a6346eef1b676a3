/// The selection memo (评选结果公示) in markdown or html: the policy in words, the selected
/// entries of every group, the full ranking, and every ineligible entry with its reason, so
/// anyone can check that the selection followed the published rules (公平公正).
/// It is the ranking's one document: the terminal, Markdown and HTML show it as it is; CSV
/// and xlsx take its tables (every entry, with all data columns, is the main table).
struct RankMemo {
    let report: RankReport
    let ctx: RenderContext

    var policy: Policy { report.policy }
    var ranking: Ranking { report.ranking }
    var staff: Bool { policy.by == .staff }
    var hasStars: Bool { !policy.stars.isEmpty }
    func t(_ zh: String, _ en: String) -> String { ctx.t(zh, en) }

    // MARK: Content

    func document() -> Document {
        var doc = Document(title: report.title(ctx), lang: ctx.lang)
        doc.issuer = policy.issuer
        var head: [Document.Fact] = [.init(t("评选期间", "Period"), report.periodText(ctx)
            + (ranking.period.map { t("（\($0.from) 至 \($0.to)）", " (\($0.from) to \($0.to))") } ?? ""))]
        head.append(.init(t("评选对象", "Ranked"), staff ? t("员工", "employees") : t("网点", "branches")))
        if let file = policy.file { head.append(.init(t("评选规则", "Rules"), file)) }
        doc.header = head

        doc.heading(t("一、评选规则", "1. The rules"))
        doc.facts(rules())

        doc.heading(staff ? t("二、服务明星入选名单", "2. Selected service stars") : t("二、标杆网点入选名单", "2. Selected benchmark branches"))
        selected(&doc)

        evidence(&doc)

        doc.heading(t("三、参评排名", "3. Full ranking of the eligible"))
        rankingTable(&doc)

        doc.heading(t("四、未参评名单及原因", "4. Not eligible, and why"))
        ineligibleTable(&doc)

        doc.heading(t("五、数据说明", "5. About the data"))
        doc.facts(dataNotes())
        doc.table(report.entriesTable(ctx))
        return doc
    }

    func rules() -> [String] {
        var r: [String] = []
        let minScore = Fmt.num(policy.minScore)
        if staff {
            if let roles = policy.roles {
                r.append(t("评选对象：", "Who: ") + roles.map { Fmt.role($0, ctx) }.joined(separator: t("、", ", "))
                         + t("；其他岗位不参评。", "; other roles are not ranked."))
            } else {
                r.append(t("评选对象：全部岗位的员工。", "Who: employees of every role."))
            }
        } else {
            r.append(t("评选对象：全部网点，以每次检查的网点得分计。", "Who: every branch, by its visit scores."))
        }
        var cond = t("参评条件：本期至少 \(policy.minVisits) 次有得分的检查", "Eligible: at least \(policy.minVisits) scored visit\(policy.minVisits == 1 ? "" : "s") in the period")
        if policy.minScore > 0 { cond += t("，评选分不低于 \(minScore) 分", ", a ranking score of at least \(minScore)") }
        switch policy.veto {
        case .disqualify:
            cond += t("；本期出现一票否决项者取消评选资格。", "; any veto breach in the period disqualifies.")
        case .zero:
            cond += t("；出现一票否决项的检查按 0 分计入。", "; a visit with a veto breach counts as 0.")
        case .ignore:
            cond += t("；一票否决项不影响评选（仍在名单中列出）。", "; veto breaches do not affect the ranking (they are still listed).")
        }
        r.append(cond)
        if !staff, policy.veto != .ignore {
            r.append(t("网点任一员工或网点本身出现一票否决项，该次检查即视为触发否决。",
                       "A visit counts as breached when the branch or any employee breached a veto item."))
        }
        let excluded = Visit.Method.allCases.filter { !policy.counts($0) }
        if !excluded.isEmpty {
            let list = excluded.map { Fmt.method($0, ctx) }.joined(separator: t("、", ", "))
            r.append(t("\(list)的检查权重为 0，不计入评选（不计检查次数、不计平均分，也不计入全体平均分 C），通报中仍然列出。",
                       "\(list) visits have weight 0 and are left out of the ranking (no visit, no mean, no part of C); reports still show them."))
        }
        let weighted = Visit.Method.allCases.filter { policy.weight(of: $0) != 1 && policy.counts($0) }
        if weighted.isEmpty {
            r.append(t("检查方式权重：各种检查方式权重相同，平均分为各次检查得分的算术平均。",
                       "Method weights: every method counts the same; the mean is the plain average of the visit scores."))
        } else {
            let list = weighted.map { "\(Fmt.method($0, ctx)) ×\(Fmt.num(policy.weight(of: $0)))" }.joined(separator: t("、", ", "))
            r.append(t("检查方式权重：\(list)，其余计入的方式 ×1；平均分为按权重加权的平均分。",
                       "Method weights: \(list), other methods ×1; the mean is weighted accordingly."))
        }
        if policy.priorVisits > 0 {
            let m = Fmt.num(policy.priorVisits)
            let c = ranking.priorMean.map(Num.fixed2) ?? "—"
            r.append(t("评选分 = (检查次数 × 平均分 + \(m) × C) ÷ (检查次数 + \(m))，C = \(c) 为参评范围内全部检查的加权平均分：相当于每人先计入 \(m) 次全体平均水平的检查，检查次数少的不会因一两次偶然的高分排到前面。",
                       "Ranking score = (visits × mean + \(m) × C) / (visits + \(m)), where C = \(c) is the weighted mean of every visit in the population: as if everyone started with \(m) average visits, so one or two lucky visits cannot put someone on top."))
        } else {
            r.append(t("评选分即平均分。", "The ranking score is the mean."))
        }
        let tieRule: String
        switch policy.ties {
        case .competition: tieRule = t("并列者名次相同，其后名次顺延（1、2、2、4）", "tied entries share a rank and the next rank skips (1, 2, 2, 4)")
        case .dense: tieRule = t("并列者名次相同，其后名次连续（1、2、2、3）", "tied entries share a rank and the next rank follows on (1, 2, 2, 3)")
        case .ordinal: tieRule = t("名次按顺序编号（1、2、3、4），并列者按编号先后排列", "ranks are positions (1, 2, 3, 4); tied entries are numbered by id")
        }
        r.append(t("排序：评选分高者在前；相同则检查次数多者在前；再相同则最低一次检查得分高者在前；三项都相同为并列，",
                   "Order: higher ranking score first; then more visits; then the higher lowest visit score; equal on all three is a tie: ")
                 + tieRule + t("。", "."))
        var sel: String
        switch policy.select.quota {
        case .top(let n):
            sel = t("入选：\(report.perText(ctx))评选前 \(n) 名", "Selection: the top \(n) \(report.perText(ctx))")
        case .percent(let p):
            sel = t("入选：\(report.perText(ctx))评选参评人数的 \(Fmt.num(p))%（向上取整）",
                    "Selection: \(Fmt.num(p))% of the eligible \(report.perText(ctx)), rounded up")
        }
        switch policy.select.atCutoff {
        case .include: sel += t("；与最后一个名额并列者一并入选。", "; everyone tied at the cut-off is selected.")
        case .exclude: sel += t("；与最后一个名额并列者均不入选。", "; nobody tied at the cut-off is selected.")
        }
        r.append(sel)
        if !policy.stars.isEmpty {
            let levels = policy.stars.keys.sorted(by: >).map { lvl in
                t("\(Fmt.num(policy.stars[lvl]!)) 分及以上 \(lvl) 星", "\(lvl) stars from \(Fmt.num(policy.stars[lvl]!))")
            }
            r.append(t("星级（参评人员）：", "Stars (eligible only): ") + levels.joined(separator: t("，", ", ")) + t("。", "."))
        }
        r.append(t("分数显示保留两位小数（四舍五入），排序和比较均使用未舍入的数值。",
                   "Scores are shown to 2 decimals; ordering and comparisons use the unrounded values."))
        return r
    }

    func selected(_ doc: inout Document) {
        let selected = ranking.selected
        for g in ranking.groups {
            let members = selected.filter { $0.group == g.key }
            let unit = staff ? t(" 人", "") : t(" 个网点", "")
            var line = t("参评 \(g.eligible)\(unit)，名额 \(g.quota)，入选 \(g.selected)\(unit)",
                         "\(g.eligible) eligible, quota \(g.quota), \(g.selected) selected")
            if g.selected > g.quota { line += t("（含并列）", " (ties included)") }
            if g.selected < g.quota, g.selected < g.eligible {
                line += t("（并列者不入选）", " (tied entries at the cut-off left out)")
            }
            let label = report.groupLabel(g.key, g.label, ctx)
            if report.grouped { doc.subheading(label) }
            doc.paragraph(line + t("。", "."))
            if members.isEmpty {
                doc.paragraph(t("本组无人入选。", "Nobody is selected in this group."))
                continue
            }
            var table = Table(name: "selected", title: t("入选名单", "Selected"), columns: [
                .init(report.grouped ? t("组内名次", "Group rank") : t("名次", "Rank"), .id),
            ] + identityColumns() + scoreColumns(), caption: report.grouped ? label : nil)
            table.medium = .displayOnly
            for e in members {
                table.add([.text(String((report.grouped ? e.groupRank : e.rank) ?? 0) + (e.tiedInGroup ? t("（并列）", " (tied)") : ""))]
                          + identity(e) + scores(e))
            }
            doc.table(table)
        }
    }

    /// The visits behind every selected entry's score, so anyone can check that a star rests on
    /// independent inspections (who inspected, how, when).
    func evidence(_ doc: inout Document) {
        let selected = ranking.selected
        guard selected.contains(where: { !$0.visitList.isEmpty }) else { return }
        let zeroed = policy.veto == .zero
        var table = Table(name: "evidence", title: t("入选依据", "Evidence"), columns: [
            .init(staff ? t("工号", "ID") : t("网点号", "ID"), .id), .init(staff ? t("姓名", "Name") : t("网点", "Branch"), .name),
            .init(t("日期", "Date"), .date), .init(t("检查方式", "Method"), .status), .init(t("检查人", "Inspector"), .name),
            .init(t("得分", "Score"), .number(.score)),
        ] + (zeroed ? [.init(t("计入分", "Counted"), .number(.score))] : []))
        for e in selected {
            for v in e.visitList {
                // The id and name on every row, so CSV and xlsx filters keep them.
                table.add([.text(e.id), .text(e.name), .date(v.date), .text(Fmt.method(v.method, ctx)), .text(v.inspector),
                           .number(v.score)] + (zeroed ? [.number(v.counted)] : []))
            }
        }
        doc.subheading(t("入选依据：各次检查", "What the selection rests on: the visits"))
        doc.paragraph(t("每位入选者计入评选的每一次检查（日期、检查方式、检查人、得分）。",
                        "Every visit that made each selected entry's score (date, method, inspector, score)."))
        doc.table(table)
    }

    func identityColumns() -> [Table.Column] {
        staff ? [.init(t("工号", "ID"), .id), .init(t("姓名", "Name"), .name), .init(t("岗位", "Role"), .status), .init(t("网点", "Branch"), .name)]
              : [.init(t("网点号", "ID"), .id), .init(t("网点", "Branch"), .name), .init(t("上级单位", "Parent"), .name)]
    }

    func identity(_ e: RankEntry) -> [Cell] {
        staff ? [.text(e.id), .text(e.name), .text(e.role.map { Fmt.role($0, ctx) } ?? ""), .text(e.branch.name)]
              : [.text(e.id), .text(e.name), .opt(e.branch.parent)]
    }

    func scoreColumns() -> [Table.Column] {
        [.init(t("检查次数", "Visits"), .number(.count)), .init(t("平均分", "Mean"), .number(.score)),
         .init(t("评选分", "Score"), .number(.score)), .init(t("最低分", "Min"), .number(.score))]
            + (hasStars ? [.init(t("星级", "Stars"), .status)] : [])
    }

    func scores(_ e: RankEntry) -> [Cell] {
        [.int(e.visits), .number(e.mean), .number(e.score), .number(e.min)] + (hasStars ? [.text(report.starsText(e.stars, ctx))] : [])
    }

    func rankingTable(_ doc: inout Document) {
        let eligible = ranking.eligible
        guard !eligible.isEmpty else { return doc.paragraph(t("无人符合参评条件。", "Nobody is eligible.")) }
        var table = Table(name: "ranking", title: t("参评排名", "Ranking"), columns: [.init(t("名次", "Rank"), .number(.count))]
            + (report.grouped ? [.init(report.groupHeader(ctx), .name), .init(t("组内名次", "Group rank"), .number(.count))] : [])
            + identityColumns() + scoreColumns() + [.init(t("入选", "Selected"), .status)])
        for e in eligible {
            table.add([.int(e.rank)] + (report.grouped ? [.text(report.groupLabel(of: e, ctx)), .int(e.groupRank)] : [])
                      + identity(e) + scores(e) + [e.selected ? .status("✓", .good) : .text("")])
        }
        doc.table(table)
    }

    func ineligibleTable(_ doc: inout Document) {
        let list = ranking.ineligible
        guard !list.isEmpty else {
            return doc.paragraph(t("所有\(staff ? "员工" : "网点")均符合参评条件。", "Everyone is eligible."))
        }
        var table = Table(name: "ineligible", title: t("未参评名单", "Not eligible"), columns: identityColumns() + [
            .init(t("检查次数", "Visits"), .number(.count)), .init(t("平均分", "Mean"), .number(.score)),
            .init(t("评选分", "Score"), .number(.score)), .init(t("原因", "Reason"), .text),
        ])
        for e in list {
            table.add(identity(e) + [.int(e.visits), .number(e.mean), .number(e.score), .text(report.reason(e, ctx.lang, withItemText: true))])
        }
        doc.table(table)
    }

    func dataNotes() -> [String] {
        var notes: [String] = []
        var counted = t("计入检查 \(ranking.visitsInPeriod) 次", "\(ranking.visitsInPeriod) visits counted")
        if ranking.visitsUnweighted > 0 {
            counted += t("；权重为 0 的检查 \(ranking.visitsUnweighted) 次未计入", "; \(ranking.visitsUnweighted) visits of a method weighted 0 were left out")
        }
        if ranking.visitsOutside > 0 {
            counted += t("；评选期间以外的检查 \(ranking.visitsOutside) 次未计入", "; \(ranking.visitsOutside) visits outside the period were ignored")
        }
        notes.append(counted + t("。", "."))
        if let r = ranking.roster {
            let unit = staff ? t("人", "") : t("个网点", "")
            var line = t("名册在岗\(staff ? "员工" : "网点") \(r.active) \(unit)，其中本期从未受检 \(r.neverInspected) \(unit)（列入未参评名单，检查次数 0）",
                         "\(r.active) \(staff ? "employees" : "branches") active on the roster, \(r.neverInspected) of them never inspected in the period (listed as not eligible, 0 visits)")
            if r.notOnRoster > 0 {
                line += t("；受检但不在名册 \(r.notOnRoster) \(unit)，不参评", "; \(r.notOnRoster) observed but not on the roster, not eligible")
            }
            notes.append(line + t("。", "."))
        }
        if report.dataWarnings.isEmpty {
            notes.append(t("未发现同一工号姓名或岗位不一致、同一检查重复录入的情况。",
                           "No employee id with two names or roles, and no visit recorded twice, was found."))
        } else {
            notes.append(t("数据质量警告 \(report.dataWarnings.count) 条，可能影响排名，请核实：",
                           "\(report.dataWarnings.count) data-quality warnings that may distort the ranking; please check:"))
            for d in report.dataWarnings { notes.append("\(d.file):\(d.mark.line): \(d.message(ctx.lang))") }
        }
        if !report.skipped.isEmpty {
            notes.append(t("以下无效文件未计入：", "These invalid files were left out: ") + report.skipped.joined(separator: ", "))
        }
        return notes
    }
}

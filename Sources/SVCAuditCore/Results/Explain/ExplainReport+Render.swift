// Rendering of one visit's arithmetic.
extension ExplainReport {

    public func document(_ ctx: RenderContext) -> Document {
        var doc = Document(title: "", lang: ctx.lang)
        for block in blocks(ctx) {
            switch block {
            case .heading(let text, 1): doc.title = text
            case .heading(let text, let level): doc.heading(text, level: level)
            case .lines(let lines): doc.facts(lines)
            case .table(let t): doc.table(t)
            }
        }
        return doc
    }

    enum Block {
        case heading(String, level: Int)
        case lines([String])
        case table(Table)
    }

    func blocks(_ ctx: RenderContext) -> [Block] {
        let v = visit
        var b: [Block] = [.heading(ctx.t("检查记录 \(v.id) 计分明细", "Score arithmetic of visit \(v.id)"), level: 1)]
        let unit = [v.branch.parent, v.branch.region].compactMap { $0 }
        var facts = [
            ctx.t("网点：\(v.branch.id) \(v.branch.name)", "Branch: \(v.branch.id) \(v.branch.name)")
                + (unit.isEmpty ? "" : ctx.t("（\(unit.joined(separator: "，"))）", " (\(unit.joined(separator: ", ")))")),
            ctx.t("日期：\(v.date)；方式：\(Fmt.method(v.method, ctx))；检查人：\(v.inspector)",
                  "Date: \(v.date); method: \(Fmt.method(v.method, ctx)); inspector: \(v.inspector)"),
            ctx.t("文件：\(v.file)", "File: \(v.file)"),
            ctx.t("本次检查的检查表：", "Checklists assessed: ") + v.assessed.map { id in
                catalog.checklist(id).map { c in
                    let version = c.version.map { ctx.t("，版本 \($0)", ", version \($0)") } ?? ""
                    return ctx.t("\(id) \(c.title)（权重 \(Fmt.num(c.weight))\(version)）", "\(id) \(c.title(.en)) (weight \(Fmt.num(c.weight))\(version))")
                } ?? id
            }.joined(separator: ctx.t("；", "; ")),
        ]
        if !notAssessed.isEmpty {
            facts.append(ctx.t("未检查（不计入）：", "Not assessed (left out): ") + notAssessed.joined(separator: ", "))
        }
        facts.append(ctx.t(
            "计算规则：检查表得分 = 100 × 实得 / 应得；答“不适用”、未作答和岗位不适用的条目不计入实得和应得；加分项不计入应得，加在综合分上；综合基础分 = Σ(权重 × 检查表得分) / Σ权重，未计分的检查表不参加。",
            "Rules: checklist score = 100 × earned / max; items answered na, unanswered, or not for the role count in neither; bonus items are not in max and are added to the composite; base = Σ(weight × checklist score) / Σ weight over the scored checklists."))
        facts.append(ctx.t("各数显示保留两位小数（四舍五入），计算使用未舍入的值。",
                           "Numbers are shown to 2 decimals (half away from zero); the arithmetic uses unrounded values."))
        if let id = staffID { facts.append(ctx.t("仅显示员工 \(id)。", "Employee \(id) only.")) }
        b.append(.lines(facts))

        if let branch {
            b.append(.heading(ctx.t("网点项目", "Branch items"), level: 2))
            b += subjectBlocks(branch, ctx)
        }
        for s in staff {
            let st = s.staff!
            b.append(.heading(ctx.t("员工 \(st.id) \(st.name)（\(Fmt.role(st.role, ctx))）", "Employee \(st.id) \(st.name) (\(st.role))"), level: 2))
            b += subjectBlocks(s, ctx)
        }
        if staffID == nil { b += visitBlocks(ctx) }
        return b
    }

    func subjectBlocks(_ s: Subject, _ ctx: RenderContext) -> [Block] {
        var b: [Block] = []
        if s.parts.isEmpty {
            b.append(.lines([ctx.t("没有适用的检查表。", "No checklist applies.")]))
        }
        for p in s.parts {
            let c = p.checklist, r = p.result
            let scope = c.scope == .staff ? ctx.t("员工", "staff") : ctx.t("网点", "branch")
            b.append(.heading(ctx.t("\(c.id) \(c.title)（\(scope)，权重 \(Fmt.num(c.weight))）",
                                    "\(c.id) \(c.title(.en)) (\(scope), weight \(Fmt.num(c.weight)))"), level: 3))
            var t = Table(name: "items", title: ctx.t("条目", "Items"), columns: [
                .init(ctx.t("编号", "Item"), .id), .init(ctx.t("内容", "Text"), .text), .init(ctx.t("类型", "Type"), .status),
                .init(ctx.t("答案", "Answer"), .status), .init(ctx.t("实得", "Earned"), .id), .init(ctx.t("应得", "Max"), .id),
                .init(ctx.t("说明", "Why"), .text),
            ], caption: s.staff.map { "\($0.id) \($0.name) · \(c.id)" } ?? c.id)
            for l in p.lines { t.add(lineCells(l, ctx).map(Cell.text), tone: l.result?.breach == true ? .bad : nil) }
            b.append(.table(t))
            var lines: [String] = []
            if r.sections.count > 1 || (r.sections.count == 1 && r.sections[0].max != r.max) {
                lines.append(ctx.t("分组小计：", "Sections: ") + r.sections.map { sec in
                    "\(sec.name) " + (ScoreFormula.ratio(earned: sec.earned, max: sec.max) ?? "—")
                }.joined(separator: ctx.t("；", "; ")))
            }
            if let f = ScoreFormula.ratio(earned: r.earned, max: r.max) {
                lines.append(ctx.t("检查表得分：", "Checklist score: ") + f)
            } else {
                lines.append(ctx.t("未计分：没有计分的条目（全部不适用或未作答），不参加综合分。",
                                   "Not scored: no item counted (all na or unanswered); left out of the composite."))
            }
            if r.bonus > 0 { lines.append(ctx.t("加分项合计：\(Fmt.num(r.bonus))", "Bonus items: \(Fmt.num(r.bonus))")) }
            b.append(.lines(lines))
        }
        var sum: [String] = []
        for c in s.notApplicable {
            let roles = (c.roles ?? []).map { Fmt.role($0, ctx) }.joined(separator: ctx.t("、", ", "))
            sum.append(ctx.t("不适用：\(c.id) \(c.title) 只适用于 \(roles)，不参加综合分。",
                             "Not applicable: \(c.id) is for \(roles) only; left out of the composite."))
        }
        let who = s.staff == nil ? ctx.t("网点项目", "Branch items") : ctx.t("员工", "Employee")
        if let f = Self.baseFormula(s.score) {
            sum.append(ctx.t("\(who)基础分 = ", "\(who) base = ") + f)
            sum.append(ctx.t("\(who)得分 = 基础分 + 加分 = ", "\(who) score = base + bonus = ") + Self.scoreFormula(base: s.score.base, bonus: s.score.bonus)!)
        } else {
            sum.append(ctx.t("\(who)无得分：没有计分的检查表。", "\(who): no score (no checklist scored)."))
            if s.score.bonus > 0 { sum.append(ctx.t("加分 \(Fmt.num(s.score.bonus)) 无基础分可加。", "Bonus \(Fmt.num(s.score.bonus)) has no base to add to.")) }
        }
        sum.append(ctx.t("否决项：", "Veto: ") + (s.score.veto.isEmpty ? ctx.t("无", "none") : s.score.veto.joined(separator: " ")))
        if !s.score.unanswered.isEmpty {
            sum.append(ctx.t("未作答（不计分）：", "Unanswered (not counted): ") + s.score.unanswered.joined(separator: " "))
        }
        sum.append(ctx.t("扣分项：\(s.score.deductions) 个", "Deductions: \(s.score.deductions)"))
        b.append(.heading(ctx.t("小结", "Summary"), level: 3))
        b.append(.lines(sum))
        return b
    }

    func lineCells(_ l: Line, _ ctx: RenderContext) -> [String] {
        let i = l.item
        var why: [String] = []
        var earned = "", max = ""
        switch l.status {
        case .scored:
            if case .scored(let e, let m)? = l.result?.outcome { earned = Fmt.num(e); max = Fmt.num(m) }
            if let f = ScoreFormula.item(i, l.result!) { why.append(f) }
        case .bonus:
            if case .bonus(let x)? = l.result?.outcome { earned = "+" + Fmt.num(x) }
            why.append(ctx.t("加分项，不计入应得", "bonus, not in max"))
            if let f = ScoreFormula.item(i, l.result!) { why.append(f) }
        case .na:
            why.append(ctx.t("不适用，不计入", "na: not counted"))
        case .unanswered:
            why.append(ctx.t("未作答，按不适用处理", "unanswered: excluded like na"))
        case .role:
            let roles = (i.roles ?? []).map { Fmt.role($0, ctx) }.joined(separator: ctx.t("、", ", "))
            why.append(ctx.t("岗位不适用（仅\(roles)）", "not for this role (\(roles) only)"))
        }
        if l.result?.breach == true { why.append(ctx.t("触及一票否决", "VETO breached")) }
        if let note = l.result?.answer?.note, !note.isEmpty { why.append(ctx.t("备注：", "note: ") + note) }
        return [i.id, i.text(ctx.lang), ChecklistDetail.typeLabel(i, ctx) + (i.veto ? ctx.t(" 否决", " veto") : ""),
                answerText(l, ctx), earned, max, why.joined(separator: ctx.t("；", "; "))]
    }

    func answerText(_ l: Line, _ ctx: RenderContext) -> String {
        guard l.status != .role else { return "" }
        switch l.result?.answer?.value {
        case nil: return "—"
        case .pass?: return ctx.t("合格", "pass")
        case .fail?: return ctx.t("不合格", "fail")
        case .na?: return ctx.t("不适用", "na")
        case .value(let x)?: return Fmt.num(x)
        case .count(let n)?: return ctx.t("\(n) 次", "\(n)×")
        }
    }

    func visitBlocks(_ ctx: RenderContext) -> [Block] {
        var b: [Block] = [.heading(ctx.t("本次检查得分", "Visit score"), level: 2)]
        let assessed = visit.assessed.compactMap(catalog.checklist)
        let staffLists = assessed.filter { $0.scope == .staff }
        if !visit.staff.isEmpty, !staffLists.isEmpty {
            // Each employee's checklist scores: a staff checklist's visit score is its column's mean.
            b.append(.lines([ctx.t("各员工的检查表得分（员工类检查表的检查得分为该列的平均，空白不参加）：",
                                   "Each employee's checklist scores (a staff checklist's visit score is its column's mean; blanks do not count):")]))
            var t = Table(name: "staff", title: ctx.t("员工得分", "Employees"), columns: [
                .init(ctx.t("员工", "Staff"), .id), .init(ctx.t("姓名", "Name"), .name), .init(ctx.t("岗位", "Role"), .status),
            ] + staffLists.map { .init($0.id, .number(.score)) } + [
                .init(ctx.t("基础分", "Base"), .number(.score)), .init(ctx.t("加分", "Bonus"), .number(.plain)),
                .init(ctx.t("得分", "Score"), .number(.score)),
            ])
            for s in visit.staff {
                t.add([.text(s.id), .text(s.name), .text(Fmt.role(s.role, ctx))]
                      + staffLists.map { c in s.result.checklists.first { $0.id == c.id }?.score.map(Cell.number) ?? .empty }
                      + [.number(s.result.base), .number(s.result.bonus), .number(s.result.score)],
                      tone: s.result.veto.isEmpty ? nil : .bad)
            }
            b.append(.table(t))
        }
        var t = Table(name: "checklists", title: ctx.t("检查表得分", "Checklists"), columns: [
            .init(ctx.t("检查表", "Checklist"), .id), .init(ctx.t("范围", "Scope"), .status), .init(ctx.t("权重", "Weight"), .number(.plain)),
            .init(ctx.t("得分", "Score"), .number(.score)), .init(ctx.t("计算", "How"), .text),
        ], main: true)
        for c in assessed {
            let score = visit.checklistScore(c.id)
            let how: String
            if score == nil {
                how = ctx.t("未计分，不参加", "not scored: left out")
            } else if c.scope == .branch {
                how = ctx.t("网点项目得分", "the branch items' score")
            } else {
                let subs = subjects(of: c.id)
                how = subs.count == 1
                    ? ctx.t("仅 \(subs[0].id) 一人：", "\(subs[0].id) only: ") + Num.fixed2(score!)
                    : ctx.t("员工平均 ", "mean over employees ") + visitChecklistFormula(c)!
            }
            t.add([.text(c.id), .text(c.scope == .staff ? ctx.t("员工", "staff") : ctx.t("网点", "branch")), .number(c.weight),
                   .number(score), .text(how)])
        }
        b.append(.table(t))
        var lines: [String] = []
        if let f = visitBaseFormula {
            lines.append(ctx.t("基础分 = ", "Base = ") + f)
            lines.append(ctx.t("得分 = 基础分 + 网点加分 = ", "Score = base + branch bonus = ") + Self.scoreFormula(base: visit.base, bonus: visit.bonus)!)
            if visit.staff.contains(where: { $0.result.bonus > 0 }) {
                lines.append(ctx.t("员工的加分只计入员工本人得分，不计入检查得分。", "Employees' bonus counts in their own scores, not in the visit score."))
            }
        } else {
            lines.append(ctx.t("本次检查无得分：没有计分的检查表。", "No visit score: no checklist scored."))
        }
        let all = breaches
        lines.append(ctx.t("否决项：", "Veto: ") + (all.isEmpty ? ctx.t("无", "none") : all.map { br in
            br.staff.map { ctx.t("员工 \($0) \(br.item)", "employee \($0) \(br.item)") } ?? ctx.t("网点 \(br.item)", "branch \(br.item)")
        }.joined(separator: ctx.t("；", "; "))) + (all.isEmpty ? "" : ctx.t("（否决不改变分数，由评选规则处理）", " (a breach does not change scores; the ranking policy decides)")))
        lines.append(ctx.t("扣分项合计：\(visit.findings) 个", "Deductions in the visit: \(visit.findings)"))
        b.append(.lines(lines))
        return b
    }
}

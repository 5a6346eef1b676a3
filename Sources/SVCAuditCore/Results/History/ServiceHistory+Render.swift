// Rendering of the 员工服务档案.
extension ServiceHistory {
    func starsText(_ r: Roll, _ ctx: RenderContext) -> String {
        if r.disqualified { return ctx.t("否决", "vetoed") }
        guard let s = r.stars else { return "—" }
        return String(repeating: "★", count: s) + ctx.t("（\(s)星）", " (\(s))")
    }

    public func document(_ ctx: RenderContext) -> Document {
        let staff = subject == .staff
        let who = [id, name ?? ""].filter { !$0.isEmpty }.joined(separator: " ")
        var doc = Document(title: staff ? ctx.t("员工服务档案：\(who)", "Employee service record: \(who)")
                                        : ctx.t("网点服务档案：\(who)", "Branch service record: \(who)"), lang: ctx.lang)
        var ls: [String] = []
        if staff, let b = branch {
            ls.append(ctx.t("岗位 \(role.map { Fmt.role($0, ctx) } ?? "—")；现所在网点 \(b.id) \(b.name)\(b.parent.map { "（\($0)）" } ?? "")",
                            "Role \(role.map { Fmt.role($0, ctx) } ?? "—"); latest branch \(b.id) \(b.name)\(b.parent.map { " (\($0))" } ?? "")"))
            if branches.count > 1 {
                ls.append(ctx.t("受检网点：", "Observed at: ") + RFmt.join(branches, ctx))
            }
        } else if let b = branch, let p = b.parent {
            ls.append(ctx.t("所属：\(p)\(b.region.map { "，\($0)" } ?? "")", "Parent: \(p)\(b.region.map { ", \($0)" } ?? "")"))
        }
        ls.append(period.map { ctx.t("期间：\($0.title(.zh))（\($0.from) 至 \($0.to)）", "Period: \($0.title(.en)) (\($0.from) to \($0.to))") }
                  ?? ctx.t("期间：全部检查记录", "Period: every visit read"))
        let shareZH = staff ? "人次合格率" : "检查合格率", shareEN = staff ? "employee-visit pass rate" : "visit pass rate"
        let passedZH = passed.map { $0 ? "达标" : "未达标" } ?? "—", passedEN = passed.map { $0 ? "passed" : "not passed" } ?? "—"
        ls.append(ctx.t("受检 \(entries.count) 次，均分 \(Fmt.score(overall.mean))（\(passedZH)，达标线 \(Fmt.num(passMark)) 分），最低 \(Fmt.score(overall.min))，\(shareZH) \(RFmt.rate(passRate))",
                        "\(RFmt.n(entries.count, "visit")), mean \(Fmt.score(overall.mean)) (\(passedEN), pass mark \(Fmt.num(passMark))), lowest \(Fmt.score(overall.min)), \(shareEN) \(RFmt.rate(passRate))"))
        if !overall.veto.isEmpty {
            ls.append(ctx.t("一票否决：", "Veto breaches: ") + RFmt.join(overall.veto, ctx))
        }
        if let r = ranking {
            // The same numbers `rank` publishes for this period and policy.
            let stars = r.stars.map { String(repeating: "★", count: $0) + ctx.t("（\($0)星）", " (\($0))") } ?? "—"
            let standing = r.eligible
                ? ctx.t("评选名次 \(r.rank.map(String.init) ?? "—")", "rank \(r.rank.map(String.init) ?? "—")")
                : ctx.t("未参评", "not eligible")
            ls.append(ctx.t("评选分 \(Fmt.score(r.score))，\(standing)，星级 \(stars)（与 svcaudit rank 同一规则）",
                            "Ranking score \(Fmt.score(r.score)), \(standing), stars \(stars) (as svcaudit rank gives them)"))
        }
        if !starLevels.isEmpty {
            let levels = starLevels.keys.sorted(by: >).map { ctx.t("\($0)星 ≥ \(Fmt.num(starLevels[$0]!))", "\($0) stars ≥ \(Fmt.num(starLevels[$0]!))") }
            ls.append(ctx.t("星级标准：", "Star levels: ") + RFmt.join(levels, ctx) + ctx.t("；均分按检查方式加权", "; means weighted by inspection method"))
        }
        if entries.isEmpty {
            ls.append(path.first?.fromRoster == true ? ctx.t("名册在岗，期间内未受检（未受检）", "On the roster, never inspected in the period")
                                                     : ctx.t("期间内没有检查记录", "No visits in the period"))
        }
        if !skipped.isEmpty {
            ls.append(ctx.t("已跳过无效文件 \(skipped.count) 个：", "\(RFmt.n(skipped.count, "invalid file")) skipped: ") + RFmt.join(skipped, ctx))
        }
        doc.facts(ls)

        // The employee's branches over time (findings follow the person, SPEC §2.7).
        if staff, path.count > 1 || path.first?.fromRoster == true {
            doc.section(ctx.t("任职与受检网点", "Branches over time"))
            doc.table(pathTable(ctx))
            if path.first?.fromRoster == false {
                doc.fact(ctx.t("按检查记录归纳（未提供名册）；整改事项随人员转岗延续", "From the visits (no roster given); findings follow the employee across branches"))
            }
        }

        // 1. Visits, with the scores over time against the pass mark.
        let ids = checklistTitles.map(\.id)
        doc.section(ctx.t("检查记录", "Visits"))
        var vt = Table(name: "visits", title: ctx.t("检查记录", "Visits"), columns: [
            .init(ctx.t("日期", "Date"), .date), .init(ctx.t("检查编号", "Visit"), .id, shown: .dataOnly),
            .init(ctx.t("网点", "Branch"), .id), .init(ctx.t("网点名称", "Branch name"), .name),
            .init(ctx.t("方式", "Method"), .status), .init(ctx.t("检查人", "Inspector"), .name),
            .init(ctx.t("得分", "Score"), .number(.score)),
        ] + ids.map { .init(checklistTitle($0, ctx.lang), .number(.score), terminalHeader: ctx.lang == .en ? $0 : nil) } + [
            .init(ctx.t("扣分项", "Deductions"), .number(.count)), .init(ctx.t("否决", "Veto"), .id),
        ], main: true)
        for e in entries {
            vt.add([.date(e.date), .text(e.visit), .text(e.branch.id), .text(e.branch.name), .text(Fmt.method(e.method, ctx)),
                    .text(e.inspector), .number(e.score)]
                   + ids.map { id in .number(e.checklists.first { $0.id == id }?.score) }
                   + [.int(e.deductions.count), .text(e.veto.joined(separator: " "))],
                   tone: !e.veto.isEmpty || (e.score.map { $0 < passMark } ?? false) ? .bad : nil)
        }
        if entries.contains(where: { $0.score != nil }) {
            doc.chart(Chart(title: ctx.t("历次检查得分", "Score by visit"),
                            kind: .line(x: entries.map(\.date.description), series: [.init(ctx.t("得分", "Score"), entries.map(\.score))]),
                            valueTitle: ctx.t("检查得分（分）", "Score (points)"), categoryTitle: ctx.t("检查日期", "Visit date"),
                            axis: Chart.scoreAxis, passMark: (passMark, ctx.t("达标线 \(Fmt.num(passMark)) 分", "pass mark \(Fmt.num(passMark))"))),
                      with: vt)
        } else {
            doc.table(vt)
        }
        doc.htmlNote(ctx.t("红色行：低于达标线或触及否决项。", "Red rows: below the pass mark or a veto breach."))

        // 2. Deductions.
        doc.section(ctx.t("扣分明细", "Deductions"))
        let ded = entries.flatMap { e in e.deductions.map { (e, $0) } }
        if ded.isEmpty {
            doc.fact(ctx.t("没有扣分", "No deductions"))
        } else {
            var dt = Table(name: "deductions", title: ctx.t("扣分明细", "Deductions"), columns: [
                .init(ctx.t("日期", "Date"), .date), .init(ctx.t("网点", "Branch"), .name),
            ] + (staff ? [] : [.init(ctx.t("员工", "Employee"), .name)]) + [
                .init(ctx.t("条目", "Item"), .id), .init(ctx.t("内容", "Text"), .text),
                .init(ctx.t("得分", "Earned"), .id, shown: .displayOnly),
                .init(ctx.t("得分", "Earned"), .number(.plain), shown: .dataOnly), .init(ctx.t("满分", "Max"), .number(.plain), shown: .dataOnly),
                .init(ctx.t("扣分说明", "Note"), .text), .init(ctx.t("整改期限", "Fix by"), .date),
            ])
            for (e, d) in ded {
                dt.add([.date(e.date), .text(e.branch.name)]
                       + (staff ? [] : [.text(d.staff.map { "\($0) \(d.staffName ?? "")" } ?? ctx.t("（网点）", "(branch)"))])
                       + [.text(d.item), .text(itemText(d.item, ctx.lang)), .text("\(Fmt.num(d.earned))/\(Fmt.num(d.max))"),
                          .number(d.earned), .number(d.max), .opt(d.note), .date(d.fixBy)])
            }
            doc.table(dt)
        }

        // 3–4. Months and quarters.
        for (name, title, rolls) in [("months", ctx.t("按月", "By month"), months), ("quarters", ctx.t("按季度", "By quarter"), quarters)] {
            doc.section(title)
            doc.fact(ctx.t("均分为当期原始加权均分，星级按该均分计（未做收缩、未按参评条件筛选）；评选星级见上方汇总。",
                           "Means are the raw weighted means of the visits; stars follow that mean (no shrinkage, no eligibility rules); the ranking's stars are in the summary above."))
            var rt = Table(name: name, title: title, columns: [
                .init(ctx.t("期间", "Period"), .id), .init(ctx.t("检查次数", "Visits"), .number(.count)),
                .init(ctx.t("均分", "Mean"), .number(.score)), .init(ctx.t("最低", "Lowest"), .number(.score)),
                .init(ctx.t("星级", "Stars"), .status), .init(ctx.t("否决", "Veto"), .id),
            ])
            for r in rolls {
                rt.add([.text(ctx.lang == .en ? r.titleEN : r.title), .int(r.visits), .number(r.mean), .number(r.min),
                        .text(starsText(r, ctx)), .text(r.veto.joined(separator: " "))], tone: r.disqualified ? .bad : nil)
            }
            doc.table(rt)
        }
        addEvents(&doc, ctx)
        return doc
    }
}

extension ServiceHistory {
    /// 表扬与投诉: the events naming this employee (or made at this branch) in the period.
    func addEvents(_ doc: inout Document, _ ctx: RenderContext) {
        guard !events.isEmpty else { return }
        doc.section(ctx.t("表扬与投诉", "Praise and complaints"))
        doc.table(InspectionReport.eventsTable(events, ctx) { id in entries.first { $0.branch.id == id }?.branch.name })
        doc.fact(ctx.t("只有查实的事项计入评选：查实投诉涉及一票否决条目的，当期取消评选资格。",
                       "Only verified events count: a verified complaint on a veto item disqualifies for its period."))
    }
}

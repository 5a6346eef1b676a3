// Rendering of the 员工服务档案.
extension ServiceHistory {
    func starsText(_ r: Roll, _ ctx: RenderContext) -> String {
        if r.disqualified { return ctx.t("否决", "vetoed") }
        guard let s = r.stars else { return "—" }
        return String(repeating: "★", count: s) + ctx.t("（\(s)星）", " (\(s))")
    }

    public func render(_ format: OutputFormat, _ ctx: RenderContext) -> String {
        if format == .json { return json().render() }
        let staff = subject == .staff
        let who = [id, name ?? ""].filter { !$0.isEmpty }.joined(separator: " ")
        var doc = ReportDocument(title: staff ? ctx.t("员工服务档案：\(who)", "Employee service record: \(who)")
                                              : ctx.t("网点服务档案：\(who)", "Branch service record: \(who)"))
        var ls: [String] = []
        if staff, let b = branch {
            ls.append(ctx.t("岗位 \(role.map { Fmt.role($0, ctx) } ?? "—")；现所在网点 \(b.id) \(b.name)\(b.parent.map { "（\($0)）" } ?? "")",
                            "Role \(role ?? "—"); latest branch \(b.id) \(b.name)\(b.parent.map { " (\($0))" } ?? "")"))
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
        doc.lines(ls)

        if staff, path.count > 1 || path.first?.fromRoster == true {
            doc.section(ctx.t("任职与受检网点", "Branches over time"), ctx.lang)
            doc.table(pathTable(ctx))
            if path.first?.fromRoster == false {
                doc.line(ctx.t("按检查记录归纳（未提供名册）；整改事项随人员转岗延续", "From the visits (no roster given); findings follow the employee across branches"))
            }
        }

        // 1. Visits.
        let ids = checklistTitles.map(\.id)
        doc.section(ctx.t("检查记录", "Visits"), ctx.lang)
        let visitHeaders: [String] = [ctx.t("日期", "Date"), ctx.t("网点", "Branch"), ctx.t("方式", "Method"),
                                      ctx.t("检查人", "Inspector"), ctx.t("得分", "Score")]
            + ids.map { checklistTitle($0, ctx.lang) } + [ctx.t("扣分项", "Deductions"), ctx.t("否决", "Veto")]
        let visitRows: [[String]] = entries.map { e in
            let head: [String] = [e.date.description, "\(e.branch.id) \(e.branch.name)", Fmt.method(e.method, ctx), e.inspector,
                                  Fmt.score(e.score)]
            let per: [String] = ids.map { id in Fmt.score(e.checklists.first { $0.id == id }?.score) }
            return head + per + [String(e.deductions.count), e.veto.joined(separator: " ")]
        }
        let visitClasses: [String?] = entries.map { e in
            !e.veto.isEmpty || (e.score.map { $0 < passMark } ?? false) ? "bad" : nil
        }
        doc.table(.init(headers: visitHeaders, rows: visitRows, alignRight: Set(4..<(6 + ids.count)),
                        rowClasses: visitClasses, nowrap: [0, 1, 2, 3]))
        if format == .html, entries.contains(where: { $0.score != nil }) {
            doc.chart(SVGChart.line(title: ctx.t("历次检查得分", "Score by visit"), xLabels: entries.map(\.date.description),
                                    series: [(name: ctx.t("得分", "Score"), values: entries.map(\.score))]),
                      ctx.t("达标线 \(Fmt.num(passMark)) 分", "pass mark \(Fmt.num(passMark))"))
        }

        // 2. Deductions.
        doc.section(ctx.t("扣分明细", "Deductions"), ctx.lang)
        let ded = entries.flatMap { e in e.deductions.map { (e, $0) } }
        if ded.isEmpty {
            doc.line(ctx.t("没有扣分", "No deductions"))
        } else {
            var headers = [ctx.t("日期", "Date"), ctx.t("网点", "Branch")]
            if !staff { headers.append(ctx.t("员工", "Employee")) }
            headers += [ctx.t("条目", "Item"), ctx.t("内容", "Text"), ctx.t("得分", "Earned"), ctx.t("扣分说明", "Note"),
                        ctx.t("整改期限", "Fix by")]
            doc.table(.init(
                headers: headers,
                rows: ded.map { e, d in
                    var r = [e.date.description, e.branch.name]
                    if !staff { r.append(d.staff.map { "\($0) \(d.staffName ?? "")" } ?? ctx.t("（网点）", "(branch)")) }
                    return r + [d.item, itemText(d.item, ctx.lang), "\(Fmt.num(d.earned))/\(Fmt.num(d.max))", d.note ?? "",
                                d.fixBy?.description ?? ""]
                },
                alignRight: [staff ? 4 : 5], maxWidth: [staff ? 3 : 4: 30, staff ? 5 : 6: 34],
                nowrap: staff ? [0, 1, 2, 6] : [0, 1, 2, 3, 7]))
        }

        // 3–4. Months and quarters.
        for (title, rolls) in [(ctx.t("按月", "By month"), months), (ctx.t("按季度", "By quarter"), quarters)] {
            doc.section(title, ctx.lang)
            doc.line(ctx.t("均分为当期原始加权均分，星级按该均分计（未做收缩、未按参评条件筛选）；评选星级见上方汇总。",
                           "Means are the raw weighted means of the visits; stars follow that mean (no shrinkage, no eligibility rules); the ranking's stars are in the summary above."))
            doc.table(.init(
                headers: [ctx.t("期间", "Period"), ctx.t("检查次数", "Visits"), ctx.t("均分", "Mean"), ctx.t("最低", "Lowest"),
                          ctx.t("星级", "Stars"), ctx.t("否决", "Veto")],
                rows: rolls.map { r in
                    [ctx.lang == .en ? r.titleEN : r.title, String(r.visits), Fmt.score(r.mean), Fmt.score(r.min),
                     starsText(r, ctx), r.veto.joined(separator: " ")]
                },
                alignRight: [1, 2, 3], rowClasses: rolls.map { $0.disqualified ? "bad" : nil }))
        }
        addEvents(&doc, ctx)
        return doc.render(format, ctx)
    }
}

extension ServiceHistory {
    /// 表扬与投诉: the events naming this employee (or made at this branch) in the period.
    func addEvents(_ doc: inout ReportDocument, _ ctx: RenderContext) {
        guard !events.isEmpty else { return }
        doc.section(ctx.t("表扬与投诉", "Praise and complaints"), ctx.lang)
        doc.table(.init(
            headers: [ctx.t("日期", "Date"), ctx.t("网点", "Branch"), ctx.t("类型", "Type"), ctx.t("是否查实", "Verified"),
                      ctx.t("条目", "Item"), ctx.t("说明", "Note"), ctx.t("编号", "ID")],
            rows: events.map { e in
                [e.date.description, e.branch, e.kind == .complaint ? ctx.t("投诉", "complaint") : ctx.t("表扬", "praise"),
                 e.verified ? ctx.t("已查实", "verified") : ctx.t("未查实", "not verified"), e.item ?? "", e.note ?? "", e.id]
            },
            rowClasses: events.map { !$0.verified ? "muted" : ($0.kind == .complaint ? "bad" : "good") },
            maxWidth: [5: 40], nowrap: [0, 1, 2, 3, 4, 6]))
        doc.line(ctx.t("只有查实的事项计入评选：查实投诉涉及一票否决条目的，当期取消评选资格。",
                       "Only verified events count: a verified complaint on a veto item disqualifies for its period."))
    }
}

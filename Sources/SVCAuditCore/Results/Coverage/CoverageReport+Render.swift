// Rendering of `coverage`: one document — branches by rule (the main table), the cadence
// calendar per rule (HTML), the staff lists.
extension CoverageReport {
    public static let tables = ["branches", "rules", "staff"]

    func title(_ ctx: RenderContext) -> String {
        ctx.t("检查覆盖情况", "Inspection coverage") + " · " + coverage.period.title(ctx.lang)
    }

    static func every(_ r: CadenceRule, _ ctx: RenderContext) -> String {
        var s: String
        switch r.every {
        case .day: s = ctx.t("每日", "daily")
        case .week: s = ctx.t("每周", "weekly")
        case .month: s = ctx.t("每月", "monthly")
        case .quarter: s = ctx.t("每季度", "quarterly")
        }
        if let w = r.weekdays, w.count < 7 {
            let zh = ["", "一", "二", "三", "四", "五", "六", "日"]
            let en = ["", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
            s += ctx.t("（周" + w.map { zh[$0] }.joined(separator: "、") + "）", " (" + w.map { en[$0] }.joined(separator: ", ") + ")")
        }
        return s
    }

    public func document(_ ctx: RenderContext) -> Document {
        let c = coverage
        var doc = Document(title: title(ctx), lang: ctx.lang)
        doc.header = [.init(ctx.t("检查期间", "Period"), "\(c.period.from) – \(c.period.to)")]
        var intro = [ctx.t("计入检查 \(c.visitsInPeriod) 次；名册在营网点 \(c.branches.count) 个",
                           "\(RFmt.n(c.visitsInPeriod, "visit")) counted; \(RFmt.n(c.branches.count, "active branch", "active branches")) on the roster")]
        if c.rules.isEmpty {
            intro.append(ctx.t("评选规则未设检查频次（cadence），只统计员工受检情况。",
                               "The policy sets no cadence; only staff coverage is counted."))
        } else {
            let o = c.overall
            intro.append(ctx.t("应检时段 \(o.required) 个，已检 \(o.met) 个，未检 \(c.missedSlots) 个，覆盖率 \(RFmt.rate(o.rate))",
                               "\(o.required) required slots, \(o.met) met, \(c.missedSlots) missed, coverage \(RFmt.rate(o.rate))"))
        }
        intro.append(ctx.t("名册在岗员工 \(c.staffActive) 人，受检达 \(c.atLeast) 次的 \(c.staffInspected) 人，未达的 \(c.underInspected.count) 人",
                           "\(RFmt.n(c.staffActive, "employee")) active on the roster, \(c.staffInspected) observed at least \(c.atLeast) time\(c.atLeast == 1 ? "" : "s"), \(c.underInspected.count) under-inspected"))
        if !skipped.isEmpty {
            intro.append(ctx.t("以下无效文件未计入：", "Invalid files left out: ") + skipped.joined(separator: ", "))
        }
        doc.facts(intro)

        // Per branch and rule: what CSV writes and xlsx sorts (one row per branch and rule).
        var flat = Table(name: "branches", title: ctx.t("各网点检查频次", "Branches"), columns: [
            .init(ctx.t("网点编号", "Branch"), .id), .init(ctx.t("网点名称", "Name"), .name), .init(ctx.t("上级机构", "Parent"), .name),
            .init(ctx.t("分行", "Region"), .name), .init(ctx.t("检查次数", "Visits"), .number(.count)), .init(ctx.t("规则", "Rule"), .name),
            .init(ctx.t("应检", "Required"), .number(.count)), .init(ctx.t("已检", "Met"), .number(.count)),
            .init(ctx.t("覆盖率", "Rate"), .percent), .init(ctx.t("未检时段", "Missed"), .text),
        ], main: true)
        flat.medium = .dataOnly
        for b in c.branches {
            for r in b.rules {
                flat.add([.text(b.branch.id), .text(b.branch.name), .opt(b.branch.parent), .opt(b.branch.region), .int(b.visits),
                          .text(r.name), .int(r.tally.required), .int(r.tally.met), .number(r.tally.rate), .text(r.missed.joined(separator: " "))])
            }
        }
        doc.table(flat)

        if !c.rules.isEmpty {
            doc.section(ctx.t("检查频次", "Cadence"))
            var rt = Table(name: "rules", title: ctx.t("检查频次", "Cadence"), columns: [
                .init(ctx.t("规则", "Rule"), .name), .init(ctx.t("检查方式", "Methods"), .text), .init(ctx.t("频次", "Every"), .name),
                .init(ctx.t("每期至少", "At least"), .number(.count)), .init(ctx.t("应检", "Required"), .number(.count)),
                .init(ctx.t("已检", "Met"), .number(.count)), .init(ctx.t("覆盖率", "Rate"), .percent),
            ])
            for (k, r) in c.rules.enumerated() {
                rt.add([.text(r.name), .text(RFmt.join(r.methods.map { Fmt.method($0, ctx) }, ctx)), .text(Self.every(r, ctx)),
                        .int(r.atLeast), .int(c.ruleTotals[k].required), .int(c.ruleTotals[k].met), .number(c.ruleTotals[k].rate)])
            }
            doc.table(rt)

            doc.section(ctx.t("各网点检查频次", "Branches"))
            var bt = Table(name: "branch_rules", title: ctx.t("各网点检查频次", "Branches"), columns: [
                .init(ctx.t("网点编号", "ID"), .id), .init(ctx.t("网点名称", "Branch"), .name), .init(ctx.t("检查次数", "Visits"), .number(.count)),
            ] + c.rules.flatMap { r in [Table.Column(r.name, .id), Table.Column(ctx.t("\(r.name)未检", "\(r.name) missed"), .text)] })
            bt.medium = .displayOnly
            for b in c.branches {
                var row: [Cell] = [.text(b.branch.id), .text(b.branch.name), .int(b.visits)]
                for r in b.rules {
                    row.append(.text(Self.tally(r.tally) + (r.tally.rate.map { " (" + Num.percent($0) + ")" } ?? "")))
                    row.append(.text(r.missed.joined(separator: " ")))
                }
                bt.add(row, tone: b.rules.contains { $0.tally.met < $0.tally.required } ? .bad : nil)
            }
            doc.table(bt)
            doc.htmlNote(ctx.t("红色底纹：该网点有未检时段。下图每格为一个时段：绿色已检，红色未检，灰色停业或豁免（不要求检查）。",
                               "Red rows: the branch missed a slot. In the charts below each cell is a slot: green met, red missed, grey closed or waived (not required)."))
            for (k, r) in c.rules.enumerated() {
                let slots = c.branches.first?.rules[k].slots.map(\.slot) ?? []
                let cells = c.branches.map { b in
                    b.rules[k].slots.map { res -> Chart.Mark in
                        let (tone, word): (Tone, String)
                        switch res.status {
                        case .met: (tone, word) = (.good, ctx.t("已检", "met"))
                        case .missed: (tone, word) = (.bad, ctx.t("未检", "missed"))
                        case .exempt: (tone, word) = (.muted, ctx.t("不要求", "not required"))
                        }
                        return Chart.Mark(tone, "\(b.branch.id) \(res.slot.label) \(word) · \(ctx.t("检查", "visits")) \(res.visits)")
                    }
                }
                doc.chart(Chart(title: ctx.t("\(r.name)：各网点各时段检查情况", "\(r.name): each branch, each slot") + " · " + Self.every(r, ctx),
                                kind: .grid(rows: c.branches.map { $0.branch.id + " " + $0.branch.name },
                                            columns: slots.map { r.every == .day ? String($0.label.suffix(5)) : $0.label }, cells: cells,
                                            legend: [(.good, ctx.t("已检", "met")), (.bad, ctx.t("未检", "missed")), (.muted, ctx.t("不要求", "not required"))]),
                                valueTitle: ctx.t("时段", "Slot"), categoryTitle: ctx.t("网点", "Branch"), axis: .fromZero))
            }
            let waived = c.branches.filter { !$0.waivers.isEmpty || $0.from.map { $0 > c.period.from } == true
                || $0.to.map { $0 < c.period.to } == true }
            if !waived.isEmpty {
                doc.subheading(ctx.t("停业、开业与豁免", "Closures, openings and waivers"))
                var wt = Table(name: "waivers", title: ctx.t("停业开业与豁免", "Waivers"), columns: [
                    .init(ctx.t("网点编号", "ID"), .id), .init(ctx.t("网点名称", "Branch"), .name), .init(ctx.t("营业期", "Open"), .id),
                    .init(ctx.t("豁免", "Waivers"), .text),
                ])
                for b in waived {
                    wt.add([.text(b.branch.id), .text(b.branch.name), .text("\(b.from?.description ?? "…") – \(b.to?.description ?? "…")"),
                            .text(b.waivers.map { "\($0.from) – \($0.to)" + ($0.reason.map { " " + $0 } ?? "") }.joined(separator: "; "))])
                }
                doc.table(wt)
            }
        }

        doc.section(ctx.t("员工受检情况", "Staff"))
        doc.fact(ctx.t("每名在岗员工本期至少受检 \(c.atLeast) 次（在任何网点）。", "Every active employee is to be observed at least \(c.atLeast) time\(c.atLeast == 1 ? "" : "s") in the period (at any branch)."))
        func staffTable(_ list: [Coverage.StaffRow], _ title: String) -> Table {
            var t = Table(name: "staff", title: title, columns: [
                .init(ctx.t("工号", "ID"), .id), .init(ctx.t("姓名", "Name"), .name), .init(ctx.t("岗位", "Role"), .status),
                .init(ctx.t("网点编号", "Branch ID"), .id), .init(ctx.t("网点名称", "Branch"), .name),
                .init(ctx.t("受检次数", "Observed"), .number(.count)),
            ])
            for s in list {
                t.add([.text(s.id), .text(s.name), .text(s.role.map { Fmt.role($0, ctx) } ?? ""), .text(s.branch.id), .text(s.branch.name), .int(s.observed)])
            }
            return t
        }
        let never = c.underInspected.filter { $0.observed == 0 }
        let fewer = c.underInspected.filter { $0.observed > 0 }
        doc.subheading(ctx.t("本期从未受检（\(never.count) 人）", "Never inspected in the period (\(never.count))"))
        if never.isEmpty { doc.fact(ctx.t("无。", "None.")) } else { doc.table(staffTable(never, ctx.t("从未受检", "Never inspected"))) }
        if c.atLeast > 1 {
            doc.subheading(ctx.t("受检次数不足（\(fewer.count) 人）", "Observed too few times (\(fewer.count))"))
            if fewer.isEmpty { doc.fact(ctx.t("无。", "None.")) } else { doc.table(staffTable(fewer, ctx.t("受检不足", "Too few"))) }
        }
        doc.subheading(ctx.t("受检但不在名册（\(c.notOnRoster.count) 人）", "Observed but not on the roster (\(c.notOnRoster.count))"))
        if c.notOnRoster.isEmpty { doc.fact(ctx.t("无。", "None.")) } else {
            var t = staffTable(c.notOnRoster, ctx.t("不在名册", "Not on roster"))
            t.name = "not_on_roster"
            doc.table(t)
        }
        if !c.unknownBranches.isEmpty {
            doc.subheading(ctx.t("有检查但不在名册的网点（\(c.unknownBranches.count) 个）", "Visited branches not on the roster (\(c.unknownBranches.count))"))
            var t = Table(name: "unknown_branches", title: ctx.t("不在名册的网点", "Unknown branches"), columns: [
                .init(ctx.t("网点编号", "ID"), .id), .init(ctx.t("网点名称", "Branch"), .name), .init(ctx.t("检查次数", "Visits"), .number(.count)),
            ])
            for b in c.unknownBranches { t.add([.text(b.branch.id), .text(b.branch.name), .int(b.visits)]) }
            doc.table(t)
        }
        return doc
    }

    static func tally(_ t: Coverage.Tally) -> String { "\(t.met)/\(t.required)" }
}

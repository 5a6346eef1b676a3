// Rendering of the inspector calibration (检查质量).
extension InspectorReport {
    public static let tables = ["inspectors", "methods"]

    func title(_ ctx: RenderContext) -> String { ctx.t("检查质量：检查人校准与检查方式", "Inspection quality: inspector calibration and methods") }

    func periodText(_ ctx: RenderContext) -> String {
        guard let p = period else { return ctx.t("全部检查", "all visits") }
        return ctx.t("\(p.title(.zh))（\(p.from) 至 \(p.to)）", "\(p.title(.en)) (\(p.from) to \(p.to))")
    }

    /// The rule in words, as the tables apply it.
    func ruleLines(_ ctx: RenderContext) -> [String] {
        [ctx.t("偏差 = 该检查人每次检查得分减去其他检查人在同一网点本期检查的平均分，再取平均；只有其他检查人也检查过的网点才可比较。正数表示比同事宽松。",
               "Offset = the mean, over an inspector's visits, of its score minus the other inspectors' mean at the same branch in the period; only branches another inspector also visited are compared. Positive: more lenient than colleagues."),
         ctx.t("可比较次数不少于 \(rules.minCompared) 次且偏差绝对值不小于 \(Fmt.num(rules.flagOffset)) 分的检查人予以标记。",
               "An inspector with at least \(rules.minCompared) compared visits and an offset of \(Fmt.num(rules.flagOffset)) points or more either way is flagged.")]
    }

    func offsetText(_ x: Double?) -> String {
        guard let x else { return "—" }
        let r = Num.round2(x)
        return (r > 0 ? "+" : "") + Num.fixed2(x)
    }

    func methodsText(_ i: Inspector, _ ctx: RenderContext) -> String {
        i.methods.map { "\(Fmt.method($0.0, ctx)) \($0.1)" }.joined(separator: ctx.t("、", ", "))
    }

    /// One line per flagged inspector and one for the methods' gap: what the 检查通报 says.
    public func findingsLines(_ ctx: RenderContext) -> [String] {
        var ls: [String] = []
        for i in flagged {
            let dir = (i.offset ?? 0) > 0 ? ctx.t("偏宽", "more lenient") : ctx.t("偏严", "stricter")
            ls.append(ctx.t("检查人 \(i.name) 评分\(dir)：可比较的 \(i.compared) 次检查平均比同一网点其他检查人 \(offsetText(i.offset)) 分（\(methodsText(i, ctx))）",
                            "\(i.name) scores \(dir) than colleagues: \(offsetText(i.offset)) points on \(i.compared) compared visits (\(methodsText(i, ctx)))"))
        }
        if flagged.isEmpty {
            ls.append(ctx.t("没有检查人的评分偏差达到标记标准（可比较 \(rules.minCompared) 次以上、偏差 ±\(Fmt.num(rules.flagOffset)) 分）",
                            "No inspector's offset reaches the flag (\(rules.minCompared)+ compared visits, ±\(Fmt.num(rules.flagOffset)) points)"))
        }
        if let g = methodGap {
            ls.append(ctx.t("各检查方式平均分：" + methods.map { "\(Fmt.method($0.method, ctx)) \(Num.fixed2($0.mean))" }.joined(separator: "、")
                            + "；\(Fmt.method(g.high.method, ctx))比\(Fmt.method(g.low.method, ctx))高 \(Num.fixed2(g.gap)) 分",
                            "Mean by method: " + methods.map { "\(Fmt.method($0.method, ctx)) \(Num.fixed2($0.mean))" }.joined(separator: ", ")
                            + "; \(Fmt.method(g.high.method, ctx)) is \(Num.fixed2(g.gap)) points above \(Fmt.method(g.low.method, ctx))"))
        }
        return ls
    }

    public func document(_ ctx: RenderContext) -> Document {
        var doc = Document(title: title(ctx), lang: ctx.lang)
        doc.header = [.init(ctx.t("检查期间", "Period"), periodText(ctx))]
        doc.facts([ctx.t("有得分的检查 \(visits) 次", "\(visits) scored visits")] + ruleLines(ctx))
        doc.section(ctx.t("检查人", "Inspectors"))
        var t = Table(name: "inspectors", title: ctx.t("检查人", "Inspectors"), columns: [
            .init(ctx.t("检查人", "Inspector"), .name), .init(ctx.t("检查次数", "Visits"), .number(.count)),
            .init(ctx.t("可比较次数", "Compared"), .number(.count)), .init(ctx.t("平均分", "Mean"), .number(.score)),
            .init(ctx.t("偏差", "Offset"), .number(.signed)), .init(ctx.t("每次扣分项", "Findings / visit"), .number(.score)),
            .init(ctx.t("否决项", "Vetoes"), .number(.count)), .init(ctx.t("检查方式", "Methods"), .text, shown: .displayOnly),
        ] + Visit.Method.allCases.map { .init(Fmt.method($0, ctx), .number(.count), shown: .dataOnly) }
          + [.init(ctx.t("标记", "Flag"), .status)], main: true)
        for i in inspectors {
            t.add([.text(i.name), .int(i.visits), .int(i.compared), .number(i.mean), .number(i.offset), .number(i.findingsPerVisit),
                   .int(i.vetoes), .text(methodsText(i, ctx))]
                  + Visit.Method.allCases.map { m in .int(i.methods.first { $0.0 == m }?.1 ?? 0) }
                  + [i.flagged ? .status(ctx.t("⚑ 偏差过大", "⚑ flagged"), .bad) : .text("")],
                  tone: i.flagged ? .bad : nil)
        }
        let shown = inspectors.filter { $0.offset != nil }
        if shown.isEmpty {
            doc.table(t)
        } else {
            doc.chart(Chart(title: ctx.t("检查人评分偏差（正数为偏宽）", "Inspector offset (positive = lenient)"),
                            kind: .diverging(labels: shown.map(\.name), values: shown.map(\.offset)),
                            valueTitle: ctx.t("偏差（分，与同一网点其他检查人相比）", "Offset (points, against colleagues at the same branches)"),
                            categoryTitle: ctx.t("检查人", "Inspector"), axis: .symmetric(minSpan: 2 * (rules.flagOffset + 1)),
                            passMark: (rules.flagOffset, ctx.t("标记线 ±\(Fmt.num(rules.flagOffset))", "flag ±\(Fmt.num(rules.flagOffset))"))),
                      with: t)
        }
        doc.section(ctx.t("检查方式", "Methods"))
        var mt = Table(name: "methods", title: ctx.t("检查方式", "Methods"), columns: [
            .init(ctx.t("检查方式", "Method"), .status), .init(ctx.t("检查次数", "Visits"), .number(.count)),
            .init(ctx.t("平均分", "Mean"), .number(.score)), .init(ctx.t("每次扣分项", "Findings / visit"), .number(.score)),
        ])
        for m in methods { mt.add([.text(Fmt.method(m.method, ctx)), .int(m.visits), .number(m.mean), .number(m.findingsPerVisit)]) }
        doc.table(mt)
        doc.section(ctx.t("结论", "Summary"))
        doc.facts(findingsLines(ctx))
        if !skipped.isEmpty {
            doc.fact(ctx.t("已跳过无效文件 \(skipped.count) 个：", "\(skipped.count) invalid files skipped: ") + skipped.joined(separator: ", "))
        }
        return doc
    }
}

// Rendering of the inspector calibration (检查质量).
extension InspectorReport {
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

    var inspectorHeaders: [(String, String)] {
        [("检查人", "Inspector"), ("检查次数", "Visits"), ("可比较次数", "Compared"), ("平均分", "Mean"), ("偏差", "Offset"),
         ("每次扣分项", "Findings / visit"), ("否决项", "Vetoes"), ("检查方式", "Methods"), ("标记", "Flag")]
    }

    func inspectorRow(_ i: Inspector, _ ctx: RenderContext) -> [String] {
        [i.name, String(i.visits), String(i.compared), Num.fixed2(i.mean), offsetText(i.offset), Num.fixed2(i.findingsPerVisit),
         String(i.vetoes), methodsText(i, ctx), i.flagged ? ctx.t("⚑ 偏差过大", "⚑ flagged") : ""]
    }

    var methodHeaders: [(String, String)] {
        [("检查方式", "Method"), ("检查次数", "Visits"), ("平均分", "Mean"), ("每次扣分项", "Findings / visit")]
    }

    func methodRow(_ m: MethodRow, _ ctx: RenderContext) -> [String] {
        [Fmt.method(m.method, ctx), String(m.visits), Num.fixed2(m.mean), Num.fixed2(m.findingsPerVisit)]
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

    public func render(_ format: OutputFormat, _ ctx: RenderContext) -> String {
        switch format {
        case .json:
            return json().render()
        case .csv:
            // The main table: one row per inspector, methods as counts per column so Excel can sum them.
            let headers = inspectorHeaders.dropLast(2).map { ctx.t($0.0, $0.1) }
                + Visit.Method.allCases.map { Fmt.method($0, ctx) } + [ctx.t("标记", "Flag")]
            let rows = inspectors.map { i in
                Array(inspectorRow(i, ctx).prefix(7)) + Visit.Method.allCases.map { m in String(i.methods.first { $0.0 == m }?.1 ?? 0) }
                    + [i.flagged ? ctx.t("是", "yes") : ""]
            }
            return CSVDocument(header: headers, rows: rows).render(bom: ctx.bom)
        default:
            break
        }
        var doc = ReportDocument(title: title(ctx))
        doc.lines([ctx.t("期间：", "Period: ") + periodText(ctx)
                   + ctx.t("；有得分的检查 \(visits) 次", "; \(visits) scored visits")] + ruleLines(ctx))
        doc.section(ctx.t("检查人", "Inspectors"), ctx.lang)
        doc.table(.init(headers: inspectorHeaders.map { ctx.t($0.0, $0.1) }, rows: inspectors.map { inspectorRow($0, ctx) },
                        alignRight: [1, 2, 3, 4, 5, 6], rowClasses: inspectors.map { $0.flagged ? "bad" : nil }, nowrap: [0, 4]))
        if format == .html, inspectors.contains(where: { $0.offset != nil }) {
            let shown = inspectors.filter { $0.offset != nil }
            doc.chart(OffsetChart.svg(title: ctx.t("检查人评分偏差（分，正数为偏宽）", "Inspector offset (points; positive = lenient)"),
                                      labels: shown.map(\.name), values: shown.map { $0.offset! }, flags: shown.map(\.flagged),
                                      threshold: rules.flagOffset,
                                      thresholdLabel: ctx.t("标记线 ±\(Fmt.num(rules.flagOffset))", "flag ±\(Fmt.num(rules.flagOffset))"),
                                      axisTitle: ctx.t("偏差（分）", "Offset (points)")),
                      ctx.t("虚线为标记线；红色为已标记的检查人（可比较次数足够且偏差过大）", "Dashed lines: the flag threshold; red: flagged inspectors"))
        }
        doc.section(ctx.t("检查方式", "Methods"), ctx.lang)
        doc.table(.init(headers: methodHeaders.map { ctx.t($0.0, $0.1) }, rows: methods.map { methodRow($0, ctx) },
                        alignRight: [1, 2, 3]))
        doc.section(ctx.t("结论", "Summary"), ctx.lang)
        doc.lines(findingsLines(ctx))
        if !skipped.isEmpty {
            doc.line(ctx.t("已跳过无效文件 \(skipped.count) 个：", "\(skipped.count) invalid files skipped: ") + skipped.joined(separator: ", "))
        }
        return doc.render(format, ctx)
    }
}

/// Horizontal bars from zero to each inspector's signed offset, the ±flag threshold drawn as
/// dashed lines, a labelled axis symmetric about zero.
enum OffsetChart {
    static func n(_ x: Double) -> String { MappingReader.show((x * 100).rounded() / 100) }

    static func svg(title: String, labels: [String], values: [Double], flags: [Bool], threshold: Double,
                    thresholdLabel: String, axisTitle: String) -> String {
        let rowH = 24.0, labelW = 120.0, plotW = 520.0, top = 44.0
        let width = labelW + plotW + 40
        let height = top + Double(labels.count) * rowH + 56
        // Symmetric axis in whole points, at least past the threshold.
        let span = max(threshold + 1, (values.map { abs($0) }.max() ?? 0).rounded(.up) + 1)
        let cx = labelW + plotW / 2
        func x(_ v: Double) -> Double { cx + v / span * (plotW / 2) }
        var s = "<svg viewBox=\"0 0 \(n(width)) \(n(height))\" role=\"img\" aria-label=\"\(HTML.escape(title))\">"
        s += "<text x=\"\(n(width / 2))\" y=\"18\" text-anchor=\"middle\" font-size=\"14\" font-weight=\"600\">\(HTML.escape(title))</text>"
        let bottom = top + Double(labels.count) * rowH
        // Ticks: whole points, every 1, 2 or 5 depending on the span.
        let step = span <= 6 ? 1.0 : (span <= 12 ? 2.0 : 5.0)
        var t = -(span / step).rounded(.down) * step
        while t <= span + 1e-9 {
            s += "<line x1=\"\(n(x(t)))\" y1=\"\(n(top))\" x2=\"\(n(x(t)))\" y2=\"\(n(bottom))\" stroke=\"#d8dee4\"/>"
            s += "<text x=\"\(n(x(t)))\" y=\"\(n(bottom + 16))\" text-anchor=\"middle\" font-size=\"11\">\(t > 0 ? "+" : "")\(n(t))</text>"
            t += step
        }
        s += "<line x1=\"\(n(cx))\" y1=\"\(n(top))\" x2=\"\(n(cx))\" y2=\"\(n(bottom))\" stroke=\"#57606a\"/>"
        for (k, label) in labels.enumerated() {
            let y = top + Double(k) * rowH
            let v = values[k]
            let x0 = min(x(0), x(v)), w = abs(x(v) - x(0))
            s += "<text x=\"\(n(labelW - 8))\" y=\"\(n(y + rowH / 2 + 4))\" text-anchor=\"end\" font-size=\"12\">\(HTML.escape(label))</text>"
            s += "<rect x=\"\(n(x0))\" y=\"\(n(y + 4))\" width=\"\(n(w))\" height=\"\(n(rowH - 8))\" fill=\"\(flags[k] ? "#d55e00" : "#0072b2")\"/>"
            let tx = v >= 0 ? x(v) + 4 : x(v) - 4
            s += "<text x=\"\(n(tx))\" y=\"\(n(y + rowH / 2 + 4))\" text-anchor=\"\(v >= 0 ? "start" : "end")\" font-size=\"11\">\(v > 0 ? "+" : "")\(Num.fixed2(v))</text>"
        }
        for sign in [-1.0, 1.0] {
            let lx = x(sign * threshold)
            s += "<line x1=\"\(n(lx))\" y1=\"\(n(top - 6))\" x2=\"\(n(lx))\" y2=\"\(n(bottom))\" stroke=\"#d55e00\" stroke-dasharray=\"5 3\" stroke-width=\"1.5\"/>"
        }
        s += "<text x=\"\(n(x(threshold)))\" y=\"\(n(top - 10))\" text-anchor=\"middle\" font-size=\"11\" fill=\"#d55e00\">\(HTML.escape(thresholdLabel))</text>"
        s += "<text x=\"\(n(cx))\" y=\"\(n(bottom + 36))\" text-anchor=\"middle\" font-size=\"12\">\(HTML.escape(axisTitle))</text>"
        s += "</svg>"
        return s
    }
}

import Foundation

/// Draws a `Chart` as self-contained inline SVG for the HTML renderer.
///
/// No xmlns attribute: an `<svg>` inside HTML gets the SVG namespace from the HTML parser,
/// and leaving the namespace URL out keeps the report free of any URL at all.
/// All text is escaped; all coordinates go through `n(_:)` (≤ 2 decimals), so output is
/// byte-for-byte deterministic.
public enum SVGChart {
    /// Okabe–Ito, distinguishable with the common colour-vision deficiencies.
    static let palette = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]
    static let fontFamily = "'PingFang SC','Noto Sans CJK SC','Microsoft YaHei',sans-serif"
    static let ink = "#1f2328", muted = "#57606a", grid = "#e1e4e8", axisColor = "#8c959f", passColor = "#D55E00"
    static let width = 680.0, plotHeight = 220.0

    public static func render(_ chart: Chart, lang: Language) -> String {
        switch chart.kind {
        case .bars(let labels, let values):
            return horizontal(chart, labels: labels, values: values, diverging: nil, lang: lang)
        case .diverging(let labels, let values):
            return horizontal(chart, labels: labels, values: values, diverging: true, lang: lang)
        case .histogram(let labels, let counts):
            return histogram(chart, labels: labels, counts: counts, lang: lang)
        case .line(let x, let series):
            return line(chart, x: x, series: series, lang: lang)
        case .grid(let rows, let columns, let cells, let legend):
            return grid(chart, rows: rows, columns: columns, cells: cells, legend: legend)
        }
    }

    // MARK: - Grid (coverage calendar)

    static func toneColor(_ t: Tone) -> String {
        switch t {
        case .good: return "#2da44e"
        case .bad: return "#cf222e"
        case .warn: return "#d4a72c"
        case .muted: return "#d0d7de"
        }
    }

    private static func grid(_ c: Chart, rows: [String], columns: [String], cells: [[Chart.Mark]], legend: [(Tone, String)]) -> String {
        let cell: Double = columns.count > 40 ? 7 : (columns.count > 14 ? 16 : 40)
        let rowH = 16.0
        let left = 16 + min(160, (rows.map { textWidth($0, 11) }.max() ?? 0)) + 8
        let top = 62.0, bottom = 48.0
        let w = max(width, left + Double(columns.count) * cell + 20)
        let height = top + Double(rows.count) * rowH + bottom
        var s = "<svg viewBox=\"0 0 \(n(w)) \(n(height))\" width=\"\(n(w))\" height=\"\(n(height))\" role=\"img\" font-family=\"\(fontFamily)\" font-size=\"11\" fill=\"\(ink)\">\n"
        s += "<title>\(esc(c.title))</title>\n<rect width=\"\(n(w))\" height=\"\(n(height))\" fill=\"#ffffff\"/>\n"
        s += "<text x=\"16\" y=\"24\" font-size=\"15\" font-weight=\"bold\">\(esc(c.title))</text>\n"
        var lx = 16.0
        for (tone, name) in legend {
            s += "<rect x=\"\(n(lx))\" y=\"34\" width=\"12\" height=\"12\" fill=\"\(toneColor(tone))\"/><text x=\"\(n(lx + 16))\" y=\"44\">\(esc(name))</text>\n"
            lx += 16 + textWidth(name, 11) + 18
        }
        s += "<text x=\"16\" y=\"\(n(top - 4))\" fill=\"\(muted)\">\(esc(c.categoryTitle))</text>\n"
        for (r, label) in rows.enumerated() {
            let y = top + Double(r) * rowH
            s += "<text x=\"16\" y=\"\(n(y + 12))\">\(esc(DisplayWidth.truncate(label, to: 28)))</text>\n"
            for (i, m) in (r < cells.count ? cells[r] : []).enumerated() where i < columns.count {
                s += "<rect x=\"\(n(left + Double(i) * cell))\" y=\"\(n(y + 2))\" width=\"\(n(cell - 1))\" height=\"\(n(rowH - 3))\" fill=\"\(toneColor(m.tone))\"><title>\(esc(m.tip))</title></rect>\n"
            }
        }
        // Column labels: every one when they fit, else about every seventh.
        let step = cell >= 40 ? 1 : (cell >= 16 ? 2 : 7)
        let yLabels = top + Double(rows.count) * rowH + 14
        for (i, label) in columns.enumerated() where i % step == 0 {
            s += "<text x=\"\(n(left + Double(i) * cell))\" y=\"\(n(yLabels))\" fill=\"\(muted)\">\(esc(label))</text>\n"
        }
        s += "<text x=\"\(n(left))\" y=\"\(n(height - 8))\" fill=\"\(muted)\">\(esc(c.valueTitle))</text>\n"
        return s + "</svg>"
    }

    // MARK: - Scales

    /// A value axis: its range and ticks at a 1/2/5 × 10^k step.
    struct Scale: Equatable {
        let lo: Double, hi: Double, ticks: [Double]

        init(lo: Double, hi: Double, ticks: [Double]) { self.lo = lo; self.hi = hi; self.ticks = ticks }

        /// The axis for `values` under `axis`; `reference` (the pass mark) is kept in range.
        static func choose(_ axis: Chart.Axis, values: [Double], reference: Double?, integer: Bool = false) -> Scale {
            let vals = values.filter(\.isFinite)
            switch axis {
            case .fromZero:
                let hi = max(vals.max() ?? 0, reference ?? 0, integer ? 5 : 1)
                let step = integer ? max(1, niceStep(hi / 5).rounded(.up)) : niceStep(hi / 5)
                return make(lo: 0, hi: (hi / step).rounded(.up) * step, step: step)
            case .symmetric(let minSpan):
                let m = max(vals.map(abs).max() ?? 0, minSpan / 2, reference.map(abs) ?? 0) * 1.1
                let step = niceStep(m / 3)
                let top = (m / step).rounded(.up) * step
                return make(lo: -top, hi: top, step: step)
            case .fit(let minSpan, let limits):
                var lo = min(vals.min() ?? 0, reference ?? .infinity)
                var hi = max(vals.max() ?? 0, reference ?? -.infinity)
                // A little room, so the lowest bar is not drawn with no length at all.
                let pad = max(hi - lo, minSpan) * 0.05
                lo -= pad; hi += pad
                if hi - lo < minSpan {
                    let mid = (lo + hi) / 2
                    lo = mid - minSpan / 2; hi = mid + minSpan / 2
                }
                if let limits {
                    // Inside 0–100 when the values are: shift the window rather than pass the limit.
                    if hi > limits.upperBound, (vals.max() ?? 0) <= limits.upperBound {
                        lo -= hi - limits.upperBound; hi = limits.upperBound
                    }
                    if lo < limits.lowerBound, (vals.min() ?? 0) >= limits.lowerBound {
                        hi += limits.lowerBound - lo; lo = limits.lowerBound
                        if (vals.max() ?? 0) <= limits.upperBound { hi = min(hi, limits.upperBound) }
                    }
                }
                let step = niceStep((hi - lo) / 5)
                return make(lo: (lo / step + 1e-9).rounded(.down) * step, hi: (hi / step - 1e-9).rounded(.up) * step, step: step)
            }
        }

        static func make(lo: Double, hi: Double, step: Double) -> Scale {
            let hi = hi > lo ? hi : lo + step
            let first = (lo / step - 1e-9).rounded(.up)
            let count = min(60, Int((hi / step + 1e-9).rounded(.down) - first) + 1)
            return Scale(lo: lo, hi: hi, ticks: (0..<max(0, count)).map { Num.round2((first + Double($0)) * step) })
        }

        static func niceStep(_ raw: Double) -> Double {
            guard raw.isFinite, raw > 0 else { return 1 }
            let mag = pow(10, log10(raw).rounded(.down))
            let norm = raw / mag
            let nice: Double = norm <= 1 ? 1 : norm <= 2 ? 2 : norm <= 5 ? 5 : 10
            return nice * mag
        }

        func position(_ v: Double, from a: Double, to b: Double) -> Double {
            let c = min(max(v, lo), hi)
            return a + (b - a) * (c - lo) / (hi - lo)
        }
    }

    /// "The axis starts at 80, not at zero": said whenever it is so.
    static func baselineNote(_ s: Scale, _ lang: Language) -> String? {
        guard s.lo > 0 else { return nil }
        return lang == .zh ? "坐标轴自 \(label(s.lo)) 起（非 0）" : "Axis starts at \(label(s.lo)), not at zero"
    }

    // MARK: - Horizontal bars (bars, diverging)

    private static func horizontal(_ c: Chart, labels: [String], values: [Double?], diverging: Bool?, lang: Language) -> String {
        let vals = labels.indices.map { i in i < values.count ? finite(values[i]) : nil }
        let sc = Scale.choose(c.axis, values: vals.compactMap { $0 }, reference: c.passMark?.value)
        let shown = labels.map { DisplayWidth.truncate($0, to: 24) }
        // Scores read as the tables print them (95.80, not 95.8); counts as they are.
        let scoreLike = c.axis != .fromZero
        let texts = vals.map { v in
            v.map { (diverging == true ? RFmt.signed($0) : (scoreLike ? Num.fixed2($0) : label($0))) + c.valueSuffix } ?? "—"
        }
        let left = 16 + max(textWidth(c.categoryTitle, 11), shown.map { textWidth($0, 12) }.max() ?? 0) + 10
        let right = 16 + (texts.map { textWidth($0, 11) }.max() ?? 0) + 6
        let note = baselineNote(sc, lang)
        let top = 44.0 + (note == nil ? 0 : 16) + 18
        let rowH = 20.0, barH = 13.0
        let plotW = max(60, width - left - right)
        let plotH = rowH * Double(max(labels.count, 1))
        let height = top + plotH + 52
        func x(_ v: Double) -> Double { sc.position(v, from: left, to: left + plotW) }

        var body = head(c, height: height, note: note)
        // Category axis title above the labels; value axis title under the ticks.
        body += "<text x=\"\(n(left - 10))\" y=\"\(n(top - 8))\" font-size=\"11\" fill=\"\(muted)\" text-anchor=\"end\">\(esc(c.categoryTitle))</text>\n"
        for t in sc.ticks {
            body += "<line x1=\"\(n(x(t)))\" y1=\"\(n(top))\" x2=\"\(n(x(t)))\" y2=\"\(n(top + plotH))\" stroke=\"\(grid)\"/>\n"
            body += "<text x=\"\(n(x(t)))\" y=\"\(n(top + plotH + 15))\" font-size=\"11\" fill=\"\(muted)\" text-anchor=\"middle\">\(esc(diverging == true ? signed(t) : label(t)))</text>\n"
        }
        body += "<text x=\"\(n(left + plotW / 2))\" y=\"\(n(top + plotH + 34))\" font-size=\"11\" fill=\"\(muted)\" text-anchor=\"middle\">\(esc(c.valueTitle))</text>\n"
        let zero = diverging == true ? x(0) : left
        body += "<line x1=\"\(n(zero))\" y1=\"\(n(top))\" x2=\"\(n(zero))\" y2=\"\(n(top + plotH))\" stroke=\"\(axisColor)\"/>\n"
        for (i, v) in vals.enumerated() {
            let mid = top + rowH * (Double(i) + 0.5)
            let tip = shown[i] == labels[i] ? "" : "<title>\(esc(labels[i]))</title>"
            body += "<text x=\"\(n(left - 10))\" y=\"\(n(mid + 4))\" text-anchor=\"end\">\(esc(shown[i]))\(tip)</text>\n"
            guard let v else {
                body += "<text x=\"\(n(zero + 4))\" y=\"\(n(mid + 4))\" font-size=\"11\" fill=\"\(muted)\">—</text>\n"
                continue
            }
            let a = min(zero, x(v)), b = max(zero, x(v))
            let color = diverging == true && v < 0 ? palette[5] : palette[0]
            body += "<rect x=\"\(n(a))\" y=\"\(n(mid - barH / 2))\" width=\"\(n(b - a))\" height=\"\(n(barH))\" fill=\"\(color)\"><title>\(esc(labels[i] + ": " + texts[i]))</title></rect>\n"
            if diverging == true, v < 0 {
                body += "<text x=\"\(n(a - 4))\" y=\"\(n(mid + 4))\" font-size=\"11\" text-anchor=\"end\">\(esc(texts[i]))</text>\n"
            } else {
                body += "<text x=\"\(n(b + 4))\" y=\"\(n(mid + 4))\" font-size=\"11\">\(esc(texts[i]))</text>\n"
            }
        }
        if let p = c.passMark {
            let values = diverging == true ? [p.value, -p.value] : [p.value]
            for (k, pv) in values.enumerated() where pv >= sc.lo && pv <= sc.hi {
                let px = x(pv)
                body += "<line x1=\"\(n(px))\" y1=\"\(n(top - 4))\" x2=\"\(n(px))\" y2=\"\(n(top + plotH))\" stroke=\"\(passColor)\" stroke-width=\"1.5\" stroke-dasharray=\"5 3\"/>\n"
                if k == 0 {
                    body += "<text x=\"\(n(px))\" y=\"\(n(top - 8))\" font-size=\"11\" fill=\"\(passColor)\" text-anchor=\"middle\">\(esc(p.label))</text>\n"
                }
            }
        }
        return body + "</svg>"
    }

    // MARK: - Histogram

    private static func histogram(_ c: Chart, labels: [String], counts: [Int], lang: Language) -> String {
        let sc = Scale.choose(.fromZero, values: counts.map(Double.init), reference: nil, integer: true)
        var frame = Frame(c, scale: sc, labels: labels, slotWidth: 34, legend: [], lang: lang)
        var body = head(c, height: frame.height, note: nil) + frame.yAxis()
        let gap = 2.0
        for (i, k) in counts.enumerated() where i < labels.count {
            let x0 = frame.left + frame.slot * Double(i) + gap / 2
            let y = frame.y(Double(k)), base = frame.y(0)
            body += "<rect x=\"\(n(x0))\" y=\"\(n(y))\" width=\"\(n(frame.slot - gap))\" height=\"\(n(base - y))\" fill=\"\(palette[0])\"><title>\(esc(labels[i] + ": " + String(k)))</title></rect>\n"
            body += "<text x=\"\(n(x0 + (frame.slot - gap) / 2))\" y=\"\(n(y - 4))\" font-size=\"10\" text-anchor=\"middle\">\(k)</text>\n"
        }
        // The pass mark sits on a bin boundary: the bin whose label starts with it.
        if let p = c.passMark, let i = labels.firstIndex(where: { $0.hasPrefix(label(p.value)) }) {
            let px = frame.left + frame.slot * Double(i)
            body += "<line x1=\"\(n(px))\" y1=\"\(n(frame.top - 4))\" x2=\"\(n(px))\" y2=\"\(n(frame.top + frame.plotH))\" stroke=\"\(passColor)\" stroke-width=\"1.5\" stroke-dasharray=\"5 3\"/>\n"
            body += "<text x=\"\(n(px + 4))\" y=\"\(n(frame.top + 8))\" font-size=\"11\" fill=\"\(passColor)\">\(esc(p.label))</text>\n"
        }
        frame.closeAxes(&body)
        return body + "</svg>"
    }

    // MARK: - Line

    private static func line(_ c: Chart, x: [String], series: [Chart.Series], lang: Language) -> String {
        let data = series.map { s in x.indices.map { i in i < s.values.count ? finite(s.values[i]) : nil } }
        let all = data.flatMap { $0.compactMap { $0 } }
        let sc = Scale.choose(c.axis, values: all, reference: c.passMark?.value)
        let names = series.map(\.name).contains { !$0.isEmpty } && series.count > 1 ? series.map(\.name) : []
        var frame = Frame(c, scale: sc, labels: x, slotWidth: 40, legend: names, lang: lang)
        var body = head(c, height: frame.height, note: baselineNote(sc, lang)) + frame.legendSVG() + frame.yAxis()
        if let p = c.passMark, p.value >= sc.lo, p.value <= sc.hi {
            let py = frame.y(p.value)
            body += "<line x1=\"\(n(frame.left))\" y1=\"\(n(py))\" x2=\"\(n(frame.right))\" y2=\"\(n(py))\" stroke=\"\(passColor)\" stroke-width=\"1.5\" stroke-dasharray=\"5 3\"/>\n"
            body += "<text x=\"\(n(frame.right - 4))\" y=\"\(n(py - 4))\" font-size=\"11\" fill=\"\(passColor)\" text-anchor=\"end\">\(esc(p.label))</text>\n"
        }
        for (k, values) in data.enumerated() {
            let color = palette[k % palette.count]
            var run: [String] = []
            for (i, v) in (values + [nil]).enumerated() {
                if let v { run.append("\(n(frame.slotCenter(i))),\(n(frame.y(v)))"); continue }
                if run.count > 1 {
                    body += "<polyline points=\"\(run.joined(separator: " "))\" fill=\"none\" stroke=\"\(color)\" stroke-width=\"2\" stroke-linejoin=\"round\"/>\n"
                }
                run = []
            }
            for (i, v) in values.enumerated() {
                guard let v else { continue }
                let cx = frame.slotCenter(i), cy = frame.y(v)
                let tip = [x[i], series[k].name, label(v) + c.valueSuffix].filter { !$0.isEmpty }.joined(separator: " · ")
                body += "<circle cx=\"\(n(cx))\" cy=\"\(n(cy))\" r=\"3.5\" fill=\"\(color)\"><title>\(esc(tip))</title></circle>\n"
                if all.count <= 24, textWidth(label(v), 10) <= frame.slot + 2 {
                    body += "<text x=\"\(n(cx))\" y=\"\(n(cy - 8))\" font-size=\"10\" text-anchor=\"middle\">\(esc(label(v)))</text>\n"
                }
            }
        }
        frame.closeAxes(&body)
        return body + "</svg>"
    }

    // MARK: - Frame of the vertical charts

    /// Title, legend, y axis with gridlines and its title, category labels along x (rotated
    /// and truncated when they do not fit their slot) and the x axis title.
    private struct Frame {
        let chart: Chart, scale: Scale, labels: [String], legend: [String]
        let left, right, top, plotH, slot: Double
        let rotate: Bool
        let labelDrop: Double

        init(_ c: Chart, scale: Scale, labels: [String], slotWidth: Double, legend: [String], lang: Language) {
            chart = c
            self.scale = scale
            self.labels = labels
            self.legend = legend
            let left = 16 + 18 + (scale.ticks.map { textWidth(label($0), 11) }.max() ?? 0) + 8
            let right = width - 16
            let count = Double(max(labels.count, 1))
            let slot = (right - left) / count
            self.left = left; self.right = right; self.slot = slot
            rotate = labels.contains { textWidth($0, 11) > slot - 4 }
            let longest = Double(labels.map { min(14, DisplayWidth.of($0)) }.max() ?? 0) * 11 * 0.55
            labelDrop = rotate ? 12 + longest * 0.65 : 18
            top = 44 + (baselineNote(scale, lang) == nil ? 0 : 16) + SVGChart.legendHeight(legend) + 10
            plotH = plotHeight
        }

        var height: Double { top + plotH + labelDrop + 34 }

        func y(_ v: Double) -> Double { scale.position(v, from: top + plotH, to: top) }
        func slotCenter(_ i: Int) -> Double { left + slot * (Double(i) + 0.5) }

        func legendSVG() -> String {
            var out = ""
            var x = 16.0, row = 0.0
            for (i, name) in legend.enumerated() {
                let w = 12 + 6 + textWidth(name, 12) + 18
                if x + w > width - 16, x > 16 { x = 16; row += 20 }
                let y = 44 + (baselineNote(scale, .en) == nil ? 0 : 16) + row
                out += "<rect x=\"\(n(x))\" y=\"\(n(y))\" width=\"12\" height=\"12\" fill=\"\(palette[i % palette.count])\"/>"
                out += "<text x=\"\(n(x + 18))\" y=\"\(n(y + 10))\">\(esc(name))</text>\n"
                x += w
            }
            return out
        }

        func yAxis() -> String {
            var out = ""
            for t in scale.ticks {
                let ty = n(y(t))
                out += "<line x1=\"\(n(left))\" y1=\"\(ty)\" x2=\"\(n(right))\" y2=\"\(ty)\" stroke=\"\(grid)\"/>\n"
                out += "<text x=\"\(n(left - 6))\" y=\"\(n(y(t) + 4))\" font-size=\"11\" fill=\"\(muted)\" text-anchor=\"end\">\(esc(label(t)))</text>\n"
            }
            let midY = top + plotH / 2 // the value axis title, read bottom to top
            out += "<text x=\"16\" y=\"\(n(midY))\" font-size=\"11\" fill=\"\(muted)\" text-anchor=\"middle\" transform=\"rotate(-90 16 \(n(midY)))\">\(esc(chart.valueTitle))</text>\n"
            return out
        }

        /// The axis lines, the category labels and the category axis title.
        mutating func closeAxes(_ out: inout String) {
            out += "<line x1=\"\(n(left))\" y1=\"\(n(top))\" x2=\"\(n(left))\" y2=\"\(n(top + plotH))\" stroke=\"\(axisColor)\"/>\n"
            out += "<line x1=\"\(n(left))\" y1=\"\(n(top + plotH))\" x2=\"\(n(right))\" y2=\"\(n(top + plotH))\" stroke=\"\(axisColor)\"/>\n"
            let ly = top + plotH + 15
            // Too many labels to read: show every k-th.
            let every = max(1, Int((12 / slot).rounded(.up)))
            for (i, l) in labels.enumerated() where i % every == 0 {
                let x = slotCenter(i)
                let shown = DisplayWidth.truncate(l, to: rotate ? 14 : max(1, Int((slot - 4) / (11 * 0.55))))
                let tip = shown == l ? "" : "<title>\(esc(l))</title>"
                if rotate {
                    out += "<text x=\"\(n(x))\" y=\"\(n(ly - 4))\" font-size=\"11\" text-anchor=\"end\" transform=\"rotate(-40 \(n(x)) \(n(ly - 4)))\">\(esc(shown))\(tip)</text>\n"
                } else {
                    out += "<text x=\"\(n(x))\" y=\"\(n(ly))\" font-size=\"11\" text-anchor=\"middle\">\(esc(shown))\(tip)</text>\n"
                }
            }
            out += "<text x=\"\(n((left + right) / 2))\" y=\"\(n(top + plotH + labelDrop + 22))\" font-size=\"11\" fill=\"\(muted)\" text-anchor=\"middle\">\(esc(chart.categoryTitle))</text>\n"
        }
    }

    static func legendHeight(_ names: [String]) -> Double {
        guard !names.isEmpty else { return 0 }
        var rows = 1.0, x = 16.0
        for name in names {
            let w = 12 + 6 + textWidth(name, 12) + 18
            if x + w > width - 16, x > 16 { rows += 1; x = 16 }
            x += w
        }
        return rows * 20
    }

    /// The svg element, its accessible title, background, visible title and the baseline note.
    private static func head(_ c: Chart, height: Double, note: String?) -> String {
        var out = """
            <svg viewBox="0 0 \(n(width)) \(n(height))" width="\(n(width))" height="\(n(height))" role="img" font-family="\(fontFamily)" font-size="12" fill="\(ink)">
            <title>\(esc(c.title))</title>
            <rect width="\(n(width))" height="\(n(height))" fill="#ffffff"/>
            <text x="16" y="24" font-size="15" font-weight="bold">\(esc(c.title))</text>

            """
        if let note {
            out += "<text x=\"16\" y=\"44\" font-size=\"11\" fill=\"\(muted)\">\(esc(note))</text>\n"
        }
        return out
    }

    // MARK: - Numbers and text

    private static func finite(_ v: Double?) -> Double? {
        guard let v, v.isFinite else { return nil }
        return v
    }

    /// A coordinate: at most 2 decimals, integers without ".0".
    static func n(_ x: Double) -> String {
        let r = Num.round2(x.isFinite ? x : 0)
        if r == r.rounded(), abs(r) < 1e15 { return String(Int(r)) }
        return r.description
    }

    /// A value shown to readers: 2-decimal rounding, no trailing zeros (92.5, 88, 91.25).
    static func label(_ x: Double) -> String { n(x) }

    /// A signed value: +2.35, -1.1, 0.
    static func signed(_ x: Double) -> String {
        let s = n(x)
        return s.hasPrefix("-") || s == "0" ? s : "+" + s
    }

    /// Estimated rendered width: about 0.55 em per display column.
    static func textWidth(_ s: String, _ fontSize: Double) -> Double {
        Double(DisplayWidth.of(s)) * fontSize * 0.55
    }

    private static func esc(_ s: String) -> String { HTML.escape(s) }
}

import Foundation

/// Self-contained inline SVG charts for the HTML report.
///
/// No xmlns attribute: an `<svg>` inside HTML gets the SVG namespace from the HTML parser,
/// and leaving the namespace URL out keeps the report free of any URL at all.
/// All text is escaped; all coordinates go through `n(_:)` (≤ 2 decimals), so output is
/// byte-for-byte deterministic.
public enum SVGChart {
    /// Okabe–Ito, distinguishable with the common colour-vision deficiencies.
    static let palette = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]
    static let fontFamily = "'PingFang SC','Noto Sans CJK SC','Microsoft YaHei',sans-serif"
    static let ink = "#1f2328", muted = "#57606a", grid = "#e1e4e8", axis = "#8c959f"
    static let minWidth = 640.0, plotHeight = 240.0

    public typealias Series = (name: String, values: [Double?])

    // MARK: - Public charts

    /// Grouped vertical bars, one group per category, one bar per series; nil leaves a gap.
    public static func bars(title: String, categories: [String], series: [Series], yMax: Double? = nil) -> String {
        columns(title: title, categories: categories, series: series, yMax: yMax, histogram: false)
    }

    /// Adjacent bars of counts, one per bin, integer y axis.
    public static func histogram(title: String, bins: [(label: String, count: Int)]) -> String {
        columns(title: title, categories: bins.map(\.label),
                series: [(name: "", values: bins.map { Double($0.count) })], yMax: nil, histogram: true)
    }

    /// One polyline with point markers per series; a nil value breaks the line.
    /// Without yMin/yMax the axis spans the data, rounded out to nice ticks.
    public static func line(title: String, xLabels: [String], series: [Series], yMin: Double? = nil, yMax: Double? = nil) -> String {
        let data = clean(series, count: xLabels.count)
        let all = data.flatMap { $0.values.compactMap { $0 } }
        let lo = finite(yMin) ?? all.min() ?? 0
        let hi = finite(yMax) ?? all.max() ?? 100
        let sc = Scale(lo: lo, hi: hi, fixLo: finite(yMin) != nil, fixHi: finite(yMax) != nil, integer: false)

        let f = Frame(title: title, count: xLabels.count, perSlot: 24, scale: sc, labels: xLabels, legend: data.map(\.name))
        var body = f.yAxis()
        let totalPoints = all.count
        for (k, s) in data.enumerated() {
            let color = palette[k % palette.count]
            let points = s.values.enumerated().map { i, v in v.map { (f.slotCenter(i), f.y($0), $0, i) } }
            // Split at nil into runs; a run of one point is just its marker.
            var run: [String] = []
            for p in points + [nil] {
                if let p { run.append("\(n(p.0)),\(n(p.1))"); continue }
                if run.count > 1 {
                    body += "<polyline points=\"\(run.joined(separator: " "))\" fill=\"none\" stroke=\"\(color)\" stroke-width=\"2\" stroke-linejoin=\"round\"/>\n"
                }
                run = []
            }
            for case let (x, y, v, i)? in points {
                let tip = [xLabels[i], s.name, label(v)].filter { !$0.isEmpty }.joined(separator: " · ")
                body += "<circle cx=\"\(n(x))\" cy=\"\(n(y))\" r=\"3.5\" fill=\"\(color)\"><title>\(esc(tip))</title></circle>\n"
                let text = label(v)
                if totalPoints <= 40, textWidth(text, 10) <= f.slot + 2 {
                    body += "<text x=\"\(n(x))\" y=\"\(n(y - 8))\" font-size=\"10\" text-anchor=\"middle\">\(esc(text))</text>\n"
                }
            }
        }
        body += f.xLabels()
        return f.wrap(body)
    }

    /// Horizontal bars with the label on the left and the value (plus suffix) at the bar's end,
    /// e.g. the most-failed items. Negative values are drawn as empty bars.
    public static func hbars(title: String, labels: [String], values: [Double], valueSuffix: String = "") -> String {
        let vals = labels.indices.map { i in max(0, i < values.count ? finite(values[i]) ?? 0 : 0) }
        let sc = Scale(lo: 0, hi: vals.max() ?? 0, fixLo: true, fixHi: false, integer: false)
        let shown = labels.map { DisplayWidth.truncate($0, to: 24) }
        let texts = vals.map { label($0) + valueSuffix }
        let left = 16 + (shown.map { textWidth($0, 12) }.max() ?? 0) + 8
        let right = 16 + (texts.map { textWidth($0, 11) }.max() ?? 0) + 4
        let width = minWidth, rowH = 26.0, barH = 16.0, top = 44.0
        let plotW = max(40, width - left - right)
        let plotH = rowH * Double(labels.count)
        let height = top + plotH + 32
        func x(_ v: Double) -> Double { left + plotW * (min(v, sc.hi) - sc.lo) / (sc.hi - sc.lo) }

        var body = ""
        for t in sc.ticks {
            body += "<line x1=\"\(n(x(t)))\" y1=\"\(n(top))\" x2=\"\(n(x(t)))\" y2=\"\(n(top + plotH))\" stroke=\"\(grid)\"/>\n"
            body += "<text x=\"\(n(x(t)))\" y=\"\(n(top + plotH + 16))\" font-size=\"11\" fill=\"\(muted)\" text-anchor=\"middle\">\(esc(label(t)))</text>\n"
        }
        body += "<line x1=\"\(n(left))\" y1=\"\(n(top))\" x2=\"\(n(left))\" y2=\"\(n(top + plotH))\" stroke=\"\(axis)\"/>\n"
        for (i, v) in vals.enumerated() {
            let rowTop = top + rowH * Double(i)
            let mid = rowTop + rowH / 2
            body += "<text x=\"\(n(left - 8))\" y=\"\(n(mid + 4))\" text-anchor=\"end\">\(esc(shown[i]))\(shown[i] == labels[i] ? "" : "<title>\(esc(labels[i]))</title>")</text>\n"
            body += "<rect x=\"\(n(left))\" y=\"\(n(mid - barH / 2))\" width=\"\(n(x(v) - left))\" height=\"\(n(barH))\" fill=\"\(palette[0])\"><title>\(esc(labels[i] + ": " + texts[i]))</title></rect>\n"
            body += "<text x=\"\(n(x(v) + 4))\" y=\"\(n(mid + 4))\" font-size=\"11\">\(esc(texts[i]))</text>\n"
        }
        return open(width: width, height: height, title: title) + body + "</svg>"
    }

    // MARK: - Vertical bars (shared by bars and histogram)

    private static func columns(title: String, categories: [String], series: [Series], yMax: Double?, histogram: Bool) -> String {
        let data = clean(series, count: categories.count)
        let all = data.flatMap { $0.values.compactMap { $0 } }
        let lo = min(0, all.min() ?? 0)
        let hi = finite(yMax) ?? max(0, all.max() ?? 0)
        let sc = Scale(lo: lo, hi: hi, fixLo: lo == 0, fixHi: finite(yMax) != nil, integer: histogram)
        let s = max(data.count, 1)
        let perSlot = histogram ? 12 : Double(s) * 10 + 12

        let f = Frame(title: title, count: categories.count, perSlot: perSlot, scale: sc, labels: categories,
                      legend: histogram ? [] : data.map(\.name))
        var body = f.yAxis()
        // Histogram bars nearly touch (a distribution); grouped bars leave 20% between groups.
        let gap = histogram ? 2 : f.slot * 0.2
        let barW = (f.slot - gap) / Double(s)
        let base = f.y(min(max(0, sc.lo), sc.hi))
        // Value labels on every bar or on none: labelling only the bars whose text happens to
        // fit (96 but not 95.8) reads as if those bars were special.
        let labelsFit = all.allSatisfy { textWidth(label($0), 10) <= barW + 4 }
        for (k, ser) in data.enumerated() {
            let color = palette[k % palette.count]
            for (i, v) in ser.values.enumerated() {
                guard let v else { continue }
                let x = f.left + f.slot * Double(i) + gap / 2 + barW * Double(k)
                let yv = f.y(v)
                let tip = [categories[i], ser.name, label(v)].filter { !$0.isEmpty }.joined(separator: " · ")
                body += "<rect x=\"\(n(x))\" y=\"\(n(min(yv, base)))\" width=\"\(n(barW))\" height=\"\(n(abs(base - yv)))\" fill=\"\(color)\"><title>\(esc(tip))</title></rect>\n"
                let text = label(v)
                if labelsFit {
                    let ty = v >= 0 ? min(yv, base) - 4 : max(yv, base) + 12
                    body += "<text x=\"\(n(x + barW / 2))\" y=\"\(n(ty))\" font-size=\"10\" text-anchor=\"middle\">\(esc(text))</text>\n"
                }
            }
        }
        body += "<line x1=\"\(n(f.left))\" y1=\"\(n(base))\" x2=\"\(n(f.right))\" y2=\"\(n(base))\" stroke=\"\(axis)\"/>\n"
        body += f.xLabels()
        return f.wrap(body)
    }

    // MARK: - Layout

    /// The frame shared by the vertical charts: title, legend, y axis with gridlines,
    /// category labels along x (rotated and truncated when they do not fit their slot).
    private struct Frame {
        let title: String, labels: [String], legend: [String], scale: Scale
        let width, left, right, top, plotH, bottom, slot: Double
        let rotate: Bool

        init(title: String, count: Int, perSlot: Double, scale: Scale, labels: [String], legend: [String]) {
            self.title = title
            self.labels = labels
            self.legend = legend.contains { !$0.isEmpty } ? legend : []
            self.scale = scale
            var left = 16 + (scale.ticks.map { textWidth(label($0), 11) }.max() ?? 0) + 8
            right = 16
            let n = Double(max(count, 1))
            var width = max(minWidth, left + right + n * perSlot)
            var slot = (width - left - right) / n
            let rotate = labels.contains { textWidth($0, 11) > slot - 4 }
            let longest = Double(labels.map { min(16, DisplayWidth.of($0)) }.max() ?? 0) * 11 * 0.55
            if rotate {
                // The first rotated label reaches left by its length × cos 40°; keep it inside.
                left = max(left, longest * 0.77 + 8 - slot / 2)
                width = max(minWidth, left + right + n * perSlot)
                slot = (width - left - right) / n
            }
            self.left = left
            bottom = rotate ? 24 + longest * 0.65 : 32 // sin 40° ≈ 0.64
            top = 40 + SVGChart.legendHeight(self.legend, width: width) + 12
            plotH = plotHeight
            self.width = width
            self.slot = slot
            self.rotate = rotate
        }

        var height: Double { top + plotH + bottom }

        func y(_ v: Double) -> Double {
            let c = min(max(v, scale.lo), scale.hi)
            return top + plotH * (1 - (c - scale.lo) / (scale.hi - scale.lo))
        }

        func slotCenter(_ i: Int) -> Double { left + slot * (Double(i) + 0.5) }

        func yAxis() -> String {
            var out = ""
            for t in scale.ticks {
                let y = n(self.y(t))
                out += "<line x1=\"\(n(left))\" y1=\"\(y)\" x2=\"\(n(width - right))\" y2=\"\(y)\" stroke=\"\(grid)\"/>\n"
                out += "<text x=\"\(n(left - 6))\" y=\"\(n(self.y(t) + 4))\" font-size=\"11\" fill=\"\(muted)\" text-anchor=\"end\">\(esc(label(t)))</text>\n"
            }
            out += "<line x1=\"\(n(left))\" y1=\"\(n(top))\" x2=\"\(n(left))\" y2=\"\(n(top + plotH))\" stroke=\"\(axis)\"/>\n"
            return out
        }

        func xLabels() -> String {
            var out = ""
            let y = top + plotH + 16
            for (i, l) in labels.enumerated() {
                let x = slotCenter(i)
                let shown = DisplayWidth.truncate(l, to: rotate ? 16 : max(1, Int((slot - 4) / (11 * 0.55))))
                let tip = shown == l ? "" : "<title>\(esc(l))</title>"
                if rotate {
                    out += "<text x=\"\(n(x))\" y=\"\(n(y - 4))\" font-size=\"11\" text-anchor=\"end\" transform=\"rotate(-40 \(n(x)) \(n(y - 4)))\">\(esc(shown))\(tip)</text>\n"
                } else {
                    out += "<text x=\"\(n(x))\" y=\"\(n(y))\" font-size=\"11\" text-anchor=\"middle\">\(esc(shown))\(tip)</text>\n"
                }
            }
            return out
        }

        func wrap(_ body: String) -> String {
            open(width: width, height: height, title: title) + SVGChart.legend(legend, width: width) + body + "</svg>"
        }
    }

    /// Swatch + name per series, wrapping onto more lines when wider than the chart.
    private static func legendRows(_ names: [String], width: Double) -> [[(Int, Double)]] {
        var rows: [[(Int, Double)]] = []
        var row: [(Int, Double)] = []
        var x = 16.0
        for (i, name) in names.enumerated() {
            let w = 12 + 6 + textWidth(name, 12) + 18
            if !row.isEmpty && x + w > width - 16 { rows.append(row); row = []; x = 16 }
            row.append((i, x))
            x += w
        }
        if !row.isEmpty { rows.append(row) }
        return rows
    }

    static func legendHeight(_ names: [String], width: Double) -> Double {
        Double(legendRows(names, width: width).count) * 20
    }

    private static func legend(_ names: [String], width: Double) -> String {
        var out = ""
        for (r, row) in legendRows(names, width: width).enumerated() {
            let y = 40 + Double(r) * 20
            for (i, x) in row {
                out += "<rect x=\"\(n(x))\" y=\"\(n(y))\" width=\"12\" height=\"12\" fill=\"\(palette[i % palette.count])\"/>"
                out += "<text x=\"\(n(x + 18))\" y=\"\(n(y + 10))\">\(esc(names[i]))</text>\n"
            }
        }
        return out
    }

    private static func open(width: Double, height: Double, title: String) -> String {
        """
        <svg viewBox="0 0 \(n(width)) \(n(height))" width="\(n(width))" height="\(n(height))" role="img" font-family="\(fontFamily)" font-size="12" fill="\(ink)">
        <title>\(esc(title))</title>
        <rect width="\(n(width))" height="\(n(height))" fill="#ffffff"/>
        <text x="16" y="24" font-size="15" font-weight="bold">\(esc(title))</text>

        """
    }

    // MARK: - Numbers and text

    /// Axis range rounded out to a 1/2/2.5/5 × 10^k step, about five intervals.
    struct Scale {
        let lo: Double, hi: Double, ticks: [Double]

        init(lo: Double, hi: Double, fixLo: Bool, fixHi: Bool, integer: Bool) {
            var lo = lo, hi = hi
            if !(hi > lo) {
                if !fixHi { hi = lo + (integer ? 5 : 1) } else if !fixLo { lo = hi - 1 } else { hi = lo + 1 }
            }
            var step = Scale.niceStep((hi - lo) / 5)
            if integer { step = max(1, step.rounded(.up)) }
            if !fixLo { lo = (lo / step).rounded(.down) * step }
            if !fixHi { hi = (hi / step).rounded(.up) * step }
            let first = (lo / step - 1e-9).rounded(.up)
            let count = min(50, Int((hi / step + 1e-9).rounded(.down) - first) + 1)
            self.lo = lo
            self.hi = hi
            ticks = (0..<max(0, count)).map { (first + Double($0)) * step }
        }

        static func niceStep(_ raw: Double) -> Double {
            guard raw.isFinite, raw > 0 else { return 1 }
            let mag = pow(10, (log10(raw)).rounded(.down))
            let norm = raw / mag
            let nice: Double = norm <= 1 ? 1 : norm <= 2 ? 2 : norm <= 2.5 ? 2.5 : norm <= 5 ? 5 : 10
            return nice * mag
        }
    }

    /// Values padded or cut to `count`, non-finite values treated as missing.
    private static func clean(_ series: [Series], count: Int) -> [Series] {
        series.map { s in (name: s.name, values: (0..<count).map { i in i < s.values.count ? finite(s.values[i]) : nil }) }
    }

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

    /// Estimated rendered width: about 0.55 em per display column.
    static func textWidth(_ s: String, _ fontSize: Double) -> Double {
        Double(DisplayWidth.of(s)) * fontSize * 0.55
    }

    private static func esc(_ s: String) -> String { HTML.escape(s) }
}

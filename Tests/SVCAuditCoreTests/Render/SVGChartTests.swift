import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import SVCAuditCore

/// Parses with XMLParser and records element names and all text, or the parse error.
private final class XMLCheck: NSObject, XMLParserDelegate {
    var elements: [String] = []
    var text = ""
    var ok = false

    init(_ xml: String) {
        super.init()
        let parser = XMLParser(data: Data(xml.utf8))
        parser.delegate = self
        ok = parser.parse()
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        elements.append(name)
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }
}

@Suite struct SVGChartTests {
    static let nasty = "a <b> & \"c\" 'd' \u{1}"

    static func chart(_ kind: Chart.Kind, axis: Chart.Axis = Chart.scoreAxis, pass: Double? = 85) -> Chart {
        Chart(title: nasty, kind: kind, valueTitle: "平均得分（分）", categoryTitle: "网点", axis: axis,
              passMark: pass.map { ($0, "达标线 \(Int($0)) 分") })
    }

    static var charts: [(String, String)] {
        [
            ("bars", SVGChart.render(chart(.bars(labels: ["城中支行", nasty, "东区"], values: [91.25, nil, 78])), lang: .zh)),
            ("histogram", SVGChart.render(chart(.histogram(labels: ["80–85", "85–90", "90–95"], counts: [2, 0, 17]), axis: .fromZero), lang: .zh)),
            ("line", SVGChart.render(chart(.line(x: ["7月", "8月", "9月", "10月"],
                                                 series: [.init("李娜", [92, nil, 95, 96.333]), .init(nasty, [nil, 80, nil, nil])])), lang: .zh)),
            ("diverging", SVGChart.render(chart(.diverging(labels: ["王敏", nasty], values: [2.35, -1.1]), axis: .symmetric(minSpan: 4), pass: 3), lang: .en)),
        ]
    }

    @Test(arguments: charts)
    func wellFormedAndEscaped(name: String, svg: String) {
        let check = XMLCheck(svg)
        #expect(check.ok, "\(name) is not well-formed XML")
        #expect(check.elements.first == "svg")
        #expect(check.text.contains("a <b> & \"c\" 'd' "), "title text round-trips")
        #expect(svg.contains("<title>a &lt;b&gt; &amp; &quot;c&quot; &#39;d&#39; </title>"))
        #expect(!svg.contains("<b>"))
        #expect(svg.contains("role=\"img\""))
        #expect(!svg.contains("http"))
        #expect(svg.hasSuffix("</svg>"))
        // Both axes are titled.
        #expect(svg.contains(">平均得分（分）</text>") && svg.contains(">网点</text>"))
    }

    @Test(arguments: charts)
    func attributeNumbersHaveAtMostTwoDecimals(name: String, svg: String) throws {
        let numbers = try Regex(#"="(-?[0-9.]+)""#)
        for match in svg.matches(of: numbers) {
            let text = String(svg[match.range]).dropFirst(2).dropLast()
            if let dot = text.firstIndex(of: ".") {
                #expect(text.distance(from: dot, to: text.endIndex) <= 3, "\(name): \(text)")
            }
        }
        #expect(!svg.contains("nan") && !svg.contains("inf"))
    }

    @Test func deterministic() {
        for (a, b) in zip(Self.charts, Self.charts) { #expect(a.1 == b.1) }
    }

    /// Values 87–98 with the pass mark at 85: not a 0–100 axis, and the baseline is said.
    @Test func scoreAxisShowsDifferences() {
        let s = SVGChart.Scale.choose(Chart.scoreAxis, values: [87, 91.5, 98], reference: 85)
        #expect(s.lo == 80 && s.hi == 100)
        #expect(s.ticks == [80, 85, 90, 95, 100])
        let svg = SVGChart.render(Self.chart(.bars(labels: ["a", "b"], values: [87, 98])), lang: .zh)
        #expect(svg.contains("坐标轴自 80 起（非 0）"))
        #expect(svg.contains("stroke-dasharray=\"5 3\""), "the pass mark is a drawn line")
        #expect(svg.contains(">达标线 85 分</text>"))
    }

    /// A 2-point wobble (93–95.5) is drawn on at least a 10-point axis.
    @Test func minimumSpan() {
        let s = SVGChart.Scale.choose(.fit(minSpan: 10, limits: 0...100), values: [93, 95.5, 94], reference: nil)
        #expect(s.hi - s.lo >= 10)
        #expect(s.lo <= 93 && s.hi >= 95.5 && s.hi <= 100)
        let near100 = SVGChart.Scale.choose(Chart.scoreAxis, values: [99, 100], reference: 85)
        #expect(near100.hi == 100 && near100.lo <= 85)
    }

    @Test func fromZeroAndSymmetric() {
        let z = SVGChart.Scale.choose(.fromZero, values: [0, 3], reference: nil, integer: true)
        #expect(z.lo == 0 && z.ticks.allSatisfy { $0 == $0.rounded() })
        let d = SVGChart.Scale.choose(.symmetric(minSpan: 4), values: [2.35, -1.1], reference: 3)
        #expect(d.lo == -d.hi && d.hi >= 3)
        let svg = SVGChart.render(Self.chart(.diverging(labels: ["a", "b"], values: [2.35, -1.1]), axis: .symmetric(minSpan: 4), pass: nil), lang: .en)
        #expect(svg.contains(">+2.35</text>") && svg.contains(">-1.10</text>"))
    }

    @Test func lineBreaksAtNil() {
        let svg = SVGChart.render(Self.chart(.line(x: ["1", "2", "3", "4", "5"], series: [.init("s", [91, 92, nil, 94, 95])])), lang: .zh)
        #expect(svg.components(separatedBy: "<polyline").count - 1 == 2)
        #expect(svg.components(separatedBy: "<circle").count - 1 == 4)
    }

    @Test func longCategoryLabelsAreRotatedAndTruncated() {
        let long = "城中支行营业部第一分理处自助银行"
        let svg = SVGChart.render(Self.chart(.line(x: Array(repeating: long, count: 12), series: [.init("s", Array(repeating: 90, count: 12))])), lang: .zh)
        #expect(svg.contains("rotate(-40 "))
        #expect(svg.contains("<title>\(long)</title>"))
    }

    @Test func emptyInputsStillWellFormed() {
        for kind: Chart.Kind in [.bars(labels: [], values: []), .histogram(labels: [], counts: []), .line(x: [], series: []),
                                 .diverging(labels: [], values: [])] {
            #expect(XMLCheck(SVGChart.render(Self.chart(kind), lang: .zh)).ok)
        }
        #expect(SVGChart.n(12.345) == "12.35" && SVGChart.n(40) == "40" && SVGChart.n(-0.001) == "0")
    }
}

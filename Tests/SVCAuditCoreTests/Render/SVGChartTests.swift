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

    static var charts: [(String, String)] {
        [
            ("bars", SVGChart.bars(title: nasty, categories: ["城中支行", nasty, "东区"],
                                   series: [(name: "2026-Q2", values: [91.25, nil, 78]), (name: nasty, values: [88, 95.5, .nan])],
                                   yMax: 100)),
            ("histogram", SVGChart.histogram(title: nasty, bins: [(label: "<60", count: 2), (label: "60–70", count: 0), (label: "90–100", count: 17)])),
            ("line", SVGChart.line(title: nasty, xLabels: ["7月", "8月", "9月", "10月"],
                                   series: [(name: "李娜", values: [92, nil, 95, 96.333]), (name: nasty, values: [nil, 80, nil, nil])])),
            ("hbars", SVGChart.hbars(title: nasty, labels: ["C03 单手接收凭证", nasty], values: [12, 3], valueSuffix: "次")),
        ]
    }

    @Test(arguments: charts)
    func wellFormedAndEscaped(name: String, svg: String) {
        let check = XMLCheck(svg)
        #expect(check.ok, "\(name) is not well-formed XML")
        #expect(check.elements.first == "svg")
        #expect(check.elements.filter { $0 == "svg" }.count == 1)
        #expect(check.text.contains("a <b> & \"c\" 'd' "), "title text round-trips")
        #expect(svg.contains("<title>a &lt;b&gt; &amp; &quot;c&quot; &#39;d&#39; </title>"))
        #expect(!svg.contains("<b>"))
        #expect(svg.contains("role=\"img\""))
        #expect(svg.contains("viewBox=\"0 0 "))
        #expect(svg.contains("'PingFang SC','Noto Sans CJK SC','Microsoft YaHei',sans-serif"))
        #expect(!svg.contains("http"))
        #expect(svg.hasSuffix("</svg>"))
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

    @Test func barsContent() {
        let svg = SVGChart.bars(title: "得分", categories: ["A", "B"], series: [(name: "Q3", values: [90, nil])], yMax: 100)
        // One bar (B is a gap), its value label, y ticks 0…100 by 20, and a legend entry.
        #expect(svg.components(separatedBy: "<rect").count - 1 == 1 + 1 + 1) // background, legend swatch, bar
        #expect(svg.contains(">90</text>"))
        for t in ["0", "20", "40", "60", "80", "100"] { #expect(svg.contains("text-anchor=\"end\">\(t)</text>")) }
        #expect(svg.contains(">Q3</text>"))
    }

    @Test func longCategoryLabelsAreRotatedAndTruncated() {
        let long = "城中支行营业部第一分理处自助银行"
        let svg = SVGChart.bars(title: "t", categories: Array(repeating: long, count: 30), series: [(name: "s", values: Array(repeating: 50, count: 30))])
        #expect(svg.contains("rotate(-40 "))
        #expect(svg.contains(">城中支行营业部…<title>\(long)</title></text>"))
    }

    @Test func lineBreaksAtNil() {
        let svg = SVGChart.line(title: "t", xLabels: ["1", "2", "3", "4", "5"], series: [(name: "s", values: [1, 2, nil, 4, 5])])
        #expect(svg.components(separatedBy: "<polyline").count - 1 == 2)
        #expect(svg.components(separatedBy: "<circle").count - 1 == 4)
    }

    @Test func histogramUsesIntegerTicks() {
        let svg = SVGChart.histogram(title: "t", bins: [(label: "a", count: 1), (label: "b", count: 3)])
        #expect(!svg.contains(".5<"))
        #expect(svg.contains(">3</text>"))
    }

    @Test func emptyInputsStillWellFormed() {
        #expect(XMLCheck(SVGChart.bars(title: "", categories: [], series: [])).ok)
        #expect(XMLCheck(SVGChart.histogram(title: "", bins: [])).ok)
        #expect(XMLCheck(SVGChart.line(title: "", xLabels: [], series: [])).ok)
        #expect(XMLCheck(SVGChart.hbars(title: "", labels: [], values: [])).ok)
        #expect(XMLCheck(SVGChart.line(title: "", xLabels: ["a"], series: [(name: "", values: [5])], yMin: 10, yMax: 0)).ok)
    }

    @Test func scale() {
        let s = SVGChart.Scale(lo: 85, hi: 97, fixLo: false, fixHi: false, integer: false)
        #expect(s.lo == 85 && s.hi == 97.5 && s.ticks == [85, 87.5, 90, 92.5, 95, 97.5])
        let z = SVGChart.Scale(lo: 0, hi: 0, fixLo: true, fixHi: false, integer: true)
        #expect(z.ticks == [0, 1, 2, 3, 4, 5])
        #expect(SVGChart.n(12.345) == "12.35" && SVGChart.n(40) == "40" && SVGChart.n(-0.001) == "0")
    }
}

import Testing
@testable import SVCAuditCore

@Suite struct HTMLTests {
    @Test func escape() {
        #expect(HTML.escape("<a href=\"x\">Tom & 'Jerry'</a>") == "&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;")
        #expect(HTML.escape("李娜\t\n") == "李娜\t\n")
        #expect(HTML.escape("a\u{0}b\u{1B}c") == "abc")
    }

    @Test func fragments() {
        #expect(HTML.heading("<检查通报>", level: 9) == "<h6>&lt;检查通报&gt;</h6>")
        #expect(HTML.heading("x", level: 0) == "<h1>x</h1>")
        #expect(HTML.paragraph("a\nb & c", cssClass: "muted") == "<p class=\"muted\">a<br>b &amp; c</p>")
        let t = HTML.table(headers: ["网点", "得分"], rows: [["<城中>", "91.25"], ["东区"]], alignRight: [1], rowClasses: ["bad"])
        #expect(t == """
            <table>
            <thead>
            <tr><th>网点</th><th class="num">得分</th></tr>
            </thead>
            <tbody>
            <tr class="bad"><td>&lt;城中&gt;</td><td class="num">91.25</td></tr>
            <tr><td>东区</td><td class="num"></td></tr>
            </tbody>
            </table>
            """)
    }

    @Test func document() {
        var doc = HTMLDocument(title: "检查通报 <2026>", lang: "zh-CN")
        doc.heading("检查通报", level: 1)
        doc.paragraph("2026年第三季度")
        doc.table(headers: ["a"], rows: [["1"]], alignRight: [0])
        doc.chart(SVGChart.hbars(title: "扣分最多", labels: ["C03"], values: [4]), caption: "图 1")
        doc.append("<p>raw</p>")
        let html = doc.render()
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">"))
        #expect(html.contains("<title>检查通报 &lt;2026&gt;</title>"))
        #expect(html.contains("<h1>检查通报</h1>\n<p>2026年第三季度</p>\n<table>"))
        #expect(html.contains("<p>raw</p>\n</main>\n</body>\n</html>\n"))
        #expect(html.contains("\"PingFang SC\",\"Noto Sans CJK SC\",\"Microsoft YaHei\",sans-serif"))
        #expect(html.contains("@page { size: A4; margin: 15mm; }"))
        #expect(!html.contains("http://"))
        #expect(!html.contains("https://"))
        #expect(!html.lowercased().contains("<script"))
        #expect(!html.contains("@import") && !html.contains("url("))
        #expect(html == doc.render())
    }
}

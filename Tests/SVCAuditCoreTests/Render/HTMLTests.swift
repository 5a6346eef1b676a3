import Testing
@testable import SVCAuditCore

@Suite struct HTMLTests {
    @Test func escape() {
        #expect(HTML.escape("<a href=\"x\">Tom & 'Jerry'</a>") == "&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;")
        #expect(HTML.escape("李娜\t\n") == "李娜\t\n")
        #expect(HTML.escape("a\u{0}b\u{1B}c") == "abc")
    }

    @Test func datesAndHyphenatedIdsInFreeTextStayOnOneLine() {
        #expect(HTML.keepingTokens("一票否决：R02 未达标（2026-08-27，查实投诉 TS2026-0918）")
                == "一票否决：R02 未达标（<span class=\"nw\">2026-08-27</span>，查实投诉 <span class=\"nw\">TS2026-0918</span>）")
        #expect(HTML.keepingTokens("R01 <b> & 无日期") == "R01 &lt;b&gt; &amp; 无日期")
        #expect(HTML.keepingTokens("a\nBR0421-20260714-01") == "a<br><span class=\"nw\">BR0421-20260714-01</span>")
    }

    static func sample() -> Document {
        var doc = Document(title: "检查通报 <2026>", lang: .zh)
        doc.issuer = "嘉兴分行办公室"
        doc.header = [.init("检查期间", "2026年第三季度")]
        doc.heading("一、网点")
        doc.paragraph("a\nb & c")
        var t = Table(name: "branches", title: "网点", columns: [
            .init("网点", .id), .init("名称", .name), .init("得分", .number(.score)), .init("日期", .date), .init("说明", .text),
            .init("上级", .name, shown: .dataOnly),
        ], caption: "BR0421 城中支行")
        t.add([.text("<BR0421>"), .text("南湖支行营业室"), .number(91.254), .date(nil), .text("x\ny"), .text("hidden")], tone: .bad)
        t.add([.text("BR7"), .text("东区"), .number(nil)])
        doc.chart(Chart(title: "扣分最多", kind: .bars(labels: ["C03"], values: [4]), valueTitle: "次数", categoryTitle: "条目",
                        axis: .fromZero), with: t)
        return doc
    }

    @Test func table() {
        let html = HTMLRenderer.table(Self.sample().tables[0])
        #expect(html == """
            <table>
            <thead>
            <tr class="caption"><th colspan="5">BR0421 城中支行</th></tr>
            <tr><th>网点</th><th>名称</th><th class="num">得分</th><th>日期</th><th>说明</th></tr>
            </thead>
            <tbody>
            <tr class="bad"><td class="nw">&lt;BR0421&gt;</td><td class="nm">南湖支行营业室</td><td class="num">91.25</td><td class="nw">—</td><td>x<br>y</td></tr>
            <tr><td class="nw">BR7</td><td class="nm">东区</td><td class="num">—</td><td class="nw"></td><td></td></tr>
            </tbody>
            </table>
            """)
    }

    @Test func page() {
        let html = HTMLRenderer.page(Self.sample(), RenderContext())
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">"))
        #expect(html.contains("<title>检查通报 &lt;2026&gt;</title>"))
        #expect(html.contains("<div class=\"issuer\">嘉兴分行办公室</div>"))
        #expect(html.contains("<span class=\"nw\">检查期间：2026年第三季度</span>"))
        #expect(html.contains("<p>a<br>b &amp; c</p>"))
        // The chart before its table, in one block kept on a page.
        #expect(html.contains("<section class=\"chart-block keep\">\n<figure class=\"chart\">\n<svg"))
        #expect(html.contains("counter(page)") && html.contains("counter(pages)"))
        #expect(html.contains("td.nm { white-space: nowrap; word-break: keep-all; }"))
        #expect(html.contains("thead { display: table-header-group; }"))
        #expect(!html.contains("hidden"))
        #expect(!html.contains("http://") && !html.contains("https://"))
        #expect(!html.lowercased().contains("<script"))
        #expect(!html.contains("@import") && !html.contains("url("))
        #expect(html == HTMLRenderer.page(Self.sample(), RenderContext()))
    }
}

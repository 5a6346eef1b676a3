import Testing
@testable import SVCAuditCore

@Suite struct MarkdownTests {
    @Test func table() {
        var t = Table(name: "t", title: "t", columns: [.init("网点", .name), .init("得分", .number(.score)), .init("备注", .text)])
        t.add([.text("城中支行"), .number(91.25), .text("a|b")])
        t.add([.text("BR7"), .number(8.5), .text("第一行\n第二行")])
        t.add([.text("短")])
        let expected = """
            | 网点     |  得分 | 备注             |
            | -------- | ----: | ---------------- |
            | 城中支行 | 91.25 | a\\|b             |
            | BR7      |  8.50 | 第一行<br>第二行 |
            | 短       |       |                  |
            """
        #expect(MarkdownRenderer.table(t) == expected)
    }

    @Test func inlineEscape() {
        #expect(Markdown.escape("李*娜*_x_ [a](b) <br> | `c` \\") == "李\\*娜\\*\\_x\\_ \\[a\\](b) \\<br\\> \\| \\`c\\` \\\\")
        #expect(Markdown.escape("# 标题") == "\\# 标题")
        #expect(Markdown.escape("第#1") == "第#1")
        #expect(Markdown.escape("a\r\nb", inTable: true) == "a<br>b")
        #expect(Markdown.escape("<b>\n", inTable: true) == "\\<b\\><br>")
    }

    @Test func document() {
        let md = MarkdownRenderer.text(HTMLTests.sample())
        #expect(md.hasPrefix("**嘉兴分行办公室**\n\n# 检查通报 \\<2026\\>\n\n**检查期间**：2026年第三季度\n\n## 一、网点\n"))
        #expect(!md.contains("hidden") && !md.contains("<svg"))
    }
}

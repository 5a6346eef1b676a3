import Testing
@testable import SVCAuditCore

@Suite struct MarkdownTests {
    @Test func table() {
        let t = MarkdownTable(
            headers: ["网点", "得分", "备注"],
            rows: [["城中支行", "91.25", "a|b"], ["BR7", "8.5", "第一行\n第二行"], ["短"]],
            alignRight: [1]
        )
        let expected = """
            | 网点     |  得分 | 备注             |
            | -------- | ----: | ---------------- |
            | 城中支行 | 91.25 | a\\|b             |
            | BR7      |   8.5 | 第一行<br>第二行 |
            | 短       |       |                  |

            """
        #expect(t.render() == expected)
    }

    @Test func pipeEscaping() {
        #expect(MarkdownTable.cell("x|y|z") == "x\\|y\\|z")
        #expect(MarkdownTable.cell("a\r\nb\rc") == "a<br>b<br>c")
        #expect(MarkdownTable(headers: [], rows: [["x"]]).render() == "")
    }

    @Test func inlineEscape() {
        #expect(Markdown.escape("李*娜*_x_ [a](b) <br> | `c` \\") == "李\\*娜\\*\\_x\\_ \\[a\\](b) \\<br\\> \\| \\`c\\` \\\\")
        #expect(Markdown.escape("# 标题") == "\\# 标题")
        #expect(Markdown.escape("第#1") == "第#1")
        #expect(Markdown.escape("城中支行") == "城中支行")
    }
}

import Foundation
import Testing
@testable import SVCAuditCore

@Suite struct TextTableTests {
    let table = TextTable(
        columns: [
            .init(header: "网点", align: .left),
            .init(header: "负责人", align: .left),
            .init(header: "得分", align: .right),
        ],
        rows: [
            ["城中支行", "李娜", "91.25"],
            ["BR0007", "Zhang Wei", "100.00"],
            ["东区营业部", "王敏", "8.50"],
        ]
    )

    @Test func exactLayout() {
        let expected = """
            网点        负责人       得分
            ──────────  ─────────  ──────
            城中支行    李娜        91.25
            BR0007      Zhang Wei  100.00
            东区营业部  王敏         8.50

            """
        #expect(table.render() == expected)
    }

    @Test func linesHaveEqualWidthBeforeTrimming() {
        let lines = table.render().split(separator: "\n").map(String.init)
        #expect(lines.count == 5)
        #expect(Set(lines.map(DisplayWidth.of)) == [10 + 2 + 9 + 2 + 6])
    }

    @Test func trailingSpacesTrimmed() {
        let t = TextTable(columns: [.init(header: "id"), .init(header: "备注")], rows: [["1", ""], ["22", "ok"]])
        #expect(t.render() == "id  备注\n──  ────\n1\n22  ok\n")
    }

    @Test func missingCellsAndLineBreaks() {
        let t = TextTable(columns: [.init(header: "说明", give: .text), .init(header: "n", align: .right)],
                          rows: [["单手接收凭证", "3"], ["a\nb"]])
        #expect(t.render() == "说明          n\n────────────  ─\n单手接收凭证  3\na\nb\n")
    }

    /// Text columns wrap inside their cell to fit the width; nothing is cut.
    @Test func wrapsTextToFit() {
        let note = "柜员办理业务时单手接收客户证件，未使用双手，且未起身迎接客户"
        let t = TextTable(columns: [.init(header: "日期"), .init(header: "姓名", give: .name), .init(header: "说明", give: .text)],
                          rows: [["2026-07-14", "李娜", note]])
        let out = t.render(width: 40)
        let lines = out.split(separator: "\n").map(String.init)
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 40 })
        #expect(lines.count > 3)
        let text = lines.dropFirst(2).map { $0.replacingOccurrences(of: "2026-07-14  李娜", with: "").trimmingCharacters(in: .whitespaces) }
        #expect(text.joined() == note)
        #expect(lines[2].hasPrefix("2026-07-14  李娜  "))
        // Unlimited: one line per row.
        #expect(t.render().split(separator: "\n").count == 3)
    }

    /// Ids, dates and numbers are never narrowed; a name only breaks at a space.
    @Test func neverBreaksIdsOrNames() {
        let t = TextTable(columns: [.init(header: "工号"), .init(header: "网点", give: .name), .init(header: "内容", give: .text)],
                          rows: [["00012345", "BR0421 南湖支行营业室", "a b c d e f g h i j k l m n o p"]])
        let out = t.render(width: 30)
        #expect(out.contains("00012345"))
        #expect(out.contains("南湖支行营业室"))
        #expect(out.contains("BR0421"))
    }

    @Test func wrapKeepsClosingPunctuationAndWords() {
        #expect(TextTable.wrap("单手接收，未起身", width: 4, names: false) == ["单手", "接", "收，", "未起", "身"])
        #expect(TextTable.wrap("hello world foo", width: 11, names: false) == ["hello world", "foo"])
        #expect(TextTable.wrap("supercalifragilistic", width: 8, names: false) == ["supercal", "ifragili", "stic"])
    }

    /// Prose breaks after a clause's ；or 。 near the end of the line, not inside a term; a
    /// clause end further back than a third of the width is not used.
    @Test func proseBreaksAtTheEndOfAClause() {
        // 20 columns: "甲乙丙丁戊己庚辛。一票" would split 一票否决.
        #expect(TextTable.wrap("甲乙丙丁戊己庚辛。一票否决条目", width: 20, names: false) == ["甲乙丙丁戊己庚辛。", "一票否决条目"])
        #expect(TextTable.wrap("甲乙。丙丁戊己庚辛壬癸子丑", width: 20, names: false) == ["甲乙。丙丁戊己庚辛壬", "癸子丑"])
        // A space after the carried-over clause is kept.
        #expect(TextTable.wrap("甲乙丙丁戊己庚辛。否 决", width: 20, names: false) == ["甲乙丙丁戊己庚辛。", "否 决"])
        // Names and codes (names: true) are not prose.
        #expect(TextTable.wrap("甲乙丙丁戊己庚辛。一票否决条目", width: 20, names: true).first == "甲乙丙丁戊己庚辛。一")
    }

    /// Colour is applied after the layout: the plain text is identical.
    @Test func colorNeverCountsTowardWidth() {
        let t = TextTable(columns: [.init(header: "名"), .init(header: "状态")],
                          rows: [TextTable.Row(["李娜", "逾期"], cellTones: [1: .bad]), TextTable.Row(["王敏", "✓"], tone: .bad)])
        let colored = t.render(color: true, width: 40)
        let stripped = colored.replacingOccurrences(of: "\u{1B}\\[[0-9;]*m", with: "", options: .regularExpression)
        #expect(stripped == t.render(width: 40))
        #expect(colored.contains("\u{1B}[31m逾期\u{1B}[0m"))
    }

    @Test func emptyRowsStillShowHeader() {
        #expect(TextTable(columns: [.init(header: "a")], rows: [[String]]()).render() == "a\n─\n")
        #expect(TextTable(columns: [], rows: [["x"]]).render() == "")
    }

    @Test func ansi() {
        #expect(ANSI.paint("x", .red, enabled: true) == "\u{1B}[31mx\u{1B}[0m")
        #expect(ANSI.red("x", enabled: false) == "x")
        #expect(ANSI.bold("", enabled: true) == "")
    }

    @Test func colorDecision() {
        #expect(Terminal.colorEnabled(isTTY: true, environment: [:]))
        #expect(Terminal.colorEnabled(isTTY: true, environment: ["NO_COLOR": ""]))
        #expect(!Terminal.colorEnabled(isTTY: true, environment: ["NO_COLOR": "1"]))
        #expect(!Terminal.colorEnabled(isTTY: true, environment: ["TERM": "dumb"]))
        #expect(!Terminal.colorEnabled(isTTY: false, environment: [:]))
        var fds: [Int32] = [0, 0]
        #expect(pipe(&fds) == 0)
        #expect(!Terminal.colorEnabled(fd: fds[0]))
        close(fds[0]); close(fds[1])
    }

    @Test func terminalWidth() {
        #expect(Terminal.width(columns: "132", tty: 80) == 132)
        #expect(Terminal.width(columns: "x", tty: 100) == 100)
        #expect(Terminal.width(columns: nil, tty: nil) == 80)
    }
}

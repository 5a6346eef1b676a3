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
        // Right-aligned last column: no trailing spaces to trim, so all widths are equal.
        let lines = table.render().split(separator: "\n").map(String.init)
        #expect(lines.count == 5)
        #expect(Set(lines.map(DisplayWidth.of)) == [10 + 2 + 9 + 2 + 6])
    }

    @Test func trailingSpacesTrimmed() {
        let t = TextTable(columns: [.init(header: "id"), .init(header: "备注")], rows: [["1", ""], ["22", "ok"]])
        #expect(t.render() == "id  备注\n──  ────\n1\n22  ok\n")
    }

    @Test func maxWidthMissingCellsAndNewlines() {
        let t = TextTable(
            columns: [.init(header: "说明", maxWidth: 6), .init(header: "n", align: .right)],
            rows: [["单手接收凭证未起身", "3"], ["a\nb"]]
        )
        // "单手接…" would be 7 columns; a wide char is never split, so the cell is 5 wide.
        #expect(t.render() == "说明   n\n─────  ─\n单手…  3\na b\n")
    }

    @Test func colorHeaderKeepsAlignment() {
        let t = TextTable(columns: [.init(header: "名"), .init(header: "分", align: .right)], rows: [["李娜", "9"]])
        let colored = t.render(color: true)
        #expect(colored == "\u{1B}[1m名\u{1B}[0m    \u{1B}[1m分\u{1B}[0m\n────  ──\n李娜   9\n")
        #expect(colored.replacingOccurrences(of: "\u{1B}[1m", with: "").replacingOccurrences(of: "\u{1B}[0m", with: "") == t.render())
    }

    @Test func emptyRowsStillShowHeader() {
        #expect(TextTable(columns: [.init(header: "a")], rows: []).render() == "a\n─\n")
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
        // A pipe is never a terminal.
        var fds: [Int32] = [0, 0]
        #expect(pipe(&fds) == 0)
        #expect(!Terminal.colorEnabled(fd: fds[0]))
        close(fds[0]); close(fds[1])
    }
}

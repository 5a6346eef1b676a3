import Testing
@testable import SVCAuditCore

/// `file:line:col: severity: message`, the numbers spelled as `String(Int)` spells them.
@Suite struct RenderedLineTests {
    @Test(arguments: [(1, 1), (9, 10), (1234, 0), (100_000, 99), (Int(Int32.max), 7)])
    func lineAndColumn(line: Int, column: Int) {
        let d = Diagnostic(file: "v.yaml", mark: Mark(line: line, column: column), severity: .warning, code: .unknownRole,
                           args: ["role": .text("x"), "roles": .text("teller"), "hint": .text("")])
        #expect(d.rendered(.en).hasPrefix("v.yaml:\(line):\(column): warning: "))
    }
}

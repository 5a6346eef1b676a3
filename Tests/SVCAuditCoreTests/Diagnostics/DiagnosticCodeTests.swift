import Testing
@testable import SVCAuditCore

@Suite struct DiagnosticCodeTests {
    @Test func everyCodeHasBothTextsWithTheSamePlaceholders() {
        for code in DiagnosticCode.allCases {
            let t = code.template
            #expect(!t.zh.isEmpty && !t.en.isEmpty, "\(code.rawValue) lacks a text")
            #expect(MessageTemplate.placeholders(in: t.zh) == MessageTemplate.placeholders(in: t.en),
                    "\(code.rawValue): the Chinese and English texts name different values")
        }
    }

    @Test func templatesFillTypedArguments() {
        let t = MessageTemplate(zh: "{item} 应填 0 至 {max} 的数字{hint}；涉及 {ids}", en: "{item} takes 0 to {max}{hint}; {n} item{s:n}: {ids}")
        let args: DiagnosticArgs = ["item": "C15", "max": .number(10), "hint": .hint("C16"), "ids": .list(["A", "B"]), "n": 2]
        #expect(t.render(.zh, args) == "C15 应填 0 至 10 的数字（是否应为 'C16'？）；涉及 A、B")
        #expect(t.render(.en, args) == "C15 takes 0 to 10 (did you mean 'C16'?); 2 items: A, B")
        #expect(t.render(.en, ["item": "C15", "max": .number(0.5), "hint": .hint(nil), "n": 1, "ids": .list([])]) == "C15 takes 0 to 0.5; 1 item: ")
        #expect(MessageTemplate.placeholders(in: t.en) == ["item", "max", "hint", "n", "ids"])
    }
}

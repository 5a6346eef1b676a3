import Testing
@testable import SVCAuditCore

@Suite struct DisplayWidthTests {
    @Test(arguments: [
        ("李娜", 4),
        ("ABC", 3),
        ("李娜 A", 6),
        ("ｱ", 1),              // halfwidth katakana U+FF71
        ("ア", 2),              // fullwidth katakana
        ("、", 2),
        ("。：（）【】《》", 16),
        ("ＡＢ", 4),             // fullwidth Latin
        ("￥", 2),              // U+FFE5
        ("👍", 2),
        ("👍🏽", 2),             // with skin-tone modifier: one cluster
        ("👨‍👩‍👧", 2),            // ZWJ sequence
        ("❤️", 2),             // text-default heart + U+FE0F
        ("❤", 1),              // text presentation without selector
        ("🇨🇳", 2),             // flag: regional-indicator pair
        ("e\u{301}", 1),       // e + combining acute
        ("é", 1),
        ("a\u{200B}b", 2),     // zero-width space
        ("\u{FE0F}", 0),
        ("\t\u{1B}", 0),
        ("", 0),
        ("한국", 4),
        ("𠀀", 2),             // CJK extension B
        ("…", 1),              // ambiguous counts narrow
        ("城中支行 BR0421", 15),
    ])
    func widths(text: String, expected: Int) {
        #expect(DisplayWidth.of(text) == expected)
    }

    @Test func pad() {
        #expect(DisplayWidth.pad("李娜", to: 6, alignRight: false) == "李娜  ")
        #expect(DisplayWidth.pad("42", to: 5, alignRight: true) == "   42")
        #expect(DisplayWidth.pad("李娜娜", to: 4, alignRight: false) == "李娜娜")
    }

    @Test func truncate() {
        #expect(DisplayWidth.truncate("城中支行营业部", to: 8) == "城中支…")   // 6 + 1
        #expect(DisplayWidth.truncate("城中支行营业部", to: 7) == "城中支…")   // 6 + 1
        #expect(DisplayWidth.truncate("城中支行营业部", to: 6) == "城中…")     // never splits a wide char
        #expect(DisplayWidth.truncate("abcdef", to: 4) == "abc…")
        #expect(DisplayWidth.truncate("abc", to: 3) == "abc")
        #expect(DisplayWidth.truncate("abc", to: 1) == "…")
        #expect(DisplayWidth.truncate("abc", to: 0) == "")
        for w in 0...12 {
            #expect(DisplayWidth.of(DisplayWidth.truncate("李A娜B👍C城中", to: w)) <= w)
        }
    }
}

import Testing
@testable import SVCAuditCore

private func parse(_ s: String, limits: YAMLLimits = .default) -> (YAMLNode?, [YAMLError]) {
    let r = YAMLReader.parse(Array(s.utf8), limits: limits)
    return (r.root, r.errors)
}

@Suite struct YAMLReaderTests {
    @Test func marksAreOneBasedLinesAndColumns() throws {
        let (root, errors) = parse("a: 1\nb:\n  - x\n  - {c: 李娜, d: \"007\"}\n")
        #expect(errors.isEmpty)
        guard case .mapping(let pairs)? = root?.kind else { Issue.record("not a mapping"); return }
        #expect(pairs.map(\.key) == ["a", "b"])
        #expect(pairs[0].keyMark == Mark(line: 1, column: 1))
        #expect(pairs[0].value.mark == Mark(line: 1, column: 4))
        guard case .sequence(let items) = pairs[1].value.kind else { Issue.record("not a list"); return }
        #expect(items[0].mark == Mark(line: 3, column: 5))
        guard case .mapping(let inner) = items[1].kind else { Issue.record("not a mapping"); return }
        // Columns count characters, not bytes: 李娜 is two columns, so `d` starts at 13 (at 17 in bytes).
        #expect(inner[1].keyMark == Mark(line: 4, column: 13))
        #expect(inner[0].value.scalar == "李娜")
    }

    @Test func scalarsStayText() throws {
        let (root, _) = parse("id: 007\nbranch: 0421\nq: \"10\"\nd: 2026-07-14\nb: yes\n")
        #expect(root?.mapValue("id")?.scalar == "007")
        #expect(root?.mapValue("branch")?.scalar == "0421")
        guard case .scalar(_, let plain)? = root?.mapValue("q")?.kind else { Issue.record(); return }
        #expect(plain == false)   // quoted: never read as a number
        #expect(root?.mapValue("d")?.scalar == "2026-07-14")
        #expect(root?.mapValue("b")?.scalar == "yes")
    }

    @Test func duplicateKeyNamesBothLines() {
        let (root, errors) = parse("a: 1\nb: 2\na: 3\n")
        #expect(root != nil)
        #expect(errors.count == 1)
        #expect(errors.first?.code.rawValue == "duplicate-key")
        #expect(errors.first?.mark == Mark(line: 3, column: 1))
        #expect(errors.first?.message(.en).contains("line 1") == true)
        #expect(errors.first?.message(.zh).contains("第 1 行") == true)
        // The first value stands.
        #expect(root?.mapValue("a")?.scalar == "1")
    }

    @Test func aliasesAreRejected() {
        let (root, errors) = parse("a: &x [1, 2]\nb: *x\n")
        #expect(root == nil)
        #expect(errors.map(\.code.rawValue) == ["yaml-alias"])
        #expect(errors.first?.mark == Mark(line: 2, column: 4))
    }

    @Test func nestingDepthIsBounded() {
        let deep = "a: " + String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
        let (root, errors) = parse(deep)
        #expect(root == nil)
        #expect(errors.map(\.code.rawValue) == ["limit-depth"])
        // Exactly at the limit is fine.
        var limits = YAMLLimits()
        limits.maxDepth = 101
        #expect(parse(deep, limits: limits).0 != nil)
    }

    @Test func nodeCountAndScalarLengthAndFileSizeAreBounded() {
        var limits = YAMLLimits()
        limits.maxNodes = 10
        #expect(parse("[1,2,3,4,5,6,7,8,9,10,11,12]", limits: limits).1.map(\.code.rawValue) == ["limit-nodes"])
        limits = YAMLLimits()
        limits.maxScalarBytes = 8
        #expect(parse("a: 123456789\n", limits: limits).1.map(\.code.rawValue) == ["limit-scalar"])
        limits = YAMLLimits()
        limits.maxFileBytes = 4
        #expect(parse("a: 12345\n", limits: limits).1.map(\.code.rawValue) == ["limit-file-size"])
    }

    @Test func emptyAndCommentOnlyFiles() {
        #expect(parse("").1.map(\.code.rawValue) == ["empty-file"])
        #expect(parse("# nothing here\n").1.map(\.code.rawValue) == ["empty-file"])
    }

    @Test func severalDocuments() {
        let (root, errors) = parse("a: 1\n---\nb: 2\n")
        #expect(root == nil)
        #expect(errors.map(\.code.rawValue) == ["several-documents"])
        #expect(errors.first?.mark.line == 2)
    }

    @Test func encodings() {
        // GBK bytes for 城中 are not UTF-8; the mark points at the first bad byte.
        let gbk: [UInt8] = Array("a: ".utf8) + [0xB3, 0xC7, 0xD6, 0xD0] + [0x0A]
        let r1 = YAMLReader.parse(gbk)
        #expect(r1.errors.map(\.code.rawValue) == ["encoding-utf8"])
        #expect(r1.errors.first?.mark == Mark(line: 1, column: 4))
        let utf16: [UInt8] = [0xFF, 0xFE] + Array("a: 1\n".utf8).flatMap { [$0, 0] }
        #expect(YAMLReader.parse(utf16).errors.map(\.code.rawValue) == ["encoding-utf16"])
        #expect(YAMLReader.parse(Array("a: 1\nb: \u{0}\n".utf8)).errors.map(\.code.rawValue) == ["encoding-nul"])
        // A UTF-8 BOM and CRLF line ends are fine, and marks are unchanged by the BOM.
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("a: 1\r\nb: 李\r\n".utf8)
        let r2 = YAMLReader.parse(bom)
        #expect(r2.errors.isEmpty)
        #expect(r2.root?.mapValue("b")?.scalar == "李")
        #expect(r2.root?.mapValue("b")?.mark == Mark(line: 2, column: 4))
    }

    @Test func syntaxErrorsAndTabs() {
        let (_, e0) = parse("branch:\n  id: BR1\n - staff\n")
        #expect(e0.map(\.code.rawValue) == ["yaml-syntax"])
        // A brace left open is named at the brace, not where the parser noticed.
        let (_, e1) = parse("a: {b: 1\nc: 2\n")
        #expect(e1.map(\.code.rawValue) == ["slip-unbalanced"])
        #expect(e1.first?.mark == Mark(line: 1, column: 4))
        let (_, e2) = parse("a:\n\tb: 1\n")
        #expect(e2.first?.code == .slipTab)
        #expect(e2.first?.message(.en).contains("tab") == true)
        #expect(e2.first?.mark.line == 2)
        let (_, e3) = parse("? [a, b]\n: 1\n")
        #expect(e3.map(\.code.rawValue) == ["yaml-complex-key"])
    }
}

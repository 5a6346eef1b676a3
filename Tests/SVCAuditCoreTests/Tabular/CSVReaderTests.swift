import Testing
@testable import SVCAuditCore

@Suite struct CSVReaderTests {
    func table(_ s: String) throws -> CSVTable { try CSVReader.read(Array(s.utf8)).get() }
    func texts(_ r: CSVTable.Row) -> [String] { r.fields.map(\.text) }

    @Test func headerRowsAndMarks() throws {
        let t = try table("\u{FEFF}工号,姓名,岗位\r\nE1001,李娜,柜员\r\nE1002,\"张,伟\",teller\r\n")
        #expect(texts(t.header!) == ["工号", "姓名", "岗位"])
        #expect(t.rows.count == 2)
        #expect(texts(t.rows[1]) == ["E1002", "张,伟", "teller"])
        // Columns count characters: 工号 is two, so 姓名 starts at column 4.
        #expect(t.header!.fields[1].mark == Mark(line: 1, column: 4))
        #expect(t.rows[1].fields[2].mark == Mark(line: 3, column: 13))
        #expect(t.rows[1].fields[1].quoted && !t.rows[1].fields[0].quoted)
    }

    @Test func quotesNewlinesAndBlankRows() throws {
        let t = try table("a,b\n\"say \"\"hi\"\"\",\"two\r\nlines\"\n\n,\nlast,row")
        #expect(texts(t.rows[0]) == ["say \"hi\"", "two\nlines"])
        #expect(t.rows[1].line == 4 && t.rows[1].isBlank)
        #expect(t.rows[2].isBlank && t.rows[2].fields.count == 2)
        #expect(texts(t.rows[3]) == ["last", "row"] && t.rows[3].line == 6)
    }

    @Test func emptyFieldsKeepTheirPlace() throws {
        let t = try table("id,from,to\nBR01,,2026-09-30\n")
        #expect(texts(t.rows[0]) == ["BR01", "", "2026-09-30"])
        #expect(t.rows[0].fields[2].mark == Mark(line: 2, column: 7))
    }

    @Test func problemsNameTheirPlace() {
        #expect(throws: CSVReader.Problem.unclosedQuote(Mark(line: 2, column: 5))) { try table("a,b\nE01,\"open\n") }
        #expect(throws: CSVReader.Problem.strayQuote(Mark(line: 2, column: 3))) { try table("a,b\nE0\"1,x\n") }
        #expect(throws: CSVReader.Problem.strayQuote(Mark(line: 1, column: 4))) { try table("\"a\"b,c\n") }
        guard case .failure(.encoding(let e)) = CSVReader.read([0x61, 0x2C, 0xB3, 0xC7, 0x0A]) else {
            Issue.record("GBK bytes must be refused"); return
        }
        #expect(e.code == .encodingUtf8)
    }

    @Test func emptyInput() throws {
        let t = try table("")
        #expect(t.header == nil && t.rows.isEmpty)
    }
}

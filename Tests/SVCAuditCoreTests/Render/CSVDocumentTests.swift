import Foundation
import Testing
@testable import SVCAuditCore

@Suite struct CSVDocumentTests {
    @Test func bomAndCRLF() {
        let csv = CSVDocument(header: ["网点", "得分"], rows: [["城中支行", "91.25"]]).render()
        #expect(Array(csv.utf8.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(csv == "\u{FEFF}网点,得分\r\n城中支行,91.25\r\n")
        #expect(CSVDocument(header: ["a"], rows: [["1"]]).render(bom: false) == "a\r\n1\r\n")
    }

    @Test func quoting() {
        let csv = CSVDocument(header: ["note"], rows: [
            ["a,b"], ["say \"hi\""], ["line1\nline2"], ["cr\rx"], [" lead"], ["trail "], ["plain 中文"], [""],
        ]).render(bom: false)
        #expect(csv == "note\r\n\"a,b\"\r\n\"say \"\"hi\"\"\"\r\n\"line1\nline2\"\r\n\"cr\rx\"\r\n\" lead\"\r\n\"trail \"\r\nplain 中文\r\n\"\"\r\n")
    }

    @Test func formulaInjectionGuard() {
        #expect(CSVDocument.field("=SUM(A1)") == "'=SUM(A1)")
        #expect(CSVDocument.field("-3.5") == "-3.5")
        #expect(CSVDocument.field("+7") == "+7")
        #expect(CSVDocument.field("-1e3") == "-1e3")
        #expect(CSVDocument.field("-abc") == "'-abc")
        #expect(CSVDocument.field("@cmd") == "'@cmd")
        #expect(CSVDocument.field("+") == "'+")
        #expect(CSVDocument.field("-inf") == "'-inf")
        #expect(CSVDocument.field("-") == "'-")
        #expect(CSVDocument.field("\tx") == "'\tx")
        #expect(CSVDocument.field("\rx") == "\"'\rx\"")
        #expect(CSVDocument.field("=1,2") == "\"'=1,2\"")
        #expect(CSVDocument.field("a=b") == "a=b")
        #expect(CSVDocument.field("3.5") == "3.5")
    }

    @Test func plainNumbers() {
        for s in ["0", "-3.5", "+7", ".5", "5.", "1e3", "-1.5E-2"] { #expect(CSVDocument.isPlainNumber(s), "\(s)") }
        for s in ["", "-", ".", "e3", "1e", "1.2.3", "0x1p3", "nan", "-inf", "1 ", "１"] { #expect(!CSVDocument.isPlainNumber(s), "\(s)") }
    }
}

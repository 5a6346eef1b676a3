import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import ZIPFoundation

/// One sheet of a workbook as rows of cell texts, with the sheet's name and each row's number,
/// so every problem can be named by file, sheet, row and column. `.xlsx` is unzipped with
/// ZIPFoundation and its XML read with Foundation's `XMLParser` (strings shared or inline);
/// `.csv` goes through the CSV reader.
public struct WorkbookSheet: Sendable {
    public struct Row: Sendable {
        /// 1-based, as the spreadsheet shows it.
        public var number: Int
        /// By 0-based column; missing cells are empty.
        public var cells: [Int: String]
        public func cell(_ c: Int) -> String { cells[c] ?? "" }
    }

    public var name: String
    public var header: Row?
    public var rows: [Row]

    public struct ReadError: Error, Sendable {
        public var reason: DiagnosticArg
    }

    public static func read(_ path: String) -> Result<WorkbookSheet, ReadError> {
        if path.lowercased().hasSuffix(".csv") { return readCSV(path) }
        return readXLSX(path)
    }

    /// `A` → 0, `AB` → 27.
    static func columnIndex(_ ref: Substring) -> Int? {
        var n = 0
        var any = false
        for c in ref.unicodeScalars {
            guard c.value >= 65, c.value <= 90 else { break }
            n = n * 26 + Int(c.value - 64)
            any = true
        }
        return any ? n - 1 : nil
    }

    /// `0` → A, 27 → AB (for messages).
    public static func columnName(_ i: Int) -> String {
        var n = i + 1
        var s = ""
        while n > 0 { let r = (n - 1) % 26; s = String(UnicodeScalar(65 + r)!) + s; n = (n - 1) / 26 }
        return s
    }

    private static func readCSV(_ path: String) -> Result<WorkbookSheet, ReadError> {
        guard case .success(let bytes) = SourceFile.read(path, maxBytes: 64 << 20) else {
            return .failure(ReadError(reason: .phrase("无法读取文件", "the file cannot be read")))
        }
        switch CSVReader.read(bytes) {
        case .failure(let p):
            return .failure(ReadError(reason: .phrase("CSV 格式有误（第 \(p.mark.line) 行）", "CSV syntax error (line \(p.mark.line))")))
        case .success(let t):
            func row(_ r: CSVTable.Row) -> Row {
                var cells: [Int: String] = [:]
                for (i, f) in r.fields.enumerated() where !f.text.isEmpty { cells[i] = f.text }
                return Row(number: r.line, cells: cells)
            }
            let name = String(path.split(separator: "/").last ?? "")
            return .success(WorkbookSheet(name: name, header: t.header.map(row), rows: t.rows.filter { !$0.isBlank }.map(row)))
        }
    }

    private static func readXLSX(_ path: String) -> Result<WorkbookSheet, ReadError> {
        guard let archive = try? Archive(url: URL(fileURLWithPath: path), accessMode: .read) else {
            return .failure(ReadError(reason: .phrase("不是 .xlsx 工作簿（无法解压）", "not an .xlsx workbook (it does not unzip)")))
        }
        func entry(_ name: String) -> Data? {
            guard let e = archive[name] else { return nil }
            var data = Data()
            guard (try? archive.extract(e, consumer: { data.append($0) })) != nil else { return nil }
            return data
        }
        // The first sheet: its name in workbook.xml, its part through the relationships.
        let book = XMLTree.parse(entry("xl/workbook.xml") ?? Data())
        guard let sheet = book.first(where: { $0.name == "sheet" }) else {
            return .failure(ReadError(reason: .phrase("工作簿里没有工作表", "the workbook has no sheet")))
        }
        let name = sheet.attributes["name"] ?? "Sheet1"
        var part = "xl/worksheets/sheet1.xml"
        if let rid = sheet.attributes["r:id"] {
            let rels = XMLTree.parse(entry("xl/_rels/workbook.xml.rels") ?? Data())
            if let t = rels.first(where: { $0.name == "Relationship" && $0.attributes["Id"] == rid })?.attributes["Target"] {
                part = t.hasPrefix("/") ? String(t.dropFirst()) : "xl/" + t
            }
        }
        let shared = SharedStrings.parse(entry("xl/sharedStrings.xml") ?? Data())
        guard let xml = entry(part) else {
            return .failure(ReadError(reason: .phrase("找不到工作表“\(name)”的内容", "the content of sheet '\(name)' is missing")))
        }
        let rows = SheetRows.parse(xml, shared: shared)
        return .success(WorkbookSheet(name: name, header: rows.first, rows: Array(rows.dropFirst()).filter { !$0.cells.isEmpty }))
    }
}

/// Elements with their attributes, in document order (enough for workbook.xml and its rels).
private final class XMLTree: NSObject, XMLParserDelegate {
    struct Element { var name: String; var attributes: [String: String] }
    var elements: [Element] = []

    static func parse(_ data: Data) -> [Element] {
        let t = XMLTree()
        let p = XMLParser(data: data)
        p.delegate = t
        p.parse()
        return t.elements
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        elements.append(Element(name: name, attributes: attributes))
    }
}

/// `xl/sharedStrings.xml`: each `<si>`'s text runs joined.
private final class SharedStrings: NSObject, XMLParserDelegate {
    var strings: [String] = []
    var current: String?
    var inText = false

    static func parse(_ data: Data) -> [String] {
        let s = SharedStrings()
        let p = XMLParser(data: data)
        p.delegate = s
        p.parse()
        return s.strings
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        if name == "si" { current = "" }
        if name == "t" { inText = true }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inText, current != nil { current! += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "t" { inText = false }
        if name == "si" { strings.append(current ?? ""); current = nil }
    }
}

/// A worksheet's cells: shared strings (`t="s"`), inline strings (`t="inlineStr"`, as openpyxl
/// writes), formulas' cached strings (`t="str"`), numbers and booleans as written.
private final class SheetRows: NSObject, XMLParserDelegate {
    let shared: [String]
    var rows: [WorkbookSheet.Row] = []
    var row: WorkbookSheet.Row?
    var col: Int?
    var type: String?
    var text = ""
    var capture = false

    init(shared: [String]) { self.shared = shared }

    static func parse(_ data: Data, shared: [String]) -> [WorkbookSheet.Row] {
        let s = SheetRows(shared: shared)
        let p = XMLParser(data: data)
        p.delegate = s
        p.parse()
        return s.rows
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        switch name {
        case "row":
            let n = attributes["r"].flatMap(Int.init) ?? (rows.last.map { $0.number + 1 } ?? 1)
            row = WorkbookSheet.Row(number: n, cells: [:])
        case "c":
            col = attributes["r"].flatMap { WorkbookSheet.columnIndex(Substring($0)) } ?? ((row?.cells.keys.max() ?? -1) + 1)
            type = attributes["t"]
            text = ""
        case "v", "t":
            capture = true
        default:
            break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if capture { text += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        switch name {
        case "v", "t":
            capture = false
        case "c":
            guard let c = col else { break }
            var value = text
            if type == "s", let i = Int(text), i >= 0, i < shared.count { value = shared[i] }
            if type == "b" { value = text == "1" ? "TRUE" : "FALSE" }
            // A whole number Excel stored as 10.0 reads as 10.
            if type == nil || type == "n", let x = Double(value), x == x.rounded(), abs(x) < 1e15 { value = String(Int(x)) }
            if !value.isEmpty { row?.cells[c] = value }
            col = nil
        case "row":
            if let r = row { rows.append(r) }
            row = nil
        default:
            break
        }
    }
}

/// RFC 4180 CSV. Defaults (BOM, CRLF) make Excel on Chinese Windows open it as UTF-8.
public struct CSVDocument: Sendable {
    public var header: [String]
    public var rows: [[String]]

    public init(header: [String], rows: [[String]]) {
        self.header = header
        self.rows = rows
    }

    /// Header (when non-empty) and rows, each ending in CRLF, prefixed with the UTF-8 BOM
    /// when `bom`. Rows are written as given, even when their lengths differ.
    public func render(bom: Bool = true) -> String {
        var out = bom ? "\u{FEFF}" : ""
        if !header.isEmpty { out += Self.line(header) }
        for row in rows { out += Self.line(row) }
        return out
    }

    static func line(_ cells: [String]) -> String {
        // A lone empty field is written as "" so readers that skip blank lines keep the row.
        if cells == [""] { return "\"\"\r\n" }
        return cells.map(field).joined(separator: ",") + "\r\n"
    }

    /// One field: formula guard first, then quoting.
    static func field(_ raw: String) -> String {
        var s = raw
        // OWASP CSV injection: a note typed by an inspector such as "=HYPERLINK(...)" must
        // not run as a formula in Excel. A leading apostrophe makes it text. Plain numbers
        // ("-3.5", "+7") are left alone so they still sort and sum as numbers.
        if let first = s.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first), !isPlainNumber(s) {
            s = "'" + s
        }
        let needsQuotes = s.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" }
            || s.first == " " || s.last == " "
        guard needsQuotes else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Decimal number: optional sign, digits with at most one point, optional exponent.
    /// Stricter than `Double(_:)`, which also accepts "-inf", "nan" and hex.
    static func isPlainNumber(_ s: String) -> Bool {
        var u = Substring(s).utf8[...]
        func digits() -> Int {
            var n = 0
            while let c = u.first, c >= UInt8(ascii: "0"), c <= UInt8(ascii: "9") { u.removeFirst(); n += 1 }
            return n
        }
        if let c = u.first, c == UInt8(ascii: "+") || c == UInt8(ascii: "-") { u.removeFirst() }
        var mantissa = digits()
        if u.first == UInt8(ascii: ".") { u.removeFirst(); mantissa += digits() }
        guard mantissa > 0 else { return false }
        if let c = u.first, c == UInt8(ascii: "e") || c == UInt8(ascii: "E") {
            u.removeFirst()
            if let c = u.first, c == UInt8(ascii: "+") || c == UInt8(ascii: "-") { u.removeFirst() }
            guard digits() > 0 else { return false }
        }
        return u.isEmpty
    }
}

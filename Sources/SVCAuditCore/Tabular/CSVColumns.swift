/// The named columns of a CSV file the tool reads (events, responses): a header row in English
/// or with the Chinese aliases, columns in any order, unknown and missing columns reported with
/// "did you mean", and every value fetched with its `file:line:col`. What the values mean stays
/// with each loader.
public struct CSVColumns: Sendable {
    public struct Column: Sendable {
        public var name: String
        public var alias: String
        public var required: Bool
        public init(_ name: String, _ alias: String, required: Bool = false) {
            self.name = name; self.alias = alias; self.required = required
        }
    }

    public let table: CSVTable
    /// Column name → index in each row.
    let index: [String: Int]
    let width: Int

    /// Reads `path` and maps its header onto `columns`; nil (with errors in `diags`) when the
    /// file cannot be read or split, or a required column is missing.
    public static func load(_ path: String, columns: [Column], diags: inout DiagnosticList,
                            maxBytes: Int = 1 << 30) -> CSVColumns? {
        let bytes: [UInt8]
        switch SourceFile.read(path, maxBytes: maxBytes) {
        case .failure(let e):
            diags.append(SourceFile.diagnostic(e, file: path))
            return nil
        case .success(let b):
            bytes = b
        }
        switch CSVReader.read(bytes) {
        case .failure(let p):
            switch p {
            case .encoding(let e):
                diags.append(e)
            case .unclosedQuote(let mark):
                diags.error(.csvSyntax, ["problem": .localized(zh: "引号没有闭合", en: "a quoted field is never closed")], at: mark)
            case .strayQuote(let mark):
                diags.error(.csvSyntax, ["problem": .localized(zh: "未加引号的字段中出现引号，或闭合引号后还有文字",
                                                               en: "a quote inside an unquoted field, or text after a closing quote")],
                            at: mark)
            }
            return nil
        case .success(let t):
            return CSVColumns(t, columns: columns, diags: &diags)
        }
    }

    init?(_ t: CSVTable, columns: [Column], diags: inout DiagnosticList) {
        guard let header = t.header, !header.isBlank else {
            diags.error(.csvNoHeader, ["columns": .list(columns.filter(\.required).map(\.name))], at: .start)
            return nil
        }
        var index: [String: Int] = [:]
        let names = columns.flatMap { [$0.name, $0.alias] }
        for (k, f) in header.fields.enumerated() {
            let text = String(f.text.trimmingSpaces)
            guard let c = columns.first(where: { $0.name == text || $0.alias == text }) else {
                diags.error(.csvUnknownColumn, ["column": .text(text), "hint": .hint(Suggestion.closest(to: text, in: names)),
                                                "columns": .list(columns.map(\.name))], at: f.mark)
                continue
            }
            if index[c.name] != nil {
                diags.error(.csvDuplicateColumn, ["column": .text(text)], at: f.mark)
                continue
            }
            index[c.name] = k
        }
        var ok = true
        for c in columns where c.required && index[c.name] == nil {
            diags.error(.csvMissingColumn, ["column": .text(c.name), "alias": .text(c.alias)], at: header.fields[0].mark)
            ok = false
        }
        guard ok else { return nil }
        table = t
        self.index = index
        width = header.fields.count
    }

    /// The rows after the header that hold anything; a row of the wrong width is reported and
    /// left out (its values would land in the wrong columns).
    public func rows(diags: inout DiagnosticList) -> [CSVTable.Row] {
        table.rows.filter { r in
            guard !r.isBlank else { return false }
            guard r.fields.count == width else {
                diags.error(.csvFieldCount, ["found": .count(r.fields.count), "expected": .count(width)],
                            at: Mark(line: r.line, column: 1))
                return false
            }
            return true
        }
    }

    public func field(_ r: CSVTable.Row, _ name: String) -> CSVTable.Field? {
        index[name].map { r.fields[$0] }
    }

    /// The trimmed value, nil when the column is absent or the cell empty.
    public func optional(_ r: CSVTable.Row, _ name: String) -> String? {
        guard let f = field(r, name) else { return nil }
        let s = String(f.text.trimmingSpaces)
        return s.isEmpty ? nil : s
    }

    /// A value that must be there: an empty cell is an error.
    public func required(_ r: CSVTable.Row, _ name: String, diags: inout DiagnosticList) -> String? {
        if let s = optional(r, name) { return s }
        diags.error(.csvMissingValue, ["column": .text(name)], at: mark(r, name))
        return nil
    }

    /// A date cell (`YYYY-MM-DD`); nil when empty (and then an error if `required`).
    public func day(_ r: CSVTable.Row, _ name: String, required: Bool, diags: inout DiagnosticList) -> Day? {
        guard let s = optional(r, name) else {
            if required { diags.error(.csvMissingValue, ["column": .text(name)], at: mark(r, name)) }
            return nil
        }
        switch Day.parse(s) {
        case .ok(let d): return d
        case .badForm(let suggestion):
            diags.error(.csvBadDate, ["column": .text(name), "value": .text(s), "hint": .hint(suggestion)], at: mark(r, name))
        case .noSuchDay:
            diags.error(.csvBadDate, ["column": .text(name), "value": .text(s), "hint": .hint(nil)], at: mark(r, name))
        }
        return nil
    }

    /// Where a cell is, or the row's start when the column is absent.
    public func mark(_ r: CSVTable.Row, _ name: String) -> Mark {
        field(r, name)?.mark ?? Mark(line: r.line, column: 1)
    }
}

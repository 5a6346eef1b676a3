/// A plain-text table aligned by terminal display width, for `--format table`.
public struct TextTable: Sendable {
    public enum Alignment: Sendable {
        case left, right
    }

    public struct Column: Sendable {
        public var header: String
        public var align: Alignment
        /// Cells (and the header) wider than this are truncated with "…".
        public var maxWidth: Int?

        public init(header: String, align: Alignment = .left, maxWidth: Int? = nil) {
            self.header = header
            self.align = align
            self.maxWidth = maxWidth
        }
    }

    public var columns: [Column]
    public var rows: [[String]]

    public init(columns: [Column], rows: [[String]]) {
        self.columns = columns
        self.rows = rows
    }

    /// Header, a `─` rule under each column, then the rows. Columns are separated by two
    /// spaces; missing cells are empty and extra cells are ignored. Every line ends in "\n"
    /// with trailing spaces trimmed. With `color` the header is bold; widths are measured
    /// on the plain text so the escape codes never disturb alignment.
    public func render(color: Bool = false) -> String {
        guard !columns.isEmpty else { return "" }
        let header = columns.map { cell($0.header, $0) }
        let body = rows.map { row in
            columns.indices.map { i in cell(i < row.count ? row[i] : "", columns[i]) }
        }
        var widths = header.map(DisplayWidth.of)
        for row in body {
            for (i, c) in row.enumerated() { widths[i] = max(widths[i], DisplayWidth.of(c)) }
        }

        var out = ""
        out += line(header, widths: widths, bold: color)
        out += line(widths.map { String(repeating: "─", count: $0) }, widths: widths, bold: false)
        for row in body { out += line(row, widths: widths, bold: false) }
        return out
    }

    /// One cell as it will be shown: line breaks and tabs would break the grid, so they
    /// become spaces; then the column's maxWidth applies.
    private func cell(_ s: String, _ column: Column) -> String {
        var t = s
        if t.contains(where: { $0.isNewline || $0 == "\t" }) {
            t = String(t.map { $0.isNewline || $0 == "\t" ? " " : $0 })
        }
        if let max = column.maxWidth { t = DisplayWidth.truncate(t, to: max) }
        return t
    }

    private func line(_ cells: [String], widths: [Int], bold: Bool) -> String {
        var parts: [String] = []
        for (i, c) in cells.enumerated() {
            let gap = String(repeating: " ", count: widths[i] - DisplayWidth.of(c))
            let text = ANSI.bold(c, enabled: bold)
            parts.append(columns[i].align == .right ? gap + text : text + gap)
        }
        var s = parts.joined(separator: "  ")
        while s.last == " " { s.removeLast() }
        return s + "\n"
    }
}

/// A GitHub-flavoured Markdown table. Columns are padded by display width so the raw
/// text lines up too (people read these in terminals and chat before they are rendered).
public struct MarkdownTable: Sendable {
    public var headers: [String]
    public var rows: [[String]]
    /// Column indexes rendered right-aligned (`---:`).
    public var alignRight: Set<Int>

    public init(headers: [String], rows: [[String]], alignRight: Set<Int> = []) {
        self.headers = headers
        self.rows = rows
        self.alignRight = alignRight
    }

    /// Rows are cut or filled with empty cells to the header count. Ends with "\n".
    public func render() -> String {
        guard !headers.isEmpty else { return "" }
        let head = headers.map(Self.cell)
        let body = rows.map { row in headers.indices.map { i in i < row.count ? Self.cell(row[i]) : "" } }
        var widths = head.map { max(3, DisplayWidth.of($0)) }
        for row in body {
            for (i, c) in row.enumerated() { widths[i] = max(widths[i], DisplayWidth.of(c)) }
        }
        let rule = widths.indices.map { i in
            alignRight.contains(i) ? String(repeating: "-", count: widths[i] - 1) + ":" : String(repeating: "-", count: widths[i])
        }
        var out = line(head, widths)
        out += "| " + rule.joined(separator: " | ") + " |\n"
        for row in body { out += line(row, widths) }
        return out
    }

    private func line(_ cells: [String], _ widths: [Int]) -> String {
        let padded = cells.enumerated().map { i, c in DisplayWidth.pad(c, to: widths[i], alignRight: alignRight.contains(i)) }
        return "| " + padded.joined(separator: " | ") + " |\n"
    }

    /// A pipe would end the cell and a newline the row.
    static func cell(_ s: String) -> String {
        s.replacingOccurrences(of: "|", with: "\\|")
            .replacingOccurrences(of: "\r\n", with: "<br>")
            .replacingOccurrences(of: "\n", with: "<br>")
            .replacingOccurrences(of: "\r", with: "<br>")
    }
}

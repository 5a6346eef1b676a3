/// A plain-text table aligned by terminal display width, for `--format table`.
///
/// With a width limit (a terminal) the table fits it: text columns are narrowed first and
/// their cells wrapped onto more lines, then name columns (broken only at spaces); ids,
/// dates, numbers and statuses are never narrowed, and nothing is ever cut. Colour is
/// applied after the layout, so escape codes never count toward a width.
public struct TextTable: Sendable {
    public enum Alignment: Sendable { case left, right }

    /// How a column may give up width.
    public enum Give: Int, Sendable, Comparable {
        /// Free text: wraps anywhere between characters (and between words).
        case text = 0
        /// Names: wraps only at spaces ("BR0421 城中支行" → two lines).
        case name = 1
        /// Ids, dates, numbers, statuses: never narrowed.
        case none = 2
        public static func < (a: Give, b: Give) -> Bool { a.rawValue < b.rawValue }
    }

    public struct Column: Sendable {
        public var header: String
        public var align: Alignment
        public var give: Give

        public init(header: String, align: Alignment = .left, give: Give = .none) {
            self.header = header
            self.align = align
            self.give = give
        }
    }

    public struct Row: Sendable {
        public var cells: [String]
        /// Paints the whole row (red for a veto breach).
        public var tone: Tone?
        /// Per-cell tones (a status column), applied where the row has none.
        public var cellTones: [Int: Tone]

        public init(_ cells: [String], tone: Tone? = nil, cellTones: [Int: Tone] = [:]) {
            self.cells = cells
            self.tone = tone
            self.cellTones = cellTones
        }
    }

    public var columns: [Column]
    public var rows: [Row]
    static let gap = 2
    /// A text column is not narrowed below this (or its natural width, if smaller).
    static let minText = 10

    public init(columns: [Column], rows: [Row]) {
        self.columns = columns
        self.rows = rows
    }

    public init(columns: [Column], rows: [[String]]) {
        self.init(columns: columns, rows: rows.map { Row($0) })
    }

    /// Header, a `─` rule under each column, then the rows; every line ends in "\n" with
    /// trailing spaces trimmed. `width`: fit this many columns (nil: natural widths).
    public func render(color: Bool = false, width: Int? = nil) -> String {
        guard !columns.isEmpty else { return "" }
        let header = columns.map { Self.clean($0.header) }
        let body = rows.map { row in columns.indices.map { i in i < row.cells.count ? Self.clean(row.cells[i]) : "" } }
        var widths = layout(header: header, body: body, limit: width)
        // Still too wide once every text column is narrowed: one space between columns.
        var gap = Self.gap
        if let width, widths.reduce(0, +) + gap * (widths.count - 1) > width {
            gap = 1
            widths = layout(header: header, body: body, limit: width + widths.count - 1)
        }

        var out = ""
        out += lines(header, widths: widths, gap: gap, color: color) { _ in .header }
        out += widths.map { String(repeating: "─", count: $0) }.joined(separator: String(repeating: " ", count: gap)) + "\n"
        for (r, cells) in body.enumerated() {
            let row = rows[r]
            out += lines(cells, widths: widths, gap: gap, color: color) { i in
                row.tone.map { .tone($0) } ?? row.cellTones[i].map { .tone($0) } ?? .plain
            }
        }
        return out
    }

    /// Tabs would break the grid; line breaks are kept and become lines of the cell.
    static func clean(_ s: String) -> String {
        var t = s.replacingOccurrences(of: "\r\n", with: "\n")
        if t.contains(where: { $0 == "\t" || $0 == "\r" }) {
            t = String(t.map { $0 == "\t" || $0 == "\r" ? " " : $0 })
        }
        return t
    }

    /// Column widths: natural, or narrowed to fit `limit`.
    func layout(header: [String], body: [[String]], limit: Int?) -> [Int] {
        func natural(_ s: String) -> Int { s.split(separator: "\n", omittingEmptySubsequences: false).map { DisplayWidth.of(String($0)) }.max() ?? 0 }
        var widths = header.map(natural)
        for row in body { for (i, c) in row.enumerated() { widths[i] = max(widths[i], natural(c)) } }
        guard let limit else { return widths }
        func total() -> Int { widths.reduce(0, +) + Self.gap * (widths.count - 1) }
        // The narrowest a column may become: text to minText (or a word it cannot break),
        // names to their longest space-separated part.
        var floor = widths
        for i in columns.indices {
            switch columns[i].give {
            case .none: break
            case .text: floor[i] = min(widths[i], max(Self.minText, longestUnbreakable([header[i]] + body.map { $0[i] }, names: false)))
            case .name: floor[i] = min(widths[i], longestUnbreakable([header[i]] + body.map { $0[i] }, names: true))
            }
        }
        for level in [Give.text, .name] {
            // Take one column at a time from the widest column that can still give.
            while total() > limit {
                guard let i = columns.indices.filter({ columns[$0].give == level && widths[$0] > floor[$0] })
                    .max(by: { (widths[$0], -$0) < (widths[$1], -$1) }) else { break }
                widths[i] -= 1
            }
        }
        return widths
    }

    /// The widest piece a cell cannot be broken inside: a name's space-separated part, or a
    /// run of Latin letters and digits in text (a CJK character breaks anywhere).
    func longestUnbreakable(_ cells: [String], names: Bool) -> Int {
        var best = 0
        for c in cells {
            for piece in Self.pieces(c, names: names) { best = max(best, DisplayWidth.of(piece)) }
        }
        return best
    }

    /// Break opportunities: names break only at spaces; text also before and after every
    /// CJK character, except before closing punctuation (，。、；：）」 stay with what precedes).
    static func pieces(_ s: String, names: Bool) -> [String] {
        var out: [String] = []
        var cur = ""
        for ch in s {
            if ch == " " || ch == "\n" {
                if !cur.isEmpty { out.append(cur); cur = "" }
                continue
            }
            // An opening bracket stays with what follows it: never "（" alone at a line end.
            if !names, let last = cur.last, opening.contains(last) { cur.append(ch); continue }
            if !names, DisplayWidth.width(of: ch) == 2 {
                if closing.contains(ch) { cur.append(ch); continue }
                if !cur.isEmpty { out.append(cur) }
                cur = String(ch)
                continue
            }
            if !names, let last = cur.last, DisplayWidth.width(of: last) == 2 {
                out.append(cur); cur = ""
            }
            cur.append(ch)
        }
        if !cur.isEmpty { out.append(cur) }
        return out
    }

    static let opening: Set<Character> = ["（", "「", "『", "【", "《", "“", "‘"]
    static let closing: Set<Character> = ["，", "。", "、", "；", "：", "）", "」", "』", "】", "》", "！", "？", "…"]

    /// A full line of prose split after its last ；or 。 when what follows is at most a third of
    /// the width; otherwise the line as it is.
    static func clauseBreak(_ line: String, width: Int) -> (String, String) {
        guard let i = line.lastIndex(where: { $0 == "；" || $0 == "。" }), i != line.indices.last else { return (line, "") }
        let tail = String(line[line.index(after: i)...])
        guard DisplayWidth.of(tail) <= width / 3 else { return (line, "") }
        return (String(line[...i]), tail)
    }

    /// `s` wrapped to lines of at most `width` columns; line breaks in `s` are kept. A piece
    /// wider than the column (which the layout avoids) is split by character.
    static func wrap(_ s: String, width: Int, names: Bool) -> [String] {
        var lines: [String] = []
        for para in s.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            guard DisplayWidth.of(para) > width else { lines.append(para); continue }
            var line = "", used = 0
            // Keep the spacing of the original: a piece that followed a space gets one back.
            var tokens: [(String, Bool)] = []
            var pending = false
            var cur = ""
            for ch in para {
                if ch == " " { if !cur.isEmpty { tokens.append((cur, pending)); cur = "" }; pending = true; continue }
                cur.append(ch)
                let p = pieces(cur, names: names)
                if p.count > 1 {
                    tokens.append((p[0], pending)); pending = false
                    cur = p.dropFirst().joined()
                }
            }
            if !cur.isEmpty { tokens.append((cur, pending)) }
            for (tok, spaced) in tokens {
                let w = DisplayWidth.of(tok)
                let sep = spaced && !line.isEmpty ? 1 : 0
                if used + sep + w <= width {
                    line += (sep == 1 ? " " : "") + tok; used += sep + w
                    continue
                }
                if !line.isEmpty {
                    // Prose breaks at the end of a clause (；。) when one is near the end of the
                    // line, rather than inside a term such as 一票否决.
                    let (head, tail) = names ? (line, "") : Self.clauseBreak(line, width: width)
                    lines.append(head); line = tail; used = DisplayWidth.of(tail)
                    let gap = spaced && !line.isEmpty ? 1 : 0
                    if used + gap + w <= width { line += (gap == 1 ? " " : "") + tok; used += gap + w; continue }
                    if !line.isEmpty { lines.append(line); line = ""; used = 0 }
                }
                if w <= width { line = tok; used = w; continue }
                for ch in tok {
                    let cw = DisplayWidth.width(of: ch)
                    if used + cw > width, !line.isEmpty { lines.append(line); line = ""; used = 0 }
                    line.append(ch); used += cw
                }
            }
            lines.append(line)
        }
        return lines
    }

    enum Paint { case header, plain, tone(Tone) }

    /// One table row as one or more lines.
    private func lines(_ cells: [String], widths: [Int], gap: Int, color: Bool, paint: (Int) -> Paint) -> String {
        let wrapped = cells.enumerated().map { i, c in
            Self.wrap(c, width: widths[i], names: columns[i].give != .text)
        }
        let height = wrapped.map(\.count).max() ?? 1
        var out = ""
        for l in 0..<height {
            var parts: [String] = []
            for (i, w) in widths.enumerated() {
                let text = l < wrapped[i].count ? wrapped[i][l] : ""
                let pad = String(repeating: " ", count: max(0, w - DisplayWidth.of(text)))
                let shown = color ? Self.paint(text, paint(i)) : text
                parts.append(columns[i].align == .right ? pad + shown : shown + pad)
            }
            var s = parts.joined(separator: String(repeating: " ", count: gap))
            while s.last == " " { s.removeLast() }
            out += s + "\n"
        }
        return out
    }

    static func paint(_ s: String, _ p: Paint) -> String {
        switch p {
        case .plain: return s
        case .header: return ANSI.bold(s, enabled: true)
        case .tone(.bad): return ANSI.red(s, enabled: true)
        case .tone(.warn): return ANSI.yellow(s, enabled: true)
        case .tone(.good): return ANSI.green(s, enabled: true)
        case .tone(.muted): return ANSI.dim(s, enabled: true)
        }
    }
}

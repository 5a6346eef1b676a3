/// The one document model every command's result is shown through (SPEC §3).
///
/// A result model builds a `Document` from its values (`X+Render.swift`); the renderers behind
/// `Renderers` (text table, Markdown, HTML, CSV, xlsx) decide only the look. Cells are typed
/// (text, name, id, number, percent, date, status) so each renderer can treat them right:
/// xlsx writes ids as text and dates as dates, CSV leaves a missing date empty, HTML never
/// breaks an id or a name, the terminal wraps only text columns.
public struct Document: Sendable {
    public var title: String
    /// The issuing unit of a circulated document (发文单位, `--issuer` or the policy's
    /// `issuer:`): the 通报 header block above the title.
    public var issuer: String?
    /// Facts of the header block under the title (期间, 截至日期): empty for results that are
    /// not circulated documents.
    public var header: [Fact] = []
    public var blocks: [Block] = []
    /// Numbered sections: 一、二、… in Chinese, 1. 2. … in English.
    private var sectionCount = 0
    public var lang: Language

    public init(title: String, lang: Language) {
        self.title = title
        self.lang = lang
    }

    /// A labelled value of the header block: 发文单位 … / 期间 ….
    public struct Fact: Sendable, Equatable {
        public var label: String
        public var value: String
        public init(_ label: String, _ value: String) { self.label = label; self.value = value }
    }

    public enum Block: Sendable {
        /// Level 2 is a section, 3 a subsection (the title is level 1).
        case heading(level: Int, text: String)
        /// Short lines of fact, shown as a list.
        case facts([String])
        case paragraph(String)
        /// A remark about the look of the HTML (what a red row means): HTML only.
        case htmlNote(String)
        case table(Table)
        /// A chart and the table it belongs with: HTML keeps them on one page; other
        /// formats show the table only (xlsx and CSV have no charts).
        case chart(Chart, with: Table?)
        /// A new page when printed (HTML); nothing elsewhere.
        case pageBreak
        /// Blocks for one medium only: the wording of a printed 整改通知书 (HTML), or the
        /// headings a terminal needs where print has a notice instead (screen: text, Markdown).
        case only(Medium, [Block])
        /// Space for a written answer on a printed notice: a title, ruled lines, signature
        /// fields (HTML only).
        case replyForm(title: String, lines: Int, fields: [String])
        /// A described entry (a checklist item): a key and a head line, then labelled lines
        /// under it. Every text is shown whole — wrapped to the terminal with a hanging
        /// indent, never cut; a list in Markdown, a definition list in HTML.
        case entry(Entry)
    }

    /// See `Block.entry`.
    public struct Entry: Sendable, Equatable {
        /// The identifier in front (C13), never broken.
        public var key: String
        public var head: String
        public var lines: [Fact]
        public init(key: String, head: String, lines: [Fact]) { self.key = key; self.head = head; self.lines = lines }
    }

    public enum Medium: Sendable { case html, screen }

    // MARK: Building

    public mutating func heading(_ text: String, level: Int = 2) { blocks.append(.heading(level: level, text: text)) }
    public mutating func subheading(_ text: String) { heading(text, level: 3) }
    public mutating func facts(_ lines: [String]) { if !lines.isEmpty { blocks.append(.facts(lines)) } }
    public mutating func fact(_ line: String) { blocks.append(.facts([line])) }
    public mutating func paragraph(_ text: String) { blocks.append(.paragraph(text)) }
    public mutating func htmlNote(_ text: String) { blocks.append(.htmlNote(text)) }
    public mutating func table(_ t: Table) { blocks.append(.table(t)) }
    public mutating func chart(_ c: Chart, with table: Table? = nil) { blocks.append(.chart(c, with: table)) }
    public mutating func pageBreak() { blocks.append(.pageBreak) }
    public mutating func entry(_ e: Entry) { blocks.append(.entry(e)) }

    /// A numbered section heading: 一、… in Chinese, 1. … in English.
    public mutating func section(_ text: String) {
        sectionCount += 1
        let n = sectionCount
        let cn = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四", "十五"]
        heading(lang == .zh && n < cn.count ? "\(cn[n])、\(text)" : "\(n). \(text)")
    }

    /// Every table in order, including those that travel with a chart (not those of one
    /// medium only: a data format has neither).
    public var tables: [Table] {
        blocks.compactMap { b in
            switch b {
            case .table(let t): return t
            case .chart(_, let t?): return t
            default: return nil
            }
        }
    }

    public mutating func only(_ m: Medium, _ build: (inout Document) -> Void) {
        var inner = Document(title: title, lang: lang)
        build(&inner)
        blocks.append(.only(m, inner.blocks))
    }

    /// The tables of the data formats (CSV, xlsx) or of the display formats.
    public func tables(data: Bool) -> [Table] { tables.filter { $0.shown(data: data) } }

    /// The table CSV writes: the one named, else the one marked main, else the first.
    public func csvTable(named name: String?, data: Bool = true) -> Table? {
        let all = tables(data: data)
        if let name { return all.first { $0.name == name } }
        return all.first { $0.main } ?? all.first
    }

    /// Table names for `--table` (a name used by several tables, e.g. one per branch, once).
    public func tableNames(data: Bool = true) -> [String] {
        var seen: [String] = []
        for t in tables(data: data) where !seen.contains(t.name) { seen.append(t.name) }
        return seen
    }
}

/// How a row or a status reads: HTML row colours, terminal colours.
public enum Tone: String, Sendable {
    case bad, warn, good, muted
}

/// A table with typed columns.
public struct Table: Sendable {
    public struct Column: Sendable {
        public var header: String
        public var kind: Kind
        /// Where the column appears: some columns (ids of parents, file paths) are for the
        /// data formats only, to keep terminal and print tables narrow.
        public var shown: Shown
        /// A shorter header for terminal tables (checklist ids over six-column numbers), where
        /// the width counts; the data formats and print keep `header`. A legend must explain it.
        public var terminalHeader: String?
        /// On a terminal too narrow for the whole table, columns with a drop rank are left out,
        /// lowest rank first, until it fits; a line under the table names them. Nil: always shown.
        public var terminalDrop: Int?

        public init(_ header: String, _ kind: Kind = .text, shown: Shown = .everywhere, terminalHeader: String? = nil,
                    terminalDrop: Int? = nil) {
            self.header = header
            self.kind = kind
            self.shown = shown
            self.terminalHeader = terminalHeader
            self.terminalDrop = terminalDrop
        }

        public var alignRight: Bool {
            switch kind {
            case .number, .percent: return true
            default: return false
            }
        }

        /// Text that may wrap at any point on a terminal and between words in print.
        public var wraps: Bool { kind == .text }
    }

    public enum Kind: Sendable, Equatable {
        /// Free text (item texts, notes): wraps.
        case text
        /// A person's or branch's name: never broken inside, in print or on a terminal.
        case name
        /// An identifier (工号 00012345, BR0421, a visit id, an item id): text in xlsx, never broken.
        case id
        case number(NumberStyle)
        /// A value already in percent (95 → 95.00%).
        case percent
        case date
        /// A status word (未整改, 逾期 12 天), with its tone.
        case status
    }

    public enum NumberStyle: Sendable, Equatable {
        /// Always two decimals: 91.25, 88.00 (scores).
        case score
        /// A whole number (counts, ranks).
        case count
        /// Two decimals with a sign: +1.20, -0.50, 0.00 (changes, offsets).
        case signed
        /// As a person writes it: 35, 0.5 (weights, points).
        case plain
    }

    public enum Shown: Sendable, Equatable {
        case everywhere
        /// CSV, xlsx (and JSON, which has its own shape) only.
        case dataOnly
        /// Terminal, Markdown and HTML only (a combined column the data formats split up).
        case displayOnly
    }

    public struct Row: Sendable {
        public var cells: [Cell]
        public var tone: Tone?
        public init(_ cells: [Cell], tone: Tone? = nil) { self.cells = cells; self.tone = tone }
    }

    /// For `--table NAME`, the xlsx sheet and HTML anchors: short, ASCII (`branches`, `visits`).
    public var name: String
    /// The sheet name in xlsx (31 characters at most); the heading above it is the document's.
    public var title: String
    /// A line repeated at the top of the table on every printed page (the branch of a
    /// 整改清单 group). HTML only: elsewhere the heading before the table says it.
    public var caption: String?
    public var columns: [Column]
    public var rows: [Row]
    /// The table CSV writes when no `--table` is given.
    public var main: Bool
    /// Where the whole table appears: a flat list of every finding is for CSV and xlsx,
    /// the same findings grouped by branch for the terminal and print.
    public var medium: Shown = .everywhere

    public func shown(data: Bool) -> Bool {
        switch medium {
        case .everywhere: return true
        case .dataOnly: return data
        case .displayOnly: return !data
        }
    }

    public init(name: String, title: String, columns: [Column], rows: [Row] = [], caption: String? = nil, main: Bool = false) {
        self.name = name
        self.title = title
        self.columns = columns
        self.rows = rows
        self.caption = caption
        self.main = main
    }

    public mutating func add(_ cells: [Cell], tone: Tone? = nil) { rows.append(Row(cells, tone: tone)) }

    /// The column indexes shown in a medium.
    public func visible(display: Bool) -> [Int] {
        columns.indices.filter { i in
            switch columns[i].shown {
            case .everywhere: return true
            case .dataOnly: return !display
            case .displayOnly: return display
            }
        }
    }

    public func cell(_ row: Row, _ i: Int) -> Cell { i < row.cells.count ? row.cells[i] : .empty }
}

/// One typed value. How it prints depends on its column's kind.
public enum Cell: Sendable, Equatable {
    case empty
    case text(String)
    case number(Double?)
    case date(Day?)
    /// A status word and how it reads (red for overdue).
    case status(String, Tone?)

    public static func int(_ n: Int?) -> Cell { .number(n.map(Double.init)) }
    public static func opt(_ s: String?) -> Cell { s.map(Cell.text) ?? .empty }

    /// True when the cell holds no value (shown as — on screen, empty in CSV and xlsx).
    public var isMissing: Bool {
        switch self {
        case .empty: return true
        case .number(let x): return x == nil || !(x!.isFinite)
        case .date(let d): return d == nil
        case .text, .status: return false
        }
    }
}

extension Table {
    /// The text of a cell for a display or data format. A missing value is "—" on screen
    /// (`missing`) and empty in CSV; an empty cell (nothing belongs there) is empty everywhere.
    static func text(_ cell: Cell, _ kind: Kind, missing: String) -> String {
        switch cell {
        case .empty: return ""
        case .text(let s): return s
        case .status(let s, _): return s
        case .date(let d): return d?.description ?? missing
        case .number(let x):
            guard let x, x.isFinite else { return missing }
            switch kind {
            case .percent: return Num.percent(x)
            case .number(.score): return Num.fixed2(x)
            case .number(.count): return String(Int(x.rounded()))
            case .number(.signed):
                let s = Num.fixed2(x)
                return s.hasPrefix("-") || s == "0.00" ? s : "+" + s
            case .number(.plain): return MappingReader.show(Num.round2(x))
            default: return MappingReader.show(Num.round2(x))
            }
        }
    }
}

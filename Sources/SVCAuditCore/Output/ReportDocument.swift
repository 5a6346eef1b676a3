/// The layout shared by the manager reports (检查通报, 整改清单, 员工服务档案): a title, lines
/// of text and titled tables, rendered the same way as an aligned text table, CSV, Markdown
/// or HTML. Charts appear in HTML only. The report decides the values; this decides the look.
struct ReportDocument {
    struct Table {
        var headers: [String]
        var rows: [[String]]
        var alignRight: Set<Int> = []
        /// HTML row classes: bad, warn, good, muted.
        var rowClasses: [String?] = []
        /// Text-table truncation of long columns (item texts, notes).
        var maxWidth: [Int: Int] = [:]
        /// HTML columns kept on one line (dates, ids, names, statuses).
        var nowrap: Set<Int> = []
    }

    enum Block {
        case heading(String)
        case subheading(String)
        case lines([String])
        case table(Table)
        /// An SVG chart with its caption (HTML only).
        case chart(String, String?)
        /// A remark about the HTML's own look, e.g. what a red row means (HTML only).
        case htmlNote(String)
    }

    var title: String
    var blocks: [Block] = []
    private var sectionCount = 0

    init(title: String) { self.title = title }

    mutating func lines(_ ls: [String]) { if !ls.isEmpty { blocks.append(.lines(ls)) } }
    mutating func line(_ l: String) { blocks.append(.lines([l])) }
    mutating func table(_ t: Table) { blocks.append(.table(t)) }
    mutating func chart(_ svg: String, _ caption: String? = nil) { blocks.append(.chart(svg, caption)) }
    mutating func subheading(_ s: String) { blocks.append(.subheading(s)) }
    /// An unnumbered section heading.
    mutating func heading(_ s: String) { blocks.append(.heading(s)) }
    mutating func htmlNote(_ s: String) { blocks.append(.htmlNote(s)) }

    /// A numbered section heading: 一、… in Chinese, 1. … in English.
    mutating func section(_ text: String, _ lang: Language) {
        sectionCount += 1
        let n = sectionCount
        let cn = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"]
        blocks.append(.heading(lang == .zh && n < cn.count ? "\(cn[n])、\(text)" : "\(n). \(text)"))
    }

    func render(_ format: OutputFormat, _ ctx: RenderContext) -> String {
        switch format {
        case .table: return renderText(ctx)
        case .csv: return renderCSV(ctx)
        case .markdown: return renderMarkdown()
        case .html: return renderHTML(ctx)
        case .json: return ""  // JSON is the report's own model
        }
    }

    private func renderText(_ ctx: RenderContext) -> String {
        var out = ANSI.bold(title, enabled: ctx.color) + "\n"
        for b in blocks {
            switch b {
            case .heading(let h): out += "\n" + ANSI.bold(h, enabled: ctx.color) + "\n"
            case .subheading(let h): out += "\n" + h + "\n"
            case .lines(let ls): out += ls.map { $0 + "\n" }.joined()
            case .table(let t):
                let cols = t.headers.enumerated().map { i, h in
                    TextTable.Column(header: h, align: t.alignRight.contains(i) ? .right : .left, maxWidth: t.maxWidth[i])
                }
                out += TextTable(columns: cols, rows: t.rows).render(color: ctx.color)
            case .chart, .htmlNote: break
            }
        }
        return out
    }

    /// Excel-first: the blocks one under the other, separated by an empty row.
    private func renderCSV(_ ctx: RenderContext) -> String {
        var rows: [[String]] = [[title]]
        for b in blocks {
            switch b {
            case .heading(let h): rows.append([""]); rows.append([h])
            case .subheading(let h): rows.append([h])
            case .lines(let ls): rows += ls.map { [$0] }
            case .table(let t): rows.append(t.headers); rows += t.rows
            case .chart, .htmlNote: break
            }
        }
        return CSVDocument(header: [], rows: rows).render(bom: ctx.bom)
    }

    private func renderMarkdown() -> String {
        var out = "# \(Markdown.escape(title))\n"
        for b in blocks {
            switch b {
            case .heading(let h): out += "\n## \(Markdown.escape(h))\n"
            case .subheading(let h): out += "\n### \(Markdown.escape(h))\n"
            case .lines(let ls): out += "\n" + ls.map { "- " + Markdown.escape($0) + "\n" }.joined()
            case .table(let t):
                out += "\n" + MarkdownTable(headers: t.headers.map(Self.cell), rows: t.rows.map { $0.map(Self.cell) },
                                            alignRight: t.alignRight).render()
            case .chart, .htmlNote: break
            }
        }
        return out
    }

    /// `HTML.table` plus columns that must not wrap (class `nw`).
    static func htmlTable(_ t: Table) -> String {
        func cls(_ i: Int) -> String {
            let c = (t.alignRight.contains(i) ? ["num"] : []) + (t.nowrap.contains(i) ? ["nw"] : [])
            return c.isEmpty ? "" : " class=\"\(c.joined(separator: " "))\""
        }
        var out = "<table>\n<thead>\n<tr>"
        for (i, h) in t.headers.enumerated() { out += "<th\(t.alignRight.contains(i) ? " class=\"num\"" : "")>\(HTML.escape(h))</th>" }
        out += "</tr>\n</thead>\n<tbody>\n"
        for (r, row) in t.rows.enumerated() {
            let rc = r < t.rowClasses.count ? t.rowClasses[r] : nil
            out += rc.map { "<tr class=\"\(HTML.escape($0))\">" } ?? "<tr>"
            for i in t.headers.indices {
                out += "<td\(cls(i))>\(HTML.escape(i < row.count ? row[i] : "").replacingOccurrences(of: "\n", with: "<br>"))</td>"
            }
            out += "</tr>\n"
        }
        return out + "</tbody>\n</table>"
    }

    /// Inline escaping for a table cell; MarkdownTable escapes the pipe itself.
    static func cell(_ s: String) -> String {
        Markdown.escape(s).replacingOccurrences(of: "\\|", with: "|")
    }

    private func renderHTML(_ ctx: RenderContext) -> String {
        var doc = HTMLDocument(title: title, lang: ctx.lang == .zh ? "zh-CN" : "en")
        // Dates, ids and months in the first column must not break at their hyphens.
        doc.append("<style>td:first-child, td.nw { white-space: nowrap; } ul.facts { margin: 6px 0 12px; padding-left: 20px; }</style>")
        doc.heading(title, level: 1)
        for b in blocks {
            switch b {
            case .heading(let h): doc.heading(h, level: 2)
            case .subheading(let h): doc.heading(h, level: 3)
            case .lines(let ls): doc.append("<ul class=\"facts\">\n" + ls.map { "<li>\(HTML.escape($0))</li>\n" }.joined() + "</ul>")
            case .table(let t): doc.append(Self.htmlTable(t))
            case .chart(let svg, let caption): doc.chart(svg, caption: caption)
            case .htmlNote(let text): doc.paragraph(text, cssClass: "muted")
            }
        }
        return doc.render()
    }
}

/// Display helpers of the manager reports.
enum RFmt {
    /// A rate in percent, or "—".
    static func rate(_ x: Double?) -> String { x.map(Num.percent) ?? "—" }
    /// A change with its sign: +1.20, -0.50, 0.00.
    static func signed(_ x: Double?) -> String {
        guard let x else { return "—" }
        let s = Num.fixed2(x)
        return s.hasPrefix("-") || s == "0.00" ? s : "+" + s
    }
    /// "1 visit", "3 visits" (English labels).
    static func n(_ count: Int, _ word: String, _ plural: String? = nil) -> String {
        "\(count) \(count == 1 ? word : plural ?? word + "s")"
    }
    static func signed(_ n: Int) -> String { n > 0 ? "+\(n)" : "\(n)" }
    static func period(_ p: Period) -> JSONValue {
        .object([("label", .string(p.label)), ("from", .string(p.from.description)), ("to", .string(p.to.description))])
    }
    /// Chinese list separator or English comma.
    static func join(_ xs: [String], _ ctx: RenderContext) -> String { xs.joined(separator: ctx.t("、", ", ")) }
}

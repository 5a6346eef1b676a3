import Foundation

public enum Markdown {
    /// The one Markdown escaper: names and notes never turn into emphasis, links, HTML or
    /// table cells. `\ * _ [ ] < > | `` ` get a backslash, and so does a leading `#`; in a
    /// table cell a line break becomes `<br>` (written after escaping, so it stays markup).
    public static func escape(_ s: String, inTable: Bool = false) -> String {
        var out = ""
        for c in s {
            // "\r\n" is one Character: every kind of line break is one <br> in a cell.
            if inTable && c.isNewline { out += "<br>"; continue }
            if "\\*_[]<>|`".contains(c) { out.append("\\") }
            out.append(c)
        }
        if out.hasPrefix("#") { out = "\\" + out }
        return out
    }
}

/// `--format markdown`: headings, lists and GitHub-flavoured tables.
public enum MarkdownRenderer: Renderer {
    public static let format = OutputFormat.markdown
    public static let description = "for chat and wikis"

    public static func render(_ report: any Report, _ ctx: RenderContext) throws -> Data {
        Data(text(report.document(ctx)).utf8)
    }

    public static func text(_ doc: Document) -> String {
        var parts = (doc.issuer.map { ["**" + Markdown.escape($0) + "**"] } ?? []) + ["# " + Markdown.escape(doc.title)]
        if !doc.header.isEmpty {
            parts.append(doc.header.map { "**\(Markdown.escape($0.label))**" + (doc.lang == .zh ? "：" : ": ") + Markdown.escape($0.value) }.joined(separator: "  \n"))
        }
        blocks(doc.blocks, lang: doc.lang, into: &parts)
        return parts.joined(separator: "\n\n") + "\n"
    }

    static func blocks(_ list: [Document.Block], lang: Language, into parts: inout [String]) {
        for b in list {
            switch b {
            case .heading(let level, let text): parts.append(String(repeating: "#", count: min(6, max(2, level))) + " " + Markdown.escape(text))
            case .facts(let lines): parts.append(lines.map { "- " + Markdown.escape($0) }.joined(separator: "\n"))
            case .paragraph(let text): parts.append(Markdown.escape(text))
            case .table(let t), .chart(_, with: let t?):
                guard t.shown(data: false) else { continue }
                parts.append(table(t))
            case .only(.screen, let inner): blocks(inner, lang: lang, into: &parts)
            case .entry(let e):
                let colon = lang == .zh ? "：" : ": "
                parts.append((["**\(Markdown.escape(e.key))** " + Markdown.escape(e.head)]
                              + e.lines.map { "- **\(Markdown.escape($0.label))**" + colon + Markdown.escape($0.value) }).joined(separator: "\n"))
            case .chart(_, with: nil), .htmlNote, .pageBreak, .only(.html, _), .replyForm: break
            }
        }
    }

    /// Columns padded by display width so the raw text lines up too (people read these in
    /// terminals and chat before they are rendered).
    static func table(_ t: Table) -> String {
        let cols = t.visible(display: true)
        let head = cols.map { Markdown.escape(t.columns[$0].header, inTable: true) }
        let body = t.rows.map { r in cols.map { i in Markdown.escape(Table.text(t.cell(r, i), t.columns[i].kind, missing: "—"), inTable: true) } }
        var widths = head.map { max(3, DisplayWidth.of($0)) }
        for row in body { for (k, c) in row.enumerated() { widths[k] = max(widths[k], DisplayWidth.of(c)) } }
        let right = cols.map { t.columns[$0].alignRight }
        func line(_ cells: [String]) -> String {
            "| " + cells.enumerated().map { k, c in DisplayWidth.pad(c, to: widths[k], alignRight: right[k]) }.joined(separator: " | ") + " |"
        }
        var out = [line(head)]
        out.append("| " + widths.indices.map { k in right[k] ? String(repeating: "-", count: widths[k] - 1) + ":" : String(repeating: "-", count: widths[k]) }.joined(separator: " | ") + " |")
        out += body.map(line)
        return out.joined(separator: "\n")
    }
}

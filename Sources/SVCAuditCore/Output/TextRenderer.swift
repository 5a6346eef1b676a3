import Foundation

/// `--format table`: the document as aligned text for a terminal or a pipe.
public enum TextRenderer: Renderer {
    public static let format = OutputFormat.table
    public static let description = "aligned text, the default"

    public static func render(_ report: any Report, _ ctx: RenderContext) throws -> Data {
        Data(text(report.document(ctx), ctx).utf8)
    }

    public static func text(_ doc: Document, _ ctx: RenderContext) -> String {
        var out = doc.issuer.map { $0 + "\n" } ?? ""
        out += ANSI.bold(doc.title, enabled: ctx.color) + "\n"
        if !doc.header.isEmpty {
            out += wrap(doc.header.map { $0.label + ctx.t("：", ": ") + $0.value }.joined(separator: ctx.t("　", " · ")), ctx)
        }
        out += blocks(doc.blocks, ctx)
        return out
    }

    static func blocks(_ list: [Document.Block], _ ctx: RenderContext) -> String {
        var out = ""
        var afterTable = false
        for b in list {
            switch b {
            case .heading(let level, let text):
                out += "\n" + (level <= 2 ? ANSI.bold(text, enabled: ctx.color) : text) + "\n"
                afterTable = false
            case .facts(let lines):
                if afterTable { out += "\n" }
                for l in lines { out += wrap(l, ctx) }
                afterTable = false
            case .paragraph(let text):
                out += "\n" + wrap(text, ctx)
                afterTable = false
            case .table(let t), .chart(_, with: let t?):
                guard t.shown(data: false) else { continue }
                out += table(t, ctx)
                afterTable = true
            case .only(.screen, let inner):
                out += blocks(inner, ctx)
                afterTable = false
            case .entry(let e):
                out += "\n" + entry(e, ctx)
                afterTable = false
            case .chart(_, with: nil), .htmlNote, .pageBreak, .only(.html, _), .replyForm:
                break
            }
        }
        return out
    }

    /// An entry with a hanging indent: the head after its key, each labelled line under the
    /// head, continuation lines under the value. Nothing is cut; piped output is not wrapped.
    static func entry(_ e: Document.Entry, _ ctx: RenderContext) -> String {
        let indent = DisplayWidth.of(e.key) + 2
        let pad = String(repeating: " ", count: indent)
        var out = hanging(e.head, first: ANSI.bold(e.key, enabled: ctx.color) + "  ", indent: indent, ctx)
        let colon = ctx.t("：", ": ")
        for f in e.lines {
            let label = f.label + colon
            out += hanging(f.value, first: pad + label, indent: indent + DisplayWidth.of(label), ctx)
        }
        return out
    }

    /// `text` after `first` (which is `indent` columns wide), its continuation lines indented.
    static func hanging(_ text: String, first: String, indent: Int, _ ctx: RenderContext) -> String {
        guard let w = ctx.width, w > 0 else { return first + text + "\n" }
        // A very narrow terminal: wrap under the start of the line rather than in a sliver.
        let room = w - indent
        let lines = room >= 12 ? TextTable.wrap(text, width: room, names: false) : TextTable.wrap(text, width: max(w, 1), names: false)
        let pad = String(repeating: " ", count: room >= 12 ? indent : 0)
        return lines.enumerated().map { i, l in (i == 0 ? (room >= 12 ? first : first + "\n") : pad) + l + "\n" }.joined()
    }

    /// A line of text, wrapped to the terminal when there is one.
    static func wrap(_ s: String, _ ctx: RenderContext) -> String {
        guard let w = ctx.width, w > 0 else { return s + "\n" }
        return TextTable.wrap(s, width: w, names: false).map { $0 + "\n" }.joined()
    }

    public static func table(_ t: Table, _ ctx: RenderContext) -> String {
        var cols = t.visible(display: true)
        var rendered = render(t, cols, ctx)
        // Too wide for the terminal even wrapped: leave out the columns that may go, lowest
        // drop rank first, and say which (the data formats always have them all).
        var dropped: [Int] = []
        if let width = ctx.width {
            let droppable = cols.filter { t.columns[$0].terminalDrop != nil }
                .sorted { (t.columns[$0].terminalDrop!, $0) < (t.columns[$1].terminalDrop!, $1) }
            for i in droppable where widest(rendered) > width {
                dropped.append(i)
                cols.removeAll { $0 == i }
                rendered = render(t, cols, ctx)
            }
        }
        guard !dropped.isEmpty else { return rendered }
        let names = dropped.sorted().map { t.columns[$0].header }
        return rendered + wrap(ctx.t("（终端宽度不够，未显示：\(names.joined(separator: "、"))；--format csv 含全部列）",
                                     "(not shown at this width: \(names.joined(separator: ", ")); --format csv has every column)"), ctx)
    }

    private static func widest(_ s: String) -> Int {
        s.split(separator: "\n").map { DisplayWidth.of(ANSI.strip(String($0))) }.max() ?? 0
    }

    private static func render(_ t: Table, _ cols: [Int], _ ctx: RenderContext) -> String {
        let columns = cols.map { i -> TextTable.Column in
            let c = t.columns[i]
            let give: TextTable.Give = c.kind == .text ? .text : (c.kind == .name ? .name : .none)
            return TextTable.Column(header: c.terminalHeader ?? c.header, align: c.alignRight ? .right : .left, give: give)
        }
        let rows = t.rows.map { r -> TextTable.Row in
            var tones: [Int: Tone] = [:]
            let cells = cols.enumerated().map { k, i -> String in
                let cell = t.cell(r, i)
                if case .status(_, let tone?) = cell { tones[k] = tone }
                return Table.text(cell, t.columns[i].kind, missing: "—")
            }
            return TextTable.Row(cells, tone: r.tone == .bad ? .bad : nil, cellTones: tones)
        }
        return TextTable(columns: columns, rows: rows).render(color: ctx.color, width: ctx.width)
    }
}

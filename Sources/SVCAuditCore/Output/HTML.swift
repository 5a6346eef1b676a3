import Foundation

public enum HTML {
    /// The one HTML escaper: `& < > " '` for text and attribute values. C0 control characters
    /// other than tab, LF and CR are dropped: they are invalid in XML (inline SVG) and never
    /// meant to be shown.
    public static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for u in s.unicodeScalars {
            switch u {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t", "\n", "\r": out.unicodeScalars.append(u)
            case _ where u.value < 0x20: break
            default: out.unicodeScalars.append(u)
            }
        }
        return out
    }

    /// Escaped text whose line breaks become `<br>`.
    static func multiline(_ text: String) -> String {
        escape(text).replacingOccurrences(of: "\r\n", with: "<br>").replacingOccurrences(of: "\n", with: "<br>")
    }

    /// Free text in which dates and hyphenated ids (2026-08-27, TS2026-0918, BR0421-20260714-01)
    /// are kept on one line: a browser otherwise breaks them after a hyphen when it wraps a
    /// veto reason or a note, and a date split over two lines misreads in print.
    static func keepingTokens(_ text: String) -> String {
        let escaped = multiline(text)
        guard escaped.contains("-") else { return escaped }
        let range = NSRange(escaped.startIndex..., in: escaped)
        return hyphenated.stringByReplacingMatches(in: escaped, range: range, withTemplate: "<span class=\"nw\">$0</span>")
    }

    private static let hyphenated = try! NSRegularExpression(pattern: "[A-Za-z0-9_.]+(?:-[A-Za-z0-9_.]+)+")
}

/// `--format html`: one self-contained file (inline CSS and SVG, no scripts, no web fonts,
/// no URLs) that reads on screen and prints on A4: a table's header repeats on every page
/// (with the group caption of a 整改清单), ids, names and dates never break inside, a chart
/// stays on the page of its table, and pages are numbered.
public enum HTMLRenderer: Renderer {
    public static let format = OutputFormat.html
    public static let description = "one file with charts, prints on A4"

    public static func render(_ report: any Report, _ ctx: RenderContext) throws -> Data {
        Data(page(report.document(ctx), ctx).utf8)
    }

    public static func page(_ doc: Document, _ ctx: RenderContext) -> String {
        let zh = ctx.lang == .zh
        var out = """
            <!DOCTYPE html>
            <html lang="\(zh ? "zh-CN" : "en")">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(HTML.escape(doc.title))</title>
            <style>
            \(css)\(hasEntries(doc.blocks) ? entryCSS : "")\(pageNumbers(zh))</style>
            </head>
            <body>
            <main>

            """
        if let issuer = doc.issuer {
            // The 通报 header: the issuing unit over a rule, then the document's facts.
            out += "<header class=\"doc-head\">\n<div class=\"issuer\">\(HTML.escape(issuer))</div>\n</header>\n"
        }
        out += "<h1>\(HTML.escape(doc.title))</h1>\n"
        if !doc.header.isEmpty {
            out += "<p class=\"doc-facts\">" + doc.header.map { f in
                "<span class=\"nw\">\(HTML.escape(f.label))\(zh ? "：" : ": ")\(HTML.escape(f.value))</span>"
            }.joined(separator: zh ? "　" : " · ") + "</p>\n"
        }
        out += blocks(doc.blocks, ctx)
        out += "</main>\n</body>\n</html>\n"
        return out
    }

    static func blocks(_ list: [Document.Block], _ ctx: RenderContext) -> String {
        var out = ""
        for b in list {
            switch b {
            case .heading(let level, let text):
                let h = min(6, max(2, level))
                out += "<h\(h)>\(HTML.escape(text))</h\(h)>\n"
            case .facts(let lines):
                out += "<ul class=\"facts\">\n" + lines.map { "<li>\(HTML.escape($0))</li>\n" }.joined() + "</ul>\n"
            case .paragraph(let text):
                out += "<p>\(HTML.multiline(text))</p>\n"
            case .htmlNote(let text):
                out += "<p class=\"muted\">\(HTML.multiline(text))</p>\n"
            case .table(let t):
                guard t.shown(data: false) else { continue }
                out += table(t) + "\n"
            case .chart(let c, let t):
                // The chart first, kept with the start of its table (figure.chart avoids a break
                // after it); only a table of a few rows is kept whole with its chart. Keeping a
                // dozen rows whole pushed the 通报's first section off page 1 and left it empty.
                let short = (t?.rows.count ?? 0) <= 8
                out += "<section class=\"chart-block\(short ? " keep" : "")\">\n"
                out += "<figure class=\"chart\">\n\(SVGChart.render(c, lang: ctx.lang))\n</figure>\n"
                if let t, t.shown(data: false) { out += table(t) + "\n" }
                out += "</section>\n"
            case .pageBreak:
                // A break before what follows, not after this empty div: when the page above ends
                // full, a break-after left a blank page (Chromium, the 整改清单's first notice).
                out += "<div class=\"page-break\"></div>\n"
            case .only(.html, let inner):
                out += blocks(inner, ctx)
            case .only(.screen, _):
                break
            case .entry(let e):
                let colon = ctx.lang == .zh ? "：" : ": "
                out += "<div class=\"entry\">\n<p class=\"entry-head\"><span class=\"nw key\">\(HTML.escape(e.key))</span> \(HTML.escape(e.head))</p>\n"
                if !e.lines.isEmpty {
                    out += "<dl class=\"entry-facts\">\n" + e.lines.map {
                        "<dt>\(HTML.escape($0.label))\(colon)</dt><dd>\(HTML.multiline($0.value))</dd>\n"
                    }.joined() + "</dl>\n"
                }
                out += "</div>\n"
            case .replyForm(let title, let lines, let fields):
                out += "<div class=\"reply\">\n<h3>\(HTML.escape(title))</h3>\n"
                out += String(repeating: "<div class=\"blank\"></div>\n", count: lines)
                // Two signature fields to a line.
                for pair in stride(from: 0, to: fields.count, by: 2) {
                    out += "<p class=\"sign\">" + fields[pair..<min(pair + 2, fields.count)].map {
                        "\(HTML.escape($0))<span class=\"field\"></span>"
                    }.joined() + "</p>\n"
                }
                out += "</div>\n"
            }
        }
        return out
    }

    /// Cell classes by kind: numbers right-aligned, ids/dates/names/statuses on one line.
    static func cellClass(_ k: Table.Kind) -> String {
        switch k {
        case .text: return ""
        case .name: return "nm"
        case .id, .date, .status: return "nw"
        case .number, .percent: return "num"
        }
    }

    static func table(_ t: Table) -> String {
        let cols = t.visible(display: true)
        // Many columns: a smaller type so the table fits the A4 width.
        let size = cols.count >= 12 ? " class=\"wide xwide\"" : cols.count >= 9 ? " class=\"wide\"" : ""
        var out = "<table\(size)>\n<thead>\n"
        if let c = t.caption {
            out += "<tr class=\"caption\"><th colspan=\"\(cols.count)\">\(HTML.escape(c))</th></tr>\n"
        }
        out += "<tr>"
        for i in cols {
            let cls = t.columns[i].alignRight ? " class=\"num\"" : ""
            out += "<th\(cls)>\(HTML.escape(t.columns[i].header))</th>"
        }
        out += "</tr>\n</thead>\n<tbody>\n"
        for r in t.rows {
            out += r.tone.map { "<tr class=\"\($0.rawValue)\">" } ?? "<tr>"
            for i in cols {
                let cell = t.cell(r, i)
                var cls = cellClass(t.columns[i].kind)
                if case .status(_, let tone?) = cell { cls += (cls.isEmpty ? "" : " ") + "st-" + tone.rawValue }
                let attr = cls.isEmpty ? "" : " class=\"\(cls)\""
                let text = Table.text(cell, t.columns[i].kind, missing: "—")
                out += "<td\(attr)>\(t.columns[i].kind == .text ? HTML.keepingTokens(text) : HTML.multiline(text))</td>"
            }
            out += "</tr>\n"
        }
        return out + "</tbody>\n</table>"
    }

    /// Page numbers in the bottom margin of every printed page.
    static func pageNumbers(_ zh: Bool) -> String {
        let content = zh ? "\"第 \" counter(page) \" 页 / 共 \" counter(pages) \" 页\"" : "\"Page \" counter(page) \" of \" counter(pages)"
        return "@page { size: A4; margin: 15mm 14mm 18mm; @bottom-center { content: \(content); font-size: 9pt; color: #57606a; } }\n"
    }

    /// Whether the document has entries (their style is written only then).
    static func hasEntries(_ list: [Document.Block]) -> Bool {
        list.contains { b in
            switch b {
            case .entry: return true
            case .only(_, let inner): return hasEntries(inner)
            default: return false
            }
        }
    }

    /// Entries (checklist items): the key and head, then label and value side by side; an
    /// entry is never split across printed pages.
    static let entryCSS = """
        div.entry { margin: 10px 0 14px; break-inside: avoid; page-break-inside: avoid; }
        p.entry-head { margin: 0 0 4px; font-weight: 600; }
        p.entry-head .key { display: inline-block; min-width: 3.5em; color: #0072b2; }
        dl.entry-facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 10px; margin: 0 0 0 3.8em; font-size: 13px; }
        dl.entry-facts dt { color: #57606a; white-space: nowrap; }
        dl.entry-facts dd { margin: 0; }

        """

    /// Row classes: bad (red), warn (amber), good (green), muted.
    static let css = """
        * { box-sizing: border-box; }
        body { margin: 0; background: #fff; color: #1f2328; font-family: "PingFang SC","Noto Sans CJK SC","Microsoft YaHei",sans-serif; font-size: 14px; line-height: 1.6; }
        main { max-width: 1080px; margin: 0 auto; padding: 24px 32px 48px; }
        .doc-head { text-align: center; border-bottom: 2px solid #c0392b; margin-bottom: 12px; padding-bottom: 6px; }
        .doc-head .issuer { color: #c0392b; font-size: 26px; font-weight: bold; letter-spacing: 2px; white-space: nowrap; }
        p.doc-facts { color: #57606a; margin: 0 0 12px; }
        h1 { font-size: 24px; margin: 0 0 12px; padding-bottom: 8px; border-bottom: 2px solid #0072b2; }
        h2 { font-size: 18px; margin: 28px 0 10px; padding-left: 8px; border-left: 4px solid #0072b2; }
        h3 { font-size: 15px; margin: 20px 0 8px; }
        h4, h5, h6 { font-size: 14px; margin: 16px 0 6px; }
        p { margin: 6px 0; }
        ul.facts { margin: 6px 0 12px; padding-left: 20px; }
        .muted, p.muted { color: #57606a; font-size: 13px; }
        table { width: 100%; border-collapse: collapse; margin: 8px 0 18px; font-size: 13px; }
        table.wide { font-size: 11.5px; }
        th, td { padding: 4px 7px; border-bottom: 1px solid #d8dee4; text-align: left; vertical-align: top; }
        thead th { background: #eef1f4; border-bottom: 2px solid #8c959f; font-weight: 600; white-space: nowrap; word-break: keep-all; }
        thead tr.caption th { background: #dde4ec; text-align: left; font-size: 1.05em; }
        tbody tr:nth-child(even) { background: #f6f8fa; }
        .num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        td.nw, span.nw { white-space: nowrap; }
        td.nm { white-space: nowrap; word-break: keep-all; }
        td.st-bad { color: #b42318; font-weight: 600; }
        td.st-warn { color: #9a6700; }
        td.st-good { color: #1a7f37; }
        tr.bad, tr.bad:nth-child(even) { background: #fde7e4; }
        tr.warn, tr.warn:nth-child(even) { background: #fff3d6; }
        tr.good, tr.good:nth-child(even) { background: #e5f4ea; }
        tr.muted td { color: #57606a; }
        figure.chart { margin: 12px 0 8px; }
        figure.chart svg { display: block; width: 100%; max-width: 680px; height: auto; }
        .page-break { break-before: page; page-break-before: always; }
        .reply { margin-top: 18px; border: 1px solid #8c959f; padding: 8px 14px 14px; break-inside: avoid; page-break-inside: avoid; }
        .reply h3 { margin: 4px 0 8px; }
        .blank { border-bottom: 1px solid #8c959f; height: 2.2em; }
        p.sign { margin-top: 18px; }
        .field { display: inline-block; min-width: 14em; border-bottom: 1px solid #1f2328; margin: 0 2em 0 0.3em; }
        @media print {
          body { font-size: 10.5pt; }
          main { max-width: none; padding: 0; }
          * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
          table { font-size: 9pt; }
          table.wide { font-size: 8pt; }
          table.xwide { font-size: 7pt; }
          th, td { padding: 2px 4px; }
          thead { display: table-header-group; }
          tr, figure, svg { break-inside: avoid; page-break-inside: avoid; }
          figure.chart { break-after: avoid; page-break-after: avoid; }
          section.keep { break-inside: avoid; page-break-inside: avoid; }
          h1, h2, h3 { break-after: avoid; page-break-after: avoid; }
          figure.chart svg { max-width: 100%; max-height: 230mm; }
        }

        """
}

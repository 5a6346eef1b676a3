/// One self-contained HTML file: inline CSS, no scripts, no web fonts, no external URLs,
/// laid out to print on A4. Same content → same bytes.
public struct HTMLDocument: Sendable {
    public var title: String
    public var lang: String
    private var body: [String] = []

    /// `lang` is a BCP 47 tag ("zh-CN", "en"); it picks the right CJK glyph variants.
    public init(title: String, lang: String) {
        self.title = title
        self.lang = lang
    }

    /// Appends markup as is; the caller is responsible for escaping.
    public mutating func append(_ rawHTML: String) { body.append(rawHTML) }

    public mutating func heading(_ text: String, level: Int = 1) { append(HTML.heading(text, level: level)) }

    public mutating func paragraph(_ text: String, cssClass: String? = nil) {
        append(HTML.paragraph(text, cssClass: cssClass))
    }

    public mutating func table(
        headers: [String], rows: [[String]], alignRight: Set<Int> = [], rowClasses: [String?] = []
    ) {
        append(HTML.table(headers: headers, rows: rows, alignRight: alignRight, rowClasses: rowClasses))
    }

    public mutating func chart(_ svg: String, caption: String? = nil) { append(HTML.figure(svg, caption: caption)) }

    public func render() -> String {
        var out = """
            <!DOCTYPE html>
            <html lang="\(HTML.escape(lang))">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(HTML.escape(title))</title>
            <style>
            \(Self.css)</style>
            </head>
            <body>
            <main>

            """
        for part in body { out += part + "\n" }
        out += "</main>\n</body>\n</html>\n"
        return out
    }

    /// Row classes available to callers: bad (red), warn (amber), good (green), muted.
    static let css = """
        * { box-sizing: border-box; }
        body { margin: 0; background: #fff; color: #1f2328; font-family: "PingFang SC","Noto Sans CJK SC","Microsoft YaHei",sans-serif; font-size: 14px; line-height: 1.6; }
        main { max-width: 1080px; margin: 0 auto; padding: 24px 32px 48px; }
        h1 { font-size: 24px; margin: 0 0 12px; padding-bottom: 8px; border-bottom: 2px solid #0072b2; }
        h2 { font-size: 18px; margin: 28px 0 10px; padding-left: 8px; border-left: 4px solid #0072b2; }
        h3 { font-size: 15px; margin: 20px 0 8px; }
        h4, h5, h6 { font-size: 14px; margin: 16px 0 6px; }
        p { margin: 6px 0; }
        .muted, p.muted { color: #57606a; font-size: 13px; }
        table { width: 100%; border-collapse: collapse; margin: 8px 0 18px; font-size: 13px; }
        th, td { padding: 5px 8px; border-bottom: 1px solid #d8dee4; text-align: left; vertical-align: top; }
        thead th { background: #eef1f4; border-bottom: 2px solid #8c959f; font-weight: 600; white-space: nowrap; }
        tbody tr:nth-child(even) { background: #f6f8fa; }
        .num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        tr.bad, tr.bad:nth-child(even) { background: #fde7e4; }
        tr.warn, tr.warn:nth-child(even) { background: #fff3d6; }
        tr.good, tr.good:nth-child(even) { background: #e5f4ea; }
        tr.muted td { color: #57606a; }
        figure.chart { margin: 12px 0 20px; }
        figure.chart svg { display: block; width: 100%; max-width: 760px; height: auto; }
        figcaption { color: #57606a; font-size: 12px; margin-top: 4px; }
        @media print {
          @page { size: A4; margin: 15mm; }
          body { font-size: 10.5pt; }
          main { max-width: none; padding: 0; }
          * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
          table { font-size: 9.5pt; }
          thead { display: table-header-group; }
          tr, figure, svg { break-inside: avoid; page-break-inside: avoid; }
          h1, h2, h3 { break-after: avoid; page-break-after: avoid; }
        }

        """
}

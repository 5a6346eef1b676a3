/// Escaping and small fragment builders for the self-contained HTML report.
public enum HTML {
    /// Escapes `& < > " '` for text and attribute values. C0 control characters other than
    /// tab, LF and CR are dropped: they are invalid in XML (inline SVG) and never meant
    /// to be shown.
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

    /// `<hN>` with N clamped to 1…6.
    public static func heading(_ text: String, level: Int) -> String {
        let n = min(6, max(1, level))
        return "<h\(n)>\(escape(text))</h\(n)>"
    }

    /// A paragraph; line breaks in the text become `<br>`.
    public static func paragraph(_ text: String, cssClass: String? = nil) -> String {
        "<p\(classAttribute(cssClass))>\(multiline(text))</p>"
    }

    /// A table whose cells are escaped text. `alignRight` columns get class `num`;
    /// `rowClasses[i]` (e.g. "bad") is put on row i. Rows are filled or cut to the header count.
    public static func table(
        headers: [String], rows: [[String]], alignRight: Set<Int> = [], rowClasses: [String?] = []
    ) -> String {
        func num(_ i: Int) -> String { alignRight.contains(i) ? " class=\"num\"" : "" }
        var out = "<table>\n<thead>\n<tr>"
        for (i, h) in headers.enumerated() { out += "<th\(num(i))>\(escape(h))</th>" }
        out += "</tr>\n</thead>\n<tbody>\n"
        for (r, row) in rows.enumerated() {
            out += "<tr\(classAttribute(r < rowClasses.count ? rowClasses[r] : nil))>"
            for i in headers.indices { out += "<td\(num(i))>\(multiline(i < row.count ? row[i] : ""))</td>" }
            out += "</tr>\n"
        }
        out += "</tbody>\n</table>"
        return out
    }

    /// A chart (an SVG string from `SVGChart`) in a figure that print CSS keeps on one page.
    public static func figure(_ svg: String, caption: String? = nil) -> String {
        let cap = caption.map { "\n<figcaption>\(escape($0))</figcaption>" } ?? ""
        return "<figure class=\"chart\">\n\(svg)\(cap)\n</figure>"
    }

    static func multiline(_ text: String) -> String {
        escape(text).replacingOccurrences(of: "\r\n", with: "<br>").replacingOccurrences(of: "\n", with: "<br>")
    }

    static func classAttribute(_ cssClass: String?) -> String {
        guard let c = cssClass, !c.isEmpty else { return "" }
        return " class=\"\(escape(c))\""
    }
}

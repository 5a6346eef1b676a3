import CXLSXWriter
import Foundation

/// `--format xlsx`: one workbook, one sheet per table of the data formats (SPEC §3), header
/// row bold and frozen, ids and names as text (工号 00012345 keeps its zeros), numbers as
/// numbers, percentages as percent numbers, dates as dates; an autofilter on every sheet.
///
/// Same input → same bytes: libxlsxwriter stamps the document properties (and the zip
/// entries) with the creation time unless one is given, so a fixed one is.
public enum XLSXRenderer: Renderer {
    public static let format = OutputFormat.xlsx
    public static let description = "workbook, one sheet per table"

    /// 2026-01-01T00:00:00Z: the creation time written into every workbook.
    static let fixedCreated: time_t = 1_767_225_600

    public static func render(_ report: any Report, _ ctx: RenderContext) throws -> Data {
        try workbook(report.document(ctx))
    }

    public static func workbook(_ doc: Document) throws -> Data {
        // libxlsxwriter writes to a path only: a private temporary directory, removed after.
        let fm = FileManager.default
        let dir = fm.temporaryDirectory.appendingPathComponent("svcaudit-xlsx-\(getpid())-\(UInt32.random(in: 0 ... .max))")
        try fm.createDirectory(at: dir, withIntermediateDirectories: false)
        defer { try? fm.removeItem(at: dir) }
        let path = dir.appendingPathComponent("out.xlsx").path

        let error: lxw_error = dir.path.withCString { tmp in
            var options = lxw_workbook_options(constant_memory: 0, tmpdir: UnsafeMutablePointer(mutating: tmp), use_zip64: 0)
            guard let wb = workbook_new_opt(path, &options) else { return LXW_ERROR_CREATING_TMPFILE }
            fill(wb, doc)
            return doc.title.withCString { title in
                "svcaudit".withCString { app in
                    var props = lxw_doc_properties()
                    props.title = UnsafeMutablePointer(mutating: title)
                    props.author = UnsafeMutablePointer(mutating: app)
                    props.created = fixedCreated
                    workbook_set_properties(wb, &props)
                    return workbook_close(wb)
                }
            }
        }
        guard error == LXW_NO_ERROR else {
            throw OutputError(path: "xlsx", reason: String(cString: lxw_strerror(error)))
        }
        return try Data(contentsOf: URL(fileURLWithPath: path))
    }

    private static func fill(_ wb: UnsafeMutablePointer<lxw_workbook>, _ doc: Document) {
        let header = workbook_add_format(wb)
        format_set_bold(header)
        format_set_bg_color(header, 0xEEF1F4)
        format_set_bottom(header, UInt8(LXW_BORDER_THIN.rawValue))
        func numFormat(_ f: String) -> UnsafeMutablePointer<lxw_format>? {
            let fmt = workbook_add_format(wb)
            format_set_num_format(fmt, f)
            return fmt
        }
        let score = numFormat("0.00"), count = numFormat("0"), signed = numFormat("+0.00;-0.00;0.00")
        let percent = numFormat("0.00%"), date = numFormat("yyyy-mm-dd")
        let textFormat = numFormat("@")

        var used: Set<String> = []
        // Tables of one name (a 整改清单 per branch) fill one sheet.
        var groups: [(Table, [Table])] = []
        for t in doc.tables(data: true) {
            if let i = groups.firstIndex(where: { $0.0.name == t.name }) { groups[i].1.append(t) } else { groups.append((t, [t])) }
        }
        // The main table (what CSV writes) is the first sheet.
        groups = groups.filter { $0.0.main } + groups.filter { !$0.0.main }
        for (t, parts) in groups {
            let name = sheetName(t.title, used: &used)
            guard let ws = workbook_add_worksheet(wb, name) else { continue }
            let cols = t.visible(display: false)
            var widths = cols.map { DisplayWidth.of(t.columns[$0].header) }
            for (k, i) in cols.enumerated() {
                worksheet_write_string(ws, 0, lxw_col_t(k), t.columns[i].header, header)
            }
            var r: lxw_row_t = 1
            for part in parts {
                for row in part.rows {
                    for (k, i) in cols.enumerated() {
                        let col = lxw_col_t(k)
                        let kind = part.columns[i].kind
                        let cell = part.cell(row, i)
                        widths[k] = max(widths[k], DisplayWidth.of(Table.text(cell, kind, missing: "")))
                        switch cell {
                        case .empty: break
                        case .text(let s), .status(let s, _):
                            worksheet_write_string(ws, r, col, s, nil)
                        case .date(let d?):
                            var dt = lxw_datetime(year: Int32(d.year), month: Int32(d.month), day: Int32(d.day), hour: 0, min: 0, sec: 0)
                            worksheet_write_datetime(ws, r, col, &dt, date)
                        case .date(nil): break
                        case .number(let x?) where x.isFinite:
                            switch kind {
                            case .percent: worksheet_write_number(ws, r, col, Num.round2(x) / 100, percent)
                            case .number(.count): worksheet_write_number(ws, r, col, x, count)
                            case .number(.signed): worksheet_write_number(ws, r, col, Num.round2(x), signed)
                            case .number(.score): worksheet_write_number(ws, r, col, Num.round2(x), score)
                            case .number(.plain): worksheet_write_number(ws, r, col, x, nil)
                            default: worksheet_write_string(ws, r, col, Table.text(cell, kind, missing: ""), nil)
                            }
                        case .number: break
                        }
                    }
                    r += 1
                }
            }
            for (k, i) in cols.enumerated() {
                let kind = t.columns[i].kind
                let w = Double(min(60, max(6, widths[k] + 2)))
                // Id and name columns are text columns: what is typed into them later stays text too.
                worksheet_set_column(ws, lxw_col_t(k), lxw_col_t(k), w, kind == .id ? textFormat : nil)
            }
            worksheet_freeze_panes(ws, 1, 0)
            if !cols.isEmpty { worksheet_autofilter(ws, 0, 0, max(0, r - 1), lxw_col_t(cols.count - 1)) }
        }
    }

    /// Excel's rules: at most 31 characters, none of []:*?/\, unique (case-insensitively).
    static func sheetName(_ title: String, used: inout Set<String>) -> String {
        var base = String(title.map { "[]:*?/\\".contains($0) ? "_" : $0 })
        while base.hasPrefix("'") { base.removeFirst() }
        while base.hasSuffix("'") { base.removeLast() }
        if base.isEmpty { base = "Sheet" }
        base = String(base.prefix(31))
        var name = base, n = 2
        while used.contains(name.lowercased()) {
            let suffix = " (\(n))"
            name = String(base.prefix(31 - suffix.count)) + suffix
            n += 1
        }
        used.insert(name.lowercased())
        return name
    }
}

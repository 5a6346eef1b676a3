import CXLSXWriter
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `svcaudit new --format xlsx`: a blank 检查底稿 (SPEC §1.6) for the same visit the YAML
/// template describes — a header row, a branch row and one row per employee given, every
/// applicable item a column with its text in the header's comment, and answer cells that offer
/// 合格/不合格/不适用 (check items) or take a number in range (scale, deduct, bonus). Cells of
/// items that do not apply to a row stay locked grey, so nothing is typed where it cannot count.
public struct VisitWorkbook {
    public let template: VisitTemplate
    public let catalog: ChecklistCatalog

    public init(template: VisitTemplate, catalog: ChecklistCatalog) {
        self.template = template
        // The versions in force on the visit's date (SPEC §1.1 "Versions over time").
        self.catalog = catalog.resolved(on: template.date)
    }

    public struct WriteError: Error, LocalizedMessage {
        public let path: String
        public let reason: String
        public func message(_ lang: Language) -> String {
            lang == .en ? "cannot write \(path): \(reason)" : "无法写入 \(path)：\(reason)"
        }
    }

    /// The item columns, in catalog order: branch items, then staff items that apply to any
    /// employee given.
    func items() -> [(ChecklistItem, Checklist)] {
        let assessed = template.checklists ?? catalog.ids
        var out: [(ChecklistItem, Checklist)] = []
        for c in catalog.checklists where assessed.contains(c.id) {
            for i in c.items where applies(i, c, to: nil) || template.staff.contains(where: { applies(i, c, to: $0.role) }) {
                out.append((i, c))
            }
        }
        return out
    }

    func applies(_ i: ChecklistItem, _ c: Checklist, to role: String?) -> Bool {
        guard let role else { return c.scope == .branch }
        return c.scope == .staff && c.applies(toRole: role) && i.applies(toRole: role)
    }

    /// Writes the workbook to `path` (deterministic: the document's date is fixed).
    public func write(to path: String) throws {
        guard let wb = workbook_new(path) else { throw WriteError(path: path, reason: "libxlsxwriter could not create the file") }
        var props = lxw_doc_properties()
        var created = tm()
        created.tm_year = 2026 - 1900; created.tm_mon = 0; created.tm_mday = 1
        props.created = timegm(&created)
        _ = workbook_set_properties(wb, &props)
        let ws = workbook_add_worksheet(wb, WorkbookLayout.sheetName)
        let head = workbook_add_format(wb)
        format_set_bold(head)
        format_set_bg_color(head, 0xDDEBF7)
        let text = workbook_add_format(wb)
        format_set_num_format(text, "@")
        let grey = workbook_add_format(wb)
        format_set_bg_color(grey, 0xEEEEEE)

        let fields = WorkbookLayout.Field.allCases
        for (c, f) in fields.enumerated() { worksheet_write_string(ws, 0, lxw_col_t(c), f.chinese, head) }
        let items = items()
        var col = fields.count
        var itemCols: [(ChecklistItem, Checklist, Int)] = []
        for (i, c) in items {
            worksheet_write_string(ws, 0, lxw_col_t(col), i.id, head)
            worksheet_write_comment(ws, 0, lxw_col_t(col), "\(c.title) · \(i.text)（\(MappingReader.show(i.points)) 分\(i.veto ? "，一票否决" : "")）")
            worksheet_write_string(ws, 0, lxw_col_t(col + 1), i.id + "备注", head)
            itemCols.append((i, c, col))
            col += 2
        }
        worksheet_freeze_panes(ws, 1, lxw_col_t(fields.count))

        // Row 1: the branch's items; rows 2…: one per employee.
        let rows: [VisitTemplate.StaffEntry?] = [nil] + template.staff.map { Optional($0) }
        for (n, s) in rows.enumerated() {
            let r = lxw_row_t(n + 1)
            let values: [WorkbookLayout.Field: String?] = [
                .id: template.suggestedID, .branch: template.branch.id, .branchName: template.branch.name,
                .parent: template.branch.parent, .region: template.branch.region, .date: template.date.description,
                .inspector: template.inspector, .method: template.method.rawValue,
                .staff: s?.id, .name: s?.name, .role: s?.role,
            ]
            for (c, f) in fields.enumerated() {
                if let v = values[f] ?? nil { worksheet_write_string(ws, r, lxw_col_t(c), v, text) }
            }
            for (i, c, col) in itemCols {
                if applies(i, c, to: s?.role) {
                    validate(ws, row: r, col: lxw_col_t(col), item: i)
                } else {
                    worksheet_write_blank(ws, r, lxw_col_t(col), grey)
                    worksheet_write_blank(ws, r, lxw_col_t(col + 1), grey)
                }
            }
        }
        let rc = workbook_close(wb)
        if rc != LXW_NO_ERROR { throw WriteError(path: path, reason: String(cString: lxw_strerror(rc))) }
    }

    private func validate(_ ws: UnsafeMutablePointer<lxw_worksheet>?, row: lxw_row_t, col: lxw_col_t, item: ChecklistItem) {
        var v = lxw_data_validation()
        v.error_type = UInt8(LXW_VALIDATION_ERROR_TYPE_STOP.rawValue)
        switch item.type {
        case .check:
            v.validate = UInt8(LXW_VALIDATION_TYPE_LIST.rawValue)
            var words = WorkbookLayout.answerWords.map { strdup($0) } + [nil]
            defer { words.forEach { free($0) } }
            words.withUnsafeMutableBufferPointer { p in
                v.value_list = p.baseAddress
                worksheet_data_validation_cell(ws, row, col, &v)
            }
        case .scale:
            v.validate = UInt8(LXW_VALIDATION_TYPE_DECIMAL.rawValue)
            v.criteria = UInt8(LXW_VALIDATION_CRITERIA_BETWEEN.rawValue)
            v.minimum_number = 0
            v.maximum_number = item.points
            worksheet_data_validation_cell(ws, row, col, &v)
        case .deduct, .bonus:
            v.validate = UInt8(LXW_VALIDATION_TYPE_INTEGER.rawValue)
            v.criteria = UInt8(LXW_VALIDATION_CRITERIA_GREATER_THAN_OR_EQUAL_TO.rawValue)
            v.value_number = 0
            worksheet_data_validation_cell(ws, row, col, &v)
        }
    }
}

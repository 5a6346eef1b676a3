/// `svcaudit import`: the rows of a 检查底稿 (SPEC §1.6) into visits, each written by the one
/// visit-file writer (`VisitTemplate`). Rows with the same `id` (or, without one, the same
/// branch, date and inspector) are one visit; a row with no 工号 holds the branch's items.
/// Every problem is named by file, sheet, row and column (the diagnostic's mark is the cell).
public enum WorkbookImport {
    public static func visits(_ sheet: WorkbookSheet, file: String, catalog: ChecklistCatalog,
                              diags: inout DiagnosticList) -> [VisitTemplate] {
        guard let header = sheet.header else {
            diags.error(.importNoSheet, ["reason": .phrase("工作表“\(sheet.name)”是空的", "sheet '\(sheet.name)' is empty")], at: .start)
            return []
        }
        let itemIDs = catalog.everyItemID  // of every version: the rows' dates pick the one
        let items = Set(itemIDs)
        var columns: [Int: WorkbookLayout.Column] = [:]
        var headerText: [Int: String] = [:]
        func cellArgs(_ row: Int, _ col: Int) -> DiagnosticArgs {
            ["sheet": .text(sheet.name), "row": .count(row), "column": .text(WorkbookSheet.columnName(col)), "header": .text(headerText[col] ?? "")]
        }
        for (c, text) in header.cells.sorted(by: { $0.key < $1.key }) {
            headerText[c] = text
            if let col = WorkbookLayout.column(text, items: items) {
                if columns.values.contains(col) {
                    var a = cellArgs(header.number, c); a["reason"] = .phrase("重复出现", "appears twice")
                    diags.error(.importHeader, a, at: Mark(line: header.number, column: c + 1))
                }
                columns[c] = col
            } else {
                var a = cellArgs(header.number, c)
                a["reason"] = .phrase("不是检查底稿的列（也不是已加载的条目编号）", "is not a column of the workbook (nor a loaded item id)",
                                      hint: Suggestion.closest(to: text, in: WorkbookLayout.headers(items: itemIDs)))
                diags.error(.importHeader, a, at: Mark(line: header.number, column: c + 1))
            }
        }
        func col(_ f: WorkbookLayout.Field) -> Int? { columns.first { $0.value == .field(f) }?.key }
        for f in [WorkbookLayout.Field.branch, .branchName, .date, .inspector] where col(f) == nil {
            var a = cellArgs(header.number, 0)
            a["header"] = .text("\(f.rawValue) / \(f.chinese)")
            a["reason"] = .phrase("缺少这一必需的列", "is a required column and is missing")
            diags.error(.importHeader, a, at: Mark(line: header.number, column: 1))
        }
        if diags.hasErrors { return [] }

        func value(_ r: WorkbookSheet.Row, _ f: WorkbookLayout.Field) -> String? {
            col(f).map { r.cell($0).trimmingSpaces }.map(String.init).flatMap { $0.isEmpty ? nil : $0 }
        }
        func problem(_ r: WorkbookSheet.Row, _ c: Int, _ reason: DiagnosticArg) {
            var a = cellArgs(r.number, c); a["reason"] = reason
            diags.error(.importCell, a, at: Mark(line: r.number, column: c + 1))
        }

        // Group the rows into visits, in the order they first appear.
        var order: [String] = []
        var groups: [String: [WorkbookSheet.Row]] = [:]
        for r in sheet.rows {
            let key = value(r, .id) ?? [value(r, .branch), value(r, .date), value(r, .inspector)].map { $0 ?? "" }.joined(separator: "\u{1F}")
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(r)
        }

        let base = catalog
        var out: [VisitTemplate] = []
        for key in order {
            let rows = groups[key]!
            let first = rows[0]
            var ok = true
            func required(_ f: WorkbookLayout.Field) -> String? {
                if let v = rows.lazy.compactMap({ value($0, f) }).first { return v }
                problem(first, col(f)!, .phrase("必填，这次检查的各行都没有填", "is required and empty on every row of this visit"))
                ok = false
                return nil
            }
            let branchID = required(.branch), branchName = required(.branchName), dateText = required(.date), inspector = required(.inspector)
            var date: Day?
            if let t = dateText {
                // Excel may store a date as its serial number (days since 1899-12-30).
                if let serial = Int(t), serial > 20000, serial < 80000 { date = Day(year: 1899, month: 12, day: 30)!.adding(days: serial) } else { date = Day(t) }
                if date == nil { problem(first, col(.date)!, .phrase("不是 YYYY-MM-DD 格式的日期：'\(t)'", "is not a date YYYY-MM-DD: '\(t)'")); ok = false }
            }
            var method = Visit.Method.onsite
            if let m = value(first, .method) {
                if let found = AnswerGrammar.method(m) { method = found } else {
                    problem(first, col(.method)!, .phrase("未知的检查方式 '\(m)'（现场、录像、暗访、外部、自查）", "unknown method '\(m)' (onsite, video, mystery, external, self)")); ok = false
                }
            }
            // Answers are checked against the checklist versions in force on the visit's date.
            let catalog = date.map { base.resolved(on: $0) } ?? base
            let index = catalog.scoring
            var branchAnswers: [String: VisitTemplate.Filled] = [:]
            var staff: [VisitTemplate.StaffEntry] = []
            for r in rows {
                var role: String?
                if let sid = value(r, .staff) {
                    let name = value(r, .name)
                    let written = value(r, .role)
                    if name == nil { problem(r, col(.name) ?? 0, .phrase("员工行要填姓名", "an employee row needs the name")); ok = false }
                    if let w = written, let id = catalog.roleID(for: w) { role = id } else {
                        problem(r, col(.role) ?? 0, .phrase("岗位 '\(written ?? "")' 不认识", "role '\(written ?? "")' is not known")); ok = false
                    }
                    staff.append(VisitTemplate.StaffEntry(id: sid, name: name ?? "", role: role ?? written ?? ""))
                }
                var answers: [String: VisitTemplate.Filled] = [:]
                for (c, column) in columns {
                    guard case .answer(let item) = column else { continue }
                    let text = r.cell(c).trimmingSpaces
                    guard !text.isEmpty else { continue }
                    guard let flat = index.find(item) else {
                        problem(r, c, .phrase("\(item) 不在 \(date.map { "\($0)" } ?? "") 生效的检查表版本中",
                                              "\(item) is not in the checklist versions in force on \(date.map { "\($0)" } ?? "")"))
                        ok = false
                        continue
                    }
                    let ci = index.itemChecklist[flat]
                    let checklist = catalog.checklists[ci]
                    let item0 = checklist.items[index.items[flat].index]
                    let applies = role.map { checklist.scope == .staff && checklist.applies(toRole: $0) && item0.applies(toRole: $0) }
                        ?? (checklist.scope == .branch && value(r, .staff) == nil)
                    if !applies {
                        problem(r, c, .phrase("\(item) 不适用于这一行（\(value(r, .staff).map { "员工 \($0)" } ?? "网点行")）",
                                              "\(item) does not apply to this row (\(value(r, .staff).map { "employee \($0)" } ?? "the branch row"))"))
                        ok = false
                        continue
                    }
                    if case .failure(let p) = AnswerGrammar.value(String(text), plain: true, isNull: false, item: index.facts[flat], id: item) {
                        var args = p.args
                        args["found"] = .text("'\(text)'")
                        problem(r, c, .localized(zh: Diagnostic.text(p.code, args, .zh), en: Diagnostic.text(p.code, args, .en)))
                        ok = false
                        continue
                    }
                    func extra(_ make: (String) -> WorkbookLayout.Column) -> String? {
                        columns.first { $0.value == make(item) }.map { String(r.cell($0.key).trimmingSpaces) }.flatMap { $0.isEmpty ? nil : $0 }
                    }
                    answers[item] = VisitTemplate.Filled(result: String(text), note: extra(WorkbookLayout.Column.note), fixBy: extra(WorkbookLayout.Column.fixBy))
                }
                if value(r, .staff) != nil { staff[staff.count - 1].answers = answers } else { branchAnswers.merge(answers) { a, _ in a } }
            }
            guard ok, let branchID, let branchName, let date, let inspector else { continue }
            var t = VisitTemplate(branch: Branch(id: branchID, name: branchName, parent: value(first, .parent), region: value(first, .region)),
                                  date: date, inspector: inspector, method: method, checklists: nil, staff: staff)
            t.id = value(first, .id)
            t.branchAnswers = branchAnswers
            out.append(t)
        }
        return out
    }

    /// The file a visit is written to: its id, made safe for a file name.
    public static func fileName(_ t: VisitTemplate) -> String {
        let id = t.id ?? t.suggestedID
        return String(id.map { "/\\:*?\"<>|".contains($0) ? "_" : $0 }) + ".yaml"
    }
}

/// Reads `--events FILE` (SPEC §1.5): CSV with the header `id,date,branch,staff,type,verified,item,note`
/// or the Chinese names 编号, 日期, 网点编号, 工号, 类型, 是否查实, 条目, 说明.
public enum EventLoader {
    static let columns: [CSVColumns.Column] = [
        .init("id", "编号", required: true), .init("date", "日期", required: true), .init("branch", "网点编号", required: true),
        .init("staff", "工号"), .init("type", "类型", required: true), .init("verified", "是否查实", required: true),
        .init("item", "条目"), .init("note", "说明"),
    ]

    static let kinds: [String: Event.Kind] = ["complaint": .complaint, "投诉": .complaint, "praise": .praise, "表扬": .praise]
    static let verifiedWords: [String: Bool] = ["yes": true, "是": true, "no": false, "否": false]

    /// nil when the file has any error: a complaint silently dropped could leave a star that
    /// should have been disqualified. `items` are the loaded item ids (an unknown item is an error).
    public static func load(_ path: String, items: Set<String>) -> (events: [Event]?, diagnostics: [Diagnostic]) {
        var diags = DiagnosticList(file: path)
        guard let t = CSVColumns.load(path, columns: columns, diags: &diags) else { return (nil, diags.items) }
        var out: [Event] = []
        var firstLine: [String: Int] = [:]
        for r in t.rows(diags: &diags) {
            let id = t.required(r, "id", diags: &diags)
            let date = t.day(r, "date", required: true, diags: &diags)
            let branch = t.required(r, "branch", diags: &diags)
            var kind: Event.Kind?
            if let s = t.required(r, "type", diags: &diags) {
                kind = kinds[s.lowercased()]
                if kind == nil {
                    diags.error(.eventBadType, ["value": .text(s), "hint": .hint(Suggestion.closest(to: s, in: ["complaint", "praise"]))],
                                at: t.mark(r, "type"))
                }
            }
            var verified: Bool?
            if let s = t.required(r, "verified", diags: &diags) {
                verified = verifiedWords[s.lowercased()]
                if verified == nil { diags.error(.eventBadVerified, ["value": .text(s)], at: t.mark(r, "verified")) }
            }
            let item = t.optional(r, "item")
            if let item, !items.contains(item) {
                diags.error(.eventUnknownItem, ["item": .text(item), "hint": .hint(Suggestion.closest(to: item, in: items))],
                            at: t.mark(r, "item"))
            }
            guard let id, let date, let branch, let kind, let verified else { continue }
            if let first = firstLine[id] {
                diags.error(.eventDuplicateId, ["id": .text(id), "first": .count(first)], at: t.mark(r, "id"))
                continue
            }
            firstLine[id] = r.line
            out.append(Event(id: id, date: date, branch: branch, staff: t.optional(r, "staff"), kind: kind, verified: verified,
                             item: item, note: t.optional(r, "note"), file: path, line: r.line))
        }
        return (diags.hasErrors ? nil : out, diags.items)
    }
}

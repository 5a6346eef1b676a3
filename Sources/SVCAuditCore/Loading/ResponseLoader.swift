/// Reads `--responses FILE` (SPEC §2.7): CSV, header `branch,staff,item,date,measure,owner,done,reviewer`
/// or the Chinese names. Whether each row names a finding is checked against the findings
/// (RectificationTracker.resolved), since only they know.
public enum ResponseLoader {
    static let columns: [CSVColumns.Column] = [
        .init("branch", "网点编号", required: true), .init("staff", "工号"), .init("item", "条目", required: true),
        .init("date", "日期", required: true), .init("measure", "整改措施"), .init("owner", "整改责任人"),
        .init("done", "完成日期"), .init("reviewer", "复查人"),
    ]

    /// nil when the file has any error: a half-read set of responses would show findings as
    /// still open that the branch has answered.
    public static func load(_ path: String) -> (responses: [RectificationResponse]?, diagnostics: [Diagnostic]) {
        var diags = DiagnosticList(file: path)
        guard let t = CSVColumns.load(path, columns: columns, diags: &diags) else { return (nil, diags.items) }
        var out: [RectificationResponse] = []
        var firstLine: [RectificationResponse.Key: Int] = [:]
        for r in t.rows(diags: &diags) {
            let branch = t.required(r, "branch", diags: &diags)
            let item = t.required(r, "item", diags: &diags)
            let date = t.day(r, "date", required: true, diags: &diags)
            let done = t.day(r, "done", required: false, diags: &diags)
            guard let branch, let item, let date else { continue }
            let resp = RectificationResponse(branch: branch, staff: t.optional(r, "staff"), item: item, date: date,
                                             measure: t.optional(r, "measure"), owner: t.optional(r, "owner"), done: done,
                                             reviewer: t.optional(r, "reviewer"), file: path, line: r.line,
                                             mark: Mark(line: r.line, column: 1))
            if let first = firstLine[resp.key] {
                diags.error(.responseDuplicate, ["first": .count(first)], at: resp.mark)
                continue
            }
            firstLine[resp.key] = r.line
            out.append(resp)
        }
        return (diags.hasErrors ? nil : out, diags.items)
    }
}

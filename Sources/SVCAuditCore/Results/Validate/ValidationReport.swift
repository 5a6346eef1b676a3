/// The result of `svcaudit validate`.
public struct ValidationReport: Report {
    public static let formats: [OutputFormat] = [.table, .json]

    public var summary: VisitRun.Summary
    public var checklists: Int

    /// The language of each diagnostic's `message` in the JSON form (its `code` is the same in both).
    public var lang: Language

    public init(summary: VisitRun.Summary, checklists: Int, lang: Language = .zh) {
        self.summary = summary
        self.checklists = checklists
        self.lang = lang
    }

    public var ok: Bool { summary.errorCount == 0 }

    public func json() -> JSONValue {
        .object([
            ("ok", .bool(ok)),
            ("files", .int(summary.filesRead)),
            ("visits", .int(summary.visits)),
            ("policies", .int(summary.policies)),
            ("checklists", .int(checklists)),
            ("errors", .int(summary.errorCount)),
            ("warnings", .int(summary.warningCount)),
            ("invalid_files", .array(summary.invalidFiles.map { .string($0) })),
            ("not_yaml", .array(summary.notYAML.map { .string($0) })),
            ("diagnostics", .array(summary.diagnostics.map { d in
                .object([("file", .string(d.file)), ("line", .int(d.mark.line)), ("column", .int(d.mark.column)),
                         ("severity", .string(d.severity.rawValue)), ("code", .string(d.code.rawValue)),
                         ("message", .string(d.message(lang)))])
            })),
        ])
    }

}

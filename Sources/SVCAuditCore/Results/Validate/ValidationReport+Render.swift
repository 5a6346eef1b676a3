// Rendering of the validation summary.
extension ValidationReport {
    /// One line: ✓ or ✗ and the counts (the diagnostics themselves go to stderr).
    public func document(_ ctx: RenderContext) -> Document {
        let s = summary
        var line = ctx.t(
            "已检查 \(s.filesRead) 个文件（检查记录 \(s.visits)，评选规则 \(s.policies)，检查表 \(checklists)）：\(s.errorCount) 个错误，\(s.warningCount) 个警告",
            "checked \(s.filesRead) files (\(s.visits) visits, \(s.policies) policies, \(checklists) checklists): \(s.errorCount) errors, \(s.warningCount) warnings")
        if !s.invalidFiles.isEmpty {
            line += ctx.t("；\(s.invalidFiles.count) 个文件无效", "; \(s.invalidFiles.count) invalid files")
        }
        if !s.notYAML.isEmpty {
            line += ctx.t("；跳过 \(s.notYAML.count) 个非 YAML 文件", "; \(s.notYAML.count) non-YAML files not read")
        }
        let mark = ok ? ANSI.green("✓", enabled: ctx.color) : ANSI.red("✗", enabled: ctx.color)
        return Document(title: mark + " " + line, lang: ctx.lang)
    }
}

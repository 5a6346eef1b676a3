import ArgumentParser
import SVCAuditCore

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check checklists, visits and policies; list every problem as file:line:col.",
        discussion: """
            Exits 0 when there are no errors (warnings alone do not fail, unless --strict), 1 otherwise.
            Limits per file: \(YAMLLimits.default.maxFileBytes >> 20) MiB, \(YAMLLimits.default.maxDepth) levels of nesting, \
            \(YAMLLimits.default.maxNodes) YAML nodes, \(YAMLLimits.default.maxScalarBytes >> 10) KiB per value, \
            \(YAMLLimits.default.maxStaff) employees in 'staff', \(YAMLLimits.default.maxAnswers) answers in one 'results' mapping; \
            input must be UTF-8 (a BOM and CRLF line ends are fine).
            """
    )

    @OptionGroup var input: InputOptions
    @OptionGroup var out: OutputOptions<ValidationReport>

    func run() throws {
        let loaded = input.checklistOptions.load()
        let progress = out.progress()
        let summary = VisitRun.run(input.settings(progress: progress), checklists: loaded) { _ in }
        progress?.finish()
        let report = ValidationReport(summary: summary, checklists: loaded.catalog.checklists.count)
        if out.format != .json {
            Console.diagnostics(summary.diagnostics, quiet: out.quiet)
            Console.notYAML(summary.notYAML, quiet: out.quiet)
        }
        try out.emit(report)
        if !report.ok { throw ExitCode(1) }
    }
}

import ArgumentParser
import SVCAuditCore

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check checklists, visits, policies (and with --roster the roster, and the visits against it); list every problem as file:line:col.",
        discussion: """
            Exits 0 when there are no errors (warnings alone do not fail, unless --strict), 1 otherwise.
            Limits per file: \(YAMLLimits.default.maxFileBytes >> 20) MiB, \(YAMLLimits.default.maxDepth) levels of nesting, \
            \(YAMLLimits.default.maxNodes) YAML nodes, \(YAMLLimits.default.maxScalarBytes >> 10) KiB per value, \
            \(YAMLLimits.default.maxStaff) employees in 'staff', \(YAMLLimits.default.maxAnswers) answers in one 'results' mapping; \
            input must be UTF-8 (a BOM and CRLF line ends are fine).
            """
    )

    @OptionGroup var input: InputOptions
    @OptionGroup var rosterOptions: RosterOptions
    @OptionGroup var out: OutputOptions<ValidationReport>

    func run() throws {
        // The folders are walked meanwhile, while the checklists and the rest load.
        let walk = input.startWalk()
        let loaded = input.checklistOptions.load()
        // With --roster the roster's own problems are listed too, and each valid visit is
        // checked against it (SPEC §1.4 warnings).
        var rosterDiagnostics: [Diagnostic] = []
        var roster: Roster?
        if let dir = rosterOptions.roster {
            let (r, diags) = RosterLoader.load(directory: dir, roles: RosterOptions.resolver(loaded), knownRoles: loaded.catalog.namedRoles.sorted())
            roster = r
            rosterDiagnostics = diags
        }
        // Every diagnostic, printed as it is found (table), or listed in the document (json).
        let json = out.format == .json
        let digest = DiagnosticDigest(warnings: out.quiet ? .none : .all, lang: Console.lang, keep: json,
                                      write: json ? { _ in } : Console.errorText)
        func strict(_ list: [Diagnostic]) -> [Diagnostic] {
            input.strict ? list.map { var d = $0; d.severity = .error; return d } : list
        }
        // The roster's own problems first; each visit's against the roster right after its own.
        digest.add(file: strict(rosterDiagnostics))
        let progress = out.progress()
        var summary = VisitRun.run(input.settings(progress: progress, walk: walk), checklists: loaded, digest: digest) { v in
            if let roster { digest.add(file: strict(RosterCheck.check(v.summary, against: roster))) }
        }
        progress?.finish()
        digest.finish()
        summary.errorCount = digest.errors
        summary.warningCount = digest.warningTotal
        if json { summary.diagnostics = digest.kept }
        let report = ValidationReport(summary: summary, checklists: loaded.catalog.checklists.count, lang: out.context.lang)
        if !json { Console.notYAML(summary.notYAML, quiet: out.quiet) }
        try out.emit(report, roles: loaded.catalog.roles)
        if !report.ok { throw ExitCode(1) }
    }
}

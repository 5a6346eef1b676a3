import ArgumentParser
import SVCAuditCore

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "检查通报: branch table, 达标率 against targets, most-failed items, vetoes, months, change on the previous period.",
        discussion: """
        With --period (or --from/--to) the visits of that period are reported and compared with the \
        previous period of the same length when PATHS hold visits for it. Without a period every visit is \
        reported. --format html writes one self-contained file with charts, printable on A4, headed by \
        the issuing unit (--issuer, or the policy's issuer:) and the period. --format csv writes one table \
        (the branch table unless --table names another); --format xlsx writes every table, one sheet each.
        """
    )

    @OptionGroup var input: InputOptions
    @OptionGroup var period: PeriodOptions
    @OptionGroup var policy: PolicyOptions
    @OptionGroup var rosterOptions: RosterOptions
    @OptionGroup var empty: EmptyPeriodOptions
    @OptionGroup var out: OutputOptions<InspectionReport>

    @Option(name: .long, help: ArgumentHelp("How many of the most-failed items to list.", valueName: "n"))
    var top: Int = InspectionReport.defaultTopItems

    @Option(name: .long, help: ArgumentHelp("The issuing unit printed at the head of the 通报 (default: the policy's issuer:).", valueName: "unit"))
    var issuer: String?

    func validate() throws {
        if top < 1 { throw ValidationError("--top must be 1 or more") }
    }

    func run() throws {
        let p = try policy.load(quiet: out.quiet)
        let resolved = try period.resolved()
        let loaded = input.checklistOptions.load()
        let roster = try rosterOptions.load(loaded, quiet: out.quiet)
        var buckets = PeriodBuckets(period: resolved, policy: p, index: loaded.catalog.scoring)
        var gate = PeriodGate(period: resolved)
        var rosterWarnings: [Diagnostic] = []
        let summary = try input.readSummaries(loaded, quiet: out.quiet, progress: out.progress()) { v in
            gate.see(v.date)
            if let roster, resolved?.contains(v.date) ?? true { rosterWarnings += RosterCheck.check(v, against: roster) }
            buckets.add(v)
        }
        Console.diagnostics(rosterWarnings, quiet: out.quiet)
        try empty.check(gate, lang: out.context.lang)
        var report = buckets.report(roster: roster, catalog: loaded.catalog, policy: p, skipped: summary.invalidFiles, topItems: top)
        if let issuer { report.issuer = issuer }
        try out.emit(report)
    }
}

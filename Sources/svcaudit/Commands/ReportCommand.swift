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
        (the branch table unless --table names another); --format xlsx writes every table, one sheet each. \
        检查质量 names flagged inspectors and the gap between methods (see svcaudit inspectors); \
        --events adds 表扬与投诉; --as-of (or --responses) adds 整改情况 per branch.
        """
    )

    @OptionGroup var input: InputOptions
    @OptionGroup var period: PeriodOptions
    @OptionGroup var policy: PolicyOptions
    @OptionGroup var events: EventOptions
    @OptionGroup var rosterOptions: RosterOptions
    @OptionGroup var empty: EmptyPeriodOptions
    @OptionGroup var out: OutputOptions<InspectionReport>

    @Option(name: .long, help: ArgumentHelp("Add 整改情况: how the period's findings stand on this day, per branch (reads every visit in full, so slower), YYYY-MM-DD.", valueName: "date"))
    var asOf: String?

    @Option(name: .long, help: ArgumentHelp("The branches' answers to findings (as for rectify); adds 整改情况 as of --as-of, else today.", valueName: "file"))
    var responses: String?

    @Option(name: .long, help: ArgumentHelp("How many of the most-failed items to list.", valueName: "n"))
    var top: Int = InspectionReport.defaultTopItems

    @Option(name: .long, help: ArgumentHelp("The issuing unit printed at the head of the 通报 (default: the policy's issuer:).", valueName: "unit"))
    var issuer: String?

    func validate() throws {
        if let asOf { _ = try parseDay(asOf, flag: "--as-of") }
        if top < 1 { throw ValidationError(Console.t("--top 应为 1 或以上", "--top must be 1 or more")) }
    }

    func run() throws {
        // The folders are walked meanwhile, while the checklists and the rest load.
        let walk = input.startWalk()
        let loaded = input.checklistOptions.load()
        let p = try policy.load(quiet: out.quiet, roles: loaded.catalog.roles, period: try period.resolved())
        let resolved = try period.resolved()
        let roster = try rosterOptions.load(loaded, quiet: out.quiet)
        let log = try events.load(loaded.catalog, quiet: out.quiet)
        let answers = try loadResponses(responses, quiet: out.quiet)
        let rectifyAsOf = try asOf.map { try parseDay($0, flag: "--as-of") } ?? (responses != nil ? Day.today() : nil)
        var buckets = PeriodBuckets(period: resolved, policy: p, index: loaded.catalog.scoring)
        var calibration = InspectorCalibration(period: resolved)
        var tracker = rectifyAsOf.map { RectificationTracker(catalog: loaded.catalog, asOf: $0, rules: p.rectify) }
        var gate = PeriodGate(period: resolved)
        let summary = try input.readScored(loaded, walk: walk, quiet: out.quiet, full: tracker != nil, roster: RosterCheck.Against(roster, period: resolved),
                                           progress: out.progress()) { v, score in
            gate.see(v.date)
            buckets.add(v)
            calibration.add(v)
            if let score { tracker?.add(score) }
        }
        try empty.check(gate, lang: out.context.lang)
        var report = buckets.report(roster: roster, catalog: loaded.catalog, policy: p, skipped: summary.invalidFiles, topItems: top)
        if let issuer { report.issuer = issuer }
        report.accountability.quality = calibration.report(p.calibration)
        if events.events != nil { report.accountability.events = log.within(resolved) }
        if let tracker {
            // The findings made in the period, with their status on the as-of day.
            let all = try resolve(tracker, answers, quiet: out.quiet).filter { resolved?.contains($0.date) ?? true }
            report.accountability.rectification = RectificationReport(resolved: all, tracker: tracker, catalog: loaded.catalog)
        }
        try out.emit(report, roles: loaded.catalog.roles, jobs: input.threads)
    }
}

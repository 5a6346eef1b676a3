import ArgumentParser
import SVCAuditCore

struct RankCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rank",
        abstract: "服务明星 / 标杆网点: rank employees or branches and select them under a published policy.",
        discussion: """
        The policy (--policy FILE; without it: everyone, top 10 overall) sets who is ranked, \
        the minimum visits and score, the veto rule, method weights, shrinkage, the tie rule, the \
        selection per group and the star levels. Visits outside --period (or --from/--to) are ignored. \
        --events FILE adds complaints and praise: a verified complaint naming a veto item disqualifies \
        (veto: disqualify) as a breach would, a verified praise adds events.praise_points (capped). \
        --format markdown or html writes the selection memo: the rules in words, who is selected in \
        each group, and why everyone else is not eligible.
        """
    )

    @OptionGroup var input: InputOptions
    @OptionGroup var period: PeriodOptions
    @OptionGroup var policy: PolicyOptions
    @OptionGroup var events: EventOptions
    @OptionGroup var rosterOptions: RosterOptions
    @OptionGroup var empty: EmptyPeriodOptions
    @OptionGroup var out: OutputOptions<RankReport>

    func run() throws {
        // The folders are walked meanwhile, while the checklists and the rest load.
        let walk = input.startWalk()
        let loaded = input.checklistOptions.load()
        let p = try policy.load(quiet: out.quiet, roles: loaded.catalog.roles, period: try period.resolved())
        let resolved = try period.resolved()
        // The memo (markdown, html) lists the visits behind each selected entry.
        let memo = out.format == .markdown || out.format == .html
        var fold = RankFold(policy: p, period: resolved, keepVisits: memo)
        let log = try events.load(loaded.catalog, quiet: out.quiet)
        let roster = try rosterOptions.load(loaded, quiet: out.quiet)
        var gate = PeriodGate(period: resolved)
        let summary = try input.readSummaries(loaded, walk: walk, quiet: out.quiet, keep: RankReport.dataWarningCodes,
                                              roster: RosterCheck.Against(roster, period: resolved), progress: out.progress()) { v in
            gate.see(v.date)
            fold.add(v)
        }
        fold.add(events: log)
        Console.diagnostics(fold.eventsNamingNobody(log, roster: roster), quiet: out.quiet)
        let ctx = out.context
        try empty.check(gate, lang: ctx.lang)
        let report = RankReport(ranking: fold.ranking(roster: roster), lang: ctx.lang, skipped: summary.invalidFiles,
                                diagnostics: summary.diagnostics, catalog: loaded.catalog)
        if !report.dataWarnings.isEmpty, !out.quiet {
            Console.error("svcaudit: " + Console.t("上面的 \(report.dataWarnings.count) 条数据质量警告可能影响排名", "\(report.dataWarnings.count) data-quality warning(s) above may distort the ranking"))
        }
        try out.emit(report, roles: loaded.catalog.roles, jobs: input.threads)
    }
}

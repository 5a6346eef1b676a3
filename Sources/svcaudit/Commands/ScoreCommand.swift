import ArgumentParser
import SVCAuditCore

struct ScoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "score",
        abstract: "Score visits: each visit's score and each employee's, with checklist scores, bonus and vetoes.",
        discussion: """
        Visits are listed by date, then id; with --period (or --from/--to) only the visits of that period. Scores are rounded to 2 decimals for display only. \
        When any file is invalid, every problem is printed and there is no result (exit 1), unless \
        --skip-invalid. Low scores and vetoes never fail the run unless --fail-under or --fail-on-veto \
        is given (exit 2, after the result is written). Use `svcaudit explain FILE` for the arithmetic \
        of one visit.
        """
    )

    @OptionGroup var input: InputOptions
    @OptionGroup var period: PeriodOptions
    @OptionGroup var empty: EmptyPeriodOptions
    @OptionGroup var out: OutputOptions<ScoreReport>

    @Option(name: .long, help: ArgumentHelp("Exit 2 when any visit score is below this.", valueName: "score"))
    var failUnder: Double?

    @Flag(name: .long, help: "Exit 2 when any visit has a veto (一票否决) breach, by the branch or an employee.")
    var failOnVeto = false

    func validate() throws {
        if let failUnder, !failUnder.isFinite { throw ValidationError(Console.t("--fail-under 应为数字", "--fail-under must be a number")) }
    }

    func run() throws {
        // The folders are walked meanwhile, while the checklists and the rest load.
        let walk = input.startWalk()
        let loaded = input.checklistOptions.load()
        var rows: [ScoreReport.VisitRow] = []
        let resolved = try period.resolved()
        var gate = PeriodGate(period: resolved)
        let summary = try input.readSummaries(loaded, walk: walk, quiet: out.quiet, progress: out.progress()) { v in
            gate.see(v.date)
            if resolved?.contains(v.date) ?? true { rows.append(.init(v)) }
        }
        try empty.check(gate, lang: out.context.lang)
        let report = ScoreReport(visits: rows, catalog: loaded.catalog, skipped: summary.invalidFiles)
        try out.emit(report, roles: loaded.catalog.roles, jobs: input.threads)

        var crossed = false
        if let failUnder {
            let low = report.visits(below: failUnder)
            if !low.isEmpty {
                crossed = true
                let shown = failUnder == failUnder.rounded() && abs(failUnder) < 1e15 ? String(Int(failUnder)) : Num.short(failUnder)
                let list = low.map { "\($0.id) (\(Num.fixed2($0.score!)))" }
                Console.error("svcaudit: --fail-under \(shown): " + Console.t("\(low.count) 次检查低于该分数：\(list.joined(separator: "、"))",
                    "\(low.count) visit\(low.count == 1 ? "" : "s") below: \(list.joined(separator: ", "))"))
            }
        }
        if failOnVeto {
            let flagged = report.visitsWithBreach
            if !flagged.isEmpty {
                crossed = true
                let list = flagged.map { "\($0.id) (\($0.breaches.joined(separator: " ")))" }
                Console.error("svcaudit: --fail-on-veto: " + Console.t("\(flagged.count) 次检查触犯一票否决项：\(list.joined(separator: "、"))",
                    "\(flagged.count) visit\(flagged.count == 1 ? "" : "s") with a veto breach: \(list.joined(separator: ", "))"))
            }
        }
        if crossed { throw ExitCode(2) }
    }
}

import ArgumentParser
import SVCAuditCore

struct CoverageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "coverage",
        abstract: "日查/周查/月查: which branches missed their required inspections, and which staff were never inspected.",
        discussion: """
        Needs --roster DIR (who and what should be inspected) and a period. The policy's `cadence` rules \
        say how many visits of which methods each branch needs per day, ISO week, month or quarter while it \
        is open and not waived; `staff_coverage` (default 1) how often each employee active on the roster \
        must be observed, at any branch. Lists per branch and rule the required and met slots and the missed \
        ones, the under-inspected staff, and staff observed but not on the roster. --format html draws a \
        calendar strip per branch. --fail-on-gap exits 2 (after writing the result) when any required slot \
        was missed or any employee was under-inspected.
        """
    )

    @OptionGroup var input: InputOptions
    @OptionGroup var period: PeriodOptions
    @OptionGroup var policy: PolicyOptions
    @OptionGroup var rosterOptions: RosterOptions
    @OptionGroup var empty: EmptyPeriodOptions
    @OptionGroup var out: OutputOptions<CoverageReport>

    @Flag(name: .long, help: "Exit 2 when a required slot was missed or an active employee was under-inspected.")
    var failOnGap = false

    func validate() throws {
        if rosterOptions.roster == nil { throw ValidationError(Console.t("coverage 需要 --roster 名册文件夹（branches.csv、staff.csv）", "coverage needs --roster DIR (branches.csv, staff.csv)")) }
        if try period.resolved() == nil { throw ValidationError(Console.t("coverage 需要检查期间：--period 2026-Q3，或 --from 与 --to", "coverage needs a period: --period 2026-Q3, or --from and --to")) }
    }

    func run() throws {
        // The folders are walked meanwhile, while the checklists and the rest load.
        let walk = input.startWalk()
        let loaded = input.checklistOptions.load()
        let p = try policy.load(quiet: out.quiet, roles: loaded.catalog.roles, period: try period.resolved())
        let roster = try rosterOptions.load(loaded, quiet: out.quiet)!
        let resolved = try period.resolved()!
        var fold = CoverageFold(roster: roster, policy: p, period: resolved)
        var gate = PeriodGate(period: resolved)
        let summary = try input.readSummaries(loaded, walk: walk, quiet: out.quiet, roster: RosterCheck.Against(roster, period: resolved),
                                              progress: out.progress()) { v in
            gate.see(v.date)
            fold.add(v)
        }
        try empty.check(gate, lang: out.context.lang)
        let report = CoverageReport(fold.coverage(), skipped: summary.invalidFiles)
        try out.emit(report, roles: loaded.catalog.roles)
        if failOnGap, report.coverage.hasGap {
            let c = report.coverage
            Console.error("svcaudit: --fail-on-gap: " + Console.t("\(c.missedSlots) 个应检时段未检，\(c.underInspected.count) 名员工受检不足",
                "\(c.missedSlots) missed slot\(c.missedSlots == 1 ? "" : "s"), \(c.underInspected.count) under-inspected employee\(c.underInspected.count == 1 ? "" : "s")"))
            throw ExitCode(2)
        }
    }
}

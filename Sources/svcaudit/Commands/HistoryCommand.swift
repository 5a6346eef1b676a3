import ArgumentParser
import SVCAuditCore

struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "员工服务档案: one employee's (or, with --branch, one branch's) visits over time, with monthly and quarterly stars.",
        discussion: """
        Every visit in date order with branch, method, inspector, score, checklist scores, each deduction with \
        its note, and vetoes; then monthly and quarterly means (weighted by the policy's method_weights) with \
        the star level of --policy. --events lists the employee's complaints and praise (a verified complaint on a \
        veto item disqualifies its month and quarter, as in the ranking). The employee's branches over time are listed: \
        with --roster its assignments (an employee on the roster who was never inspected still gets a record), else the runs \
        of visits at one branch. An id that is neither in the visits nor on the roster exits 1 and names the closest ids.
        """
    )

    @Argument(help: ArgumentHelp("Employee id (or branch id with --branch), e.g. E1001.", valueName: "id"))
    var id: String

    @OptionGroup var input: InputOptions
    @OptionGroup var period: PeriodOptions
    @OptionGroup var policy: PolicyOptions
    @OptionGroup var events: EventOptions
    @OptionGroup var rosterOptions: RosterOptions
    @OptionGroup var out: OutputOptions<ServiceHistory>

    @Flag(name: .long, help: "ID is a branch id: the branch's own record (网点服务档案).")
    var branch = false

    func run() throws {
        // The folders are walked meanwhile, while the checklists and the rest load.
        let walk = input.startWalk()
        let loaded = input.checklistOptions.load()
        let p = try policy.load(quiet: out.quiet, roles: loaded.catalog.roles, period: try period.resolved())
        let log = try events.load(loaded.catalog, quiet: out.quiet)
        let roster = try rosterOptions.load(loaded, quiet: out.quiet)
        let resolved = try period.resolved()
        var collector = ServiceHistoryCollector(id: id, subject: branch ? .branch : .staff, period: resolved)
        // The ranking of the same visits gives the summary's mean and stars (SPEC §2.6: one arithmetic).
        var rankPolicy = p
        rankPolicy.by = branch ? .branch : .staff
        var fold = RankFold(policy: rankPolicy, period: resolved)
        let summary = try input.readVisits(loaded, walk: walk, quiet: out.quiet, progress: out.progress()) { collector.add($0); fold.add($0.summary) }
        fold.add(events: log)
        // With --roster an employee on it has a record even when never inspected.
        let onRoster = !branch && roster?.staff[id] != nil
        guard collector.seen || onRoster else {
            let n = collector.known.count
            var msg = "svcaudit: " + (branch
                ? Console.t("读到的检查记录里没有网点 '\(id)'（共有 \(n) 个网点）", "no branch '\(id)' in the visits read (\(n) branches found)")
                : Console.t("读到的检查记录里没有员工 '\(id)'（共有 \(n) 名员工）", "no employee '\(id)' in the visits read (\(n) employees found)"))
            let close = collector.suggestions()
            if !close.isEmpty {
                let names = close.map { "\($0) (\(collector.known[$0] ?? ""))" }
                msg += Console.t("；是否应为 \(names.joined(separator: "、"))？", "; did you mean \(names.joined(separator: ", "))?")
            } else if !branch, collector.known[id] == nil {
                msg += Console.t("；查网点的档案请加 --branch", "; for a branch's record add --branch")
            }
            Console.error(msg)
            throw ExitCode(1)
        }
        try out.emit(ServiceHistory(collector, policy: p, catalog: loaded.catalog, skipped: summary.invalidFiles,
                                    events: log, ranking: fold.ranking(roster: roster), roster: roster), roles: loaded.catalog.roles)
    }
}

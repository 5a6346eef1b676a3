import ArgumentParser
import SVCAuditCore

extension RectificationTracker.Finding.Status: ExpressibleByArgument {}

struct RectifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rectify",
        abstract: "整改清单: every deduction with its note and fix-by date, open / overdue / closed, grouped by branch.",
        discussion: """
        A finding is closed when a later visit of the same branch answers the same item without deduction \
        (for a staff item: for the same employee); open otherwise, and overdue once its fix_by date is before \
        --as-of (default: today). Visits after --as-of are not considered. \
        --fail-on-overdue exits 2 when any finding is overdue.
        """
    )

    @OptionGroup var input: InputOptions
    @OptionGroup var out: OutputOptions

    @Option(name: .long, help: ArgumentHelp("The day the status is worked out for (default: today), YYYY-MM-DD.", valueName: "date"))
    var asOf: String?

    @Option(name: .long, help: "List only findings with this status: open, overdue or closed.")
    var status: RectificationTracker.Finding.Status?

    @Flag(name: .long, help: "Exit 2 when any finding is overdue.")
    var failOnOverdue = false

    func validate() throws {
        try out.check(RectificationReport.formats)
        if let asOf { _ = try parseDay(asOf, flag: "--as-of") }
    }

    func run() throws {
        let day = try asOf.map { try parseDay($0, flag: "--as-of") } ?? Day.today()
        let loaded = input.checklistOptions.load()
        let catalog = loaded.catalog
        var tracker = RectificationTracker(catalog: catalog, asOf: day)
        let summary = try input.readVisits(loaded, quiet: out.quiet) { tracker.add($0) }
        let report = RectificationReport(tracker: tracker, catalog: catalog, status: status, skipped: summary.invalidFiles)
        try out.emit(report, roles: loaded.catalog.roles)
        if failOnOverdue && report.overdue > 0 {
            Console.error("svcaudit: " + Console.t("\(report.overdue) 个问题已超期未整改", "\(report.overdue) finding\(report.overdue == 1 ? " is" : "s are") overdue"))
            throw ExitCode(2)
        }
    }
}

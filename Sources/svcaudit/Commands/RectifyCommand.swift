import ArgumentParser
import SVCAuditCore

/// `--status`: one status, or `all`.
enum StatusChoice: ExpressibleByArgument {
    case only(RectificationTracker.Finding.Status)
    case all

    init?(argument: String) {
        if argument == "all" { self = .all; return }
        guard let s = RectificationTracker.Finding.Status(rawValue: argument) else { return nil }
        self = .only(s)
    }

    static var allValueStrings: [String] { RectificationTracker.Finding.Status.allCases.map(\.rawValue) + ["all"] }
}

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
    @OptionGroup var out: OutputOptions<RectificationReport>

    @Option(name: .long, help: ArgumentHelp("The day the status is worked out for (default: today), YYYY-MM-DD.", valueName: "date"))
    var asOf: String?

    @Option(name: .long, help: ArgumentHelp("List only findings with this status: \(StatusChoice.allValueStrings.joined(separator: ", ")). Default: all, except for --format html, which lists open and overdue findings and counts the closed ones.", valueName: "status"))
    var status: StatusChoice?

    @Flag(name: .long, help: "Exit 2 when any finding is overdue.")
    var failOnOverdue = false

    func validate() throws {
        if let asOf { _ = try parseDay(asOf, flag: "--as-of") }
    }

    func run() throws {
        let day = try asOf.map { try parseDay($0, flag: "--as-of") } ?? Day.today()
        let loaded = input.checklistOptions.load()
        let catalog = loaded.catalog
        var tracker = RectificationTracker(catalog: catalog, asOf: day)
        let summary = try input.readVisits(loaded, quiet: out.quiet, progress: out.progress()) { tracker.add($0) }
        var only: RectificationTracker.Finding.Status?
        if case .only(let s)? = status { only = s }
        // The printed 整改清单 is a to-do list: closed findings are a count, unless asked for.
        let report = RectificationReport(tracker: tracker, catalog: catalog, status: only, skipped: summary.invalidFiles,
                                         hideClosed: status == nil && out.format == .html)
        try out.emit(report)
        if failOnOverdue && report.overdue > 0 {
            Console.error("svcaudit: \(report.overdue) finding\(report.overdue == 1 ? " is" : "s are") overdue")
            throw ExitCode(2)
        }
    }
}

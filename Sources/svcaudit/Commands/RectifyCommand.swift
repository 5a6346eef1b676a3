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
        abstract: "整改清单: every deduction with its note and due date, open / overdue / reported / closed, grouped by branch.",
        discussion: """
        A finding is due on its fix_by date, else on its date + rectify.default_days of --policy. It is closed \
        by the earliest later visit of a method in rectify.closing_methods (default: all) that answers the \
        same item without deduction: the same branch for a branch item, the same employee at any branch for a \
        staff item. Otherwise it is reported when --responses records a completion date on or before --as-of, \
        overdue once due is before --as-of, else open; a repeat when the subject had the same finding within \
        rectify.repeat_days before. Visits after --as-of (default: today) are not considered. \
        --format html prints one 整改通知书 per branch, ready to send. \
        --fail-on-overdue exits 2 when any finding is overdue.
        """
    )

    @OptionGroup var input: InputOptions
    @OptionGroup var policy: PolicyOptions
    @OptionGroup var out: OutputOptions<RectificationReport>

    @Option(name: .long, help: ArgumentHelp("The day the status is worked out for (default: today), YYYY-MM-DD.", valueName: "date"))
    var asOf: String?

    @Option(name: .long, help: ArgumentHelp("The branches' answers (CSV: branch,staff,item,date,measure,owner,done,reviewer or 网点编号,工号,条目,日期,整改措施,整改责任人,完成日期,复查人).", valueName: "file"))
    var responses: String?

    @Option(name: .long, help: ArgumentHelp("List only findings with this status: \(StatusChoice.allValueStrings.joined(separator: ", ")). Default: all, except for --format html, which lists the open, overdue and reported findings and counts the closed ones.", valueName: "status"))
    var status: StatusChoice?

    @Flag(name: .long, help: "Exit 2 when any finding is overdue.")
    var failOnOverdue = false

    func validate() throws {
        if let asOf { _ = try parseDay(asOf, flag: "--as-of") }
    }

    func run() throws {
        let day = try asOf.map { try parseDay($0, flag: "--as-of") } ?? Day.today()
        // The folders are walked meanwhile, while the checklists and the rest load.
        let walk = input.startWalk()
        let loaded = input.checklistOptions.load()
        let p = try policy.load(quiet: out.quiet, roles: loaded.catalog.roles)
        let answers = try loadResponses(responses, quiet: out.quiet)
        let catalog = loaded.catalog
        var tracker = RectificationTracker(catalog: catalog, asOf: day, rules: p.rectify)
        let summary = try input.readVisits(loaded, walk: walk, quiet: out.quiet, progress: out.progress()) { tracker.add($0) }
        let all = try resolve(tracker, answers, quiet: out.quiet)
        var only: RectificationTracker.Finding.Status?
        if case .only(let s)? = status { only = s }
        // The printed 整改清单 is a to-do list: closed findings are a count, unless asked for.
        let report = RectificationReport(resolved: all, tracker: tracker, catalog: catalog, status: only,
                                         skipped: summary.invalidFiles, hideClosed: status == nil && out.format == .html)
        try out.emit(report, roles: loaded.catalog.roles)
        if failOnOverdue && report.overdue > 0 {
            Console.error("svcaudit: " + Console.t("\(report.overdue) 个问题已超期未整改", "\(report.overdue) finding\(report.overdue == 1 ? " is" : "s are") overdue"))
            throw ExitCode(2)
        }
    }
}

/// `--responses FILE` (SPEC §2.7), or none; a broken file prints its diagnostics and exits 1.
func loadResponses(_ path: String?, quiet: Bool) throws -> [RectificationResponse] {
    guard let path else { return [] }
    let (list, diags) = ResponseLoader.load(path)
    Console.diagnostics(diags, quiet: quiet)
    guard let list else { throw ExitCode(1) }
    return list
}

/// The findings with their status; a response naming no finding is an error (exit 1).
func resolve(_ tracker: RectificationTracker, _ responses: [RectificationResponse], quiet: Bool) throws -> [RectificationTracker.Finding] {
    let (all, unmatched) = tracker.resolved(responses: responses)
    guard unmatched.isEmpty else {
        Console.diagnostics(unmatched.map { r in
            Diagnostic(file: r.file, mark: r.mark, severity: .error, code: .responseNoFinding,
                       args: ["branch": .text(r.branch), "subject": r.staff.map { .text($0) } ?? .localized(zh: "（网点）", en: "(branch)"), "item": .text(r.item),
                              "date": .text(r.date.description), "as_of": .text(tracker.asOf.description)])
        }, quiet: quiet)
        throw ExitCode(1)
    }
    return all
}

import ArgumentParser
import Foundation
import SVCAuditCore

struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "The arithmetic of one visit, item by item, so the score can be redone by hand.",
        discussion: """
        For each item: the answer, earned of max points, and why an item is left out (na, unanswered, \
        not for the role); section subtotals and checklist scores; each employee's weighted composite \
        with the weights written out, bonus and vetoes; then the visit score, a staff checklist's score \
        being the mean over the employees. --staff ID shows one employee only. FILE may be - for \
        standard input. An invalid file prints every problem and exits 1.
        """
    )

    @Argument(help: ArgumentHelp("One visit file, or - for standard input.", valueName: "file"))
    var file: String

    @Option(name: .long, help: ArgumentHelp("Explain this employee only.", valueName: "id"))
    var staff: String?

    @OptionGroup var checklistOptions: ChecklistOptions

    @Flag(name: .long, help: "Treat warnings (unanswered items, deductions without a note, …) as errors.")
    var strict = false

    @OptionGroup var out: OutputOptions<ExplainReport>

    func validate() throws {
        var isDir: ObjCBool = false
        if FileManager.default.fileExists(atPath: file, isDirectory: &isDir), isDir.boolValue {
            throw ValidationError(Console.t("explain 只解释一个检查记录文件，“\(file)”是文件夹；多个文件请用 `svcaudit score \(file)`", "explain takes one visit file, not a directory ('\(file)'); use `svcaudit score \(file)` for many"))
        }
    }

    func run() throws {
        let loaded = checklistOptions.load()
        var settings = VisitRun.Settings(paths: [file])
        settings.strict = strict
        settings.jobs = 1
        settings.detail = true
        var found: VisitScore?
        // One file: every warning.
        let digest = DiagnosticDigest(warnings: out.quiet ? .none : .all, lang: Console.lang, write: Console.errorText)
        let summary = VisitRun.run(settings, checklists: loaded, digest: digest) { found = $0.score }
        try stopIfInvalid(summary, digest: digest, skipInvalid: false, quiet: out.quiet)
        guard let visit = found else {
            Console.error("svcaudit: " + Console.t("\(file) 不是检查记录文件（检查记录有 'branch' 和 'date'）", "\(file) is not a visit file (a visit has 'branch' and 'date')"))
            throw ExitCode(1)
        }
        guard let report = ExplainReport(visit: visit, catalog: loaded.catalog, staffID: staff) else {
            let ids = visit.staff.map { "\($0.id) \($0.name)" }
            let close = DiagnosticArg.hint(Suggestion.closest(to: staff!, in: visit.staff.map(\.id))).text(Console.lang)
            Console.error("svcaudit: " + Console.t("\(file) 里没有员工 '\(staff!)'\(close)" + (ids.isEmpty ? "（这次检查没有记录员工）" : "；记录的员工：\(ids.joined(separator: "、"))"),
                "no employee '\(staff!)' in \(file)\(close)" + (ids.isEmpty ? " (the visit observed no employees)" : "; employees observed: \(ids.joined(separator: ", "))")))
            throw ExitCode(1)
        }
        try out.emit(report, roles: loaded.catalog.roles)
    }
}

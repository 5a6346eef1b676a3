import ArgumentParser
import SVCAuditCore

struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Print a blank visit file for an inspector to fill in.",
        discussion: """
        Every applicable item id is listed with its text as a comment; fill in the answers and run
        `svcaudit validate` on the file. Example:
          svcaudit new --branch BR0421 --branch-name 城中支行 --inspector 王敏 \\
            --staff E1001:李娜:teller --staff E1002:张伟:lobby_manager > BR0421-20260714-01.yaml
        """
    )

    @Option(help: "Branch id, e.g. BR0421.") var branch: String
    @Option(help: "Branch name, e.g. 城中支行.") var branchName: String = "（网点名称）"
    @Option(help: "The unit above the branch (支行).") var parent: String?
    @Option(help: "The wider grouping (分行).") var region: String?
    @Option(help: "Visit date YYYY-MM-DD (default: today).") var date: String?
    @Option(help: "Inspector's name.") var inspector: String?
    @Option(help: "Method: onsite, video, mystery, external or self.") var method: Visit.Method = .onsite
    @Option(parsing: .upToNextOption, help: "Checklist ids assessed on this visit (default: all loaded).") var only: [String] = []
    @Option(help: ArgumentHelp("An employee observed, as ID:NAME:ROLE (repeat for each).", valueName: "id:name:role"))
    var staff: [String] = []
    @OptionGroup var source: ChecklistOptions
    @Option(name: [.short, .long], help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
    var output: String?

    func validate() throws {
        for s in staff where s.split(separator: ":", omittingEmptySubsequences: false).count != 3 {
            throw ValidationError("--staff takes ID:NAME:ROLE, e.g. E1001:李娜:teller; got '\(s)'")
        }
        if let date, Day(date) == nil { throw ValidationError("--date must be YYYY-MM-DD, got '\(date)'") }
    }

    func run() throws {
        let loaded = try source.loadOrExit(quiet: false)
        for id in only where loaded.catalog.checklist(id) == nil {
            Console.error("svcaudit: no checklist '\(id)' is loaded" + Suggestion.hint(for: id, in: loaded.catalog.ids))
            throw ExitCode(64)
        }
        let roles = loaded.catalog.namedRoles
        let entries = staff.map { s -> VisitTemplate.StaffEntry in
            let p = s.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
            return VisitTemplate.StaffEntry(id: p[0], name: p[1], role: p[2])
        }
        for e in entries where !roles.isEmpty && !roles.contains(e.role) {
            Console.error("svcaudit: warning: role '\(e.role)' is not named by any checklist" + Suggestion.hint(for: e.role, in: roles))
        }
        let template = VisitTemplate(
            branch: Branch(id: branch, name: branchName, parent: parent, region: region),
            date: date.flatMap(Day.init) ?? Day.today(), inspector: inspector, method: method,
            checklists: only.isEmpty ? nil : only, staff: entries)
        let text = template.render(catalog: loaded.catalog)
        if let output {
            do { try AtomicWriter.write(text, to: output) } catch {
                Console.error("svcaudit: \(error)")
                throw ExitCode(1)
            }
        } else {
            try Console.out(text)
        }
    }
}

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
            --staff E1001:李娜:柜员 --staff E1002:张伟:lobby_manager > BR0421-20260714-01.yaml
        A role may be written by its id, its name or an alias in roles.yaml (柜员, 综合柜员, teller);
        an unknown role is refused (exit 64) with the list of roles.
        """
    )

    @Option(help: "Branch id, e.g. BR0421.") var branch: String
    @Option(help: "Branch name, e.g. 城中支行 (default: a placeholder that validate refuses until it is replaced).") var branchName: String = Placeholder.branchName
    @Option(help: "The unit above the branch (支行).") var parent: String?
    @Option(help: "The wider grouping (分行).") var region: String?
    @Option(help: "Visit date YYYY-MM-DD (default: today).") var date: String?
    @Option(help: "Inspector's name.") var inspector: String?
    @Option(help: "Method: onsite (现场), video (录像), mystery (暗访), external (外部/第三方) or self (自查).") var method: Visit.Method = .onsite
    @Option(parsing: .upToNextOption, help: "Checklist ids assessed on this visit (default: all loaded).") var only: [String] = []
    @Option(help: ArgumentHelp("An employee observed, as ID:NAME:ROLE (repeat for each).", valueName: "id:name:role"))
    var staff: [String] = []
    @OptionGroup var source: ChecklistOptions
    @Option(help: "Message language: zh or en (default: $SVCAUDIT_LANG, else zh).") var lang: Language?
    @Option(help: "yaml (default): a visit file; xlsx: a blank 检查底稿 workbook (needs -o FILE.xlsx), for `svcaudit import`.")
    var format: TemplateFormat = .yaml

    enum TemplateFormat: String, ExpressibleByArgument { case yaml, xlsx }
    @Option(name: [.short, .long], help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
    var output: String?

    func validate() throws {
        for s in staff where s.split(separator: ":", omittingEmptySubsequences: false).count != 3 {
            throw ValidationError(Console.t("--staff 的格式为 工号:姓名:岗位，例如 E1001:李娜:柜员；收到“\(s)”", "--staff takes ID:NAME:ROLE, e.g. E1001:李娜:teller; got '\(s)'"))
        }
        if let date, Day(date) == nil { throw ValidationError(Console.t("--date 应写作 YYYY-MM-DD；收到“\(date)”", "--date must be YYYY-MM-DD, got '\(date)'")) }
    }

    func run() throws {
        let loaded = try source.loadOrExit(quiet: false)
        for id in only where loaded.catalog.checklist(id) == nil {
            Console.error("svcaudit: " + Diagnostic.text(.checklistNotLoaded, ["id": .text(id), "loaded": .list(loaded.catalog.ids),
                "hint": .hint(Suggestion.closest(to: id, in: loaded.catalog.ids))], Console.lang))
            throw ExitCode(64)
        }
        let entries = try staff.map { s -> VisitTemplate.StaffEntry in
            let p = s.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
            return VisitTemplate.StaffEntry(id: p[0], name: p[1], role: try roleID(p[2], loaded.catalog))
        }
        let template = VisitTemplate(
            branch: Branch(id: branch, name: branchName, parent: parent, region: region),
            date: date.flatMap(Day.init) ?? Day.today(), inspector: inspector, method: method,
            checklists: only.isEmpty ? nil : only, staff: entries)
        // A checklist named with --only must have a version in force on the visit's date.
        if case .failure(let p) = only.lazy.map({ loaded.catalog.version(of: $0, .on(template.date)) }).first(where: { if case .failure = $0 { true } else { false } }) {
            Console.error("svcaudit: " + p.message(Console.lang))
            throw ExitCode(1)
        }
        if format == .xlsx {
            guard let output else {
                Console.error("svcaudit: " + Console.t("--format xlsx 要用 -o 指定文件，例如 -o 检查底稿.xlsx", "--format xlsx needs -o FILE, e.g. -o visits.xlsx"))
                throw ExitCode(64)
            }
            do { try VisitWorkbook(template: template, catalog: loaded.catalog).write(to: output) } catch {
                Console.error("svcaudit: \(Console.describe(error))")
                throw ExitCode(1)
            }
            return
        }
        let text = template.render(catalog: loaded.catalog)
        if let output {
            do { try AtomicWriter.write(text, to: output) } catch {
                Console.error("svcaudit: \(Console.describe(error))")
                throw ExitCode(1)
            }
        } else {
            try Console.out(text)
        }
    }

    /// The role id a --staff role means (roles.yaml: id, name or alias). A template for a role
    /// nobody declared would leave out the items of that role's checklists, so it is refused.
    private func roleID(_ word: String, _ catalog: ChecklistCatalog) throws -> String {
        let roles = catalog.roles
        if !roles.isEmpty {
            if let id = roles.id(for: word) { return id }
            Console.error("svcaudit: " + Diagnostic.text(.unknownRole, ["role": .text(word),
                "roles": .text(roles.listing(Console.lang).joined(separator: Console.t("、", ", "))),
                "hint": .hint(roles.suggestion(for: word))], Console.lang))
            throw ExitCode(64)
        }
        let named = catalog.namedRoles
        if named.isEmpty || named.contains(word) { return word }
        Console.error("svcaudit: " + Diagnostic.text(.unknownRole, ["role": .text(word), "roles": .list(named.sorted()),
            "hint": .hint(Suggestion.closest(to: word, in: named))], Console.lang))
        throw ExitCode(64)
    }
}

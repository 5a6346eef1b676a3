import ArgumentParser
import SVCAuditCore

struct ChecklistsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "checklists",
        abstract: "Show the loaded checklists (检查表): families, versions, items, points, weights.",
        subcommands: [List.self, Show.self, Diff.self],
        defaultSubcommand: List.self
    )

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the loaded checklists with scope, roles, weight and points; each version with the days it is in force.")
        @OptionGroup var source: ChecklistOptions
        @OptionGroup var out: OutputOptions<ChecklistListing>

        func run() throws {
            let loaded = try source.loadOrExit(quiet: out.quiet)
            try out.emit(ChecklistListing(catalog: loaded.catalog, directory: loaded.directory), roles: loaded.catalog.roles)
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show one checklist item by item: text, type, points, roles, veto, source.",
            discussion: "Without --on or --version: the latest version. A checklist revised mid-year has one file per version (effective_from / effective_to).")
        @Argument(help: "The checklist id, e.g. counter.") var id: String
        @Option(name: .long, help: ArgumentHelp("Show the version in force on this day (YYYY-MM-DD).", valueName: "date")) var on: String?
        @Option(name: .long, help: ArgumentHelp("Show this version (its 'version:', e.g. 2026.1).", valueName: "version")) var version: String?
        @OptionGroup var source: ChecklistOptions
        @OptionGroup var out: OutputOptions<ChecklistDetail>

        func validate() throws {
            if on != nil, version != nil { throw ValidationError(Console.t("--on 与 --version 只能给一个", "give --on or --version, not both")) }
            if let on { _ = try parseDay(on, flag: "--on") }
        }

        func run() throws {
            let loaded = try source.loadOrExit(quiet: out.quiet)
            let choice: ChecklistCatalog.VersionChoice = try on.map { .on(try parseDay($0, flag: "--on")) } ?? version.map { .named($0) } ?? .latest
            switch loaded.catalog.version(of: id, choice) {
            case .success(let c):
                try out.emit(ChecklistDetail(checklist: c, versions: loaded.catalog.versions(of: id)), roles: loaded.catalog.roles)
            case .failure(let p):
                Console.error("svcaudit: " + p.message(Console.lang))
                throw ExitCode(1)
            }
        }
    }

    struct Diff: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Compare two versions of one checklist: items added, removed and changed (text, points, type, roles, scope…).",
            discussion: "Example: svcaudit checklists diff counter 2026.1 2026.2")
        @Argument(help: "The checklist id, e.g. counter.") var id: String
        @Argument(help: "The older version (its 'version:').") var from: String
        @Argument(help: "The newer version.") var to: String
        @OptionGroup var source: ChecklistOptions
        @OptionGroup var out: OutputOptions<ChecklistDiff>

        func run() throws {
            let loaded = try source.loadOrExit(quiet: out.quiet)
            do {
                let a = try loaded.catalog.version(of: id, .named(from)).get()
                let b = try loaded.catalog.version(of: id, .named(to)).get()
                try out.emit(ChecklistDiff(from: a, to: b), roles: loaded.catalog.roles)
            } catch let p as VersionProblem {
                Console.error("svcaudit: " + p.message(Console.lang))
                throw ExitCode(1)
            }
        }
    }
}

import ArgumentParser
import SVCAuditCore

struct ChecklistsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "checklists",
        abstract: "Show the loaded checklists (检查表): families, items, points, weights.",
        subcommands: [List.self, Show.self],
        defaultSubcommand: List.self
    )

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the loaded checklists with scope, roles, weight and points.")
        @OptionGroup var source: ChecklistOptions
        @OptionGroup var out: OutputOptions<ChecklistListing>

        func run() throws {
            let loaded = try source.loadOrExit(quiet: out.quiet)
            try out.emit(ChecklistListing(catalog: loaded.catalog, directory: loaded.directory), roles: loaded.catalog.roles)
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show one checklist item by item: text, type, points, roles, veto, source.")
        @Argument(help: "The checklist id, e.g. counter.") var id: String
        @OptionGroup var source: ChecklistOptions
        @OptionGroup var out: OutputOptions<ChecklistDetail>

        func run() throws {
            let loaded = try source.loadOrExit(quiet: out.quiet)
            guard let c = loaded.catalog.checklist(id) else {
                Console.error("svcaudit: " + Diagnostic.text(.checklistNotLoaded, ["id": .text(id), "loaded": .list(loaded.catalog.ids),
                    "hint": .hint(Suggestion.closest(to: id, in: loaded.catalog.ids))], Console.lang))
                throw ExitCode(1)
            }
            try out.emit(ChecklistDetail(checklist: c), roles: loaded.catalog.roles)
        }
    }
}

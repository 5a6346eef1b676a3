import ArgumentParser
import SVCAuditCore

struct ChecklistsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "checklists",
        abstract: "Show the loaded checklists (检查表): families, items, weights, the maximum each role can earn.",
        subcommands: [List.self, Show.self],
        defaultSubcommand: List.self
    )

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the loaded checklists with scope, roles, weight, and the maximum each role can earn (各岗位满分).",
            discussion: """
            A role's maximum counts only the items that apply to it: check, scale and deduction items at their \
            points (a deduction item is earned whole when nothing is deducted), bonus items apart as a cap \
            (加分上限). --format csv --table maxima writes the maxima table; JSON has them as `maxima`.
            """)
        @OptionGroup var source: ChecklistOptions
        @OptionGroup var out: OutputOptions<ChecklistListing>

        func run() throws {
            let loaded = try source.loadOrExit(quiet: out.quiet)
            try out.emit(ChecklistListing(catalog: loaded.catalog, directory: loaded.directory), roles: loaded.catalog.roles)
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show one checklist item by item: text, type, points, roles, 依据, guidance.",
            discussion: """
            Every item whole: its text, its type in words (合格/不合格, 评分, 扣分, 加分), points and per \
            occurrence, the 整改线 of a scale item (finding_below), roles, veto and how a breach reads, 依据 \
            (basis), guidance and source — wrapped to the terminal (or --width N), never cut. The header gives \
            the maximum of each role and the bonus cap. CSV and xlsx have one row per item with every field.
            """)
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
            try out.emit(ChecklistDetail(checklist: c, catalog: loaded.catalog), roles: loaded.catalog.roles)
        }
    }
}

import ArgumentParser
import SVCAuditCore

struct ChecklistsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "checklists",
        abstract: "Show the loaded checklists (检查表): families, versions, items, weights, the maximum each role can earn.",
        subcommands: [List.self, Show.self, Diff.self],
        defaultSubcommand: List.self
    )

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the loaded checklists with scope, roles, weight, each version with the days it is in force, and the maximum each role can earn (各岗位满分).",
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
            the maximum of each role and the bonus cap. CSV and xlsx have one row per item with every field. \
            Without --on or --version: the latest version. A checklist revised mid-year has one file per \
            version (effective_from / effective_to).
            """)
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
                try out.emit(ChecklistDetail(checklist: c, versions: loaded.catalog.versions(of: id), catalog: loaded.catalog), roles: loaded.catalog.roles)
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

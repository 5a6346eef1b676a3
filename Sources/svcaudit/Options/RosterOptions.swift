import ArgumentParser
import SVCAuditCore

/// `--roster DIR` (SPEC §1.4): branches.csv, staff.csv and an optional waivers.csv.
struct RosterOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Roster folder from HR: branches.csv, staff.csv, optional waivers.csv (English or Chinese headers).", valueName: "dir"))
    var roster: String?

    /// The roster, or nil without --roster; a broken roster prints every problem and exits 1.
    func load(_ loaded: ChecklistSource.Loaded, quiet: Bool) throws -> Roster? {
        guard let roster else { return nil }
        return try Self.load(roster, loaded, quiet: quiet)
    }

    static func load(_ dir: String, _ loaded: ChecklistSource.Loaded, quiet: Bool) throws -> Roster {
        let (r, diags) = RosterLoader.load(directory: dir, roles: resolver(loaded), knownRoles: loaded.catalog.namedRoles.sorted())
        Console.diagnostics(diags, quiet: quiet)
        guard let r else {
            let n = diags.filter { $0.severity == .error }.count
            Console.error("svcaudit: " + Console.t("名册 \(dir) 有 \(n) 个错误：未做任何计算", "the roster \(dir) has \(n) error\(n == 1 ? "" : "s"): nothing was computed"))
            throw ExitCode(1)
        }
        return r
    }

    /// Roles as the loaded checklists name them; with no checklist naming a role, every role is
    /// accepted (there is nothing to check against).
    static func resolver(_ loaded: ChecklistSource.Loaded) -> RosterLoader.RoleResolver? {
        // 岗位 柜员 in staff.csv means `teller` when roles.yaml says so.
        let roles = loaded.catalog.roles
        if !roles.isEmpty { return { roles.id(for: $0) } }
        let known = loaded.catalog.namedRoles
        guard !known.isEmpty else { return nil }
        return { (role: String) -> String? in known.contains(role) ? role : nil }
    }
}

/// `--allow-empty` and the one check behind it (SPEC §4), for every command that folds a period.
struct EmptyPeriodOptions: ParsableArguments {
    @Flag(name: .long, help: "Write a result even when the period holds no visit (by default that exits 1, naming the dates the visits do cover).")
    var allowEmpty = false

    /// Exits 1 when a period was asked for and no visit read falls in it.
    func check(_ gate: PeriodGate, lang: Language) throws {
        guard !allowEmpty, let problem = gate.problem() else { return }
        Console.error("svcaudit: " + problem.message(lang))
        throw ExitCode(1)
    }
}

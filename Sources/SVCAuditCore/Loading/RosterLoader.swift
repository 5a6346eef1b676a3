#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a roster folder (`--roster DIR`, SPEC §1.4): `branches.csv`, `staff.csv` and an
/// optional `waivers.csv`, English or Chinese headers in any order, every problem at
/// `file:line:col`. The CSV splitting is `CSVReader`'s; this file says what the columns mean
/// and checks the rows against each other.
public enum RosterLoader {
    /// One column of a roster file: its English name and Chinese alias.
    struct Column: Sendable {
        var name: String
        var alias: String
        var required: Bool
    }

    static let branchColumns = [
        Column(name: "id", alias: "网点编号", required: true), Column(name: "name", alias: "网点名称", required: true),
        Column(name: "parent", alias: "上级机构", required: false), Column(name: "region", alias: "分行", required: false),
        Column(name: "from", alias: "起始日期", required: false), Column(name: "to", alias: "截止日期", required: false),
    ]
    static let staffColumns = [
        Column(name: "id", alias: "工号", required: true), Column(name: "name", alias: "姓名", required: true),
        Column(name: "role", alias: "岗位", required: true), Column(name: "branch", alias: "网点编号", required: true),
        Column(name: "from", alias: "起始日期", required: false), Column(name: "to", alias: "截止日期", required: false),
    ]
    static let waiverColumns = [
        Column(name: "branch", alias: "网点编号", required: true), Column(name: "from", alias: "起始日期", required: true),
        Column(name: "to", alias: "截止日期", required: true), Column(name: "reason", alias: "原因", required: false),
    ]

    /// Roster files can be large (400,000 staff rows are ~25 MB); this only keeps a wrong path
    /// (a disk image, a log) from being read whole.
    public static let maxFileBytes = 1 << 30

    /// Maps a role as HR wrote it to the role id the checklists use; nil: unknown. Without a
    /// resolver every role is accepted.
    public typealias RoleResolver = @Sendable (String) -> String?

    /// Loads `dir`. The roster is nil when any file has an error (a half-read roster would
    /// make every coverage figure wrong).
    public static func load(directory dir: String, roles: RoleResolver? = nil, knownRoles: [String] = [])
        -> (roster: Roster?, diagnostics: [Diagnostic]) {
        let base = dir.hasSuffix("/") ? String(dir.dropLast()) : dir
        func path(_ f: String) -> String { base + "/" + f }
        var all: [Diagnostic] = []

        // branches.csv first: staff and waivers are checked against its ids.
        var bd = DiagnosticList(file: path("branches.csv"))
        let branchTable = table(path("branches.csv"), columns: branchColumns, required: true, diags: &bd)
        var branches: [Roster.BranchRow] = []
        var firstLine: [String: Int] = [:]
        if let t = branchTable {
            branches.reserveCapacity(t.rows.count)
            for r in t.rows {
                guard let id = t.value(r, "id", what: branchWhat, diags: &bd),
                      let name = t.value(r, "name", what: branchWhat, diags: &bd) else { continue }
                let (from, to) = t.span(r, diags: &bd)
                if let first = firstLine[id] {
                    bd.error(.rosterDuplicateBranch, ["id": .text(id), "first": .count(first)], at: t.mark(r, "id")!)
                    continue
                }
                firstLine[id] = r.line
                branches.append(Roster.BranchRow(
                    branch: Branch(id: id, name: name, parent: t.optional(r, "parent"), region: t.optional(r, "region")),
                    from: from, to: to, line: r.line))
            }
        }
        all += bd.items
        let branchIDs = Set(firstLine.keys)
        // Without a readable branches.csv every branch would be "unknown": check nothing against it.
        let checkBranches = branchTable != nil

        var sd = DiagnosticList(file: path("staff.csv"))
        var assignments: [Roster.Assignment] = []
        // Where each row's `from` stands, by line, for the overlap check (16 bytes a row; the
        // rows themselves are let go before the roster is built).
        var fromMarks: [Mark] = []
        var checkStaff = false
        if let t = table(path("staff.csv"), columns: staffColumns, required: true, diags: &sd) {
            assignments.reserveCapacity(t.rows.count)
            fromMarks.reserveCapacity((t.rows.last?.line ?? 0) + 1)
            var roleCache: [String: String?] = [:]
            for r in t.rows {
                guard let id = t.value(r, "id", what: staffWhat, diags: &sd),
                      let name = t.value(r, "name", what: staffWhat, diags: &sd),
                      var role = t.value(r, "role", what: staffWhat, diags: &sd),
                      let branch = t.value(r, "branch", what: staffWhat, diags: &sd) else { continue }
                let (from, to) = t.span(r, diags: &sd)
                if checkBranches, !branchIDs.contains(branch) {
                    sd.error(.rosterUnknownBranch, ["id": .text(branch), "hint": .hint(Suggestion.closest(to: branch, in: branchIDs))],
                             at: t.mark(r, "branch")!)
                }
                if let roles {
                    let resolved: String?
                    if let c = roleCache[role] { resolved = c } else {
                        resolved = roles(role)
                        roleCache[role] = resolved
                    }
                    if let resolved { role = resolved } else {
                        sd.error(.rosterUnknownRole, ["role": .text(role), "hint": .hint(Suggestion.closest(to: role, in: knownRoles)),
                                                      "roles": .list(knownRoles)], at: t.mark(r, "role")!)
                    }
                }
                assignments.append(Roster.Assignment(staff: id, name: name, role: role, branch: branch, from: from, to: to, line: r.line))
                if r.line >= fromMarks.count { fromMarks += [Mark](repeating: .start, count: r.line + 1 - fromMarks.count) }
                fromMarks[r.line] = t.mark(r, "from")!
            }
            checkStaff = true
        }
        all += sd.items

        let roster = Roster(branches: branches, assignments: assignments)
        if checkStaff {
            var od = DiagnosticList(file: path("staff.csv"))
            checkOverlaps(roster, marks: fromMarks, diags: &od)
            all += od.items
        }

        var wd = DiagnosticList(file: path("waivers.csv"))
        var waivers: [Roster.Waiver] = []
        if let t = table(path("waivers.csv"), columns: waiverColumns, required: false, diags: &wd) {
            for r in t.rows {
                guard let branch = t.value(r, "branch", what: waiverWhat, diags: &wd) else { continue }
                let (from, to) = t.span(r, diags: &wd)
                if checkBranches, !branchIDs.contains(branch) {
                    wd.error(.rosterUnknownBranch, ["id": .text(branch), "hint": .hint(Suggestion.closest(to: branch, in: branchIDs))],
                             at: t.mark(r, "branch")!)
                }
                guard let from, let to else { continue }   // both required: reported by span()
                waivers.append(Roster.Waiver(branch: branch, from: from, to: to, reason: t.optional(r, "reason"), line: r.line))
            }
        }
        all += wd.items

        let ok = !all.contains { $0.severity == .error }
        return (ok ? roster.adding(waivers: waivers) : nil, all)
    }

    static let branchWhat = DiagnosticArg.localized(zh: "网点行", en: "branch row")
    static let staffWhat = DiagnosticArg.localized(zh: "任职行", en: "assignment row")
    static let waiverWhat = DiagnosticArg.localized(zh: "豁免行", en: "waiver row")

    /// Assignments of one employee must not share a day: sorted by start, each must end
    /// before the next begins. Only employees with several rows are looked at (the roster
    /// already holds them grouped).
    static func checkOverlaps(_ roster: Roster, marks: [Mark], diags: inout DiagnosticList) {
        var problems: [(earlier: Roster.Assignment, later: Roster.Assignment)] = []
        for (_, rows) in roster.staff where rows.count > 1 {
            let sorted = rows.sorted { (Roster.startKey($0.from), $0.line) < (Roster.startKey($1.from), $1.line) }
            for (a, b) in zip(sorted, sorted.dropFirst()) where (a.to?.ordinal ?? Int.max) >= Roster.startKey(b.from) {
                problems.append(a.line < b.line ? (a, b) : (b, a))
            }
        }
        for p in problems.sorted(by: { $0.later.line < $1.later.line }) {
            diags.error(.rosterOverlap, ["id": .text(p.later.staff), "span": .text(span(p.later)),
                                         "other": .count(p.earlier.line), "otherSpan": .text(span(p.earlier))],
                        at: p.later.line < marks.count ? marks[p.later.line] : Mark(line: p.later.line, column: 1))
        }
    }

    static func span(_ a: Roster.Assignment) -> String {
        "\(a.from?.description ?? "…")–\(a.to?.description ?? "…")"
    }

    // MARK: One file

    /// A file's rows, read through the CSV layout every tabular input shares (`CSVColumns`).
    struct Table {
        var columns: CSVColumns
        var rows: [CSVTable.Row]
        var requiredDates = false

        func mark(_ r: CSVTable.Row, _ name: String) -> Mark? { columns.mark(r, name) }
        func optional(_ r: CSVTable.Row, _ name: String) -> String? { columns.optional(r, name) }
        func value(_ r: CSVTable.Row, _ name: String, what: DiagnosticArg, diags: inout DiagnosticList) -> String? {
            columns.required(r, name, diags: &diags)
        }

        /// `from` and `to`, checked for order.
        func span(_ r: CSVTable.Row, diags: inout DiagnosticList) -> (Day?, Day?) {
            let from = columns.day(r, "from", required: requiredDates, diags: &diags)
            let to = columns.day(r, "to", required: requiredDates, diags: &diags)
            if let from, let to, from > to {
                diags.error(.rosterDateOrder, ["from": .text(from.description), "to": .text(to.description)], at: columns.mark(r, "to"))
            }
            return (from, to)
        }
    }

    /// Reads one file. nil when it is absent (an error when `required`), unreadable, or its
    /// header is wrong — its rows cannot be trusted then.
    static func table(_ path: String, columns: [Column], required: Bool, diags: inout DiagnosticList) -> Table? {
        if access(path, F_OK) != 0 {
            let name = path.split(separator: "/").last.map(String.init) ?? path
            if required { diags.error(.rosterMissingFile, ["file": .text(name)], at: .start) }
            return nil
        }
        let cols = columns.map { CSVColumns.Column($0.name, $0.alias, required: $0.required) }
        let before = diags.items.count
        guard let c = CSVColumns.load(path, columns: cols, diags: &diags, maxBytes: maxFileBytes),
              diags.items.count == before else { return nil }   // an unknown or doubled column: the header is wrong
        var t = Table(columns: c, rows: c.rows(diags: &diags))
        t.requiredDates = columns.contains { $0.name == "from" && $0.required }
        return t
    }
}

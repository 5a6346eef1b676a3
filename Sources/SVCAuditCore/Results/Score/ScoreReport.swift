/// `svcaudit score`: every visit's score and each employee's (SPEC §2.3), JSON as SPEC §3.1.
///
/// Holds only what the outputs show (not the item-by-item results), so a quarter of visits
/// fits in memory; `explain` is the item-by-item view of one visit.
public struct ScoreReport: Report {
    public static let tables = ["visits", "staff", "histogram"]
    public struct StaffRow: Sendable {
        public var id: String
        public var name: String
        public var role: String
        public var score: Double?
        public var base: Double?
        public var bonus: Double
        /// Scored checklists only, in catalog order.
        public var checklists: [(id: String, score: Double)]
        public var veto: [String]
        public var unanswered: [String]
        public var deductions: Int
    }

    public struct VisitRow: Sendable {
        public var id: String
        public var file: String
        public var branch: Branch
        public var date: Day
        public var inspector: String
        public var method: Visit.Method
        public var score: Double?
        public var base: Double?
        public var bonus: Double
        /// Scored checklists only, in catalog order (staff scope: the mean over employees).
        public var checklists: [(id: String, score: Double)]
        /// Branch-scope breaches (SPEC §2.4: they flag the visit).
        public var veto: [String]
        public var findings: Int
        public var staff: [StaffRow]
        /// The version of each assessed checklist the visit was scored against (SPEC §3.1).
        public var versions: [VersionUsed]

        public init(_ v: VisitSummary) {
            id = v.id; file = v.file; branch = v.branch; date = v.date; inspector = v.inspector; method = v.method
            score = v.score; base = v.base; bonus = v.bonus
            checklists = v.checklists.map { ($0.id, $0.score) }
            veto = v.veto; findings = v.findings; versions = v.versions
            staff = v.staff.map { s in
                StaffRow(id: s.id, name: s.name, role: s.role, score: s.score, base: s.base, bonus: s.bonus,
                         checklists: s.checklists.map { ($0.id, $0.score) },
                         veto: s.veto, unanswered: s.unanswered, deductions: s.deductions)
            }
        }

        /// Every breach in the visit, the branch's first, then each employee's as `E1001:C14`.
        public var breaches: [String] {
            veto + staff.flatMap { s in s.veto.map { "\(s.id):\($0)" } }
        }

        public func checklistScore(_ id: String) -> Double? { checklists.first { $0.id == id }?.score }
    }

    /// A checklist as a column of the tables.
    public struct Column: Sendable {
        public var id: String
        public var title: String
        public var titleEN: String?
        public var scope: Checklist.Scope
        public var weight: Double
    }

    /// Ordered by date, then id (then file, should two ids ever be equal).
    public private(set) var visits: [VisitRow]
    public var columns: [Column]
    /// Invalid files left out with `--skip-invalid`.
    public var skipped: [String]
    /// The pass mark drawn on the score distribution (score takes no policy: SPEC's default).
    public var passMark = Policy().passMark

    public init(visits: [VisitRow], catalog: ChecklistCatalog, skipped: [String] = []) {
        self.visits = visits.sorted { ($0.date, $0.id, $0.file) < ($1.date, $1.id, $1.file) }
        self.columns = catalog.checklists.map {
            Column(id: $0.id, title: $0.title, titleEN: $0.titleEN, scope: $0.scope, weight: $0.weight)
        }
        self.skipped = skipped
    }

    var staffColumns: [Column] { columns.filter { $0.scope == .staff } }

    /// Per checklist id, the versions the visits were scored against, in order of first use
    /// by date, with how many visits used each.
    var versionsUsed: [String: [(version: String?, visits: Int)]] {
        var out: [String: [(version: String?, visits: Int)]] = [:]
        for v in visits {
            for u in v.versions {
                if let i = out[u.id]?.firstIndex(where: { $0.version == u.version }) { out[u.id]![i].visits += 1 }
                else { out[u.id, default: []].append((u.version, 1)) }
            }
        }
        return out
    }
    public var employeeVisits: Int { visits.reduce(0) { $0 + $1.staff.count } }

    // MARK: Thresholds (SPEC §4, exit 2)

    /// Visits whose score is below `threshold` (unrounded, like every comparison), in report order.
    public func visits(below threshold: Double) -> [VisitRow] {
        visits.filter { $0.score.map { $0 < threshold } ?? false }
    }

    /// Visits with any breach, by the branch or by an employee.
    public var visitsWithBreach: [VisitRow] { visits.filter { !$0.breaches.isEmpty } }

    // MARK: JSON (SPEC §3.1)

    public func json() -> JSONValue {
        var top: [(String, JSONValue)] = [("visits", .array(visits.map(Self.json)))]
        // Not in SPEC §3.1's shape: present only when --skip-invalid left files out (SPEC §4).
        if !skipped.isEmpty { top.append(("skipped", .array(skipped.map { .string($0) }))) }
        return .object(top)
    }

    static func json(_ v: VisitRow) -> JSONValue {
        .object([
            ("id", .string(v.id)), ("file", .string(v.file)),
            ("branch", .object([("id", .string(v.branch.id)), ("name", .string(v.branch.name)),
                                ("parent", .opt(v.branch.parent)), ("region", .opt(v.branch.region))])),
            ("date", .string(v.date.description)), ("inspector", .string(v.inspector)),
            ("method", .string(v.method.rawValue)),
            ("score", .opt(v.score)), ("base", .opt(v.base)), ("bonus", .number(v.bonus)),
            ("checklists", .object(v.checklists.map { ($0.id, .number($0.score)) })),
            ("versions", .object(v.versions.map { ($0.id, .opt($0.version)) })),
            ("veto", .array(v.veto.map { .string($0) })), ("findings", .int(v.findings)),
            ("staff", .array(v.staff.map { s in
                .object([
                    ("id", .string(s.id)), ("name", .string(s.name)), ("role", .string(s.role)),
                    ("score", .opt(s.score)), ("base", .opt(s.base)), ("bonus", .number(s.bonus)),
                    ("checklists", .object(s.checklists.map { ($0.id, .number($0.score)) })),
                    ("veto", .array(s.veto.map { .string($0) })),
                    ("unanswered", .array(s.unanswered.map { .string($0) })),
                ])
            })),
        ])
    }

}

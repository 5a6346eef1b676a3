/// `svcaudit rectify`: the 整改清单, and in HTML the 整改通知书 sent to each branch.
public struct RectificationReport: Sendable {
    /// How the findings of one branch (where they were found) stand.
    public struct BranchTally: Sendable, Equatable {
        public var branch: String
        public var name: String
        public var parent: String?
        public var findings = 0
        public var open = 0
        public var overdue = 0
        public var reported = 0
        public var closed = 0
        public var closedLate = 0
        public var repeats = 0

        mutating func add(_ f: RectificationTracker.Finding) {
            findings += 1
            switch f.status {
            case .open: open += 1
            case .overdue: overdue += 1
            case .reported: reported += 1
            case .closed: closed += 1
            }
            if f.closedLate { closedLate += 1 }
            if f.repeat { repeats += 1 }
        }
    }

    public var asOf: Day
    public var rules: Policy.Rectify
    /// The findings shown (after any status filter), grouped by branch.
    public var findings: [RectificationTracker.Finding]
    /// Counts over all findings, before the filter.
    public var counts: [RectificationTracker.Finding.Status: Int]
    public var total: Int
    public var closedLate: Int
    public var repeats: Int
    /// Per branch where findings were made, by branch id (all findings, before the filter).
    public var branches: [BranchTally]
    public var statusFilter: RectificationTracker.Finding.Status?
    /// Closed findings left out of the list (counted only): the default of the printed 整改清单.
    public var closedHidden: Bool
    public var afterAsOf: Int
    public var skipped: [String]
    /// Item id → (checklist id, text, English text).
    public var items: [String: (checklist: String, text: String, textEN: String?)]

    public init(tracker: RectificationTracker, catalog: ChecklistCatalog, status: RectificationTracker.Finding.Status? = nil,
                responses: [RectificationResponse] = [], skipped: [String] = [], hideClosed: Bool = false) {
        self.init(resolved: tracker.resolved(responses: responses).findings, tracker: tracker, catalog: catalog,
                  status: status, skipped: skipped, hideClosed: hideClosed)
    }

    /// From findings already resolved (the command checks the responses against them first).
    public init(resolved all: [RectificationTracker.Finding], tracker: RectificationTracker, catalog: ChecklistCatalog,
                status: RectificationTracker.Finding.Status? = nil, skipped: [String] = [], hideClosed: Bool = false) {
        asOf = tracker.asOf
        rules = tracker.rules
        total = all.count
        var counts: [RectificationTracker.Finding.Status: Int] = [:]
        var tallies: [String: BranchTally] = [:]
        for f in all {
            counts[f.status, default: 0] += 1
            tallies[f.branch, default: BranchTally(branch: f.branch, name: f.branchName, parent: f.parent)].add(f)
        }
        self.counts = counts
        closedLate = all.filter(\.closedLate).count
        repeats = all.filter(\.repeat).count
        branches = tallies.values.sorted { $0.branch < $1.branch }
        statusFilter = status
        closedHidden = status == nil && hideClosed
        findings = status.map { s in all.filter { $0.status == s } } ?? (closedHidden ? all.filter { $0.status != .closed } : all)
        afterAsOf = tracker.afterAsOf
        self.skipped = skipped
        var items: [String: (checklist: String, text: String, textEN: String?)] = [:]
        for f in all where items[f.item] == nil {
            if let (c, i) = catalog.item(f.item) { items[f.item] = (c.id, i.text, i.textEN) }
        }
        self.items = items
    }

    public var overdue: Int { counts[.overdue] ?? 0 }

    func itemText(_ id: String, _ lang: Language) -> String {
        guard let i = items[id] else { return "" }
        return lang == .en ? (i.textEN ?? i.text) : i.text
    }
}

extension RectificationReport: Report {
    public static let tables = ["findings", "branches"]
    public func json() -> JSONValue {
        .object([
            ("as_of", .string(asOf.description)),
            ("findings", .array(findings.map { f in
                .object([
                    ("branch", .string(f.branch)), ("staff", .opt(f.staff)), ("item", .string(f.item)),
                    ("date", .string(f.date.description)), ("note", .opt(f.note)), ("fix_by", .opt(f.fixBy?.description)),
                    ("status", .string(f.status.rawValue)), ("closed_on", .opt(f.closedOn?.description)),
                    ("due", .opt(f.due?.description)), ("repeat", .bool(f.repeat)), ("closed_late", .bool(f.closedLate)),
                    ("method", .string(f.method.rawValue)),
                    ("branch_name", .string(f.branchName)), ("staff_name", .opt(f.staffName)),
                    ("item_text", .opt(items[f.item]?.text)), ("checklist", .opt(items[f.item]?.checklist)),
                    ("closed_by", .opt(f.closedBy)), ("closed_at", .opt(f.closedAt)), ("overdue_days", .opt(f.overdueDays)),
                    ("response", f.response.map { r in
                        .object([("measure", .opt(r.measure)), ("owner", .opt(r.owner)), ("done", .opt(r.done?.description)),
                                 ("reviewer", .opt(r.reviewer))])
                    } ?? .null),
                    ("visit", .string(f.visit)), ("file", .string(f.file)),
                ])
            })),
            ("summary", .object([("findings", .int(total))]
                + RectificationTracker.Finding.Status.allCases.map { ($0.rawValue, .int(counts[$0] ?? 0)) }
                + [("closed_late", .int(closedLate)), ("repeat", .int(repeats))])),
            ("branches", .array(branches.map { b in
                .object([("branch", .string(b.branch)), ("name", .string(b.name)), ("findings", .int(b.findings)),
                         ("open", .int(b.open)), ("overdue", .int(b.overdue)), ("reported", .int(b.reported)),
                         ("closed", .int(b.closed)), ("closed_late", .int(b.closedLate)), ("repeat", .int(b.repeats))])
            })),
            ("rules", .object([
                ("default_days", .opt(rules.defaultDays)),
                ("closing_methods", .array(Visit.Method.allCases.filter { rules.closes($0) }.map { .string($0.rawValue) })),
                ("repeat_days", .int(rules.repeatDays)),
            ])),
            ("status_filter", .opt(statusFilter?.rawValue)),
            ("after_as_of", .int(afterAsOf)),
            ("skipped", .array(skipped.map { .string($0) })),
        ])
    }
}

/// `svcaudit rectify`: the 整改清单.
public struct RectificationReport: Sendable {
    public var asOf: Day
    /// The findings shown (after any status filter), grouped by branch.
    public var findings: [RectificationTracker.Finding]
    /// Counts over all findings, before the filter.
    public var counts: [RectificationTracker.Finding.Status: Int]
    public var total: Int
    public var statusFilter: RectificationTracker.Finding.Status?
    /// Closed findings left out of the list (counted only): the default of the printed 整改清单.
    public var closedHidden: Bool
    public var afterAsOf: Int
    public var skipped: [String]
    /// Item id → (checklist id, text, English text).
    public var items: [String: (checklist: String, text: String, textEN: String?)]

    public init(tracker: RectificationTracker, catalog: ChecklistCatalog, status: RectificationTracker.Finding.Status? = nil,
                skipped: [String] = [], hideClosed: Bool = false) {
        let all = tracker.resolved()
        asOf = tracker.asOf
        total = all.count
        var counts: [RectificationTracker.Finding.Status: Int] = [:]
        for f in all { counts[f.status, default: 0] += 1 }
        self.counts = counts
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
                    ("branch_name", .string(f.branchName)), ("staff_name", .opt(f.staffName)),
                    ("item_text", .opt(items[f.item]?.text)), ("checklist", .opt(items[f.item]?.checklist)),
                    ("closed_by", .opt(f.closedBy)), ("overdue_days", .opt(f.overdueDays)),
                    ("visit", .string(f.visit)), ("file", .string(f.file)),
                ])
            })),
            ("summary", .object([("findings", .int(total))]
                + RectificationTracker.Finding.Status.allCases.map { ($0.rawValue, .int(counts[$0] ?? 0)) })),
            ("status_filter", .opt(statusFilter?.rawValue)),
            ("after_as_of", .int(afterAsOf)),
            ("skipped", .array(skipped.map { .string($0) })),
        ])
    }
}

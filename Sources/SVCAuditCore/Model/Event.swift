/// A complaint or a praise that is not a visit (SPEC §1.5, `--events FILE`), as the 行政与内控
/// team records it (seeds 001:418). Only verified events count: a verified complaint naming a
/// veto item is a breach of that item on its date (2.6); a verified praise adds praise points.
public struct Event: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable { case complaint, praise }

    public var id: String
    public var date: Day
    public var branch: String
    /// nil: the event concerns the branch, not one employee.
    public var staff: String?
    public var kind: Kind
    public var verified: Bool
    /// The checklist item it counts as (optional).
    public var item: String?
    public var note: String?
    public var file: String
    public var line: Int

    public init(id: String, date: Day, branch: String, staff: String? = nil, kind: Kind, verified: Bool,
                item: String? = nil, note: String? = nil, file: String = "", line: Int = 0) {
        self.id = id; self.date = date; self.branch = branch; self.staff = staff; self.kind = kind
        self.verified = verified; self.item = item; self.note = note; self.file = file; self.line = line
    }
}

/// The events a command was given, with what it needs to know about their items.
public struct EventLog: Sendable {
    public var events: [Event]
    /// The veto items of the loaded checklists (a verified complaint naming one is a breach).
    public var vetoItems: Set<String>

    public init(events: [Event] = [], vetoItems: Set<String> = []) {
        self.events = events.sorted { ($0.date, $0.id) < ($1.date, $1.id) }
        self.vetoItems = vetoItems
    }

    public init(events: [Event], catalog: ChecklistCatalog) {
        var veto = Set<String>()
        for c in catalog.allVersions { for i in c.items where i.veto { veto.insert(i.id) } }
        self.init(events: events, vetoItems: veto)
    }

    /// Events dated in `period` (all without one), by date then id.
    public func within(_ period: Period?) -> [Event] {
        guard let period else { return events }
        return events.filter { period.contains($0.date) }
    }

    /// A verified complaint naming a veto item: a breach for the ranking (SPEC §1.5, §2.6).
    public func isBreach(_ e: Event) -> Bool {
        e.kind == .complaint && e.verified && e.item.map { vetoItems.contains($0) } == true
    }
}

/// One branch visit (one inspection file).
public struct Visit: Sendable {
    public enum Method: String, Sendable, CaseIterable {
        case onsite, video, mystery, external, `self`

    }

    public var id: String
    public var file: String
    public var branch: Branch
    public var date: Day
    public var inspector: String
    public var method: Method
    /// Checklist ids assessed on this visit (the file's `checklists`, or every loaded one).
    public var checklists: [String]
    /// Answers for branch-scope items.
    public var results: [Answer]
    public var staff: [StaffObservation]
    public var mark: Mark

    public init(id: String, file: String = "", branch: Branch, date: Day, inspector: String, method: Method = .onsite,
                checklists: [String], results: [Answer] = [], staff: [StaffObservation] = [], mark: Mark = .start) {
        self.id = id; self.file = file; self.branch = branch; self.date = date; self.inspector = inspector
        self.method = method; self.checklists = checklists; self.results = results; self.staff = staff; self.mark = mark
    }
}

public struct Branch: Sendable, Hashable {
    public var id: String
    public var name: String
    /// The unit above (支行); rankings can group by it.
    public var parent: String?
    /// The wider grouping (分行).
    public var region: String?

    public init(id: String, name: String, parent: String? = nil, region: String? = nil) {
        self.id = id; self.name = name; self.parent = parent; self.region = region
    }
}

/// An employee as observed on one visit.
public struct StaffObservation: Sendable {
    public var id: String
    public var name: String
    public var role: String
    public var results: [Answer]
    public var mark: Mark

    public init(id: String, name: String, role: String, results: [Answer] = [], mark: Mark = .start) {
        self.id = id; self.name = name; self.role = role; self.results = results; self.mark = mark
    }
}

/// One answer to one item.
public struct Answer: Sendable {
    public enum Value: Sendable, Equatable {
        case pass, fail, na
        /// A scale value (0...points).
        case value(Double)
        /// A deduct or bonus occurrence count.
        case count(Int)
    }

    public var item: String
    public var value: Value
    public var note: String?
    public var fixBy: Day?
    public var evidence: [String]
    public var mark: Mark

    public init(item: String, value: Value, note: String? = nil, fixBy: Day? = nil, evidence: [String] = [], mark: Mark = .start) {
        self.item = item; self.value = value; self.note = note; self.fixBy = fixBy; self.evidence = evidence; self.mark = mark
    }
}

/// The bank's organisation as HR exports it (`--roster DIR`, SPEC §1.4): which branches exist
/// and when, who works where and when, and the days a branch is exempt from its inspection
/// cadence. "Active" is defined here once and used by coverage, ranking and 达标率.
public struct Roster: Sendable {
    public struct BranchRow: Sendable, Equatable {
        public var branch: Branch
        /// Opened / closed, inclusive; nil: open-ended.
        public var from: Day?
        public var to: Day?
        /// Where the row stands in `branches.csv` (for messages).
        public var line: Int

        /// `from ≤ d ≤ to`, waivers not considered.
        public func open(on d: Day) -> Bool { (from.map { $0 <= d } ?? true) && (to.map { d <= $0 } ?? true) }
    }

    /// One row of `staff.csv`: one employee at one branch for a span of days.
    public struct Assignment: Sendable, Equatable {
        public var staff: String
        public var name: String
        public var role: String
        public var branch: String
        public var from: Day?
        public var to: Day?
        public var line: Int

        public func covers(_ d: Day) -> Bool { (from.map { $0 <= d } ?? true) && (to.map { d <= $0 } ?? true) }

        /// Shares at least one day with [a, b].
        public func overlaps(_ a: Day, _ b: Day) -> Bool { (from.map { $0 <= b } ?? true) && (to.map { a <= $0 } ?? true) }
    }

    /// A branch exempt from cadence on `from…to` (e.g. 装修停业).
    public struct Waiver: Sendable, Equatable {
        public var branch: String
        public var from: Day
        public var to: Day
        public var reason: String?
        public var line: Int
    }

    /// Branch rows by id.
    public private(set) var branches: [String: BranchRow]
    /// Assignments by employee id, ordered by `from` (open start first).
    public private(set) var staff: [String: [Assignment]]
    /// Waivers by branch id, ordered by `from`.
    public private(set) var waivers: [String: [Waiver]]

    public init(branches: [BranchRow], assignments: [Assignment], waivers: [Waiver] = []) {
        var b: [String: BranchRow] = [:]
        b.reserveCapacity(branches.count)
        for row in branches where b[row.branch.id] == nil { b[row.branch.id] = row }
        var s: [String: [Assignment]] = [:]
        s.reserveCapacity(assignments.count)
        for a in assignments { s[a.staff, default: []].append(a) }
        // In place through the storage's indices: a lookup per key would hash 400,000 ids again.
        for i in s.values.indices where s.values[i].count > 1 { s.values[i].sort { Self.startKey($0.from) < Self.startKey($1.from) } }
        var w: [String: [Waiver]] = [:]
        for x in waivers { w[x.branch, default: []].append(x) }
        for k in w.keys { w[k]!.sort { $0.from < $1.from } }
        self.branches = b
        self.staff = s
        self.waivers = w
    }

    /// The same roster with these waivers (the loader reads waivers.csv after the rest).
    public func adding(waivers list: [Waiver]) -> Roster {
        var r = self
        for x in list { r.waivers[x.branch, default: []].append(x) }
        for k in r.waivers.keys { r.waivers[k]!.sort { $0.from < $1.from } }
        return r
    }

    static func startKey(_ d: Day?) -> Int { d?.ordinal ?? Int.min }

    // MARK: Branches

    public func branch(_ id: String) -> BranchRow? { branches[id] }

    /// The waiver covering `d`, if any.
    public func waiver(of branch: String, on d: Day) -> Waiver? {
        waivers[branch]?.first { $0.from <= d && d <= $0.to }
    }

    /// SPEC §1.4: open on `d` and no waiver covers `d`.
    public func branchActive(_ id: String, on d: Day) -> Bool {
        guard let row = branches[id], row.open(on: d) else { return false }
        return waiver(of: id, on: d) == nil
    }

    /// Branches active on at least one day of the period, by id.
    public func activeBranches(in p: Period) -> [String] {
        branches.keys.filter { id in
            var d = p.from
            while d <= p.to {
                if branchActive(id, on: d) { return true }
                d = d.adding(days: 1)
            }
            return false
        }.sorted()
    }

    // MARK: Staff

    /// The assignment covering `d` (assignments of one employee never overlap).
    public func assignment(of id: String, on d: Day) -> Assignment? {
        staff[id]?.first { $0.covers(d) }
    }

    /// The assignments overlapping the period, in date order.
    public func assignments(of id: String, in p: Period) -> [Assignment] {
        (staff[id] ?? []).filter { $0.overlaps(p.from, p.to) }
    }

    /// Active on at least one day of the period.
    public func staffActive(_ id: String, in p: Period) -> Bool {
        staff[id]?.contains { $0.overlaps(p.from, p.to) } ?? false
    }

    /// Employees active on at least one day of the period, by id.
    public func activeStaff(in p: Period) -> [String] {
        staff.compactMap { id, rows in rows.contains { $0.overlaps(p.from, p.to) } ? id : nil }.sorted()
    }

    /// Who an employee is for a period's results (SPEC §2.6): the assignment active on the
    /// period's last day, else the latest one overlapping the period.
    public func representative(of id: String, in p: Period) -> Assignment? {
        if let a = assignment(of: id, on: p.to) { return a }
        return assignments(of: id, in: p).last
    }

    /// The employee's branch as a `Branch` (name, parent, region from `branches.csv`).
    public func branchValue(_ id: String) -> Branch {
        branches[id]?.branch ?? Branch(id: id, name: id)
    }
}

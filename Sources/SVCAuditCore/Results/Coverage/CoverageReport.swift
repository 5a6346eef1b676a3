/// The `coverage` result as a report: JSON is SPEC §3.1; the other formats are in
/// CoverageReport+Render.swift.
public struct CoverageReport: Report {
    public var coverage: Coverage
    /// Invalid files left out with `--skip-invalid`.
    public var skipped: [String]

    public init(_ coverage: Coverage, skipped: [String] = []) {
        self.coverage = coverage
        self.skipped = skipped
    }

    public func json() -> JSONValue {
        let c = coverage
        let rules: [JSONValue] = c.rules.enumerated().map { k, r in
            var o: [(String, JSONValue)] = [
                ("name", .string(r.name)), ("methods", .array(r.methods.map { .string($0.rawValue) })),
                ("every", .string(r.every.rawValue)), ("at_least", .int(r.atLeast)),
            ]
            if let w = r.weekdays { o.append(("weekdays", .array(w.map { .int($0) }))) }
            o += [("required", .int(c.ruleTotals[k].required)), ("met", .int(c.ruleTotals[k].met)),
                  ("rate", .opt(c.ruleTotals[k].rate))]
            return .object(o)
        }
        let branches: [JSONValue] = c.branches.map { b in
            .object([
                ("id", .string(b.branch.id)), ("name", .string(b.branch.name)), ("parent", .opt(b.branch.parent)),
                ("region", .opt(b.branch.region)), ("visits", .int(b.visits)),
                ("rules", .array(b.rules.map { r in
                    .object([("name", .string(r.name)), ("required", .int(r.tally.required)), ("met", .int(r.tally.met)),
                             ("rate", .opt(r.tally.rate)), ("missed", .array(r.missed.map { .string($0) }))])
                })),
            ])
        }
        func staff(_ s: Coverage.StaffRow, role: Bool) -> JSONValue {
            var o: [(String, JSONValue)] = [("id", .string(s.id)), ("name", .string(s.name))]
            if role { o.append(("role", .opt(s.role))) }
            o += [("branch", .string(s.branch.id)), ("observed", .int(s.observed))]
            return .object(o)
        }
        var top: [(String, JSONValue)] = [
            ("period", RFmt.period(c.period)),
            ("rules", .array(rules)),
            ("branches", .array(branches)),
            ("staff", .object([
                ("active", .int(c.staffActive)), ("inspected", .int(c.staffInspected)), ("at_least", .int(c.atLeast)),
                ("under_inspected", .array(c.underInspected.map { staff($0, role: true) })),
                ("not_on_roster", .array(c.notOnRoster.map { staff($0, role: false) })),
            ])),
        ]
        // Beyond SPEC §3.1's example: visits at branches that are not in branches.csv.
        if !c.unknownBranches.isEmpty {
            top.append(("branches_not_on_roster", .array(c.unknownBranches.map {
                .object([("id", .string($0.branch.id)), ("name", .string($0.branch.name)), ("visits", .int($0.visits))])
            })))
        }
        if !skipped.isEmpty { top.append(("skipped", .array(skipped.map { .string($0) }))) }
        return .object(top)
    }
}

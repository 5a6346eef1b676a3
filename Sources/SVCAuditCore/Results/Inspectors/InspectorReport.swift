/// `svcaudit inspectors` (SPEC §2.9): whether the inspections were comparable — each
/// inspector's offset against colleagues at the same branches, and the methods side by side.
public struct InspectorReport: Sendable {
    public struct Inspector: Sendable {
        public var name: String
        /// Visits with a visit score in the period.
        public var visits: Int
        /// Of those, the visits at branches another inspector also visited.
        public var compared: Int
        public var mean: Double
        /// Mean of (own score − the other inspectors' mean at that branch); nil when nothing was compared.
        public var offset: Double?
        public var findingsPerVisit: Double
        /// Veto breaches recorded on its visits.
        public var vetoes: Int
        /// Visits per method, in the methods' fixed order.
        public var methods: [(Visit.Method, Int)]
        public var flagged: Bool
    }

    public struct MethodRow: Sendable {
        public var method: Visit.Method
        public var visits: Int
        public var mean: Double
        public var findingsPerVisit: Double
    }

    public var period: Period?
    public var rules: Policy.Calibration
    /// By name.
    public var inspectors: [Inspector]
    /// In the methods' fixed order, those with visits only.
    public var methods: [MethodRow]
    public var visits: Int
    public var unscored: Int
    public var outside: Int
    /// Invalid files left out with `--skip-invalid`.
    public var skipped: [String] = []

    public var flagged: [Inspector] { inspectors.filter(\.flagged) }

    /// The methods with the highest and the lowest mean, when there are two or more.
    public var methodGap: (high: MethodRow, low: MethodRow, gap: Double)? {
        guard methods.count >= 2,
              let hi = methods.max(by: { $0.mean < $1.mean }), let lo = methods.min(by: { $0.mean < $1.mean }) else { return nil }
        return (hi, lo, hi.mean - lo.mean)
    }
}

extension InspectorReport: Report {
    public func json() -> JSONValue {
        var top: [(String, JSONValue)] = [
            ("period", period.map { p in
                .object([("label", .string(p.label)), ("from", .string(p.from.description)), ("to", .string(p.to.description))])
            } ?? .null),
            ("inspectors", .array(inspectors.map { i in
                .object([
                    ("name", .string(i.name)), ("visits", .int(i.visits)), ("compared", .int(i.compared)),
                    ("mean", .number(i.mean)), ("offset", .opt(i.offset)), ("findings_per_visit", .number(i.findingsPerVisit)),
                    ("vetoes", .int(i.vetoes)), ("methods", .object(i.methods.map { ($0.0.rawValue, .int($0.1)) })),
                    ("flagged", .bool(i.flagged)),
                ])
            })),
            ("methods", .array(methods.map { m in
                .object([("method", .string(m.method.rawValue)), ("visits", .int(m.visits)), ("mean", .number(m.mean)),
                         ("findings_per_visit", .number(m.findingsPerVisit))])
            })),
            ("calibration", .object([("min_compared", .int(rules.minCompared)), ("flag_offset", .number(rules.flagOffset))])),
            ("visits", .int(visits)),
        ]
        if !skipped.isEmpty { top.append(("skipped", .array(skipped.map { .string($0) }))) }
        return .object(top)
    }
}

/// Inspector calibration (SPEC §2.9), folded one visit at a time: only sums per branch and
/// inspector are kept, never the visits.
///
/// An inspector's **offset** is the mean over its compared visits j of (x_j − m_j), m_j being
/// the mean visit score of the same branch in the period over the visits by *other*
/// inspectors. Summed per branch b, with S and N the sum and count of visit scores:
/// Σ_j (x_j − m_b) = S_{b,i} − N_{b,i} · (S_b − S_{b,i}) / (N_b − N_{b,i}), and a branch no other
/// inspector visited (N_b = N_{b,i}) is not compared.
public struct InspectorCalibration: Sendable {
    struct Sums: Sendable {
        var sum = 0.0
        var count = 0
        mutating func add(_ x: Double) { sum += x; count += 1 }
    }

    struct InspectorTally: Sendable {
        var score = Sums()
        var findings = 0
        var vetoes = 0
        var methods: [Visit.Method: Int] = [:]
        /// Branch id → this inspector's visit scores there.
        var branches: [String: Sums] = [:]
    }

    struct MethodTally: Sendable {
        var score = Sums()
        var findings = 0
    }

    public let period: Period?
    var inspectors: [String: InspectorTally] = [:]
    var branches: [String: Sums] = [:]
    var methods: [Visit.Method: MethodTally] = [:]
    /// Visits in the period with a visit score (the ones calibration looks at).
    public private(set) var visits = 0
    /// In the period but without a visit score (nothing scored): left out.
    public private(set) var unscored = 0
    public private(set) var outside = 0

    public init(period: Period? = nil) { self.period = period }

    public mutating func add(_ v: VisitSummary) {
        if let period, !period.contains(v.date) { outside += 1; return }
        guard let x = v.score else { unscored += 1; return }
        visits += 1
        branches[v.branch.id, default: Sums()].add(x)
        var t = inspectors[v.inspector] ?? InspectorTally()
        t.score.add(x)
        t.findings += v.findings
        t.vetoes += v.breaches.count
        t.methods[v.method, default: 0] += 1
        t.branches[v.branch.id, default: Sums()].add(x)
        inspectors[v.inspector] = t
        methods[v.method, default: MethodTally()].score.add(x)
        methods[v.method]!.findings += v.findings
    }

    /// Applies the policy's flag rule and returns the rows (inspectors by name, methods in
    /// their fixed order).
    public func report(_ rules: Policy.Calibration = Policy.Calibration()) -> InspectorReport {
        let rows: [InspectorReport.Inspector] = inspectors.map { name, t in
            var compared = 0
            var deviation = 0.0
            for (b, own) in t.branches {
                let all = branches[b]!
                let others = all.count - own.count
                guard others > 0 else { continue }
                let m = (all.sum - own.sum) / Double(others)
                deviation += own.sum - Double(own.count) * m
                compared += own.count
            }
            let offset: Double? = compared > 0 ? deviation / Double(compared) : nil
            let flagged = compared >= rules.minCompared && (offset.map { abs($0) >= rules.flagOffset } ?? false)
            return InspectorReport.Inspector(
                name: name, visits: t.score.count, compared: compared, mean: t.score.sum / Double(t.score.count),
                offset: offset, findingsPerVisit: Double(t.findings) / Double(t.score.count), vetoes: t.vetoes,
                methods: Visit.Method.allCases.compactMap { m in t.methods[m].map { (m, $0) } }, flagged: flagged)
        }.sorted { $0.name < $1.name }
        let methodRows = Visit.Method.allCases.compactMap { m -> InspectorReport.MethodRow? in
            guard let t = methods[m] else { return nil }
            return InspectorReport.MethodRow(method: m, visits: t.score.count, mean: t.score.sum / Double(t.score.count),
                                             findingsPerVisit: Double(t.findings) / Double(t.score.count))
        }
        return InspectorReport(period: period, rules: rules, inspectors: rows, methods: methodRows, visits: visits,
                               unscored: unscored, outside: outside)
    }
}

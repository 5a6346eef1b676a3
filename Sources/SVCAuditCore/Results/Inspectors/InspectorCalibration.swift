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

    struct InspectorTally: Sendable, Identified {
        /// The inspector's name.
        let id: String
        var score = Sums()
        var findings = 0
        var vetoes = 0
        /// Visits by method, in `Visit.Method.allCases` order.
        var methods = [Int32](repeating: 0, count: Visit.Method.allCases.count)
        /// This inspector's visit scores at each branch it visited (numbered in `branches`), in
        /// the order first visited: a list of a few where a dictionary per inspector took ~1 KB
        /// (4,000 inspectors at 60,000 branch pairs in a million files; SPEC §5).
        var branches: [(branch: Int32, sums: Sums)] = []
    }

    struct BranchSums: Sendable, Identified {
        let id: String
        var sums = Sums()
    }

    struct MethodTally: Sendable {
        var score = Sums()
        var findings = 0
    }

    public let period: Period?
    var inspectors = IDTable<InspectorTally>()
    /// Every branch's visit scores, by branch id.
    var branches = IDTable<BranchSums>()
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
        let b = Int32(branches.row(v.branch.id) { BranchSums(id: v.branch.id) })
        branches[Int(b)].sums.add(x)
        // Changed in place: no copy of the inspector's tally goes out and back.
        let i = inspectors.row(v.inspector) { InspectorTally(id: v.inspector) }
        inspectors[i].score.add(x)
        inspectors[i].findings += v.findings
        inspectors[i].vetoes += v.breaches.count
        inspectors[i].methods[Self.methodNumber(v.method)] += 1
        if let k = inspectors[i].branches.firstIndex(where: { $0.branch == b }) {
            inspectors[i].branches[k].sums.add(x)
        } else {
            var sums = Sums()
            sums.add(x)
            inspectors[i].branches.append((b, sums))
        }
        methods[v.method, default: MethodTally()].score.add(x)
        methods[v.method]!.findings += v.findings
    }

    static func methodNumber(_ m: Visit.Method) -> Int { Visit.Method.allCases.firstIndex(of: m)! }

    /// Applies the policy's flag rule and returns the rows (inspectors by name, methods in
    /// their fixed order).
    public func report(_ rules: Policy.Calibration = Policy.Calibration()) -> InspectorReport {
        let rows: [InspectorReport.Inspector] = inspectors.rows.map { t in
            let name = t.id
            var compared = 0
            var deviation = 0.0
            for (b, own) in t.branches {
                let all = branches[Int(b)].sums
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
                methods: Visit.Method.allCases.enumerated().compactMap { k, m in t.methods[k] > 0 ? (m, Int(t.methods[k])) : nil },
                flagged: flagged)
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

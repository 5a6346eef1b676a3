/// A method-weighted running mean R = Σ u_j x_j / Σ u_j (SPEC §2.6), kept per branch or
/// employee so the 达标率 can be a share of subjects rather than of visits.
public struct WeightedMean: Sendable, Equatable {
    public private(set) var sumW = 0.0
    public private(set) var sumWX = 0.0
    public private(set) var count = 0

    public init() {}

    /// A weight of 0 leaves the visit out (SPEC §1.3 `method_weights`).
    public mutating func add(_ x: Double, weight u: Double) {
        guard u > 0 else { return }
        sumW += u
        sumWX += u * x
        count += 1
    }

    public var mean: Double? { sumW > 0 ? sumWX / sumW : nil }
}

/// 达标率 as a share of subjects (seeds 002:303, SPEC §2.6): of the branches (or employees)
/// with a mean, how many have R ≥ pass_mark; those the roster expected but nobody inspected
/// are counted apart (未受检), never as passing.
public struct PassShare: Sendable, Equatable {
    /// Subjects with a weighted mean in the period.
    public var rated = 0
    public var passing = 0
    /// With a roster: active on it, and no visit (branch) or observation (employee) at all.
    public var uninspected: Int?

    public init() {}

    public init<S: Sequence>(_ means: S, passMark: Double) where S.Element == WeightedMean {
        for m in means {
            guard let r = m.mean else { continue }
            rated += 1
            if r >= passMark { passing += 1 }
        }
    }

    /// Percent; nil when no subject has a mean.
    public var rate: Double? { rated > 0 ? 100 * Double(passing) / Double(rated) : nil }
}

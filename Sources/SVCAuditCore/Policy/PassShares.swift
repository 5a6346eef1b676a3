// The method-weighted mean R of each subject is `WeightedMean` (WeightedMean.swift).

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

/// The mean of SPEC §2.6 (also each subject's R behind the 达标率 shares), `R = Σ u_j x_j / Σ u_j` with the policy's method weights: folded
/// one visit at a time, so no view keeps the scores themselves. `rank`, `report` and
/// `history` use this one, and `Policy.countedScore` for what a visit counts as.
public struct WeightedMean: Sendable, Equatable {
    public private(set) var sumW = 0.0
    public private(set) var sumWX = 0.0
    /// The lowest counted score, meaningful when `count > 0`; with a 32-bit count the whole
    /// mean is 28 bytes, not 40: one sits in every ranking entry (SPEC §5).
    private var lowest = 0.0
    private var visits: Int32 = 0
    public var count: Int { Int(visits) }
    /// The lowest counted score.
    public var min: Double? { visits > 0 ? lowest : nil }

    public init() {}

    /// A weight of 0 leaves the visit out (SPEC §1.3 `method_weights`).
    public mutating func add(_ x: Double, weight u: Double) {
        guard u > 0 else { return }
        sumW += u
        sumWX += u * x
        lowest = visits > 0 ? Swift.min(lowest, x) : x
        visits += 1
    }

    public mutating func add(_ other: WeightedMean) {
        guard other.visits > 0 else { return }
        sumW += other.sumW
        sumWX += other.sumWX
        lowest = visits > 0 ? Swift.min(lowest, other.lowest) : other.lowest
        visits += other.visits
    }

    public static func == (a: WeightedMean, b: WeightedMean) -> Bool {
        a.sumW == b.sumW && a.sumWX == b.sumWX && a.count == b.count && a.min == b.min
    }

    /// nil when nothing with a weight was added.
    public var mean: Double? { count > 0 && sumW > 0 ? sumWX / sumW : nil }
}

extension Policy {
    /// What a visit score counts as in a mean (SPEC §2.6 veto): 0 for a flagged visit under
    /// `veto: zero`, else the score.
    public func countedScore(_ x: Double, flagged: Bool) -> Double {
        veto == .zero && flagged ? 0 : x
    }
}

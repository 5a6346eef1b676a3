/// The order of eligible entries and their rank numbers (SPEC §2.6), used by `rank` (whole
/// ranking and groups), the 通报's rank of a branch under its parent, and `history`.
///
/// Order: ranking score, then visits, then the lowest visit score, all descending; equal
/// keys are tied. Scores are compared unrounded, but a difference below 1e-9 — floating-point
/// noise from summing the same scores in another order — is not a difference.
public struct OrderKey: Equatable, Comparable, Sendable {
    public var score: Double
    public var visits: Int
    public var min: Double

    public init(score: Double?, visits: Int, min: Double?) {
        self.score = Self.snap(score ?? -.infinity)
        self.visits = visits
        self.min = Self.snap(min ?? -.infinity)
    }

    static func snap(_ x: Double) -> Double { x.isFinite ? (x * 1e9).rounded() / 1e9 : x }

    /// Ascending: a < b means a ranks below b.
    public static func < (a: OrderKey, b: OrderKey) -> Bool {
        (a.score, a.visits, a.min) < (b.score, b.visits, b.min)
    }
}

public enum RankNumbering {
    /// Rank numbers for keys in order (best first): competition 1224, dense 1223, ordinal 1234.
    public static func numbers<K: RandomAccessCollection>(_ keys: K, _ rule: Policy.TieRule) -> [Int]
        where K.Element == OrderKey, K.Index == Int {
        var out: [Int] = []
        out.reserveCapacity(keys.count)
        var firstOfTie = 0, distinctAhead = 0
        for i in keys.indices {
            if i > 0, keys[i] != keys[i - 1] {
                firstOfTie = i
                distinctAhead += 1
            }
            switch rule {
            case .competition: out.append(firstOfTie + 1)
            case .dense: out.append(distinctAhead + 1)
            case .ordinal: out.append(i + 1)
            }
        }
        return out
    }

    /// Whether entry i (keys in order) is tied with a neighbour.
    public static func tied<K: RandomAccessCollection>(_ keys: K, _ i: Int) -> Bool where K.Element == OrderKey, K.Index == Int {
        (i > 0 && keys[i - 1] == keys[i]) || (i + 1 < keys.count && keys[i + 1] == keys[i])
    }

    /// K for a group of n eligible entries: top N, or ceil(P/100 × n) computed exactly.
    public static func quota(_ q: Policy.Quota, of n: Int) -> Int {
        switch q {
        case .top(let k): return k
        case .percent(let pct): return Num.ceilPercentQuota(percent: pct, of: n)
        }
    }

    /// How many of the first entries are selected: K, unless the K-th is tied with the
    /// (K+1)-th — then include takes the whole tie and exclude stops before it.
    public static func selectedCount<K: RandomAccessCollection>(_ keys: K, quota k: Int, atCutoff: Policy.AtCutoff) -> Int
        where K.Element == OrderKey, K.Index == Int {
        let n = keys.count
        guard k > 0 else { return 0 }
        guard k < n else { return n }
        guard keys[k - 1] == keys[k] else { return k }
        switch atCutoff {
        case .include:
            var j = k
            while j < n, keys[j] == keys[k - 1] { j += 1 }
            return j
        case .exclude:
            var j = k - 1
            while j > 0, keys[j - 1] == keys[k - 1] { j -= 1 }
            return j
        }
    }
}

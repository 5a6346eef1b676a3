/// The arithmetic of SPEC §2 written out with numbers, so a person can redo it by hand.
/// Inputs are shown rounded to 2 decimals; the result is the engine's unrounded value, rounded
/// for display (redoing the sum from the rounded inputs can differ in the last digit).
public enum ScoreFormula {
    /// `100 × 37 / 40 = 92.50`; nil when `max` is 0 (not scored).
    public static func ratio(earned: Double, max: Double) -> String? {
        guard max > 0 else { return nil }
        return "100 × \(Fmt.num(earned)) / \(Fmt.num(max)) = \(Num.fixed2(100 * earned / max))"
    }

    /// `(35×92.50 + 25×100.00) / 60 = 95.63`; nil when there is no term.
    public static func weighted(_ terms: [(weight: Double, score: Double)], result: Double?) -> String? {
        guard !terms.isEmpty, let result else { return nil }
        let total = terms.reduce(0) { $0 + $1.weight }
        let sum = terms.map { "\(Fmt.num($0.weight))×\(Num.fixed2($0.score))" }.joined(separator: " + ")
        return "(\(sum)) / \(Fmt.num(total)) = \(Num.fixed2(result))"
    }

    /// `(92.50 + 100.00) / 2 = 96.25`; a single value is just that value.
    public static func mean(_ values: [Double], result: Double) -> String {
        guard values.count > 1 else { return Num.fixed2(result) }
        return "(\(values.map(Num.fixed2).joined(separator: " + "))) / \(values.count) = \(Num.fixed2(result))"
    }

    /// `94.06 + 2 = 96.06`.
    public static func plusBonus(base: Double, bonus: Double) -> String {
        "\(Num.fixed2(base)) + \(Fmt.num(bonus)) = \(Num.fixed2(base + bonus))"
    }

    /// How a deduct or bonus item's count became points: `max(0, 10 − 2×5) = 0`,
    /// `min(5, 3×2) = 5`; nil for check and scale items, whose answer says it all, and for a
    /// count of 0 (nothing happened: full points, no bonus).
    public static func item(_ item: ChecklistItem, _ result: ItemResult) -> String? {
        guard case .count(let n)? = result.answer?.value, n > 0, let per = item.per else { return nil }
        switch result.outcome {
        case .scored(let earned, _):
            return "max(0, \(Fmt.num(item.points)) − \(n)×\(Fmt.num(per))) = \(Fmt.num(earned))"
        case .bonus(let b):
            return "min(\(Fmt.num(item.points)), \(n)×\(Fmt.num(per))) = \(Fmt.num(b))"
        default:
            return nil
        }
    }
}

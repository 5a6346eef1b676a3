/// The ranking score of SPEC §2.6: `R` when `prior_visits` m = 0, otherwise
/// `(v·R + m·C)/(v + m)` — Bayesian shrinkage toward C, the weighted mean of every visit
/// score of the ranking population, so one or two lucky visits cannot top the list.
public enum Shrinkage {
    public static func score(mean r: Double?, visits v: Int, prior m: Double, population c: Double?) -> Double? {
        guard let r else { return nil }
        guard m > 0, let c else { return r }
        let n = Double(v)
        return (n * r + m * c) / (n + m)
    }
}

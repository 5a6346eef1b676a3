/// SPEC §4: a `--period` (or `--from/--to`) that holds no visit at all is an error naming
/// the dates the visits do cover, unless `--allow-empty` — a cron job on the first day of a
/// quarter must not publish an empty 通报 as if all were fine. Every command that folds a
/// period (`score`, `rank`, `report`, `coverage`, `inspectors`) sees each valid visit's date
/// here and asks `problem()` before writing anything.
public struct PeriodGate: Sendable {
    public let period: Period?
    public private(set) var inPeriod = 0
    public private(set) var first: Day?
    public private(set) var last: Day?
    public private(set) var total = 0

    public init(period: Period?) { self.period = period }

    public mutating func see(_ d: Day) {
        total += 1
        if first.map({ d < $0 }) ?? true { first = d }
        if last.map({ d > $0 }) ?? true { last = d }
        if period?.contains(d) ?? true { inPeriod += 1 }
    }

    /// The problem, when a period was asked for and none of the visits is in it.
    public func problem() -> EmptyPeriod? {
        guard let period, inPeriod == 0 else { return nil }
        return EmptyPeriod(period: period, first: first, last: last, visits: total)
    }
}

/// A period with no visit, and what the visits read do cover.
public struct EmptyPeriod: Sendable, Equatable {
    public var period: Period
    public var first: Day?
    public var last: Day?
    public var visits: Int

    /// One line for stderr, in the output language.
    public func message(_ lang: Language) -> String {
        let p = period
        let label = "\(p.label)（\(p.from) … \(p.to)）"
        guard let first, let last else {
            return lang == .en
                ? "no visit in the period \(p.label) (\(p.from) … \(p.to)): no valid visit was read at all; pass --allow-empty to write an empty result"
                : "期间 \(label) 内没有检查记录：未读到任何有效的检查记录；如确需输出空结果，请加 --allow-empty"
        }
        return lang == .en
            ? "no visit in the period \(p.label) (\(p.from) … \(p.to)): the \(visits) visit\(visits == 1 ? "" : "s") read cover \(first) … \(last); check --period, or pass --allow-empty to write an empty result"
            : "期间 \(label) 内没有检查记录：读到的 \(visits) 次检查日期为 \(first) … \(last)；请核对 --period，如确需输出空结果，请加 --allow-empty"
    }
}

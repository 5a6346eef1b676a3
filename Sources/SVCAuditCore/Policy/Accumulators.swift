/// A running mean: folded one value at a time, so a report never keeps the values themselves.
public struct MeanAccumulator: Sendable, Equatable {
    public private(set) var sum = 0.0
    public private(set) var count = 0

    public init() {}

    public mutating func add(_ x: Double) { sum += x; count += 1 }

    /// nil when nothing was added.
    public var mean: Double? { count > 0 ? sum / Double(count) : nil }
}

/// A running 达标率: the share, in percent, of values at or above a pass mark.
public struct RateAccumulator: Sendable, Equatable {
    public private(set) var passed = 0
    public private(set) var count = 0

    public init() {}

    public mutating func add(_ passed: Bool) { count += 1; if passed { self.passed += 1 } }

    /// Percent 0–100; nil when nothing was counted.
    public var rate: Double? { count > 0 ? 100 * Double(passed) / Double(count) : nil }
}

/// A calendar month, the unit of the trend lines and of the 员工服务档案's monthly means.
public struct MonthKey: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int

    public init(year: Int, month: Int) { self.year = year; self.month = month }
    public init(_ d: Day) { self.init(year: d.year, month: d.month) }

    public static func < (a: MonthKey, b: MonthKey) -> Bool { (a.year, a.month) < (b.year, b.month) }

    /// `2026-07`.
    public var description: String { "\(year)-\(month < 10 ? "0" : "")\(month)" }

    /// `2026年7月` / `Jul 2026`.
    public func title(_ lang: Language) -> String {
        if lang == .zh { return "\(year)年\(month)月" }
        let names = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        return "\(names[month - 1]) \(year)"
    }

    /// The months from `a` to `b` inclusive.
    public static func range(_ a: MonthKey, _ b: MonthKey) -> [MonthKey] {
        var out: [MonthKey] = []
        var y = a.year, m = a.month
        while (y, m) <= (b.year, b.month) {
            out.append(MonthKey(year: y, month: m))
            m += 1
            if m > 12 { m = 1; y += 1 }
        }
        return out
    }
}

/// A calendar quarter (员工服务档案 quarterly means; 服务明星 are chosen quarterly).
public struct QuarterKey: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let year: Int
    public let quarter: Int

    public init(_ d: Day) { year = d.year; quarter = (d.month - 1) / 3 + 1 }

    public static func < (a: QuarterKey, b: QuarterKey) -> Bool { (a.year, a.quarter) < (b.year, b.quarter) }

    /// `2026-Q3`.
    public var description: String { "\(year)-Q\(quarter)" }

    public func title(_ lang: Language) -> String { Period(description)!.title(lang) }
}

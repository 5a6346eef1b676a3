import Foundation

/// A reporting period (SPEC §2.5): a year, half, quarter, month, or an inclusive date range.
public struct Period: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case year(Int)
        case half(Int, Int)      // year, 1...2
        case quarter(Int, Int)   // year, 1...4
        case month(Int, Int)     // year, 1...12
        case range
    }

    public var kind: Kind
    public var from: Day
    public var to: Day

    /// `2026`, `2026-H1`, `2026-Q3`, `2026-07`; nil when the text is none of these.
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        guard let first = parts.first, first.count == 4, let y = Int(first), y >= 1 else { return nil }
        if parts.count == 1 {
            self.init(kind: .year(y), from: Day(year: y, month: 1, day: 1)!, to: Day(year: y, month: 12, day: 31)!)
            return
        }
        guard parts.count == 2 else { return nil }
        let p = parts[1].uppercased()
        if p.count == 2, p.hasPrefix("H"), let h = Int(p.dropFirst()), (1...2).contains(h) {
            let m0 = h == 1 ? 1 : 7
            self.init(kind: .half(y, h), from: Day(year: y, month: m0, day: 1)!,
                      to: Day(year: y, month: m0 + 5, day: Day.daysIn(month: m0 + 5, year: y))!)
        } else if p.count == 2, p.hasPrefix("Q"), let q = Int(p.dropFirst()), (1...4).contains(q) {
            let m0 = (q - 1) * 3 + 1
            self.init(kind: .quarter(y, q), from: Day(year: y, month: m0, day: 1)!,
                      to: Day(year: y, month: m0 + 2, day: Day.daysIn(month: m0 + 2, year: y))!)
        } else if p.count == 2, p.allSatisfy(\.isNumber), let m = Int(p), (1...12).contains(m) {
            self.init(kind: .month(y, m), from: Day(year: y, month: m, day: 1)!,
                      to: Day(year: y, month: m, day: Day.daysIn(month: m, year: y))!)
        } else {
            return nil
        }
    }

    /// `--from`/`--to` (inclusive).
    public init(from: Day, to: Day) {
        self.init(kind: .range, from: from, to: to)
    }

    init(kind: Kind, from: Day, to: Day) {
        self.kind = kind
        self.from = from
        self.to = to
    }

    public func contains(_ d: Day) -> Bool { from <= d && d <= to }

    /// The SPEC label used in JSON: `2026-Q3`, or `2026-07-01..2026-07-31` for a range.
    public var label: String {
        switch kind {
        case .year(let y): return String(y)
        case .half(let y, let h): return "\(y)-H\(h)"
        case .quarter(let y, let q): return "\(y)-Q\(q)"
        case .month(let y, let m): return "\(y)-\(m < 10 ? "0" : "")\(m)"
        case .range: return "\(from)..\(to)"
        }
    }

    /// `2026年第三季度` and friends (SPEC §2.5), or the English label.
    public func title(_ lang: Language) -> String {
        let cn = ["", "一", "二", "三", "四"]
        switch (kind, lang) {
        case (.year(let y), .zh): return "\(y)年"
        case (.half(let y, let h), .zh): return "\(y)年\(h == 1 ? "上" : "下")半年"
        case (.quarter(let y, let q), .zh): return "\(y)年第\(cn[q])季度"
        case (.month(let y, let m), .zh): return "\(y)年\(m)月"
        case (.range, .zh): return "\(from) 至 \(to)"
        case (.year(let y), .en): return "\(y)"
        case (.half(let y, let h), .en): return "\(h == 1 ? "first" : "second") half of \(y)"
        case (.quarter(let y, let q), .en): return "Q\(q) \(y)"
        case (.month(let y, let m), .en):
            let names = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                         "October", "November", "December"]
            return "\(names[m - 1]) \(y)"
        case (.range, .en): return "\(from) to \(to)"
        }
    }

    /// The period of the same length just before this one (for period-over-period change):
    /// the previous year, half, quarter or month; for a range, the same number of days before.
    public var previous: Period {
        switch kind {
        case .year(let y): return Period("\(y - 1)")!
        case .half(let y, let h): return h == 2 ? Period("\(y)-H1")! : Period("\(y - 1)-H2")!
        case .quarter(let y, let q): return q > 1 ? Period("\(y)-Q\(q - 1)")! : Period("\(y - 1)-Q4")!
        case .month(let y, let m):
            return m > 1 ? Period(kind: .month(y, m - 1), from: Day(year: y, month: m - 1, day: 1)!,
                                  to: Day(year: y, month: m - 1, day: Day.daysIn(month: m - 1, year: y))!)
                : Period("\(y - 1)-12")!
        case .range:
            let days = to.ordinal - from.ordinal + 1
            return Period(from: from.adding(days: -days), to: from.adding(days: -1))
        }
    }

    /// The months the period touches, as (year, month), in order (report trend lines).
    public var months: [(year: Int, month: Int)] {
        var out: [(Int, Int)] = []
        var y = from.year, m = from.month
        while (y, m) <= (to.year, to.month) {
            out.append((y, m))
            m += 1
            if m > 12 { m = 1; y += 1 }
        }
        return out
    }
}

extension Period {
    /// The period a text names — a policy's `title:` such as 2026年第三季度服务明星评选 —
    /// or nil when it names none. Read: 2026年第三季度 (also 2026年三季度, 2026年第3季度),
    /// 2026年上半年/下半年, 2026年7月, the SPEC labels 2026-Q3, 2026-H1, 2026-07, Q3 2026,
    /// and, when nothing narrower is named, a year (2026年, 2026年度). The earliest wins.
    public static func named(in text: String) -> Period? {
        let cn: [String: Int] = ["一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4]
        var best: (at: Int, period: Period)?
        func consider(_ pattern: String, _ make: ([String]) -> Period?) {
            guard let re = try? NSRegularExpression(pattern: pattern) else { return }
            let ns = text as NSString
            for m in re.matches(in: text, range: NSRange(location: 0, length: ns.length)) {
                let groups = (1..<m.numberOfRanges).map { m.range(at: $0).location == NSNotFound ? "" : ns.substring(with: m.range(at: $0)) }
                guard let p = make(groups) else { continue }
                if best.map({ m.range.location < $0.at }) ?? true { best = (m.range.location, p) }
                break
            }
        }
        consider(#"(\d{4})\s*年\s*第?\s*([一二三四1-4])\s*季度"#) { g in cn[g[1]].flatMap { Period("\(g[0])-Q\($0)") } }
        consider(#"(\d{4})\s*年\s*([上下])\s*半\s*年"#) { g in Period("\(g[0])-H\(g[1] == "上" ? 1 : 2)") }
        consider(#"(\d{4})\s*年\s*(1[0-2]|0?[1-9])\s*月"#) { g in Int(g[1]).flatMap { Period("\(g[0])-\($0 < 10 ? "0" : "")\($0)") } }
        consider(#"(?<![0-9A-Za-z])(\d{4})-(Q[1-4]|H[12]|0[1-9]|1[0-2])(?![0-9A-Za-z])"#) { g in Period("\(g[0])-\(g[1])") }
        consider(#"(?<![0-9A-Za-z])Q([1-4])\s+(\d{4})(?![0-9])"#) { g in Period("\(g[1])-Q\(g[0])") }
        if let best { return best.period }
        consider(#"(\d{4})\s*年"#) { g in Period(g[0]) }
        return best?.period
    }

    /// Whether `other` lies wholly inside this period.
    public func covers(_ other: Period) -> Bool { from <= other.from && other.to <= to }
}

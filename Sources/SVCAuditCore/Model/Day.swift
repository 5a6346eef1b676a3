/// A calendar date (`YYYY-MM-DD`) without time or time zone: visits, fix-by dates and periods
/// are whole days, and comparing them must not depend on the machine's zone.
public struct Day: Comparable, Hashable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              (1...Day.daysIn(month: month, year: year)).contains(day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Strict `YYYY-MM-DD`.
    public init?(_ text: String) {
        guard case .ok(let d) = Day.parse(text) else { return nil }
        self = d
    }

    public enum ParseResult: Equatable, Sendable {
        case ok(Day)
        /// Not in `YYYY-MM-DD` form; `suggestion` is the padded form when one is obvious.
        case badForm(suggestion: String?)
        /// Right form, but no such day (e.g. 2026-02-30).
        case noSuchDay(daysInMonth: Int)
    }

    public static func parse(_ text: String) -> ParseResult {
        // Fast path for the common, well-formed `YYYY-MM-DD` (roster and visit dates by the
        // hundred thousand); anything else takes the careful path below.
        if text.utf8.count == 10 {
            var y = 0, m = 0, dd = 0, ok = true
            for (i, b) in text.utf8.enumerated() {
                if i == 4 || i == 7 {
                    if b != UInt8(ascii: "-") { ok = false; break }
                    continue
                }
                guard b >= UInt8(ascii: "0"), b <= UInt8(ascii: "9") else { ok = false; break }
                let n = Int(b - UInt8(ascii: "0"))
                if i < 4 { y = y * 10 + n } else if i < 7 { m = m * 10 + n } else { dd = dd * 10 + n }
            }
            if ok, y >= 1, (1...12).contains(m) {
                if let day = Day(year: y, month: m, day: dd) { return .ok(day) }
                return .noSuchDay(daysInMonth: daysIn(month: m, year: y))
            }
        }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else {
            return .badForm(suggestion: nil)
        }
        guard parts[0].count == 4, parts[1].count == 2, parts[2].count == 2 else {
            if parts[0].count == 4, let day = Day(year: y, month: m, day: d) {
                return .badForm(suggestion: day.description)
            }
            return .badForm(suggestion: nil)
        }
        guard (1...12).contains(m), y >= 1 else { return .badForm(suggestion: nil) }
        guard let day = Day(year: y, month: m, day: d) else {
            return .noSuchDay(daysInMonth: daysIn(month: m, year: y))
        }
        return .ok(day)
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 (proleptic Gregorian), for arithmetic and ordering.
    public var ordinal: Int {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    public init(ordinal z0: Int) {
        let z = z0 + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.year = yoe + era * 400 + (m <= 2 ? 1 : 0)
        self.month = m
        self.day = d
    }

    public func adding(days n: Int) -> Day { Day(ordinal: ordinal + n) }

    public var description: String {
        let y = String(year), m = String(month), d = String(day)
        return String(repeating: "0", count: max(0, 4 - y.count)) + y + "-"
            + (m.count < 2 ? "0" : "") + m + "-" + (d.count < 2 ? "0" : "") + d
    }

    public static func < (a: Day, b: Day) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    /// Today in the local time zone (the as-of default of `rectify`).
    public static func today() -> Day {
        var t = time(nil)
        var tmv = tm()
        localtime_r(&t, &tmv)
        return Day(year: Int(tmv.tm_year) + 1900, month: Int(tmv.tm_mon) + 1, day: Int(tmv.tm_mday))!
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

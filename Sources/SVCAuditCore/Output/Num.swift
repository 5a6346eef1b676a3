import Foundation

/// Number formatting for every output format.
///
/// SPEC §2: values are rounded only for display, to 2 decimals, half away from zero.
/// `String(format: "%.2f")` rounds half-to-even on the binary value (88.125 → "88.12"),
/// so everything here goes through `round2`'s formula instead.
public enum Num {
    /// Rounds to 2 decimals, half away from zero; -0 becomes 0 so it never prints as "-0.0".
    public static func round2(_ x: Double) -> Double {
        guard x.isFinite else { return x }
        let r = (x * 100).rounded(.toNearestOrAwayFromZero) / 100
        return r == 0 ? 0 : r
    }

    /// Always two decimals: 88.125 → "88.13", 88 → "88.00", -0.004 → "0.00".
    /// Built from the integer number of hundredths, so no second rounding can creep in.
    public static func fixed2(_ x: Double) -> String {
        guard x.isFinite else { return x.description }
        let hundredths = (x * 100).rounded(.toNearestOrAwayFromZero)
        // Beyond Int64 a Double has no fractional digits anyway.
        guard abs(hundredths) < 9e18 else { return String(format: "%.2f", x) }
        let h = Int64(hundredths)
        let sign = h < 0 ? "-" : ""
        let m = h.magnitude
        let frac = m % 100
        return "\(sign)\(m / 100).\(frac < 10 ? "0" : "")\(frac)"
    }

    /// The JSON spelling: `round2`, then Swift's shortest round-tripping `description`
    /// ("91.25", "88.0", "0.0"). Swift switches to exponent notation only at 1e16,
    /// which is still valid JSON.
    public static func short(_ x: Double) -> String {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: shortRoom) { buf in
            String(decoding: UnsafeBufferPointer(start: buf.baseAddress!, count: writeShort(x, to: buf.baseAddress!)), as: UTF8.self)
        }
    }

    /// The most bytes `writeShort` writes ("-1.7976931348623157e+308" is 24).
    static let shortRoom = 32

    /// Writes `short(x)` at `b` (room for `shortRoom` bytes) and returns how many bytes — the one
    /// spelling, used by `short` and written in place by the JSON writer. Below 10^13 it is made
    /// from the integer number of hundredths: the shortest round-tripping spelling of a value
    /// rounded to hundredths is those hundredths with trailing zeros dropped and one digit kept
    /// after the point ("91.25", "88.0"), as a Double tells any two decimals of 15 digits apart;
    /// `JSONNumberSpellingTests` checks that this is `round2(x).description`. Other values are that description.
    static func writeShort(_ x: Double, to b: UnsafeMutablePointer<UInt8>) -> Int {
        let scaled = (x * 100).rounded(.toNearestOrAwayFromZero)
        guard x.isFinite, abs(scaled) < 1e15 else {
            var s = round2(x).description
            return s.withUTF8 { u in
                b.update(from: u.baseAddress!, count: u.count)
                return u.count
            }
        }
        let h = Int64(scaled)
        var n = 0
        if h < 0 { b[0] = 0x2D; n = 1 }  // "-"
        let m = h.magnitude
        n += writeDigits(m / 100, to: b + n)
        let f = UInt8(truncatingIfNeeded: m % 100)
        b[n] = 0x2E  // "."
        b[n + 1] = 48 + f / 10
        n += 2
        if f % 10 != 0 { b[n] = 48 + f % 10; n += 1 }
        return n
    }

    /// Writes the decimal digits of `m` at `b` (room for 20) and returns how many.
    static func writeDigits(_ m: UInt64, to b: UnsafeMutablePointer<UInt8>) -> Int {
        var m = m, n = 0
        repeat {
            b[n] = UInt8(truncatingIfNeeded: 48 + m % 10)
            m /= 10
            n += 1
        } while m > 0
        // Made last digit first: turned round in place.
        var i = 0, j = n - 1
        while i < j {
            let t = b[i]; b[i] = b[j]; b[j] = t
            i += 1; j -= 1
        }
        return n
    }

    /// A rate that is already in percent (0–100): 95 → "95.00%".
    public static func percent(_ x: Double) -> String {
        fixed2(x) + "%"
    }

    /// ceil(percent × n / 100), exactly, clamped to 0...n.
    ///
    /// In binary floating point 7.0 / 100 * 100 is 7.000000000000001, which would round up
    /// to 8. The percent's shortest decimal spelling ("7.0", "12.5") is what the policy file
    /// said, so the arithmetic is done on that in `Decimal`, where ×n and /100 are exact.
    public static func ceilPercentQuota(percent: Double, of n: Int) -> Int {
        guard n > 0, percent > 0, !percent.isNaN else { return 0 }
        guard percent < 100 else { return n }
        guard let p = Decimal(string: percent.description, locale: Locale(identifier: "en_US_POSIX"))
        else { return 0 }
        var exact = p * Decimal(n) / 100
        var up = Decimal()
        NSDecimalRound(&up, &exact, 0, .up)
        return min(n, NSDecimalNumber(decimal: up).intValue)
    }
}

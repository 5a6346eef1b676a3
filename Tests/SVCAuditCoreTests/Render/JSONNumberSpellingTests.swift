import Testing
@testable import SVCAuditCore

/// `Num.short` (which the JSON writer writes in place) builds its spelling from the number of
/// hundredths; it must be exactly Swift's shortest round-tripping description of the value
/// rounded to hundredths, which the goldens were made with. Integers must spell as `String(_:)`.
@Suite struct JSONNumberSpellingTests {
    @Test func numbersAreNumShort() {
        var values: [Double] = [0, -0.0, 0.004, -0.004, 0.005, -0.005, 0.015, 88.125, 99.995, 100, 85, 1e12, 9.99999999999e12,
                                1e13, 1e15, 1e16, 1.5e17, -1e14, 1e-300, 5e-324, .greatestFiniteMagnitude, .nan, .infinity, -.infinity]
        // A fixed sequence (a 64-bit LCG): scores, thousandths, thirds and wide values.
        var x: UInt64 = 2026
        func next() -> UInt64 { x = x &* 6364136223846793005 &+ 1442695040888963407; return x >> 11 }
        for _ in 0..<20_000 {
            values.append(Double(next() % 11_001) / 100)
            values.append(Double(next() % 110_001) / 1000)
            values.append(Double(next() % 1_000_000) / 3)
            values.append(Double(next() % 2_000_000_000_000) / 100 - 1e10)
            values.append(Double(next()) / Double(1 << 53) * 1e14 - 5e13)
        }
        for v in values {
            let described = Num.round2(v).description
            if v.isFinite { #expect(Num.short(v) == described, "\(v)") }
            #expect(JSONValue.number(v).render(pretty: false) == (v.isFinite ? described : "null") + "\n", "\(v)")
        }
    }

    @Test func integersAreStringOfInt() {
        for i in [0, 1, 9, 10, 99, 100, -1, -9, -10, 123_456_789, Int.max, Int.min] {
            #expect(JSONValue.int(i).render(pretty: false) == String(i) + "\n")
        }
    }

    @Test func controlCharactersAreEscapedAsBefore() {
        #expect(JSONValue.string("a\u{01}b\u{1F}\"\\\n\r\t/").render(pretty: false) == #""a\u0001b\u001f\"\\\n\r\t/""# + "\n")
    }
}

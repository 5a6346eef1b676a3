import Testing
@testable import SVCAuditCore

@Suite struct NumTests {
    // Expected values follow SPEC's formula (x*100).rounded(.toNearestOrAwayFromZero)/100.
    // 88.135*100 and 2.675*100 come out as exactly …x.5 in binary, so they round up;
    // -1.005*100 is -100.49999999999999, so it rounds to -1.00.
    @Test(arguments: [
        (88.125, 88.13, "88.13"),
        (88.135, 88.14, "88.14"),
        (-1.005, -1.0, "-1.00"),
        (0.005, 0.01, "0.01"),
        (2.675, 2.68, "2.68"),
        (1e6, 1_000_000.0, "1000000.00"),
        (88.0, 88.0, "88.00"),
        (-0.004, 0.0, "0.00"),
        (-2.5, -2.5, "-2.50"),
        (0.1, 0.1, "0.10"),
    ])
    func rounding(x: Double, rounded: Double, text: String) {
        #expect(Num.round2(x) == rounded)
        #expect(Num.fixed2(x) == text)
    }

    @Test func negativeZeroPrintsAsZero() {
        #expect(Num.round2(-0.004).sign == .plus)
        #expect(Num.short(-0.004) == "0.0")
        #expect(Num.short(-0.0) == "0.0")
    }

    @Test func shortUsesShortestDescription() {
        #expect(Num.short(91.25) == "91.25")
        #expect(Num.short(88) == "88.0")
        #expect(Num.short(93.3333333) == "93.33")
        #expect(Num.short(88.125) == "88.13")
        #expect(Num.short(1e6) == "1000000.0")
        #expect(Num.short(123_456_789_012_345) == "123456789012345.0")
    }

    @Test func percent() {
        #expect(Num.percent(95) == "95.00%")
        #expect(Num.percent(66.665) == "66.67%")
        #expect(Num.percent(0) == "0.00%")
    }

    @Test(arguments: [
        (7.0, 100, 7),
        (10.0, 15, 2),
        (12.5, 8, 1),
        (0.0, 10, 0),
        (100.0, 3, 3),
        (7.0, 1, 1),
        (33.3, 10, 4),
        (12.5, 16, 2),
        (12.5, 17, 3),
        (150.0, 4, 4),
        (-5.0, 10, 0),
        (10.0, 0, 0),
    ])
    func quota(percent: Double, n: Int, expected: Int) {
        #expect(Num.ceilPercentQuota(percent: percent, of: n) == expected)
    }

    @Test func quotaIsExactWhereBinaryIsNot() {
        // The binary way gets these wrong: 7/100*100 = 7.000000000000001 → 8.
        #expect((7.0 / 100 * 100).rounded(.up) == 8)
        #expect(Num.ceilPercentQuota(percent: 7, of: 100) == 7)
        for n in 1...500 {
            for p in [1.0, 5, 7, 10, 12.5, 15, 20, 25, 30, 33.3, 50] {
                // Exact integer reference: p has at most one decimal here.
                let tenths = Int((p * 10).rounded())
                let ref = (tenths * n + 999) / 1000
                #expect(Num.ceilPercentQuota(percent: p, of: n) == ref, "p=\(p) n=\(n)")
            }
        }
    }
}

import Testing
@testable import SVCAuditCore

/// The byte-table UTF-8 check agrees with the standard library's decoder.
@Suite struct UTF8CheckTests {
    static func reference(_ bytes: [UInt8]) -> Bool {
        Array(String(decoding: bytes, as: UTF8.self).utf8) == bytes
    }

    @Test func agreesWithTheDecoder() {
        var state: UInt64 = 42
        func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        let interesting: [UInt8] = [0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF,
                                    0xE0, 0xE1, 0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xFF]
        for _ in 0..<50_000 {
            let n = Int(next() % 6)
            let bytes = (0..<n).map { _ in interesting[Int(next() % UInt64(interesting.count))] }
            let got = bytes.withUnsafeBufferPointer { EncodingCheck.isValidUTF8($0) }
            #expect(got == Self.reference(bytes), "\(bytes)")
        }
        for text in ["合格", "不合格 note 😀", "plain ascii", ""] {
            let bytes = Array(text.utf8)
            #expect(bytes.withUnsafeBufferPointer { EncodingCheck.isValidUTF8($0) })
        }
    }
}

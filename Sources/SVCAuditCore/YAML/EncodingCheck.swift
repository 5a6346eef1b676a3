/// Encoding problems found before libyaml sees the bytes, so the message can say what the
/// file is (UTF-16, binary) and where, instead of a generic reader error.
enum EncodingCheck {
    static func problem(in bytes: [UInt8]) -> YAMLError? {
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            return YAMLError(.encodingUtf16, ["how": .phrase("", "")], at: .start)
        }
        // UTF-16 without a BOM shows as every other byte being NUL.
        return bytes.withUnsafeBufferPointer { buf -> YAMLError? in
            guard let nul = buf.firstIndex(of: 0) else { return firstInvalidUTF8(buf) }
            let mark = mark(ofByteOffset: nul, in: buf)
            if buf.count >= 2, buf[0] == 0 || buf[1] == 0 {
                return YAMLError(.encodingUtf16, ["how": .phrase("（字符之间夹着 NUL 字节）", " (NUL bytes between characters)")], at: mark)
            }
            return YAMLError(.encodingNul, at: mark)
        }
    }

    /// Well-formed UTF-8 by Unicode's table 3-7 (what `UTF8` decodes without error), checked
    /// a byte at a time with no decoding: the common case, a valid file, costs one quick pass.
    static func isValidUTF8(_ buf: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        let n = buf.count
        @inline(__always) func cont(_ k: Int, _ lo: UInt8 = 0x80, _ hi: UInt8 = 0xBF) -> Bool {
            k < n && buf[k] >= lo && buf[k] <= hi
        }
        while i < n {
            let b = buf[i]
            if b < 0x80 { i += 1; continue }
            switch b {
            case 0xC2...0xDF:
                guard cont(i + 1) else { return false }
                i += 2
            case 0xE0:
                guard cont(i + 1, 0xA0, 0xBF), cont(i + 2) else { return false }
                i += 3
            case 0xE1...0xEC, 0xEE...0xEF:
                guard cont(i + 1), cont(i + 2) else { return false }
                i += 3
            case 0xED:
                guard cont(i + 1, 0x80, 0x9F), cont(i + 2) else { return false }
                i += 3
            case 0xF0:
                guard cont(i + 1, 0x90, 0xBF), cont(i + 2), cont(i + 3) else { return false }
                i += 4
            case 0xF1...0xF3:
                guard cont(i + 1), cont(i + 2), cont(i + 3) else { return false }
                i += 4
            case 0xF4:
                guard cont(i + 1, 0x80, 0x8F), cont(i + 2), cont(i + 3) else { return false }
                i += 4
            default:
                return false
            }
        }
        return true
    }

    private static func firstInvalidUTF8(_ buf: UnsafeBufferPointer<UInt8>) -> YAMLError? {
        if isValidUTF8(buf) { return nil }
        // Something is wrong: decode to find where, exactly as before.
        var it = buf.makeIterator()
        var decoder = UTF8()
        var offset = 0
        loop: while true {
            switch decoder.decode(&it) {
            case .scalarValue(let s):
                offset += UTF8.width(s)
            case .emptyInput:
                break loop
            case .error:
                let mark = mark(ofByteOffset: offset, in: buf)
                return YAMLError(.encodingUtf8, ["byte": .text(String(buf[offset], radix: 16, uppercase: true)), "offset": .count(offset)],
                                 at: mark)
            }
        }
        return nil
    }

    /// Line and column (in Unicode scalars, as libyaml counts) of a byte offset.
    static func mark(ofByteOffset target: Int, in buf: UnsafeBufferPointer<UInt8>) -> Mark {
        var line = 1, column = 1
        var i = 0
        let end = min(target, buf.count)
        while i < end {
            let b = buf[i]
            if b == 0x0A {
                line += 1; column = 1
            } else if b & 0xC0 != 0x80 {
                column += 1   // count lead bytes only: one per scalar
            }
            i += 1
        }
        return Mark(line: line, column: column)
    }
}

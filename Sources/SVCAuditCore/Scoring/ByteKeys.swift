/// Byte strings looked up by the streaming reader without a `String`: a mapping's keys, the
/// answer words (`ByteWords`) and the catalog's item ids (`ByteTable`).

/// Whether `n` bytes at `a` and `b` are the same. Keys and ids are a few bytes long: compared
/// here, eight at a time, they cost less than the call to `memcmp` did.
@inline(__always)
func sameBytes(_ a: UnsafeRawPointer, _ b: UnsafeRawPointer, _ n: Int) -> Bool {
    var i = 0
    while i + 8 <= n {
        if a.loadUnaligned(fromByteOffset: i, as: UInt64.self) != b.loadUnaligned(fromByteOffset: i, as: UInt64.self) { return false }
        i += 8
    }
    while i < n {
        if a.load(fromByteOffset: i, as: UInt8.self) != b.load(fromByteOffset: i, as: UInt8.self) { return false }
        i += 1
    }
    return true
}

/// A byte string read as two words and its length, with at most four loads and never a byte
/// outside it: 8–16 bytes are the first and the last eight (overlapping), 4–7 the first and
/// last four, 1–3 the first, middle and last byte. Every byte is in a word, so two strings of
/// up to 16 bytes are the same exactly when their keys are; longer ones (their first and last
/// eight bytes) must be compared in full as well. Ids, keys and answer words are short: a
/// lookup compares two words instead of looping over bytes.
struct ByteKey: Equatable, Sendable {
    var lo: UInt64
    var hi: UInt64
    var count: Int

    @inline(__always)
    init(_ b: UnsafeRawBufferPointer) {
        let n = b.count
        count = n
        guard n > 0, let p = b.baseAddress else { lo = 0; hi = 0; return }
        if n >= 8 {
            lo = p.loadUnaligned(as: UInt64.self)
            hi = p.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self)
        } else if n >= 4 {
            lo = UInt64(p.loadUnaligned(as: UInt32.self)) | UInt64(p.loadUnaligned(fromByteOffset: n - 4, as: UInt32.self)) << 32
            hi = 0
        } else {
            lo = UInt64(p.load(as: UInt8.self)) | UInt64(p.load(fromByteOffset: n >> 1, as: UInt8.self)) << 8
                | UInt64(p.load(fromByteOffset: n - 1, as: UInt8.self)) << 16
            hi = 0
        }
    }

    /// Whether equal keys alone prove the strings equal.
    @inline(__always)
    var exact: Bool { count <= 16 }

    @inline(__always)
    var hash: Int {
        let h = (lo ^ (hi &* 0x9E37_79B9_7F4A_7C15) ^ UInt64(truncatingIfNeeded: count)) &* 0xFF51_AFD7_ED55_8CCD
        return Int(truncatingIfNeeded: h ^ (h >> 32))
    }
}

/// A few byte strings (a mapping's keys, the answer words), searched in order: a lookup
/// compares keys (`ByteKey`), bytes only for a word longer than 16, and retains nothing.
struct ByteWords: Sendable {
    private let keys: [ByteKey]
    private let bytes: [UInt8]
    /// Word i is bytes[starts[i] ..< starts[i + 1]].
    private let starts: [Int]

    init(_ strings: [String]) {
        let (bytes, starts) = packed(strings)
        keys = bytes.withUnsafeBytes { all in
            strings.indices.map { ByteKey(UnsafeRawBufferPointer(rebasing: all[starts[$0]..<starts[$0 + 1]])) }
        }
        self.bytes = bytes
        self.starts = starts
    }

    /// The index of the word `b` spells, if any.
    @inline(__always)
    func find(_ b: UnsafeRawBufferPointer) -> Int? {
        let key = ByteKey(b)
        return keys.withUnsafeBufferPointer { keys -> Int? in
            for i in keys.indices where keys[i] == key {
                if key.exact || sameLong(i, b) { return i }
            }
            return nil
        }
    }

    private func sameLong(_ i: Int, _ b: UnsafeRawBufferPointer) -> Bool {
        bytes.withUnsafeBytes { sameBytes($0.baseAddress! + starts[i], b.baseAddress!, b.count) }
    }
}

/// An open-addressing hash table from byte strings to their index in the list it was built
/// from. Each slot holds its string's `ByteKey`, so a lookup of a short id touches one slot
/// and compares two words; longer strings are compared in full too. Built once per catalog,
/// read by every worker thread.
struct ByteTable: Sendable {
    private struct Slot: Sendable {
        var key: ByteKey
        var index: Int  // -1: empty
    }
    private let bytes: [UInt8]
    /// Key i is bytes[starts[i] ..< starts[i + 1]].
    private let starts: [Int]
    private let slots: [Slot]
    private let mask: Int

    init(_ strings: [String]) {
        let (bytes, starts) = packed(strings)
        var size = 16
        while size < strings.count * 4 { size <<= 1 }
        var slots = [Slot](repeating: Slot(key: ByteKey(UnsafeRawBufferPointer(start: nil, count: 0)), index: -1), count: size)
        bytes.withUnsafeBytes { all in
            for i in strings.indices {
                let key = ByteKey(UnsafeRawBufferPointer(rebasing: all[starts[i]..<starts[i + 1]]))
                var h = key.hash & (size - 1)
                while slots[h].index >= 0 { h = (h + 1) & (size - 1) }
                slots[h] = Slot(key: key, index: i)
            }
        }
        self.bytes = bytes
        self.starts = starts
        self.slots = slots
        mask = size - 1
    }

    @inline(__always)
    func find(_ b: UnsafeRawBufferPointer) -> Int? {
        let key = ByteKey(b)
        let mask = mask
        return slots.withUnsafeBufferPointer { slots -> Int? in
            var h = key.hash & mask
            while true {
                let s = slots[h]
                if s.index < 0 { return nil }
                if s.key == key, key.exact || sameLong(s.index, b) { return s.index }
                h = (h + 1) & mask
            }
        }
    }

    private func sameLong(_ i: Int, _ b: UnsafeRawBufferPointer) -> Bool {
        bytes.withUnsafeBytes { sameBytes($0.baseAddress! + starts[i], b.baseAddress!, b.count) }
    }
}

/// Strings one after another in one byte array; string i is bytes[starts[i] ..< starts[i + 1]].
private func packed(_ strings: [String]) -> (bytes: [UInt8], starts: [Int]) {
    var bytes: [UInt8] = []
    var starts = [0]
    for s in strings {
        bytes += s.utf8
        starts.append(bytes.count)
    }
    return (bytes, starts)
}

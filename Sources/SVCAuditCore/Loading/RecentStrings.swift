/// The Strings a reading thread made lately from a scalar's bytes, found again by the bytes:
/// the same branch names and parents come back file after file, and a String made anew for
/// each (past 15 bytes) was a UTF-8 check and a heap block allocated on the reading thread
/// and freed on the folding one (contended in glibc's arena
/// with --jobs 2). A String met again is shared instead: a retain, and nothing to free.
///
/// Open addressing over a fixed table of `ByteKey`s; once half full it is emptied and fills
/// again (a run over a million files meets far more distinct staff ids than it keeps).
/// One per thread (`VisitReader.Scratch`), never shared.
final class RecentStrings {
    private struct Slot {
        var key: ByteKey
        var text: String
    }

    /// 80 KB: under glibc's mmap threshold, so a reader made for one file (no scratch) is cheap.
    private static let size = 2048
    private static let mask = size - 1
    /// Up to 15 bytes a String is a value with nothing on the heap, and making it costs less
    /// than looking it up; longer scalars (notes, free text) are rarely repeated. Both are
    /// made as they are.
    private static let shortest = 16
    private static let longest = 64

    private let slots = UnsafeMutablePointer<Slot>.allocate(capacity: size)
    private let used = UnsafeMutablePointer<Bool>.allocate(capacity: size)
    private var filled = 0

    init() { used.initialize(repeating: false, count: Self.size) }

    deinit {
        clear()
        slots.deallocate()
        used.deallocate()
    }

    /// The text `b` spells (as `String(decoding:as:)` makes it).
    @inline(__always)
    func string(_ b: UnsafeRawBufferPointer) -> String {
        guard b.count >= Self.shortest, b.count <= Self.longest else { return String(decoding: b, as: UTF8.self) }
        return lookup(b)
    }

    private func lookup(_ b: UnsafeRawBufferPointer) -> String {
        let key = ByteKey(b)
        var h = key.hash & Self.mask
        while used[h] {
            if slots[h].key == key, key.exact || same(slots[h].text, b) { return slots[h].text }
            h = (h + 1) & Self.mask
        }
        let text = String(decoding: b, as: UTF8.self)
        if filled >= Self.size / 2 {
            clear()
            h = key.hash & Self.mask
        }
        (slots + h).initialize(to: Slot(key: key, text: text))
        used[h] = true
        filled += 1
        return text
    }

    /// Whether `text`'s bytes are `b` (a key past 16 bytes is not the whole string).
    private func same(_ text: String, _ b: UnsafeRawBufferPointer) -> Bool {
        var t = text
        return t.withUTF8 { $0.count == b.count && sameBytes(UnsafeRawPointer($0.baseAddress!), b.baseAddress!, b.count) }
    }

    private func clear() {
        guard filled > 0 else { return }
        for i in 0..<Self.size where used[i] {
            (slots + i).deinitialize(count: 1)
            used[i] = false
        }
        filled = 0
    }
}

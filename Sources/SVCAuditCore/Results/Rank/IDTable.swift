/// A row found by its id (a ranking entry, an employee's mean in the 通报).
protocol Identified: Sendable {
    var id: String { get }
}

/// Rows in chunks of 1,024, in the order added: a growing list never copies itself whole (a
/// plain array held its old and its doubled buffer at once, 3x the rows at the top of a
/// growth), and a row is changed in place through its chunk.
struct ChunkedRows<Row: Identified>: RandomAccessCollection, Sendable {
    private static var shift: Int { 10 }
    private var chunks: [[Row]] = []
    private(set) var count = 0

    init() {}

    var startIndex: Int { 0 }
    var endIndex: Int { count }

    subscript(k: Int) -> Row {
        get { chunks[k >> Self.shift][k & ((1 << Self.shift) - 1)] }
        _modify { yield &chunks[k >> Self.shift][k & ((1 << Self.shift) - 1)] }
    }

    mutating func append(_ row: Row) {
        if count & ((1 << Self.shift) - 1) == 0 {
            var chunk: [Row] = []
            chunk.reserveCapacity(1 << Self.shift)
            chunks.append(chunk)
        }
        chunks[chunks.count - 1].append(row)
        count += 1
    }
}

/// Id → row number for `ChunkedRows` (or any rows a caller can hash and compare: a fold's
/// branches): open addressing over 8-byte buckets (the row number + 1
/// and the top of the id's hash), at most 4/5 full; the ids themselves are only in the rows.
/// A `[String: Row]` held each id twice, hashed it with SipHash and copied itself to grow.
/// It grows by halves, not doubling (a bucket's place is its hash's low 32 bits times the
/// bucket count, no power of two needed): a bank's 210,000 staff, just past a doubling's
/// 3/4, took 4.2 MB and 6.3 while it grew; by halves ~2.6 (SPEC §5).
struct EntryIndex: Sendable {
    private var buckets: [UInt64] = []
    private var used = 0

    /// FNV-1a, mixed (murmur3's finaliser) so the last bytes reach the top bits: the same two
    /// functions the cross-visit checks hash with.
    static func hash(_ id: String) -> UInt64 { HashFileTable.mix(VisitSetChecks.hash(id.utf8)) }

    private static func start(_ h: UInt64, _ n: Int) -> Int {
        Int(truncatingIfNeeded: ((h & 0xFFFF_FFFF) &* UInt64(n)) >> 32)
    }

    func find<Row>(_ id: String, hash h: UInt64, in rows: ChunkedRows<Row>) -> Int? {
        find(hash: h) { rows[$0].id == id }
    }

    /// The row whose bucket carries `h`'s tag and that `same` confirms; nil when none does.
    func find(hash h: UInt64, where same: (Int) -> Bool) -> Int? {
        guard !buckets.isEmpty else { return nil }
        let n = buckets.count
        let tag = h & 0xFFFF_FFFF_0000_0000
        var i = Self.start(h, n)
        while true {
            let b = buckets[i]
            if b == 0 { return nil }
            if b & 0xFFFF_FFFF_0000_0000 == tag {
                let k = Int(b & 0xFFFF_FFFF) - 1
                if same(k) { return k }
            }
            i += 1
            if i == n { i = 0 }
        }
    }

    /// Files row `k` under `h` (its id has no row yet).
    mutating func insert<Row>(_ k: Int, hash h: UInt64, in rows: ChunkedRows<Row>) {
        insert(k, hash: h) { Self.hash(rows[$0].id) }
    }

    /// Files row `k` under `h`; `rehash` gives an earlier row's hash when the buckets grow.
    mutating func insert(_ k: Int, hash h: UInt64, rehash: (Int) -> UInt64) {
        if 5 * (used + 1) > 4 * buckets.count {
            let old = buckets
            buckets = [UInt64](repeating: 0, count: max(64, old.count * 3 / 2))
            used = 0
            for b in old where b != 0 {
                let j = Int(b & 0xFFFF_FFFF) - 1
                place(j, hash: rehash(j))
            }
        }
        place(k, hash: h)
    }

    private mutating func place(_ k: Int, hash h: UInt64) {
        let n = buckets.count
        var i = Self.start(h, n)
        while buckets[i] != 0 {
            i += 1
            if i == n { i = 0 }
        }
        buckets[i] = (h & 0xFFFF_FFFF_0000_0000) | UInt64(k + 1)
        used += 1
    }
}

/// Rows by id: the rows in the order first seen and the index that finds them.
struct IDTable<Row: Identified>: Sendable {
    private(set) var rows = ChunkedRows<Row>()
    private var index = EntryIndex()

    init() {}

    var count: Int { rows.count }

    func find(_ id: String) -> Int? { index.find(id, hash: EntryIndex.hash(id), in: rows) }

    /// The row of `id`, made by `make` when there is none yet.
    mutating func row(_ id: String, orAdd make: () -> Row) -> Int {
        let h = EntryIndex.hash(id)
        if let k = index.find(id, hash: h, in: rows) { return k }
        let k = rows.count
        rows.append(make())
        index.insert(k, hash: h, in: rows)
        return k
    }

    subscript(k: Int) -> Row {
        get { rows[k] }
        _modify { yield &rows[k] }
    }
}

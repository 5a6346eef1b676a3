/// Checks across visits (SPEC §1.2): unique visit ids (error), and the warnings that can
/// distort a ranking — one employee id with two names or roles, the same visit recorded twice.
///
/// Memory stays flat in the number of files (SPEC §5): per file only a hash of its visit id
/// and one of its duplicate-visit key, each with the file's number in path order (`HashFileTable`).
/// Equal hashes are confirmed by reading the earlier file again (`reread`): a true duplicate
/// is reported, a mere hash collision is remembered exactly, apart. Per employee: hashes of
/// the id and of the name first seen, the role first seen, and the number of that file; a
/// mismatch reads that file again for the words, which also tells a collision from the same id.
public struct VisitSetChecks {
    /// File number (path order) → its path, and → its visit summary read again.
    private let path: (Int) -> String
    private let reread: (Int) -> VisitSummary?
    private var ids: HashFileTable
    private var keys: HashFileTable
    /// Distinct values whose hash was already taken by another (confirmed by re-reading).
    private var collidedIDs: [String: Int32] = [:]
    private var collidedKeys: [[UInt8]: Int32] = [:]
    /// Per employee, by the hash of the id: the hash of the first name, the first role (a
    /// number in `roles`: a handful of role names serve every employee) and that file's
    /// number — 16 bytes a slot (`PersonTable`).
    private var people: PersonTable
    /// Employees kept exactly: one whose id shares its hash with another's (confirmed by
    /// reading the file again), or first seen in a file that cannot be read again (stdin).
    private var exactPeople: [String: (name: String, role: UInt32, file: Int32)] = [:]
    private var roles: [String] = []
    private var roleNumbers: [String: UInt32] = [:]

    /// `files`: how many files the run has (the tables are made for that many, once).
    public init(files: Int = 0, path: @escaping (Int) -> String, reread: @escaping (Int) -> VisitSummary?) {
        self.path = path
        self.reread = reread
        ids = HashFileTable(files: files)
        keys = HashFileTable(files: files)
        people = PersonTable(files: files)
    }

    /// FNV-1a: stable across runs and platforms (Swift's `Hasher` is seeded per process).
    /// `continuing`: the hash of the bytes before these (several fields hashed as one run).
    static func hash(_ bytes: some Sequence<UInt8>, continuing start: UInt64 = 0xcbf2_9ce4_8422_2325) -> UInt64 {
        var h = start
        for b in bytes { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        return h
    }

    /// branch|date|inspector|sorted staff ids, as bytes.
    static func visitKey(_ v: VisitSummary) -> [UInt8] {
        var key: [UInt8] = []
        key.reserveCapacity(64)
        key += v.branch.id.utf8
        key.append(0x1F)
        withUnsafeBytes(of: v.date.ordinal) { key += $0 }  // formatting the date costs more
        key.append(0x1F)
        key += v.inspector.utf8
        for (n, id) in v.staff.map(\.id).sorted().enumerated() {
            key.append(n == 0 ? 0x1F : 0x2C)
            key += id.utf8
        }
        return key
    }

    /// `file` is the visit's number in path order.
    public mutating func check(_ v: VisitSummary, file: Int) -> [Diagnostic] {
        var out: [Diagnostic] = []
        if let first = firstHolder(of: Array(v.id.utf8), in: &ids, collided: &collidedIDs, file: file,
                                   same: { self.reread($0).map { $0.id == v.id } ?? true }, exact: v.id) {
            out.append(Diagnostic(file: v.file, mark: .start, severity: .error, code: .duplicateVisitId,
                                  args: ["id": .text(v.id), "other": .text(path(first))]))
        }
        var fromStdin: Bool?
        for s in v.staff {
            func compare(name: String, role: String, file first: Int32) {
                if name != s.name {
                    out.append(Diagnostic(file: v.file, mark: s.mark, severity: .warning, code: .staffNameMismatch,
                                          args: ["id": .text(s.id), "name": .text(s.name), "other": .text(name), "file": .text(path(Int(first)))]))
                }
                if role != s.role {
                    out.append(Diagnostic(file: v.file, mark: s.mark, severity: .warning, code: .staffRoleMismatch,
                                          args: ["id": .text(s.id), "role": .text(s.role), "other": .text(role), "file": .text(path(Int(first)))]))
                }
            }
            if !exactPeople.isEmpty, let p = exactPeople[s.id] {
                compare(name: p.name, role: roles[Int(p.role)], file: p.file)
                continue
            }
            let h = Self.hash(s.id.utf8)
            guard let p = people.find(h) else {
                let role = roleNumber(s.role)
                // Whether the file is standard input, asked once a file (making its path costs).
                if fromStdin == nil { fromStdin = path(file) == "-" }
                if fromStdin! || !people.insert(h, name: Self.hash(s.name.utf8), role: role, file: file) {
                    exactPeople[s.id] = (s.name, role, Int32(file))
                }
                continue
            }
            if p.name == PersonTable.nameKey(Self.hash(s.name.utf8)), roles[Int(p.role)] == s.role { continue }
            // A mismatch, or another id with the same hash: the first file's own words say which.
            guard let first = reread(Int(p.file))?.staff.first(where: { $0.id == s.id }) else {
                exactPeople[s.id] = (s.name, roleNumber(s.role), Int32(file))
                continue
            }
            compare(name: first.name, role: first.role, file: p.file)
        }
        let key = Self.visitKey(v)
        if let first = firstHolder(of: key, in: &keys, collided: &collidedKeys, file: file,
                                   same: { self.reread($0).map { Self.visitKey($0) == key } ?? true }, exact: key) {
            out.append(Diagnostic(file: v.file, mark: .start, severity: .warning, code: .duplicateVisit,
                                  args: ["other": .text(path(first))]))
        }
        return out
    }

    private mutating func roleNumber(_ role: String) -> UInt32 {
        if let n = roleNumbers[role] { return n }
        let n = UInt32(truncatingIfNeeded: roles.count)
        roles.append(role)
        roleNumbers[role] = n
        return n
    }

    /// The earlier file holding the same value, or nil (and the value is remembered). A file
    /// that cannot be read again (standard input) is trusted on its hash.
    private func firstHolder<K: Hashable>(of bytes: [UInt8], in table: inout HashFileTable, collided: inout [K: Int32],
                                          file: Int, same: (Int) -> Bool, exact: K) -> Int? {
        guard let first = table.firstFile(Self.hash(bytes), orInsert: file) else { return nil }
        if same(first) { return first }
        // Another value with the same hash: kept exactly, apart (this is rare).
        if let c = collided[exact] { return Int(c) }
        collided[exact] = Int32(file)
        return nil
    }
}

/// Hashes, each with the number of the first file that had it, in an open-addressing table
/// made once for the run's file count, at most 7/10 full. A slot is one 32-bit word: the file
/// number + 1 in its low bits, and above them as many bits of the hash as are left (12 at a
/// million files); where a slot starts looking comes from other bits of the hash. About 5.7
/// bytes a file, where 64-bit slots took 11 (SPEC §5). Hashes that agree in the bits kept meet
/// as one: like any equal hash, that is confirmed by reading the earlier file again — at a
/// million files about one insert in 700 — and a mere collision is kept exactly, apart.
/// Runs of more than 4 million files, where too few bits would be left, use 64-bit slots.
struct HashFileTable {
    /// One table; a full one is kept as it is and a bigger one started (its slots hold too
    /// little of each hash to move them), so a lookup asks each, the newest last.
    private struct Generation {
        var narrow: [UInt32] = []
        var wide: [UInt64] = []
        let fileBits: Int
        let limit: Int
        var used = 0

        init(files: Int) {
            fileBits = max(1, Int.bitWidth - (files + 1).leadingZeroBitCount)
            let n = files + files * 3 / 7 + 16
            limit = n * 7 / 10
            if fileBits <= Self.narrowBits { narrow = [UInt32](repeating: 0, count: n) } else { wide = [UInt64](repeating: 0, count: n) }
        }

        /// Up to 4 million files (22 bits), a 32-bit slot keeps at least 10 bits of the hash.
        static var narrowBits: Int { 22 }

        func holds(file: Int) -> Bool { file + 1 < 1 << fileBits }

        func find(_ mixed: UInt64) -> Int? {
            narrow.isEmpty ? Self.probe(wide, mixed, fileBits) : Self.probe(narrow, mixed, fileBits)
        }

        mutating func insert(_ mixed: UInt64, file: Int) {
            if narrow.isEmpty { Self.place(&wide, mixed, fileBits, file) } else { Self.place(&narrow, mixed, fileBits, file) }
            used += 1
        }

        /// The slot's word for `mixed` without the file, and where it starts looking: the top
        /// bits of the hash above the file's, and the position from its low 32 bits.
        private static func key<S: FixedWidthInteger & UnsignedInteger>(_ mixed: UInt64, _ fileBits: Int, _ n: Int, as: S.Type) -> (tag: S, at: Int) {
            let fileMask = (S(1) << S(fileBits)) - 1
            let tag = S(truncatingIfNeeded: mixed >> UInt64(64 - S.bitWidth)) & ~fileMask
            return (tag, Int(truncatingIfNeeded: ((mixed & 0xFFFF_FFFF) &* UInt64(n)) >> 32))
        }

        private static func probe<S: FixedWidthInteger & UnsignedInteger>(_ slots: [S], _ mixed: UInt64, _ fileBits: Int) -> Int? {
            let fileMask = (S(1) << S(fileBits)) - 1
            let n = slots.count
            var (tag, i) = key(mixed, fileBits, n, as: S.self)
            while true {
                let s = slots[i]
                if s == 0 { return nil }
                if s & ~fileMask == tag { return Int(s & fileMask) - 1 }
                i += 1
                if i == n { i = 0 }
            }
        }

        private static func place<S: FixedWidthInteger & UnsignedInteger>(_ slots: inout [S], _ mixed: UInt64, _ fileBits: Int, _ file: Int) {
            let n = slots.count
            var (tag, i) = key(mixed, fileBits, n, as: S.self)
            while slots[i] != 0 {
                i += 1
                if i == n { i = 0 }
            }
            slots[i] = tag | S(file + 1)
        }
    }

    private var generations: [Generation]

    init(files: Int) { generations = [Generation(files: files)] }

    /// The file that first had `hash`; nil when none did, and `file` is now that file.
    mutating func firstFile(_ hash: UInt64, orInsert file: Int) -> Int? {
        let mixed = Self.mix(hash)
        for g in generations { if let f = g.find(mixed) { return f } }
        let last = generations.count - 1
        if !generations[last].holds(file: file) || generations[last].used >= generations[last].limit {
            // More files than the table was made for (a caller that did not say how many).
            generations.append(Generation(files: max(file + 1, 2 * (generations[last].limit + 16))))
        }
        generations[generations.count - 1].insert(mixed, file: file)
        return nil
    }

    /// FNV-1a's last bytes barely reach its top bits, and ids of one branch and day differ in
    /// their last bytes: mixed (murmur3's finaliser, one-to-one), they spread over the table.
    static func mix(_ h: UInt64) -> UInt64 {
        var x = h
        x ^= x >> 33; x = x &* 0xff51_afd7_ed55_8ccd
        x ^= x >> 33; x = x &* 0xc4ce_b9fe_1a85_ec53
        x ^= x >> 33
        return x
    }
}

/// The employees of `VisitSetChecks`, 16 bytes a slot in an open-addressing table at most 4/5
/// full (grown by halves), where a `[UInt64: Person]` took 24 at most 3/4 full (and ~55 a person on average, 2.2
/// MB at 38,000 staff; SPEC §5). A slot is two words: the id's hash, mixed, in the bits above
/// the file number + 1 (like `HashFileTable`: ids whose hashes differ only in those bits meet
/// as one, and the first file's own words tell them apart); and the name's hash in the bits
/// above the role number (roles up to 254; an employee of a later role is kept exactly).
struct PersonTable {
    struct Person {
        /// The name's hash without its low byte (`nameKey`).
        var name: UInt64
        var role: UInt32
        var file: Int32
    }

    private var slots: [UInt64]
    private let fileBits: Int
    private var used = 0

    init(files: Int, buckets: Int = 1024) {
        fileBits = max(1, Int.bitWidth - (files + 1).leadingZeroBitCount)
        slots = [UInt64](repeating: 0, count: 2 * buckets)
    }

    /// What of a name's hash a slot keeps.
    static func nameKey(_ h: UInt64) -> UInt64 { h & ~0xFF }

    private var fileMask: UInt64 { (1 << UInt64(fileBits)) - 1 }

    private func bucket(_ top: UInt64) -> Int {
        Int(truncatingIfNeeded: top.multipliedFullWidth(by: UInt64(slots.count / 2)).high)
    }

    func find(_ idHash: UInt64) -> Person? {
        let top = HashFileTable.mix(idHash) & ~fileMask
        let n = slots.count / 2
        var i = bucket(top)
        while true {
            let a = slots[2 * i]
            if a == 0 { return nil }
            if a & ~fileMask == top {
                let b = slots[2 * i + 1]
                return Person(name: Self.nameKey(b), role: UInt32(b & 0xFF), file: Int32(truncatingIfNeeded: Int(a & fileMask) - 1))
            }
            i += 1
            if i == n { i = 0 }
        }
    }

    /// Files a person not found; false when a slot cannot hold it (role number 255 or more).
    mutating func insert(_ idHash: UInt64, name: UInt64, role: UInt32, file: Int) -> Bool {
        guard role < 0xFF else { return false }
        if file + 1 >= 1 << fileBits || 5 * (used + 1) > 4 * (slots.count / 2) { grow(files: file + 1) }
        place(HashFileTable.mix(idHash) & ~fileMask | UInt64(file + 1), Self.nameKey(name) | UInt64(role))
        return true
    }

    private mutating func place(_ a: UInt64, _ b: UInt64) {
        let n = slots.count / 2
        var i = bucket(a & ~fileMask)
        while true {
            let s = slots[2 * i]
            if s == 0 { break }
            if s & ~fileMask == a & ~fileMask { return }  // met as one (see above): the first stays
            i += 1
            if i == n { i = 0 }
        }
        slots[2 * i] = a
        slots[2 * i + 1] = b
        used += 1
    }

    /// Half as many slots again, or more file bits (the hashes keep only their top bits, so the
    /// old slots move by those). By halves, not doubling: a bank's 210,000 staff, just past a
    /// doubling's 4/5, took 8.4 MB and 12.6 while it grew; by halves it is ~4.7 (SPEC §5).
    private mutating func grow(files: Int) {
        let old = slots
        let oldMask = fileMask
        let more = 5 * (used + 1) > 4 * (slots.count / 2)
        self = PersonTable(files: files >= 1 << fileBits ? files : (1 << fileBits) - 2, buckets: more ? slots.count / 2 * 3 / 2 : slots.count / 2)
        for i in stride(from: 0, to: old.count, by: 2) where old[i] != 0 {
            let file = old[i] & oldMask
            place(old[i] & ~oldMask & ~fileMask | file, old[i + 1])
        }
    }
}

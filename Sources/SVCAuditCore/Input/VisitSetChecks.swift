/// Checks across visits (SPEC §1.2): unique visit ids (error), and the warnings that can
/// distort a ranking — one employee id with two names or roles, the same visit recorded twice.
///
/// Memory stays flat in the number of files (SPEC §5): per file only a 64-bit hash of its
/// visit id and one of its duplicate-visit key, each with the file's number in path order.
/// Equal hashes are confirmed by reading the earlier file again (`reread`): a true duplicate
/// is reported, a mere hash collision is remembered exactly, apart. Per employee: the name and
/// role first seen and the number of that file.
public struct VisitSetChecks {
    /// File number (path order) → its path, and → its visit summary read again.
    private let path: (Int) -> String
    private let reread: (Int) -> VisitSummary?
    private var ids: [UInt64: Int32] = [:]
    private var keys: [UInt64: Int32] = [:]
    /// Distinct values whose hash was already taken by another (confirmed by re-reading).
    private var collidedIDs: [String: Int32] = [:]
    private var collidedKeys: [[UInt8]: Int32] = [:]
    private var people: [String: (name: String, role: String, file: Int32)] = [:]

    public init(path: @escaping (Int) -> String, reread: @escaping (Int) -> VisitSummary?) {
        self.path = path
        self.reread = reread
    }

    /// FNV-1a: stable across runs and platforms (Swift's `Hasher` is seeded per process).
    static func hash(_ bytes: some Sequence<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
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
        for s in v.staff {
            if let p = people[s.id] {
                if p.name != s.name {
                    out.append(Diagnostic(file: v.file, mark: s.mark, severity: .warning, code: .staffNameMismatch,
                                          args: ["id": .text(s.id), "name": .text(s.name), "other": .text(p.name), "file": .text(path(Int(p.file)))]))
                }
                if p.role != s.role {
                    out.append(Diagnostic(file: v.file, mark: s.mark, severity: .warning, code: .staffRoleMismatch,
                                          args: ["id": .text(s.id), "role": .text(s.role), "other": .text(p.role), "file": .text(path(Int(p.file)))]))
                }
            } else {
                people[s.id] = (s.name, s.role, Int32(file))
            }
        }
        let key = Self.visitKey(v)
        if let first = firstHolder(of: key, in: &keys, collided: &collidedKeys, file: file,
                                   same: { self.reread($0).map { Self.visitKey($0) == key } ?? true }, exact: key) {
            out.append(Diagnostic(file: v.file, mark: .start, severity: .warning, code: .duplicateVisit,
                                  args: ["other": .text(path(first))]))
        }
        return out
    }

    /// The earlier file holding the same value, or nil (and the value is remembered). A file
    /// that cannot be read again (standard input) is trusted on its hash.
    private func firstHolder<K: Hashable>(of bytes: [UInt8], in table: inout [UInt64: Int32], collided: inout [K: Int32],
                                          file: Int, same: (Int) -> Bool, exact: K) -> Int? {
        let h = Self.hash(bytes)
        guard let first = table[h] else {
            table[h] = Int32(file)
            return nil
        }
        if same(Int(first)) { return Int(first) }
        // Another value with the same hash: kept exactly, apart (this is rare).
        if let c = collided[exact] { return Int(c) }
        collided[exact] = Int32(file)
        return nil
    }
}

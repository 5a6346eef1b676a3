/// The catalog laid out flat for the hot path: every item of every checklist in one numbering
/// (catalog order), every section in one numbering, and an item-id table searched by raw
/// bytes, so the streaming visit reader never builds a `String` to find an item.
public struct ScoringIndex: Sendable {
    public struct Item: Sendable {
        public let id: String
        public let checklist: Int
        /// Index within its checklist's `items`.
        public let index: Int
        /// Global section number (see `sections`), or -1 when the item has no section.
        public let section: Int
    }

    public struct Section: Sendable, Equatable {
        public let checklist: Int
        public let name: String
    }

    /// Every item, checklist by checklist in catalog order.
    public let items: [Item]
    /// Flat item numbers of each checklist: `items[ranges[c]]`.
    public let ranges: [Range<Int>]
    /// Every section, checklist by checklist, in order of first appearance.
    public let sections: [Section]
    /// Per role named by a checklist: which flat items apply to an employee in it.
    let roleMasks: [String: [Bool]]
    /// Used when no checklist names a role: every staff-scope item applies.
    let allStaffMask: [Bool]
    private let table: ByteTable

    init(_ checklists: [Checklist], roles: Set<String>) {
        var items: [Item] = []
        var ranges: [Range<Int>] = []
        var sections: [Section] = []
        for (ci, c) in checklists.enumerated() {
            let start = items.count
            var names: [String: Int] = [:]
            for (ii, item) in c.items.enumerated() {
                var s = -1
                if let name = item.section {
                    if let known = names[name] {
                        s = known
                    } else {
                        s = sections.count
                        names[name] = s
                        sections.append(Section(checklist: ci, name: name))
                    }
                }
                items.append(Item(id: item.id, checklist: ci, index: ii, section: s))
            }
            ranges.append(start..<items.count)
        }
        self.items = items
        self.ranges = ranges
        self.sections = sections
        func mask(_ role: String?) -> [Bool] {
            var m = [Bool](repeating: false, count: items.count)
            for (ci, c) in checklists.enumerated() where c.scope == .staff {
                guard let role else { ranges[ci].forEach { m[$0] = true }; continue }
                guard c.applies(toRole: role) else { continue }
                for (ii, item) in c.items.enumerated() where item.applies(toRole: role) { m[ranges[ci].lowerBound + ii] = true }
            }
            return m
        }
        var masks: [String: [Bool]] = [:]
        for r in roles { masks[r] = mask(r) }
        roleMasks = masks
        allStaffMask = mask(nil)
        table = ByteTable(items.map(\.id))
    }

    /// The flat number of the item whose id is spelt by `bytes`.
    @inline(__always)
    func find(_ bytes: UnsafeRawBufferPointer) -> Int? { table.find(bytes) }

    /// The flat number of an item id.
    public func find(_ id: String) -> Int? {
        var id = id
        return id.withUTF8 { table.find(UnsafeRawBufferPointer($0)) }
    }
}

/// An open-addressing hash table from byte strings to their index in the list it was built
/// from (FNV-1a; ids are short). Built once per catalog, read by every worker thread.
struct ByteTable: Sendable {
    private let keys: [[UInt8]]
    private let slots: [Int32]  // index into keys, -1 empty
    private let mask: Int

    init(_ strings: [String]) {
        keys = strings.map { Array($0.utf8) }
        var size = 16
        while size < keys.count * 4 { size <<= 1 }
        var slots = [Int32](repeating: -1, count: size)
        for (i, k) in keys.enumerated() {
            var h = k.withUnsafeBytes { Self.hash($0) } & (size - 1)
            while slots[h] >= 0 { h = (h + 1) & (size - 1) }
            slots[h] = Int32(i)
        }
        self.slots = slots
        mask = size - 1
    }

    @inline(__always)
    static func hash(_ b: UnsafeRawBufferPointer) -> Int {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in b { h = (h ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return Int(truncatingIfNeeded: h ^ (h >> 29))
    }

    func find(_ b: UnsafeRawBufferPointer) -> Int? {
        var h = Self.hash(b) & mask
        while true {
            let i = Int(slots[h])
            if i < 0 { return nil }
            let k = keys[i]
            if k.count == b.count, k.withUnsafeBytes({ $0.elementsEqual(b) }) { return i }
            h = (h + 1) & mask
        }
    }
}

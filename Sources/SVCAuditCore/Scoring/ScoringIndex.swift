/// The catalog laid out flat for the hot path: every item of every checklist in one numbering
/// (catalog order), every section in one numbering, and an item-id table searched by raw
/// bytes, so the streaming visit reader never builds a `String` to find an item.
///
/// Immutable once built, so a class is still a value: every catalog, `Scorer` and reader
/// stage that holds it shares one copy, and handing it on costs one retain instead of one
/// per array (about forty, several times per visit, when it was a struct).
public final class ScoringIndex: Sendable {
    public struct Item: Sendable {
        public let id: String
        /// Index within its checklist's `items`.
        public let index: Int
    }

    /// Per checklist, catalog order: what the streaming path asks of each without copying a
    /// `Checklist` (a struct of many strings) in its inner loops.
    public let checklistIDs: [String]
    public let scopes: [Checklist.Scope]
    public let weights: [Double]

    public struct Section: Sendable, Equatable {
        public let checklist: Int
        public let name: String
    }

    /// Every item, checklist by checklist in catalog order.
    public let items: [Item]
    /// Per item (numbered like `items`), as plain arrays so the hot loops copy no string:
    /// what scoring needs, its checklist, and its global section number (-1: none).
    public let facts: [ItemFacts]
    public let itemChecklist: [Int]
    public let itemSection: [Int]
    /// Flat item numbers of each checklist: `items[ranges[c]]`.
    public let ranges: [Range<Int>]
    /// Every section, checklist by checklist, in order of first appearance.
    public let sections: [Section]
    /// Per role named by a checklist: which flat items apply to an employee in it.
    let roleMasks: [String: [Bool]]
    /// `roleMasks` as a list when it is short (at most 16 roles), searched in turn.
    let roleList: [(String, [Bool])]?
    /// Used when no checklist names a role: every staff-scope item applies.
    let allStaffMask: [Bool]
    let unnamedRoleMask: [Bool]
    private let table: ByteTable
    /// Every item and section of every loaded version (SPEC §1.1 "Versions over time"), and
    /// the number there of each flat item and section of this catalog: what a summary hands
    /// to tallies across visits (`VisitSummary.counted`, `.sections`).
    public let universe: ItemUniverse
    let globalItem: [Int32]
    let globalSection: [Int32]
    /// The version of each checklist (catalog order), and of those assessed by default:
    /// what a summary names without building a list per visit.
    let versions: [VersionUsed]
    let defaultAssessed: [Bool]
    let defaultVersions: [VersionUsed]

    init(_ checklists: [Checklist], roles: Set<String>, universe: ItemUniverse? = nil) {
        var items: [Item] = []
        var facts: [ItemFacts] = []
        var itemChecklist: [Int] = []
        var itemSection: [Int] = []
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
                items.append(Item(id: item.id, index: ii))
                facts.append(ItemFacts(item))
                itemChecklist.append(ci)
                itemSection.append(s)
            }
            ranges.append(start..<items.count)
        }
        self.items = items
        self.facts = facts
        self.itemChecklist = itemChecklist
        self.itemSection = itemSection
        self.ranges = ranges
        checklistIDs = checklists.map(\.id)
        scopes = checklists.map(\.scope)
        weights = checklists.map(\.weight)
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
        roleList = masks.count <= 16 ? masks.map { ($0.key, $0.value) } : nil
        allStaffMask = mask(nil)
        // A role no checklist names: only the items of checklists open to every role, and
        // only their items open to every role (the reader warns about the role).
        var open = [Bool](repeating: false, count: items.count)
        for (ci, c) in checklists.enumerated() where c.scope == .staff && c.roles == nil {
            for (ii, item) in c.items.enumerated() where item.roles == nil { open[ranges[ci].lowerBound + ii] = true }
        }
        unnamedRoleMask = open
        table = ByteTable(items.map(\.id))
        let universe = universe ?? ItemUniverse(latest: checklists, families: [:])
        self.universe = universe
        globalItem = items.map { Int32(universe.number(of: $0.id)!) }
        globalSection = sections.map { Int32(universe.number(of: ItemUniverse.Section(checklist: checklists[$0.checklist].id, name: $0.name))!) }
        versions = checklists.map { VersionUsed(id: $0.id, version: $0.version) }
        defaultAssessed = checklists.map(\.assessedByDefault)
        defaultVersions = checklists.filter(\.assessedByDefault).map { VersionUsed(id: $0.id, version: $0.version) }
    }

    /// The versions of the checklists `assessed` marks (catalog order).
    @inline(__always)
    func versions(assessed: [Bool]) -> [VersionUsed] {
        if assessed == defaultAssessed { return defaultVersions }
        // Built at its final size: `compactMap` grew it one element at a time.
        var out: [VersionUsed] = []
        out.reserveCapacity(versions.count)
        for i in versions.indices where assessed[i] { out.append(versions[i]) }
        return out
    }

    /// Which flat items apply to an employee in `role` (SPEC §2.1): the checklist's and the
    /// item's `roles` both contain it. Every staff item when no checklist names a role.
    func mask(for role: String) -> [Bool] {
        if roleMasks.isEmpty { return allStaffMask }
        if let few = roleList {
            // A handful of roles: compared in turn, cheaper than hashing the name.
            for (name, m) in few where name == role { return m }
            return unnamedRoleMask
        }
        if let m = roleMasks[role] { return m }
        return unnamedRoleMask
    }

    /// The catalog position of checklist `id` when the catalog has a handful of checklists
    /// (compared in turn, cheaper than hashing the id); nil otherwise or when none has it:
    /// then `ChecklistCatalog.index(of:)` decides.
    @inline(__always)
    func checklist(_ id: String) -> Int? {
        guard checklistIDs.count <= 16 else { return nil }
        return checklistIDs.firstIndex(of: id)
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

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

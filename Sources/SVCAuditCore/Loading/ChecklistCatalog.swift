/// Every loaded checklist, with the item index the visit loader and the scorer look up.
///
/// Versions over time (SPEC §1.1): several files may share a checklist id when their
/// `effective_from`/`effective_to` intervals do not overlap. The catalog a command sees
/// (`checklists`) holds the latest version of each id; `versions(of:)` holds them all, and
/// `resolved(on:pinned:diags:)` gives the catalog of the versions in force on a visit's date
/// (or pinned by it). Those per-combination catalogs, each with its `ScoringIndex`, are built
/// once and shared by every visit that uses the same combination.
public struct ChecklistCatalog: Sendable {
    public struct ItemRef: Sendable {
        public let checklist: Int
        public let item: Int
    }

    /// Sorted by id, so every listing and composite is in a stable order.
    public let checklists: [Checklist]
    private let byID: [String: Int]
    private let items: [String: ItemRef]
    /// Every role a checklist or item names (to catch misspelt roles in visits), computed once.
    public let namedRoles: Set<String>
    /// The roles of `roles.yaml` (empty without one): names, aliases, what outputs show.
    public private(set) var roles = RoleCatalog()
    /// Per role: how many items of each staff checklist apply to it (0 where the checklist does
    /// not), indexed like `checklists`. Roles not named anywhere are computed on demand.
    private let applicableByRole: [String: [Int]]
    /// The same facts laid out flat for the streaming reader and the summary scorer.
    public let scoring: ScoringIndex
    /// Every loaded version of each checklist id, earliest first (one entry for most ids).
    public let families: [String: [Checklist]]
    /// The catalogs of the version combinations visits use (nil: one version of each
    /// checklist and no effective dates, so every visit uses this catalog).
    let resolver: VersionResolver?

    /// Builds the catalog; checklists or items whose id is already taken are reported and left out.
    public init(_ loaded: [Checklist], roles: RoleCatalog = RoleCatalog(), diagnostics: inout [Diagnostic]) {
        // With a roles file, checklist roles may be written by name or alias: keep the ids.
        let loaded = roles.isEmpty ? loaded : loaded.map { Self.resolveRoles($0, roles, &diagnostics) }
        var families: [String: [Checklist]] = [:]
        var itemOwner: [String: Checklist] = [:]
        for var c in loaded.sorted(by: { ($0.file, $0.id) < ($1.file, $1.id) }) {
            if let versions = families[c.id] {
                if let other = versions.first(where: { $0.overlaps(c) }) {
                    // Two copies without dates are the old mistake of a duplicate id; with
                    // dates, two versions whose intervals meet.
                    if !c.hasDates, !other.hasDates {
                        diagnostics.append(Diagnostic(file: c.file, mark: c.mark, severity: .error, code: .duplicateChecklistId,
                                                      args: ["id": .text(c.id), "other": .text(other.file)]))
                    } else {
                        diagnostics.append(Diagnostic(file: c.file, mark: c.mark, severity: .error, code: .versionOverlap,
                                                      args: ["id": .text(c.id), "other": .text(other.file),
                                                             "interval": c.intervalArg, "otherInterval": other.intervalArg]))
                    }
                    continue
                }
                if let other = versions.first(where: { $0.version == c.version }) {
                    diagnostics.append(Diagnostic(file: c.file, mark: c.mark, severity: .error, code: .duplicateVersion,
                                                  args: ["id": .text(c.id), "other": .text(other.file), "version": c.versionArg]))
                    continue
                }
            }
            c.items = c.items.filter { item in
                if let oc = itemOwner[item.id] {
                    // Versions of one checklist may repeat item ids; other checklists may not.
                    if oc.id == c.id { return true }
                    diagnostics.append(Diagnostic(file: c.file, mark: item.mark, severity: .error, code: .duplicateItemId,
                        args: ["id": .text(item.id), "where": .phrase("检查表 '\(oc.id)'（\(oc.file)）中", "in checklist '\(oc.id)' (\(oc.file))")]))
                    return false
                }
                itemOwner[item.id] = c
                return true
            }
            families[c.id, default: []].append(c)
        }
        for id in families.keys { families[id]!.sort { ($0.effectiveFrom ?? .earliest) < ($1.effectiveFrom ?? .earliest) } }
        self.init(families: families, roles: roles)
    }

    /// The latest version of each id as the catalog's own checklists, the rest beside them.
    private init(families: [String: [Checklist]], roles: RoleCatalog) {
        let latest = families.values.map { $0.last! }
        let universe = ItemUniverse(latest: latest.sorted { $0.id < $1.id }, families: families)
        let dated = families.values.contains { $0.count > 1 || $0.contains(where: \.hasDates) }
        self.init(sorted: latest, families: families, universe: universe, roles: roles,
                  resolver: dated ? VersionResolver(families: families, universe: universe, roles: roles) : nil)
    }

    private static func resolveRoles(_ c: Checklist, _ roles: RoleCatalog, _ diagnostics: inout [Diagnostic]) -> Checklist {
        var c = c
        func resolve(_ list: [String]?, at mark: Mark) -> [String]? {
            list.map { words in
                words.map { w in
                    if let id = roles.id(for: w) { return id }
                    diagnostics.append(Diagnostic(file: c.file, mark: mark, severity: .error, code: .unknownRole,
                        args: ["role": .text(w), "roles": .localized(zh: roles.listing(.zh).joined(separator: "、"), en: roles.listing(.en).joined(separator: ", ")),
                               "hint": .hint(roles.suggestion(for: w))]))
                    return w
                }
            }
        }
        c.roles = resolve(c.roles, at: c.mark)
        c.items = c.items.map { item in
            var item = item
            item.roles = resolve(item.roles, at: item.mark)
            return item
        }
        return c
    }

    /// A catalog from checklists already known to be consistent (tests, generators).
    public init(_ checklists: [Checklist]) {
        var ignored: [Diagnostic] = []
        self.init(checklists, diagnostics: &ignored)
    }

    /// The catalog of one combination of versions (the latest of each, or those in force on
    /// some day): `universe` numbers the items of every version alike, so tallies across
    /// visits scored against different versions add up by item id.
    init(sorted list: [Checklist], families: [String: [Checklist]], universe: ItemUniverse, roles: RoleCatalog,
         resolver: VersionResolver?) {
        checklists = list.sorted { $0.id < $1.id }
        self.families = families
        self.resolver = resolver
        self.roles = roles
        var byID: [String: Int] = [:]
        var items: [String: ItemRef] = [:]
        for (ci, c) in checklists.enumerated() {
            byID[c.id] = ci
            for (ii, item) in c.items.enumerated() { items[item.id] = ItemRef(checklist: ci, item: ii) }
        }
        self.byID = byID
        self.items = items
        var roles = Set<String>()
        for c in checklists {
            c.roles.map { roles.formUnion($0) }
            for i in c.items { i.roles.map { roles.formUnion($0) } }
        }
        self.namedRoles = roles
        var byRole: [String: [Int]] = [:]
        for role in roles { byRole[role] = Self.applicableCounts(checklists, role: role) }
        self.applicableByRole = byRole
        self.scoring = ScoringIndex(checklists, roles: roles, universe: universe)
    }

    private static func applicableCounts(_ checklists: [Checklist], role: String) -> [Int] {
        checklists.map { c in
            guard c.scope == .staff, c.applies(toRole: role) else { return 0 }
            return c.items.reduce(0) { $0 + ($1.applies(toRole: role) ? 1 : 0) }
        }
    }

    /// How many items of each checklist (indexed like `checklists`) apply to an employee in
    /// `role`; branch-scope checklists count 0.
    public func applicableItemCounts(role: String) -> [Int] {
        applicableByRole[role] ?? Self.applicableCounts(checklists, role: role)
    }

    public var ids: [String] { checklists.map(\.id) }

    /// The families a visit assesses when it names none (`checklists:` left out): every loaded
    /// checklist except those answered from records (`assessed_by_default: false`).
    public var assessedByDefault: [String] { checklists.filter(\.assessedByDefault).map(\.id) }

    /// The same as a mask indexed like `checklists`, for the streaming reader.
    public var assessedByDefaultMask: [Bool] { checklists.map(\.assessedByDefault) }

    public func checklist(_ id: String) -> Checklist? { byID[id].map { checklists[$0] } }

    public func index(of checklistID: String) -> Int? { byID[checklistID] }

    public func ref(_ itemID: String) -> ItemRef? { items[itemID] }

    /// An item by id: in this catalog's versions, else in the latest other version that has
    /// it (an item a later version removed still has its text in reports over old visits).
    public func item(_ itemID: String) -> (checklist: Checklist, item: ChecklistItem)? {
        if let r = items[itemID] { return (checklists[r.checklist], checklists[r.checklist].items[r.item]) }
        guard let owner = scoring.universe.owner(of: itemID), let versions = families[owner] else { return nil }
        for c in versions.reversed() { if let i = c.items.first(where: { $0.id == itemID }) { return (c, i) } }
        return nil
    }

    /// The item ids of this catalog's versions.
    public var allItemIDs: some Sequence<String> { items.keys }

    /// Every item id of every loaded version, each once: the latest versions' in catalog
    /// order, then those only older versions have.
    public var everyItemID: [String] { scoring.universe.itemIDs }

    /// Every version of checklist `id`, earliest first (empty when it is not loaded).
    public func versions(of id: String) -> [Checklist] { families[id] ?? [] }

    /// Every loaded version of every checklist, by id, earliest first.
    public var allVersions: [Checklist] { families.keys.sorted().flatMap { families[$0]! } }

    /// Whether any checklist has several versions or effective dates.
    public var hasVersions: Bool { resolver != nil }

    /// The version of checklist `id` labelled `version`.
    public func checklist(_ id: String, version: String?) -> Checklist? {
        families[id]?.first { $0.version == version }
    }

}

/// Every loaded checklist, with the item index the visit loader and the scorer look up.
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

    /// Builds the catalog; checklists or items whose id is already taken are reported and left out.
    public init(_ loaded: [Checklist], roles: RoleCatalog = RoleCatalog(), diagnostics: inout [Diagnostic]) {
        var kept: [Checklist] = []
        // With a roles file, checklist roles may be written by name or alias: keep the ids.
        let loaded = roles.isEmpty ? loaded : loaded.map { Self.resolveRoles($0, roles, &diagnostics) }
        var ids: [String: Checklist] = [:]
        var itemOwner: [String: (Checklist, ChecklistItem)] = [:]
        for var c in loaded.sorted(by: { ($0.file, $0.id) < ($1.file, $1.id) }) {
            if let first = ids[c.id] {
                diagnostics.append(Diagnostic(file: c.file, mark: c.mark, severity: .error, code: .duplicateChecklistId,
                                              args: ["id": .text(c.id), "other": .text(first.file)]))
                continue
            }
            c.items = c.items.filter { item in
                if let (oc, _) = itemOwner[item.id] {
                    diagnostics.append(Diagnostic(file: c.file, mark: item.mark, severity: .error, code: .duplicateItemId,
                        args: ["id": .text(item.id), "where": .phrase("检查表 '\(oc.id)'（\(oc.file)）中", "in checklist '\(oc.id)' (\(oc.file))")]))
                    return false
                }
                itemOwner[item.id] = (c, item)
                return true
            }
            ids[c.id] = c
            kept.append(c)
        }
        self.init(sorted: kept)
        self.roles = roles
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

    private init(sorted list: [Checklist]) {
        checklists = list.sorted { $0.id < $1.id }
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
        self.scoring = ScoringIndex(checklists, roles: roles)
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

    public func checklist(_ id: String) -> Checklist? { byID[id].map { checklists[$0] } }

    public func index(of checklistID: String) -> Int? { byID[checklistID] }

    public func ref(_ itemID: String) -> ItemRef? { items[itemID] }

    public func item(_ itemID: String) -> (checklist: Checklist, item: ChecklistItem)? {
        items[itemID].map { (checklists[$0.checklist], checklists[$0.checklist].items[$0.item]) }
    }

    public var allItemIDs: some Sequence<String> { items.keys }

}

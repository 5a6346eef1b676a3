/// One role (岗位) of `roles.yaml` (SPEC §1.1).
public struct Role: Sendable, Equatable {
    public var id: String
    public var name: String
    public var nameEN: String?
    public var aliases: [String]

    public init(id: String, name: String, nameEN: String? = nil, aliases: [String] = []) {
        self.id = id
        self.name = name
        self.nameEN = nameEN
        self.aliases = aliases
    }
}

/// The bank's roles, read from `roles.yaml` in the checklists folder. A role may be written
/// by its id, its name or an alias wherever a user types one; all mean the id. Outputs show
/// the name (or `name_en` with `--lang en`). Without a roles file the catalog is empty and
/// role ids stand as written.
public struct RoleCatalog: Sendable, Equatable {
    /// In file order: listings ("roles: 柜员、大堂经理…") follow the bank's own order.
    public let roles: [Role]
    private let byWord: [String: Int]

    public init(_ roles: [Role] = []) {
        self.roles = roles
        var byWord: [String: Int] = [:]
        for (i, r) in roles.enumerated() {
            for w in [r.id, r.name] + r.aliases + (r.nameEN.map { [$0] } ?? []) where byWord[w] == nil {
                byWord[w] = i
            }
        }
        self.byWord = byWord
    }

    public var isEmpty: Bool { roles.isEmpty }

    /// The role id a user's word means (id, name, English name or alias), nil when none.
    public func id(for word: String) -> String? {
        if let i = byWord[word] { return roles[i].id }
        let trimmed = word.trimmingSpaces
        if trimmed.count != word.count, let i = byWord[String(trimmed)] { return roles[i].id }
        return nil
    }

    public func role(_ id: String) -> Role? { byWord[id].map { roles[$0] }.flatMap { $0.id == id ? $0 : nil } }

    /// What outputs show for a role id: its name in `lang`, else the id as written.
    public func name(_ id: String, _ lang: Language) -> String {
        guard let r = role(id) else { return id }
        return lang == .en ? (r.nameEN ?? r.id) : r.name
    }

    /// Every word a role may be written as, for did-you-mean.
    public var words: [String] { roles.flatMap { [$0.id, $0.name] + $0.aliases } }

    /// "teller（柜员）、lobby_manager（大堂经理）" — for messages listing the roles.
    public func listing(_ lang: Language) -> [String] {
        roles.map { lang == .en ? "\($0.id) (\($0.nameEN ?? $0.name))" : "\($0.id)（\($0.name)）" }
    }

    /// The closest role to a misspelt word, as its id.
    public func suggestion(for word: String) -> String? {
        Suggestion.closest(to: word, in: words).flatMap(id(for:))
    }
}

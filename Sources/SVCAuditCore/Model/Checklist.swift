/// One standard family (`checklists/*.yaml`), e.g. 柜面服务 (counter conduct).
public struct Checklist: Sendable {
    public enum Scope: String, Sendable, CaseIterable {
        /// Scored for each observed employee.
        case staff
        /// Scored once per visit (environment and the like).
        case branch
    }

    public var id: String
    public var title: String
    public var titleEN: String?
    public var version: String?
    public var scope: Scope
    /// Roles it applies to (staff scope only); nil means every role.
    public var roles: [String]?
    public var weight: Double
    public var items: [ChecklistItem]
    public var file: String
    public var mark: Mark

    public init(id: String, title: String, titleEN: String? = nil, version: String? = nil, scope: Scope,
                roles: [String]? = nil, weight: Double = 1, items: [ChecklistItem], file: String = "", mark: Mark = .start) {
        self.id = id; self.title = title; self.titleEN = titleEN; self.version = version
        self.scope = scope; self.roles = roles; self.weight = weight; self.items = items
        self.file = file; self.mark = mark
    }

    public func title(_ lang: Language) -> String { lang == .en ? (titleEN ?? title) : title }

    public func applies(toRole role: String) -> Bool {
        roles.map { $0.contains(role) } ?? true
    }
}

public struct ChecklistItem: Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        case check, scale, deduct, bonus
    }

    public var id: String
    public var text: String
    public var textEN: String?
    public var section: String?
    public var points: Double
    public var type: Kind
    /// Points per occurrence (deduct and bonus only).
    public var per: Double?
    /// A red line (一票否决): breaching it flags the visit, see SPEC §2.4.
    public var veto: Bool
    /// Roles the item applies to, within the checklist's roles; nil means all of them.
    public var roles: [String]?
    public var guidance: String?
    public var source: String?
    public var mark: Mark

    public init(id: String, text: String, textEN: String? = nil, section: String? = nil, points: Double,
                type: Kind = .check, per: Double? = nil, veto: Bool = false, roles: [String]? = nil,
                guidance: String? = nil, source: String? = nil, mark: Mark = .start) {
        self.id = id; self.text = text; self.textEN = textEN; self.section = section; self.points = points
        self.type = type; self.per = per; self.veto = veto; self.roles = roles; self.guidance = guidance
        self.source = source; self.mark = mark
    }

    public func text(_ lang: Language) -> String { lang == .en ? (textEN ?? text) : text }

    public func applies(toRole role: String) -> Bool {
        roles.map { $0.contains(role) } ?? true
    }
}

/// Output language of labels (`--lang`).
public enum Language: String, Sendable, CaseIterable {
    case zh, en

    /// `--lang` when given, else `$SVCAUDIT_LANG`, else Chinese (SPEC §3).
    public static func resolve(_ option: Language?, environment: [String: String]) -> Language {
        option ?? environment["SVCAUDIT_LANG"].flatMap(Language.init(rawValue:)) ?? .zh
    }

    /// The `--lang X` / `--lang=X` among raw command-line arguments, for messages printed
    /// before (or instead of) a command's own options being parsed: usage errors, did-you-mean.
    public static func option(in arguments: [String]) -> Language? {
        var it = arguments.makeIterator()
        var found: Language?
        while let a = it.next() {
            if a == "--" { break }
            if a == "--lang", let v = it.next() { found = Language(rawValue: v) ?? found }
            else if a.hasPrefix("--lang=") { found = Language(rawValue: String(a.dropFirst(7))) ?? found }
        }
        return found
    }
}

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
    /// False for a family answered from records rather than observed (the shipped `records`):
    /// a visit assesses it only when its `checklists` names it.
    public var assessedByDefault: Bool
    /// The days this version is in force (inclusive; nil = open-ended), SPEC §1.1 "Versions over time".
    public var effectiveFrom: Day?
    public var effectiveTo: Day?
    public var items: [ChecklistItem]
    public var file: String
    public var mark: Mark

    public init(id: String, title: String, titleEN: String? = nil, version: String? = nil, scope: Scope,
                roles: [String]? = nil, weight: Double = 1, assessedByDefault: Bool = true,
                effectiveFrom: Day? = nil, effectiveTo: Day? = nil,
                items: [ChecklistItem], file: String = "", mark: Mark = .start) {
        self.id = id; self.title = title; self.titleEN = titleEN; self.version = version
        self.scope = scope; self.roles = roles; self.weight = weight; self.assessedByDefault = assessedByDefault
        self.effectiveFrom = effectiveFrom; self.effectiveTo = effectiveTo; self.items = items
        self.file = file; self.mark = mark
    }

    /// Whether this version is in force on `day` (both ends inclusive).
    public func inForce(on day: Day) -> Bool {
        (effectiveFrom.map { $0 <= day } ?? true) && (effectiveTo.map { day <= $0 } ?? true)
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
    /// Machine citation of the standard ("seeds 000:419"), kept for tests and auditors.
    public var source: String?
    /// The user-facing 依据: the document and clause the standard comes from.
    public var basis: String?
    /// Scale items: a value below this is a deduction (note, finding); nil = `points`.
    public var findingBelow: Double?
    /// How a breach reads in veto reasons ("未达到规定技术等级即上岗"); nil = the item text.
    public var breach: String?
    public var breachEN: String?
    public var mark: Mark

    public init(id: String, text: String, textEN: String? = nil, section: String? = nil, points: Double,
                type: Kind = .check, per: Double? = nil, veto: Bool = false, roles: [String]? = nil,
                guidance: String? = nil, source: String? = nil, basis: String? = nil,
                findingBelow: Double? = nil, breach: String? = nil, breachEN: String? = nil, mark: Mark = .start) {
        self.id = id; self.text = text; self.textEN = textEN; self.section = section; self.points = points
        self.type = type; self.per = per; self.veto = veto; self.roles = roles; self.guidance = guidance
        self.source = source; self.basis = basis; self.findingBelow = findingBelow
        self.breach = breach; self.breachEN = breachEN; self.mark = mark
    }

    public func text(_ lang: Language) -> String { lang == .en ? (textEN ?? text) : text }

    /// The wording of a breach of this item, for veto reasons: what was breached, not what is required.
    public func breachText(_ lang: Language) -> String {
        lang == .en ? (breachEN ?? textEN ?? breach ?? text) : (breach ?? text)
    }

    /// The scale value below which an answer is a deduction (SPEC §1.1 `finding_below`).
    public var findingThreshold: Double { findingBelow ?? points }

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

extension Checklist {
    /// What one subject can earn on this checklist (SPEC §2.1): the points of the non-bonus
    /// items that apply to `role` (nil: a branch, or every item), and apart from them the most
    /// the bonus items can add. Reported per role, because items with `roles` make the
    /// checklist's total a figure nobody can reach.
    public struct Maximum: Sendable, Equatable {
        /// nil for a branch-scope checklist or when no role is named anywhere.
        public var role: String?
        public var points: Double
        public var bonus: Double
    }

    public func maximum(forRole role: String?) -> Maximum {
        var points = 0.0, bonus = 0.0
        for item in items where role.map({ item.applies(toRole: $0) }) ?? true {
            if item.type == .bonus { bonus += item.points } else { points += item.points }
        }
        return Maximum(role: role, points: points, bonus: bonus)
    }

    /// One maximum per role the checklist applies to (its `roles`, else `otherRoles` — the
    /// roles named elsewhere in the catalog), or a single one for a branch-scope checklist.
    public func maxima(otherRoles: [String] = []) -> [Maximum] {
        guard scope == .staff else { return [maximum(forRole: nil)] }
        let roles = self.roles ?? otherRoles
        return roles.isEmpty ? [maximum(forRole: nil)] : roles.map { maximum(forRole: $0) }
    }
}

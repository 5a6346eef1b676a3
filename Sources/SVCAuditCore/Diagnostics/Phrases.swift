/// Building blocks for diagnostic arguments: phrases that carry both languages, so a call site
/// says what it means once and the template decides where it goes.
extension DiagnosticArg {
    /// A phrase in both languages.
    public static func phrase(_ zh: String, _ en: String) -> DiagnosticArg { .localized(zh: zh, en: en) }

    /// A field name as the messages show it: `'weight'`.
    public static func field(_ key: String) -> DiagnosticArg { .text("'\(key)'") }

    /// The text this argument reads as in `lang` (to build a larger phrase from it).
    public func text(_ lang: Language) -> String { render(lang) }

    /// A phrase with a did-you-mean clause at its end (nothing when `suggestion` is nil).
    public static func phrase(_ zh: String, _ en: String, hint suggestion: String?) -> DiagnosticArg {
        .localized(zh: zh + DiagnosticArg.hint(suggestion).render(.zh), en: en + DiagnosticArg.hint(suggestion).render(.en))
    }
}

/// What a mapping is, in both languages, for messages: 检查表 / checklist, 员工 E1001 / staff member E1001.
public enum Noun {
    public static let checklist = DiagnosticArg.phrase("检查表", "checklist")
    public static let visit = DiagnosticArg.phrase("检查记录", "visit")
    public static let branch = DiagnosticArg.phrase("网点（branch）", "branch")
    public static let policy = DiagnosticArg.phrase("评选规则", "policy")
    public static let roles = DiagnosticArg.phrase("岗位表（roles.yaml）", "roles.yaml")
    public static func item(_ id: String?) -> DiagnosticArg {
        id.map { .phrase("条目 \($0)", "item \($0)") } ?? .phrase("条目", "item")
    }
    public static func staff(_ id: String?) -> DiagnosticArg {
        id.map { .phrase("员工 \($0)", "staff member \($0)") } ?? .phrase("员工", "staff member")
    }
    public static func answer(_ item: String) -> DiagnosticArg { .phrase("\(item) 的答案", "answer to \(item)") }
    public static func role(_ id: String) -> DiagnosticArg { .phrase("岗位 \(id)", "role \(id)") }
    /// A section of a file named by its key: 'select', 'targets'.
    public static func section(_ key: String) -> DiagnosticArg { .phrase("'\(key)' 部分", "'\(key)'") }
}

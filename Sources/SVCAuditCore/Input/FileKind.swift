/// What an input file is, told from its top-level keys, so `validate samples` can check a
/// folder holding visits, policies and checklists alike.
public enum FileKind: String, Sendable {
    case checklist, visit, policy

    static let checklistKeys: Set<String> = ["items", "scope"]
    /// The visit keys are the schema's (`VisitSchema`), so a key added there is known here.
    static let visitKeys: Set<String> = VisitSchema.detectingKeys
    static let policyKeys: Set<String> = ["by", "select", "stars", "ties", "min_visits", "min_score", "prior_visits",
                                          "method_weights", "pass_mark", "targets", "veto"]

    /// Nil when the keys fit none of the three.
    public static func detect(_ root: YAMLNode) -> FileKind? {
        guard case .mapping(let pairs) = root.kind else { return nil }
        let keys = pairs.map(\.key)
        if keys.contains(where: checklistKeys.contains) { return .checklist }
        if keys.contains(where: visitKeys.contains) { return .visit }
        if keys.contains(where: policyKeys.contains) { return .policy }
        return nil
    }
}

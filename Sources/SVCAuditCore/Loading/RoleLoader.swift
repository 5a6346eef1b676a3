/// Reads `roles.yaml` (SPEC §1.1): a mapping of role id to `{name, name_en, aliases}`.
public enum RoleLoader {
    /// The file name the checklists folder holds it under; it is not a checklist.
    public static let fileName = "roles.yaml"

    public static func load(_ root: YAMLNode, file: String, diags: inout DiagnosticList) -> RoleCatalog {
        guard case .mapping(let pairs) = root.kind else {
            diags.error(.wrongType, ["field": Noun.roles, "expected": .phrase("岗位编号到岗位说明的映射（teller: {name: 柜员}）", "a mapping of role ids to roles (teller: {name: 柜员})"),
                                     "found": root.found], at: root.mark)
            return RoleCatalog()
        }
        var roles: [Role] = []
        var taken: [String: (String, Mark)] = [:]
        for p in pairs {
            if !Identifier.isChecklistID(p.key) {
                diags.error(.badId, ["what": .phrase("岗位编号", "role id"), "id": .text(p.key),
                                     "rule": .phrase("须符合 [a-z][a-z0-9_-]*（小写字母开头）", "it must match [a-z][a-z0-9_-]* (lower-case letter first)")], at: p.keyMark)
                continue
            }
            guard var m = MappingReader(p.value, what: Noun.role(p.key), diags: &diags) else { continue }
            let name = m.string("name", required: true, diags: &diags)
            let nameEN = m.string("name_en", diags: &diags)
            let aliases = m.stringList("aliases", diags: &diags) ?? []
            m.finish(diags: &diags)
            guard let name else { continue }
            // One word must mean one role, or `role: 大堂` would depend on file order.
            var words = [(p.key, p.keyMark), (name, m.pair("name")!.value.mark)] + aliases
            if let nameEN { words.append((nameEN, m.pair("name_en")!.value.mark)) }
            for (w, mark) in words {
                if let (other, _) = taken[w], other != p.key {
                    diags.error(.duplicateRole, ["name": .text(w), "role": .text(p.key), "other": .text(other)], at: mark)
                } else {
                    taken[w] = (p.key, mark)
                }
            }
            roles.append(Role(id: p.key, name: name, nameEN: nameEN, aliases: aliases.map(\.0)))
        }
        return RoleCatalog(roles)
    }
}

/// Where a visit meets the catalog: the hooks `VisitReader` calls, kept in one place so the
/// catalog can grow (checklist versions over time, a role catalog) without touching the reader.
extension ChecklistCatalog {
    /// The checklists a visit dated `date` is checked and scored against (SPEC §1.1 "Versions
    /// over time"): the version of each checklist in force on that date, or the one the visit
    /// pins with `versions:`. One version of each checklist is loaded today, so this is the
    /// catalog itself; a pinned checklist or version that is not loaded is reported.
    public func resolved(on date: Day?, pinned: [(id: String, version: String, mark: Mark)],
                         diags: inout DiagnosticList) -> ChecklistCatalog {
        for p in pinned {
            guard let c = checklist(p.id) else {
                diags.error(.checklistNotLoaded, ["id": .text(p.id), "loaded": .list(ids), "hint": .hint(Suggestion.closest(to: p.id, in: ids))], at: p.mark)
                continue
            }
            if c.version != p.version {
                diags.error(.badValue, ["field": .field("versions"), "reason": .phrase(
                    "检查表 '\(p.id)' 加载的版本是 \(c.version.map { "'\($0)'" } ?? "（无）")，不是 '\(p.version)'",
                    "checklist '\(p.id)' is loaded in version \(c.version.map { "'\($0)'" } ?? "(none)"), not '\(p.version)'")], at: p.mark)
            }
        }
        return self
    }

    /// The role id a visit's `role:` names: with a role catalog (`roles.yaml`), its id, name or
    /// an alias (SPEC §1.1); nil when the catalog does not know it. Without one, as written.
    public func roleID(for written: String) -> String? {
        roles.isEmpty ? written : roles.id(for: written)
    }

    /// The warning for a role no roles.yaml entry (or, without one, no checklist) names.
    func unknownRole(_ written: String) -> [String: DiagnosticArg]? {
        if !roles.isEmpty {
            if roles.id(for: written) != nil { return nil }
            return ["role": .text(written), "roles": .localized(zh: roles.listing(.zh).joined(separator: "、"), en: roles.listing(.en).joined(separator: ", ")),
                    "hint": .hint(roles.suggestion(for: written))]
        }
        guard !namedRoles.isEmpty, !namedRoles.contains(written) else { return nil }
        return ["role": .text(written), "roles": .list(namedRoles.sorted()), "hint": .hint(Suggestion.closest(to: written, in: namedRoles))]
    }
}

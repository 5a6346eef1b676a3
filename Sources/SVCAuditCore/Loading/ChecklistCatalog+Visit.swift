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
                diags.error("checklist-not-loaded", "checklist '\(p.id)' is not loaded (loaded: \(ids.joined(separator: ", ")))"
                    + Suggestion.hint(for: p.id, in: ids), at: p.mark)
                continue
            }
            if c.version != p.version {
                diags.error("bad-value", "checklist '\(p.id)' is loaded in version \(c.version.map { "'\($0)'" } ?? "(none)"), not '\(p.version)'",
                            at: p.mark)
            }
        }
        return self
    }

    /// The role id a visit's `role:` names: the id itself today; with a role catalog
    /// (`roles.yaml`), also a role's name or alias (SPEC §1.1).
    public func roleID(for written: String) -> String { written }
}

/// Where a visit meets the catalog: the hooks `VisitReader` calls, kept in one place so the
/// catalog can grow (checklist versions over time, a role catalog) without touching the reader.
extension ChecklistCatalog {
    /// The checklists a visit dated `date` is checked and scored against (SPEC §1.1 "Versions
    /// over time"): the version of each checklist in force on that date, with the ones the
    /// visit pins with `versions:` in their place. A checklist with no version in force on the
    /// date is absent from the result (the reader reports it where the visit assesses it). The
    /// result is one of the resolver's shared catalogs: nothing is built per visit.
    public func resolved(on date: Day?, pinned: [(id: String, version: String, mark: Mark)],
                         diags: inout DiagnosticList) -> ChecklistCatalog {
        guard let resolver, let date else {
            // One version of each checklist and no dates (or no date to go by): this catalog.
            for p in pinned {
                guard let c = checklist(p.id) else { pinNotLoaded(p.id, at: p.mark, &diags); continue }
                if c.version != p.version { unknownVersion(p.id, p.version, in: [c], inForce: date.map { _ in c }, on: date, at: p.mark, &diags) }
            }
            return self
        }
        if pinned.isEmpty { return resolver.catalog(on: date) }
        var combo = resolver.combination(on: date)
        for p in pinned {
            guard let f = resolver.familyIndex[p.id], let list = families[p.id] else { pinNotLoaded(p.id, at: p.mark, &diags); continue }
            guard let v = list.firstIndex(where: { $0.version == p.version }) else {
                unknownVersion(p.id, p.version, in: list, inForce: combo[f] >= 0 ? list[combo[f]] : nil, on: date, at: p.mark, &diags)
                continue
            }
            combo[f] = v
        }
        return resolver.catalog(for: combo)
    }

    /// The catalog of the versions a scored visit used (its `VisitSummary.versions`), the
    /// others as in force on `day`: what `explain` shows the visit's items from.
    public func resolved(versions used: [VersionUsed], on day: Day) -> ChecklistCatalog {
        guard let resolver else { return self }
        var combo = resolver.combination(on: day)
        for u in used {
            if let f = resolver.familyIndex[u.id], let v = families[u.id]?.firstIndex(where: { $0.version == u.version }) { combo[f] = v }
        }
        return resolver.catalog(for: combo)
    }

    /// The checklists in force on `day` (no pins).
    public func resolved(on day: Day) -> ChecklistCatalog {
        resolver?.catalog(on: day) ?? self
    }

    private func pinNotLoaded(_ id: String, at mark: Mark, _ diags: inout DiagnosticList) {
        diags.error(.checklistNotLoaded, ["id": .text(id), "loaded": .list(ids), "hint": .hint(Suggestion.closest(to: id, in: ids))], at: mark)
    }

    private func unknownVersion(_ id: String, _ version: String, in list: [Checklist], inForce: Checklist?, on date: Day?,
                                at mark: Mark, _ diags: inout DiagnosticList) {
        let labels = list.compactMap(\.version)
        let inForceArg: DiagnosticArg = switch (inForce, date) {
        case (let c?, let d?): .phrase("；\(d) 生效的是 \(c.versionLabel(.zh))", "; in force on \(d): \(c.versionLabel(.en))")
        case (nil, let d?): .phrase("；\(d) 没有生效的版本", "; none is in force on \(d)")
        default: .text("")
        }
        diags.error(.unknownVersion, ["id": .text(id), "version": .text(version), "versions": Checklist.versionsArg(list),
                                      "inForce": inForceArg, "hint": .hint(Suggestion.closest(to: version, in: labels))], at: mark)
    }

    /// The error for a checklist a visit assesses (or answers items of) that has no version in
    /// force on the visit's date: every version loaded, with its dates.
    func noVersionInForce(_ id: String, on date: Day) -> DiagnosticArgs {
        ["id": .text(id), "date": .text(date.description), "versions": Checklist.versionsArg(versions(of: id))]
    }

    /// The error for an answer to an item another version of its checklist has, but not the
    /// one the visit is scored against (`resolved` holds that one).
    func itemNotInVersion(_ itemID: String, resolved: ChecklistCatalog, date: Day?, pinned: [String]) -> (DiagnosticCode, DiagnosticArgs)? {
        guard let owner = scoring.universe.owner(of: itemID) else { return nil }
        let having = versions(of: owner).filter { c in c.items.contains { $0.id == itemID } }
        guard let used = resolved.checklist(owner) else {
            return date.map { (.noVersionInForce, noVersionInForce(owner, on: $0)) }
        }
        let why: DiagnosticArg = pinned.contains(owner) ? .phrase("本次检查的 versions 指定", "pinned by the visit's versions")
                                        : .phrase("\(date.map { "\($0)" } ?? "") 生效", "in force on \(date.map { "\($0)" } ?? "")")
        return (.itemNotInVersion, ["item": .text(itemID), "checklist": .text(owner), "version": .localized(zh: used.versionLabel(.zh), en: used.versionLabel(.en)),
                                    "why": why, "versions": Checklist.versionsArg(having)])
    }

    /// The role id a visit's `role:` names: with a role catalog (`roles.yaml`), its id, name or
    /// an alias (SPEC §1.1); nil when the catalog does not know it. Without one, as written.
    public func roleID(for written: String) -> String? {
        roles.isEmpty ? written : roles.id(for: written)
    }

    /// The warning for a role no roles.yaml entry (or, without one, no checklist) names.
    func unknownRole(_ written: String) -> DiagnosticArgs? {
        if !roles.isEmpty {
            if roles.id(for: written) != nil { return nil }
            return ["role": .text(written), "roles": .localized(zh: roles.listing(.zh).joined(separator: "、"), en: roles.listing(.en).joined(separator: ", ")),
                    "hint": .hint(roles.suggestion(for: written))]
        }
        guard !namedRoles.isEmpty, !namedRoles.contains(written) else { return nil }
        return ["role": .text(written), "roles": .list(namedRoles.sorted()), "hint": .hint(Suggestion.closest(to: written, in: namedRoles))]
    }
}

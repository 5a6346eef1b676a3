/// Reads one visit file's tree into a `Visit` (SPEC §1.2), checking it against the catalog.
/// Cross-visit warnings (same employee with another name, duplicate visits) are `VisitSetChecks`.
public enum VisitLoader {
    /// `limits` bounds the staff list and each results mapping (`maxStaff`, `maxAnswers`):
    /// entries past a limit are reported once, at the list or mapping, and not read.
    public static func load(_ root: YAMLNode, file: String, catalog: ChecklistCatalog,
                            limits: YAMLLimits = .default, diags: inout DiagnosticList) -> Visit? {
        guard var m = MappingReader(root, what: Noun.visit, diags: &diags) else { return nil }
        let before = diags.items.count
        let id = m.string("id", diags: &diags) ?? file
        let branch = loadBranch(&m, diags: &diags)
        let date = m.day("date", required: true, diags: &diags)
        let inspector = m.string("inspector", required: true, diags: &diags)
        let method = m.choice("method", Visit.Method.self, words: Visit.Method.init(word:), diags: &diags) ?? .onsite

        // The families assessed: given, or every loaded checklist.
        var assessed = catalog.ids
        if let list = m.stringList("checklists", diags: &diags) {
            var ids: [String] = []
            for (cid, mark) in list {
                if catalog.checklist(cid) == nil {
                    diags.error(.checklistNotLoaded, ["id": .text(cid), "loaded": .list(catalog.ids),
                                                      "hint": .hint(Suggestion.closest(to: cid, in: catalog.ids))], at: mark)
                } else if ids.contains(cid) {
                    diags.error(.duplicateChecklist, ["id": .text(cid)], at: mark)
                } else {
                    ids.append(cid)
                }
            }
            if list.isEmpty {
                diags.error(.badValue, ["field": .field("checklists"), "reason": .phrase("列表是空的：请列出本次检查的检查表，或删掉这一行表示全部", "is empty: list the families this visit assessed, or leave it out for all")],
                            at: m.pair("checklists")!.value.mark)
            }
            assessed = ids
        }
        let context = Context(catalog: catalog, assessed: Set(assessed), limits: limits)

        var results: [Answer] = []
        if let node = m.raw("results"), !node.isNull {
            results = loadAnswers(node, subject: .branch, context: context, diags: &diags)
        }
        if !diags.hasErrors { warnUnanswered(results, subject: .branch, mark: m.pair("results")?.keyMark ?? root.mark,
                                             context: context, diags: &diags) }

        var staff: [StaffObservation] = []
        if let node = m.raw("staff"), !node.isNull {
            if case .sequence(let list) = node.kind {
                var seen: [String: Mark] = [:]
                if list.count > limits.maxStaff {
                    diags.error(.limitStaff, ["count": .count(list.count), "max": .count(limits.maxStaff)],
                                at: node.mark)
                }
                for entry in list.prefix(limits.maxStaff) {
                    guard let s = loadStaff(entry, context: context, diags: &diags) else { continue }
                    if let first = seen[s.id] {
                        diags.error(.duplicateStaff, ["id": .text(s.id), "line": .count(first.line)], at: s.mark)
                        continue
                    }
                    seen[s.id] = s.mark
                    staff.append(s)
                }
            } else {
                diags.error(.wrongType, ["field": .field("staff"), "expected": .phrase("员工列表（- id: …）", "a list of employees (- id: …)"), "found": node.found], at: node.mark)
            }
        }
        m.finish(diags: &diags)
        if diags.items[before...].allSatisfy({ $0.severity != .error }) {
            nothingAnswered(results: results, staff: staff, context: context, mark: root.mark, diags: &diags)
        }
        guard diags.items[before...].allSatisfy({ $0.severity != .error }),
              let branch, let date, let inspector else { return nil }
        return Visit(id: id, file: file, branch: branch, date: date, inspector: inspector, method: method,
                     checklists: catalog.ids.filter { context.assessed.contains($0) },
                     results: results, staff: staff, mark: root.mark)
    }

    /// A blank template handed in as a visit: every applicable item is unanswered. That is
    /// an error, not a visit with warnings: it would count as a visit in `rank`.
    private static func nothingAnswered(results: [Answer], staff: [StaffObservation], context: Context, mark: Mark,
                                        diags: inout DiagnosticList) {
        guard results.isEmpty, staff.allSatisfy({ $0.results.isEmpty }) else { return }
        var applicable = 0
        for c in context.catalog.checklists where c.scope == .branch && context.assessed.contains(c.id) {
            applicable += c.items.count
        }
        for s in staff {
            let counts = context.catalog.applicableItemCounts(role: s.role)
            for (i, c) in context.catalog.checklists.enumerated() where context.assessed.contains(c.id) { applicable += counts[i] }
        }
        if applicable > 0 { diags.error(.nothingAnswered, ["count": .count(applicable)], at: mark) }
    }

    private struct Context {
        let catalog: ChecklistCatalog
        let assessed: Set<String>
        let limits: YAMLLimits
    }

    private enum Subject {
        case branch
        case staff(id: String, role: String)
    }

    private static func loadBranch(_ m: inout MappingReader, diags: inout DiagnosticList) -> Branch? {
        guard let node = m.raw("branch") else {
            m.missing("branch", diags: &diags)
            return nil
        }
        guard var b = MappingReader(node, what: Noun.branch, diags: &diags) else { return nil }
        let id = b.string("id", required: true, diags: &diags)
        let name = b.string("name", required: true, diags: &diags)
        let parent = b.string("parent", diags: &diags)
        let region = b.string("region", diags: &diags)
        b.finish(diags: &diags)
        guard let id, let name else { return nil }
        return Branch(id: id, name: name, parent: parent, region: region)
    }

    private static func loadStaff(_ node: YAMLNode, context: Context, diags: inout DiagnosticList) -> StaffObservation? {
        let label = Noun.staff(node.mapValue("id").flatMap(\.scalar))
        guard var m = MappingReader(node, what: label, diags: &diags) else { return nil }
        let before = diags.items.count
        let id = m.string("id", required: true, diags: &diags)
        let name = m.string("name", required: true, diags: &diags)
        var role = m.string("role", required: true, diags: &diags)
        let roles = context.catalog.roles
        if let written = role, !roles.isEmpty {
            // 柜员, 综合柜员 and teller all mean the role id `teller` (roles.yaml).
            if let id = roles.id(for: written) { role = id } else {
                diags.warning(.unknownRole, ["role": .text(written),
                                             "roles": .localized(zh: roles.listing(.zh).joined(separator: "、"), en: roles.listing(.en).joined(separator: ", ")),
                                             "hint": .hint(roles.suggestion(for: written))], at: m.pair("role")!.value.mark)
            }
        } else if let role {
            let named = context.catalog.namedRoles
            if !named.isEmpty, !named.contains(role) {
                diags.warning(.unknownRole, ["role": .text(role), "roles": .list(named.sorted()),
                                             "hint": .hint(Suggestion.closest(to: role, in: named))], at: m.pair("role")!.value.mark)
            }
        }
        var results: [Answer] = []
        let resultsNode = m.raw("results")
        if let r = resultsNode, !r.isNull, let id, let role {
            results = loadAnswers(r, subject: .staff(id: id, role: role), context: context, diags: &diags)
            if diags.items[before...].allSatisfy({ $0.severity != .error }) {
                warnUnanswered(results, subject: .staff(id: id, role: role), mark: node.mark, context: context, diags: &diags)
            }
        } else if let id, let role, diags.items[before...].allSatisfy({ $0.severity != .error }) {
            warnUnanswered([], subject: .staff(id: id, role: role), mark: node.mark, context: context, diags: &diags)
        }
        m.finish(diags: &diags)
        guard let id, let name, let role else { return nil }
        return StaffObservation(id: id, name: name, role: role, results: results, mark: node.mark)
    }

    private static func loadAnswers(_ node: YAMLNode, subject: Subject, context: Context,
                                    diags: inout DiagnosticList) -> [Answer] {
        guard case .mapping(let pairs) = node.kind else {
            diags.error(.wrongType, ["field": .field("results"), "expected": .phrase("条目编号到答案的映射（如 C01: 合格）", "a mapping of item ids to answers (C01: pass)"), "found": node.found], at: node.mark)
            return []
        }
        let limit = context.limits.maxAnswers
        if pairs.count > limit {
            diags.error(.limitAnswers, ["count": .count(pairs.count), "max": .count(limit)],
                        at: node.mark)
        }
        var out: [Answer] = []
        out.reserveCapacity(min(pairs.count, limit))
        let lists = context.catalog.checklists
        for p in pairs.prefix(limit) {
            // Look the item up by reference: copying a Checklist and a ChecklistItem per answer
            // costs more than the rest of the check.
            guard let ref = context.catalog.ref(p.key) else {
                let candidates = context.catalog.allItemIDs
                diags.error(.unknownItem, ["id": .text(p.key), "hint": .hint(Suggestion.closest(to: p.key, in: candidates))], at: p.keyMark)
                continue
            }
            let scope = lists[ref.checklist].scope
            switch (subject, scope) {
            case (.branch, .staff):
                diags.error(.wrongScope, ["item": .text(p.key), "scope": .phrase("员工类", "staff-scope"), "checklist": .text(lists[ref.checklist].id),
                                         "fix": .phrase("请写在 'staff' 里每名员工的 results 下，而不是检查记录顶层的 'results'", "answer it under each employee in 'staff', not in the visit's 'results'")], at: p.keyMark)
                continue
            case (.staff(let sid, _), .branch):
                diags.error(.wrongScope, ["item": .text(p.key), "scope": .phrase("网点类", "branch-scope"), "checklist": .text(lists[ref.checklist].id),
                                         "fix": .phrase("请在检查记录顶层的 'results' 里写一次，而不是写在员工 \(sid) 下", "answer it once in the visit's top-level 'results', not under employee \(sid)")], at: p.keyMark)
                continue
            case (.staff(let sid, let role), .staff):
                if !lists[ref.checklist].applies(toRole: role) {
                    let checklist = lists[ref.checklist]
                    diags.error(.notApplicable, ["item": .text(p.key), "staff": .text(sid), "owner": .phrase("检查表 '\(checklist.id)' ", "checklist '\(checklist.id)'"),
                                            "roles": .list(checklist.roles!), "role": .text(role)], at: p.keyMark)
                    continue
                }
                if !lists[ref.checklist].items[ref.item].applies(toRole: role) {
                    let item = lists[ref.checklist].items[ref.item]
                    diags.error(.notApplicable, ["item": .text(p.key), "staff": .text(sid), "owner": .phrase("该条目", "it"),
                                            "roles": .list(item.roles!), "role": .text(role)], at: p.keyMark)
                    continue
                }
            case (.branch, .branch):
                break
            }
            if p.value.isNull { continue }  // left blank (as `svcaudit new` prints it): unanswered
            if !context.assessed.contains(lists[ref.checklist].id) {
                diags.error(.notAssessed, ["item": .text(p.key), "checklist": .text(lists[ref.checklist].id)], at: p.keyMark)
                continue
            }
            if let a = AnswerReader.read(p.value, item: lists[ref.checklist].items[ref.item], diags: &diags) { out.append(a) }
        }
        return out
    }

    /// One warning per subject naming every applicable item left unanswered.
    private static func warnUnanswered(_ answers: [Answer], subject: Subject, mark: Mark, context: Context,
                                       diags: inout DiagnosticList) {
        // Answers are unique (duplicate keys never reach here) and only for applicable items of
        // assessed checklists, so when there are as many as applicable items, none is missing.
        var applicable = 0
        switch subject {
        case .branch:
            for c in context.catalog.checklists where c.scope == .branch && context.assessed.contains(c.id) {
                applicable += c.items.count
            }
        case .staff(_, let role):
            let counts = context.catalog.applicableItemCounts(role: role)
            for (i, c) in context.catalog.checklists.enumerated() where context.assessed.contains(c.id) {
                applicable += counts[i]
            }
        }
        if answers.count == applicable { return }
        let answered = Set(answers.map(\.item))
        var missing: [String] = []
        for c in context.catalog.checklists where context.assessed.contains(c.id) {
            switch subject {
            case .branch:
                guard c.scope == .branch else { continue }
                missing += c.items.lazy.filter { !answered.contains($0.id) }.map(\.id)
            case .staff(_, let role):
                guard c.scope == .staff, c.applies(toRole: role) else { continue }
                missing += c.items.lazy.filter { $0.applies(toRole: role) && !answered.contains($0.id) }.map(\.id)
            }
        }
        guard !missing.isEmpty else { return }
        let who: DiagnosticArg
        switch subject {
        case .branch: who = .phrase("网点条目", "branch items")
        case .staff(let id, _): who = .phrase("员工 \(id)", "employee \(id)")
        }
        diags.warning(.unanswered, ["who": who, "count": .count(missing.count), "items": .list(missing)], at: mark)
    }
}

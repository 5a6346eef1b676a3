/// Reads one checklist file's tree into a `Checklist` (SPEC §1.1). Cross-file checks
/// (duplicate checklist and item ids) belong to `ChecklistCatalog`.
public enum ChecklistLoader {
    static let idPattern = "[a-z][a-z0-9_-]*"

    public static func load(_ root: YAMLNode, file: String, diags: inout DiagnosticList) -> Checklist? {
        guard var m = MappingReader(root, what: Noun.checklist, diags: &diags) else { return nil }
        let errorsBefore = diags.items.count
        let id = m.string("id", required: true, diags: &diags)
        if let id, !Identifier.isChecklistID(id) {
            diags.error(.badId, ["what": .phrase("检查表编号", "checklist id"), "id": .text(id),
                                "rule": .phrase("须符合 \(idPattern)（小写字母开头）", "it must match \(idPattern) (lower-case letter first)")],
                        at: m.pair("id")!.value.mark)
        }
        let title = m.string("title", required: true, diags: &diags)
        let titleEN = m.string("title_en", diags: &diags)
        let version = m.raw("version").flatMap { v -> String? in
            guard let s = v.scalar, !v.isNull else {
                diags.error(.wrongType, ["field": .field("version"), "expected": .phrase("文字（如 \"2026.1\"）", "text such as \"2026.1\""), "found": v.found], at: v.mark)
                return nil
            }
            return s
        }
        let scope = m.choice("scope", Checklist.Scope.self, required: true, diags: &diags)
        var roles = m.stringList("roles", diags: &diags)?.map(\.0)
        if roles != nil, scope == .branch {
            diags.error(.rolesOnBranchScope, at: m.pair("roles")!.keyMark)
            roles = nil
        }
        if let r = roles, r.isEmpty {
            diags.error(.badValue, ["field": .field("roles"), "reason": .phrase("列表是空的，检查表将不适用于任何人；要适用于所有岗位，请删掉这一行", "an empty list: the checklist would apply to nobody; leave it out to mean every role")],
                        at: m.pair("roles")!.value.mark)
        }
        var weight = 1.0
        if let (w, mark) = m.number("weight", diags: &diags) {
            if w > 0 { weight = w } else {
                diags.error(.badValue, ["field": .field("weight"), "reason": .phrase("应为大于 0 的数字，这里是 \(MappingReader.show(w))", "must be a number greater than 0, found \(MappingReader.show(w))")], at: mark)
            }
        }
        var items: [ChecklistItem] = []
        if let itemsNode = m.raw("items") {
            if case .sequence(let list) = itemsNode.kind {
                if list.isEmpty {
                    diags.error(.badValue, ["field": .field("items"), "reason": .phrase("是空的：检查表至少要有一个条目", "is empty: a checklist needs at least one item")], at: itemsNode.mark)
                }
                for node in list {
                    if let item = loadItem(node, checklistRoles: roles, diags: &diags) { items.append(item) }
                }
            } else {
                diags.error(.wrongType, ["field": .field("items"), "expected": .phrase("条目列表（- id: …）", "a list of items"), "found": itemsNode.found], at: itemsNode.mark)
            }
        } else {
            m.missing("items", diags: &diags)
        }
        m.finish(diags: &diags)
        // Duplicate item ids within the file.
        var seen: [String: Mark] = [:]
        for item in items {
            if let first = seen[item.id] {
                diags.error(.duplicateItemId, ["id": .text(item.id), "where": .phrase("第 \(first.line) 行", "at line \(first.line)")], at: item.mark)
            } else {
                seen[item.id] = item.mark
            }
        }
        guard diags.items[errorsBefore...].allSatisfy({ $0.severity != .error }),
              let id, let title, let scope else { return nil }
        return Checklist(id: id, title: title, titleEN: titleEN, version: version, scope: scope, roles: roles,
                         weight: weight, items: items, file: file, mark: root.mark)
    }

    static func loadItem(_ node: YAMLNode, checklistRoles: [String]?, diags: inout DiagnosticList) -> ChecklistItem? {
        let label = Noun.item(node.mapValue("id").flatMap(\.scalar))
        guard var m = MappingReader(node, what: label, diags: &diags) else { return nil }
        let before = diags.items.count
        let id = m.string("id", required: true, diags: &diags)
        if let id, !Identifier.isItemID(id) {
            diags.error(.badId, ["what": .phrase("条目编号", "item id"), "id": .text(id),
                                "rule": .phrase("须以字母开头，只含字母、数字、'_'、'.' 或 '-'", "it must start with a letter and hold only letters, digits, '_', '.' or '-'")],
                        at: m.pair("id")!.value.mark)
        }
        let text = m.string("text", required: true, diags: &diags)
        let textEN = m.string("text_en", diags: &diags)
        let section = m.string("section", diags: &diags)
        let type = m.choice("type", ChecklistItem.Kind.self, diags: &diags) ?? .check
        var points: Double?
        if let (p, mark) = m.number("points", required: true, diags: &diags) {
            if p > 0 { points = p } else {
                diags.error(.badPoints, ["key": "points", "value": .number(p)], at: mark)
            }
        }
        var per: Double?
        if let (p, mark) = m.number("per", diags: &diags) {
            if type == .deduct || type == .bonus {
                if p > 0 { per = p } else {
                    diags.error(.badPoints, ["key": "per", "value": .number(p)], at: mark)
                }
            } else {
                diags.error(.perNotAllowed, ["type": .text(type.rawValue)],
                            at: m.pair("per")!.keyMark)
            }
        } else if type == .deduct || type == .bonus, m.pair("per") == nil {
            diags.error(.perMissing, ["what": label, "type": .text(type.rawValue)], at: node.mark)
        }
        let veto = m.bool("veto", diags: &diags) ?? false
        if veto, type == .scale || type == .bonus {
            diags.error(.badValue, ["field": .field("veto"), "reason": .phrase("只用于 check 和 deduct 条目；\(type.rawValue) 条目不存在“违反”", "applies to check and deduct items only; a \(type.rawValue) item cannot be breached")],
                        at: m.pair("veto")!.keyMark)
        }
        let rolePairs = m.stringList("roles", diags: &diags)
        if let rolePairs {
            if rolePairs.isEmpty {
                diags.error(.badValue, ["field": .field("roles"), "reason": .phrase("列表是空的：条目将不适用于任何人", "an empty list: the item would apply to nobody")], at: m.pair("roles")!.value.mark)
            }
            if let allowed = checklistRoles {
                for (r, mark) in rolePairs where !allowed.contains(r) {
                    diags.error(.itemRoleOutside, ["role": .text(r), "roles": .list(allowed), "hint": .hint(Suggestion.closest(to: r, in: allowed))], at: mark)
                }
            }
        }
        let guidance = m.string("guidance", diags: &diags)
        let source = m.raw("source").flatMap(\.scalar)
        m.finish(diags: &diags)
        guard diags.items[before...].allSatisfy({ $0.severity != .error }),
              let id, let text, let points else { return nil }
        return ChecklistItem(id: id, text: text, textEN: textEN, section: section, points: points, type: type, per: per,
                             veto: veto, roles: rolePairs?.map(\.0), guidance: guidance, source: source, mark: node.mark)
    }
}

enum Identifier {
    static func isChecklistID(_ s: String) -> Bool {
        guard let f = s.unicodeScalars.first, ("a"..."z").contains(f) else { return false }
        return s.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" || $0 == "-" }
    }

    static func isItemID(_ s: String) -> Bool {
        guard let f = s.unicodeScalars.first, f.isASCIILetter else { return false }
        return s.unicodeScalars.allSatisfy { $0.isASCIILetter || ("0"..."9").contains($0) || $0 == "_" || $0 == "." || $0 == "-" }
    }
}

extension Unicode.Scalar {
    var isASCIILetter: Bool { ("a"..."z").contains(self) || ("A"..."Z").contains(self) }
}

extension YAMLNode {
    /// The value of `key` when this node is a mapping.
    func mapValue(_ key: String) -> YAMLNode? {
        if case .mapping(let pairs) = kind { return pairs.first { $0.key == key }?.value }
        return nil
    }
}

extension MappingReader {
    /// A number as a user wrote it: 10 not 10.0.
    static func show(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : String(x)
    }
}

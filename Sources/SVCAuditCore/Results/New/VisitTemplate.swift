/// The one writer of visit files: the blank file `svcaudit new` prints (every applicable item
/// id with its text as a comment, so an inspector only fills in answers; an empty answer reads
/// as unanswered) and the filled files `svcaudit import` writes from a workbook.
public struct VisitTemplate: Sendable {
    /// An answer as typed in a workbook cell, with its note and fix-by date when given.
    public struct Filled: Sendable, Equatable {
        public var result: String, note: String?, fixBy: String?
        public init(result: String, note: String? = nil, fixBy: String? = nil) { self.result = result; self.note = note; self.fixBy = fixBy }
    }

    public struct StaffEntry: Sendable {
        public var id: String, name: String, role: String
        public var answers: [String: Filled] = [:]
        public init(id: String, name: String, role: String) { self.id = id; self.name = name; self.role = role }
    }

    /// The visit id; nil: the suggested one (branch-date-01).
    public var id: String?
    public var branchAnswers: [String: Filled] = [:]

    public var branch: Branch
    public var date: Day
    public var inspector: String?
    public var method: Visit.Method
    public var checklists: [String]?
    public var staff: [StaffEntry]

    public init(branch: Branch, date: Day, inspector: String?, method: Visit.Method, checklists: [String]?, staff: [StaffEntry]) {
        self.branch = branch; self.date = date; self.inspector = inspector; self.method = method
        self.checklists = checklists; self.staff = staff
    }

    public var suggestedID: String {
        "\(branch.id)-\(String(date.description.filter { $0 != "-" }))-01"
    }

    public func render(catalog: ChecklistCatalog) -> String {
        // The versions in force on the visit's date (SPEC §1.1 "Versions over time").
        let catalog = catalog.resolved(on: date)
        let assessed = checklists ?? catalog.assessedByDefault
        var out = "# 服务规范检查记录 — \(branch.name) \(date)\n"
        out += "# 填写：check 项填 pass / fail / na（合格 / 不合格 / 不适用）；scale 项填 0..满分；deduct / bonus 项填次数。\n"
        out += "# 扣分项请用长格式写明原因：{result: fail, note: 原因, fix_by: YYYY-MM-DD}\n"
        out += "id: \(q(id ?? suggestedID))\n"
        out += "branch:\n  id: \(q(branch.id))\n  name: \(q(branch.name))\n"
        if let p = branch.parent { out += "  parent: \(q(p))\n" }
        if let r = branch.region { out += "  region: \(q(r))\n" }
        out += "date: \(date)\n"
        out += "inspector: \(q(inspector ?? Placeholder.inspector)) # 检查人\n"
        out += "method: \(method.rawValue) # onsite | video | mystery | external | self\n"
        if checklists != nil { out += "checklists: [\(assessed.joined(separator: ", "))]\n" }
        let branchLists = catalog.checklists.filter { assessed.contains($0.id) && $0.scope == .branch }
        if !branchLists.isEmpty {
            out += "results:\n"
            for c in branchLists {
                out += "  # \(c.id) \(c.title)\n"
                for i in c.items { out += line(i, indent: "  ", branchAnswers[i.id]) }
            }
        }
        if !staff.isEmpty {
            out += "staff:\n"
            for s in staff {
                out += "  - id: \(q(s.id))\n    name: \(q(s.name))\n    role: \(q(s.role))\n"
                let lists = catalog.checklists.filter { assessed.contains($0.id) && $0.scope == .staff && $0.applies(toRole: s.role) }
                let items = lists.flatMap { c in c.items.filter { $0.applies(toRole: s.role) }.map { (c, $0) } }
                if items.isEmpty { continue }
                out += "    results:\n"
                var current = ""
                for (c, i) in items {
                    if c.id != current {
                        out += "      # \(c.id) \(c.title)\n"
                        current = c.id
                    }
                    out += line(i, indent: "      ", s.answers[i.id])
                }
            }
        }
        return out
    }

    private func line(_ i: ChecklistItem, indent: String, _ answer: Filled? = nil) -> String {
        let hint: String
        switch i.type {
        case .check: hint = "pass/fail/na"
        case .scale: hint = "0-\(MappingReader.show(i.points))"
        case .deduct: hint = "扣分次数"
        case .bonus: hint = "加分次数"
        }
        var value = ""
        if let a = answer {
            // The answer as typed stays text unless it is a plain number: 合格, 4.5, 2.
            let result = MappingReader.number(YAMLNode(.scalar(a.result, plain: true), mark: .start)) != nil ? a.result : q(a.result)
            if a.note == nil && a.fixBy == nil {
                value = " " + result
            } else {
                var parts = ["result: \(result)"]
                if let n = a.note { parts.append("note: \(q(n))") }
                if let f = a.fixBy { parts.append("fix_by: \(q(f))") }
                value = " {" + parts.joined(separator: ", ") + "}"
            }
        }
        return "\(indent)\(i.id):\(value)  # \(i.text) [\(hint)]\(i.veto ? " 【一票否决】" : "")\n"
    }

    /// Quotes a value when YAML would read it as something other than the same text.
    private func q(_ s: String) -> String {
        let plainSafe = !s.isEmpty && s.unicodeScalars.allSatisfy { c in
            !": #{}[],&*!|>'\"%@`\\".unicodeScalars.contains(c) && c.value >= 0x20
        } && MappingReader.number(YAMLNode(.scalar(s, plain: true), mark: .start)) == nil
            && !["true", "false", "yes", "no", "null", "~", "na"].contains(s.lowercased())
            && s.first != "-" && s.first != "?" && s.trimmingSpaces.count == s.count
        if plainSafe { return s }
        var out = "\""
        for c in s.unicodeScalars {
            switch c {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            default: out.unicodeScalars.append(c)
            }
        }
        return out + "\""
    }
}

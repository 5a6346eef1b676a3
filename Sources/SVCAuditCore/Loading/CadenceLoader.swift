/// Reads the policy's `cadence` list (SPEC §1.3): the inspections each branch must have.
enum CadenceLoader {
    static func load(_ node: YAMLNode, diags: inout DiagnosticList) -> [CadenceRule] {
        guard case .sequence(let items) = node.kind else {
            diags.error(.wrongType, ["field": .field("cadence"), "expected": .phrase("规则列表（- name: 月查 …）", "a list of rules (- name: 月查 …)"), "found": node.found], at: node.mark)
            return []
        }
        var rules: [CadenceRule] = []
        var names: [String: Mark] = [:]
        for item in items {
            guard var m = MappingReader(item, what: .phrase("检查频次规则", "cadence rule"), diags: &diags) else { continue }
            let name = m.string("name", required: true, diags: &diags)
            if let name, let first = names[name] {
diags.error(.badValue, ["field": .field("name"), "reason": .phrase("两条规则都叫 '\(name)'（第一条在第 \(first.line) 行）；输出按名称区分规则", "two cadence rules are named '\(name)' (the first on line \(first.line)); outputs tell rules by name")],
                            at: m.pair("name")!.value.mark)
            }
            if let name { names[name] = m.pair("name")!.value.mark }
            var methods: [Visit.Method] = []
            if let list = m.stringList("methods", diags: &diags) {
                for (word, mark) in list {
                    if let method = AnswerGrammar.method(word) {
                        if !methods.contains(method) { methods.append(method) }
                    } else {
                        let allowed = Visit.Method.allCases.map(\.rawValue)
                        diags.error(.badValue, ["field": .field("methods"), "reason": .phrase("未知的检查方式 '\(word)'；可用 \(allowed.joined(separator: "、"))",
                            "unknown method '\(word)'; use \(allowed.joined(separator: ", "))", hint: Suggestion.closest(to: word, in: allowed))], at: mark)
                    }
                }
                if list.isEmpty { diags.error(.badValue, ["field": .field("methods"), "reason": .phrase("列表是空的：没有任何检查能算数", "an empty list: no visit could ever count")], at: m.pair("methods")!.value.mark) }
            } else if m.pair("methods") == nil {
                m.missing("methods", diags: &diags)
            }
            let every = m.choice("every", CadenceRule.Every.self, required: true, diags: &diags)
            var atLeast = 1
            if let (n, mark) = m.integer("at_least", diags: &diags) {
                if n >= 1 { atLeast = n } else { diags.error(.badValue, ["field": .field("at_least"), "reason": .phrase("应为 1 或以上，这里是 \(n)", "must be 1 or more, found \(n)")], at: mark) }
            }
            var weekdays: [Int]?
            if let node = m.raw("weekdays"), !node.isNull {
                if every != nil, every != .day {
                    diags.error(.badValue, ["field": .field("weekdays"), "reason": .phrase("只用于 'every: day'", "is only for 'every: day'")], at: m.pair("weekdays")!.keyMark)
                }
                if case .sequence(let ds) = node.kind, !ds.isEmpty {
                    var days: [Int] = []
                    for d in ds {
                        if let n = MappingReader.integer(d), (1...7).contains(n) {
                            if !days.contains(n) { days.append(n) }
                        } else {
                            diags.error(.badValue, ["field": .field("weekdays"), "reason": .phrase("星期用 1（星期一）到 7（星期日）表示，这里是\(d.found.text(.zh))", "weekdays are ISO numbers 1 (Monday) to 7 (Sunday), found \(d.found.text(.en))")], at: d.mark)
                        }
                    }
                    weekdays = days.sorted()
                } else {
                    diags.error(.wrongType, ["field": .field("weekdays"), "expected": .phrase("非空列表（如 [1, 2, 3, 4, 5]）", "a non-empty list such as [1, 2, 3, 4, 5]"), "found": node.found], at: node.mark)
                }
            }
            m.finish(diags: &diags)
            if let name, let every, !methods.isEmpty {
                rules.append(CadenceRule(name: name, methods: methods, every: every, atLeast: atLeast, weekdays: weekdays))
            }
        }
        return rules
    }
}

/// Reads the policy's `cadence` list (SPEC §1.3): the inspections each branch must have.
enum CadenceLoader {
    static func load(_ node: YAMLNode, diags: inout DiagnosticList) -> [CadenceRule] {
        guard case .sequence(let items) = node.kind else {
            diags.error("wrong-type", "'cadence' must be a list of rules (- name: 月查 …), found \(node.kindDescription)", at: node.mark)
            return []
        }
        var rules: [CadenceRule] = []
        var names: [String: Mark] = [:]
        for item in items {
            guard var m = MappingReader(item, what: "cadence rule", diags: &diags) else { continue }
            let name = m.string("name", required: true, diags: &diags)
            if let name, let first = names[name] {
                diags.error("bad-value", "two cadence rules are named '\(name)' (the first on line \(first.line)); outputs tell rules by name",
                            at: m.pair("name")!.value.mark)
            }
            if let name { names[name] = m.pair("name")!.value.mark }
            var methods: [Visit.Method] = []
            if let list = m.stringList("methods", diags: &diags) {
                for (word, mark) in list {
                    if let method = Visit.Method(rawValue: word) {
                        if !methods.contains(method) { methods.append(method) }
                    } else {
                        let allowed = Visit.Method.allCases.map(\.rawValue)
                        diags.error("bad-value", "unknown method '\(word)' in 'methods'; use \(allowed.joined(separator: ", "))"
                            + Suggestion.hint(for: word, in: allowed), at: mark)
                    }
                }
                if list.isEmpty { diags.error("bad-value", "'methods' is an empty list: no visit could ever count", at: m.pair("methods")!.value.mark) }
            } else if m.pair("methods") == nil {
                m.missing("methods", diags: &diags)
            }
            let every = m.choice("every", CadenceRule.Every.self, required: true, diags: &diags)
            var atLeast = 1
            if let (n, mark) = m.integer("at_least", diags: &diags) {
                if n >= 1 { atLeast = n } else { diags.error("bad-value", "'at_least' must be 1 or more, found \(n)", at: mark) }
            }
            var weekdays: [Int]?
            if let node = m.raw("weekdays"), !node.isNull {
                if every != nil, every != .day {
                    diags.error("bad-value", "'weekdays' is only for 'every: day'", at: m.pair("weekdays")!.keyMark)
                }
                if case .sequence(let ds) = node.kind, !ds.isEmpty {
                    var days: [Int] = []
                    for d in ds {
                        if let n = MappingReader.integer(d), (1...7).contains(n) {
                            if !days.contains(n) { days.append(n) }
                        } else {
                            diags.error("bad-value", "weekdays are ISO numbers 1 (Monday) to 7 (Sunday), found \(d.scalar ?? d.kindDescription)", at: d.mark)
                        }
                    }
                    weekdays = days.sorted()
                } else {
                    diags.error("wrong-type", "'weekdays' must be a non-empty list such as [1, 2, 3, 4, 5], found \(node.kindDescription)", at: node.mark)
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

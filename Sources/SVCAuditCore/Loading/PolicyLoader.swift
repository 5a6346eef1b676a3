/// Reads a ranking policy (SPEC §1.3) into a `Policy`.
public enum PolicyLoader {
    public static func load(_ root: YAMLNode, file: String, diags: inout DiagnosticList) -> Policy? {
        guard var m = MappingReader(root, what: "policy", diags: &diags) else { return nil }
        let before = diags.items.count
        var p = Policy()
        p.file = file
        p.title = m.string("title", diags: &diags)
        p.issuer = m.string("issuer", diags: &diags)
        p.by = m.choice("by", Policy.RankBy.self, diags: &diags) ?? .staff
        if let roles = m.stringList("roles", diags: &diags) {
            if roles.isEmpty {
                diags.error("bad-value", "'roles' is an empty list: nobody could be ranked; leave it out for every role",
                            at: m.pair("roles")!.value.mark)
            }
            p.roles = roles.map(\.0)
        }
        if let (n, mark) = m.integer("min_visits", diags: &diags) {
            if n >= 1 { p.minVisits = n } else {
                diags.error("bad-value", "'min_visits' must be 1 or more, found \(n)", at: mark)
            }
        }
        if let (x, _) = m.number("min_score", diags: &diags) { p.minScore = x }
        p.veto = m.choice("veto", Policy.VetoMode.self, diags: &diags) ?? .disqualify
        if let node = m.raw("method_weights"), !node.isNull, var w = MappingReader(node, what: "method_weights", diags: &diags) {
            for method in Visit.Method.allCases {
                if let (x, mark) = w.number(method.rawValue, diags: &diags) {
                    // 0 is allowed: that method's visits are left out of the ranking (SPEC §1.3).
                    if x >= 0 { p.methodWeights[method] = x } else {
                        diags.error("bad-value", "method weight for \(method.rawValue) must be 0 or more (0 leaves those visits out of the ranking), found \(MappingReader.show(x))", at: mark)
                    }
                }
            }
            w.finish(diags: &diags)
        }
        if let (x, mark) = m.number("prior_visits", diags: &diags) {
            if x >= 0 { p.priorVisits = x } else {
                diags.error("bad-value", "'prior_visits' must be 0 (off) or more, found \(MappingReader.show(x))", at: mark)
            }
        }
        if let (x, _) = m.number("pass_mark", diags: &diags) { p.passMark = x }
        if let node = m.raw("targets"), !node.isNull, var t = MappingReader(node, what: "targets", diags: &diags) {
            p.targets.branchPassRate = percent(&t, "branch_pass_rate", diags: &diags)
            p.targets.staffPassRate = percent(&t, "staff_pass_rate", diags: &diags)
            t.finish(diags: &diags)
        }
        p.ties = m.choice("ties", Policy.TieRule.self, diags: &diags) ?? .competition
        if let node = m.raw("select"), !node.isNull, var s = MappingReader(node, what: "select", diags: &diags) {
            let top = s.integer("top", diags: &diags)
            let pct = s.number("percent", diags: &diags)
            switch (top, pct) {
            case (let (n, mark)?, nil):
                if n >= 1 { p.select.quota = .top(n) } else {
                    diags.error("bad-value", "'top' must be 1 or more, found \(n)", at: mark)
                }
            case (nil, let (x, mark)?):
                if x > 0, x <= 100 { p.select.quota = .percent(x) } else {
                    diags.error("bad-value", "'percent' must be above 0 and at most 100, found \(MappingReader.show(x))", at: mark)
                }
            case (_?, _?):
                diags.error("bad-value", "give either 'top' or 'percent' in 'select', not both", at: node.mark)
            case (nil, nil):
                break   // keep the default top 10
            }
            p.select.per = s.choice("per", Policy.GroupBy.self, diags: &diags) ?? .all
            p.select.atCutoff = s.choice("at_cutoff", Policy.AtCutoff.self, diags: &diags) ?? .include
            s.finish(diags: &diags)
        }
        if let node = m.raw("stars"), !node.isNull {
            if case .mapping(let pairs) = node.kind {
                for pair in pairs {
                    guard let level = Int(pair.key), level >= 1 else {
                        diags.error("bad-value", "star level '\(pair.key)' must be a whole number of 1 or more (5: 95 means 5 stars from 95 points)", at: pair.keyMark)
                        continue
                    }
                    guard let x = MappingReader.number(pair.value) else {
                        diags.error("wrong-type", "the threshold for \(level) stars must be a number, found \(pair.value.kindDescription)", at: pair.value.mark)
                        continue
                    }
                    p.stars[level] = x
                }
                // More stars must never need a lower score.
                let levels = p.stars.keys.sorted()
                for (a, b) in zip(levels, levels.dropFirst()) where p.stars[b]! < p.stars[a]! {
                    diags.error("bad-value", "\(b) stars need \(MappingReader.show(p.stars[b]!)) points, less than \(a) stars (\(MappingReader.show(p.stars[a]!)))", at: node.mark)
                }
            } else {
                diags.error("wrong-type", "'stars' must map levels to minimum scores (5: 95), found \(node.kindDescription)", at: node.mark)
            }
        }
        if let node = m.raw("cadence"), !node.isNull { p.cadence = CadenceLoader.load(node, diags: &diags) }
        if let (n, mark) = m.integer("staff_coverage", diags: &diags) {
            if n >= 1 { p.staffCoverage = n } else {
                diags.error("bad-value", "'staff_coverage' must be 1 or more, found \(n)", at: mark)
            }
        }
        loadAccountability(&m, into: &p, diags: &diags)
        m.finish(diags: &diags)
        guard diags.items[before...].allSatisfy({ $0.severity != .error }) else { return nil }
        return p
    }

    private static func percent(_ m: inout MappingReader, _ key: String, diags: inout DiagnosticList) -> Double? {
        guard let (x, mark) = m.number(key, diags: &diags) else { return nil }
        guard x >= 0, x <= 100 else {
            diags.error("bad-value", "'\(key)' is a percentage from 0 to 100, found \(MappingReader.show(x))", at: mark)
            return nil
        }
        return x
    }
}

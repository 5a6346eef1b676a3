/// Reads a ranking policy (SPEC §1.3) into a `Policy`.
public enum PolicyLoader {
    public static func load(_ root: YAMLNode, file: String, roles catalog: RoleCatalog = RoleCatalog(), diags: inout DiagnosticList) -> Policy? {
        guard var m = MappingReader(root, what: Noun.policy, diags: &diags) else { return nil }
        let before = diags.items.count
        var p = Policy()
        p.file = file
        p.title = m.string("title", diags: &diags)
        p.titleMark = m.pair("title")?.value.mark
        p.issuer = m.string("issuer", diags: &diags)
        p.by = m.choice("by", Policy.RankBy.self, diags: &diags) ?? .staff
        if let roles = m.stringList("roles", diags: &diags) {
            if roles.isEmpty {
                diags.error(.badValue, ["field": .field("roles"), "reason": .phrase("列表是空的，没有人能参加评选；要包括所有岗位，请删掉这一行", "an empty list: nobody could be ranked; leave it out for every role")],
                            at: m.pair("roles")!.value.mark)
            }
            // 柜员 and teller both mean `teller` when roles.yaml declares it.
            p.roles = roles.map { word, mark in
                if catalog.isEmpty { return word }
                if let id = catalog.id(for: word) { return id }
                diags.error(.unknownRole, ["role": .text(word), "roles": .localized(zh: catalog.listing(.zh).joined(separator: "、"), en: catalog.listing(.en).joined(separator: ", ")),
                                           "hint": .hint(catalog.suggestion(for: word))], at: mark)
                return word
            }
        }
        if let (n, mark) = m.integer("min_visits", diags: &diags) {
            if n >= 1 { p.minVisits = n } else {
                diags.error(.badValue, ["field": .field("min_visits"), "reason": .phrase("应为 1 或以上，这里是 \(n)", "must be 1 or more, found \(n)")], at: mark)
            }
        }
        if let (x, _) = m.number("min_score", diags: &diags) { p.minScore = x }
        p.veto = m.choice("veto", Policy.VetoMode.self, diags: &diags) ?? .disqualify
        if let node = m.raw("method_weights"), !node.isNull, var w = MappingReader(node, what: Noun.section("method_weights"), diags: &diags) {
            // Keys are methods as a user types them anywhere else: onsite … self or 现场、录像、
            // 暗访、外部/第三方、自查 (SPEC §1.2); one method written twice is an error.
            var seen: [Visit.Method: String] = [:]
            for pair in w.pairs {
                guard let method = AnswerGrammar.method(pair.key) else { continue }
                guard let (x, mark) = w.number(pair.key, diags: &diags) else { continue }
                if let first = seen[method] {
                    diags.error(.badValue, ["field": .field(pair.key), "reason": .phrase("与 '\(first)' 是同一种检查方式，只能写一次", "is the same method as '\(first)'; give each method once")], at: pair.keyMark)
                    continue
                }
                seen[method] = pair.key
                // 0 is allowed: that method's visits are left out of the ranking (SPEC §1.3).
                if x >= 0 { p.methodWeights[method] = x } else {
                    diags.error(.badValue, ["field": .field(pair.key), "reason": .phrase("方式权重应为 0 或以上（0 表示该方式的检查不计入评选），这里是 \(MappingReader.show(x))", "a method weight must be 0 or more (0 leaves those visits out of the ranking), found \(MappingReader.show(x))")], at: mark)
                }
            }
            for method in Visit.Method.allCases { _ = w.raw(method.rawValue) }
            w.finish(diags: &diags)
        }
        if let (x, mark) = m.number("prior_visits", diags: &diags) {
            if x >= 0 { p.priorVisits = x } else {
                diags.error(.badValue, ["field": .field("prior_visits"), "reason": .phrase("应为 0（不启用）或以上，这里是 \(MappingReader.show(x))", "must be 0 (off) or more, found \(MappingReader.show(x))")], at: mark)
            }
        }
        if let (x, _) = m.number("pass_mark", diags: &diags) { p.passMark = x }
        if let node = m.raw("targets"), !node.isNull, var t = MappingReader(node, what: Noun.section("targets"), diags: &diags) {
            p.targets.branchPassRate = percent(&t, "branch_pass_rate", diags: &diags)
            p.targets.staffPassRate = percent(&t, "staff_pass_rate", diags: &diags)
            t.finish(diags: &diags)
        }
        p.ties = m.choice("ties", Policy.TieRule.self, diags: &diags) ?? .competition
        if let node = m.raw("select"), !node.isNull, var s = MappingReader(node, what: Noun.section("select"), diags: &diags) {
            let top = s.integer("top", diags: &diags)
            let pct = s.number("percent", diags: &diags)
            switch (top, pct) {
            case (let (n, mark)?, nil):
                if n >= 1 { p.select.quota = .top(n) } else {
                    diags.error(.badValue, ["field": .field("top"), "reason": .phrase("应为 1 或以上，这里是 \(n)", "must be 1 or more, found \(n)")], at: mark)
                }
            case (nil, let (x, mark)?):
                if x > 0, x <= 100 { p.select.quota = .percent(x) } else {
                    diags.error(.badValue, ["field": .field("percent"), "reason": .phrase("应大于 0 且不超过 100，这里是 \(MappingReader.show(x))", "must be above 0 and at most 100, found \(MappingReader.show(x))")], at: mark)
                }
            case (_?, _?):
                diags.error(.badValue, ["field": .field("select"), "reason": .phrase("'top' 和 'percent' 只能写一个", "give either 'top' or 'percent', not both")], at: node.mark)
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
                        diags.error(.badValue, ["field": .field("stars"), "reason": .phrase("星级 '\(pair.key)' 应为 1 或以上的整数（5: 95 表示 95 分及以上为五星）", "star level '\(pair.key)' must be a whole number of 1 or more (5: 95 means 5 stars from 95 points)")], at: pair.keyMark)
                        continue
                    }
                    guard let x = MappingReader.number(pair.value) else {
                        diags.error(.wrongType, ["field": .phrase("\(level) 星的分数线", "the threshold for \(level) stars"), "expected": .phrase("数字", "a number"), "found": pair.value.found], at: pair.value.mark)
                        continue
                    }
                    p.stars[level] = x
                }
                // More stars must never need a lower score.
                let levels = p.stars.keys.sorted()
                for (a, b) in zip(levels, levels.dropFirst()) where p.stars[b]! < p.stars[a]! {
                    diags.error(.badValue, ["field": .field("stars"), "reason": .phrase("\(b) 星只要 \(MappingReader.show(p.stars[b]!)) 分，反而低于 \(a) 星（\(MappingReader.show(p.stars[a]!)) 分）", "\(b) stars need \(MappingReader.show(p.stars[b]!)) points, less than \(a) stars (\(MappingReader.show(p.stars[a]!)))")], at: node.mark)
                }
            } else {
                diags.error(.wrongType, ["field": .field("stars"), "expected": .phrase("星级到最低分的映射（如 5: 95）", "a mapping of levels to minimum scores (5: 95)"), "found": node.found], at: node.mark)
            }
        }
        if let node = m.raw("cadence"), !node.isNull { p.cadence = CadenceLoader.load(node, diags: &diags) }
        if let (n, mark) = m.integer("staff_coverage", diags: &diags) {
            if n >= 1 { p.staffCoverage = n } else {
                diags.error(.badValue, ["field": .field("staff_coverage"), "reason": .phrase("应为 1 或以上，这里是 \(n)", "must be 1 or more, found \(n)")], at: mark)
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
            diags.error(.badValue, ["field": .field(key), "reason": .phrase("是 0 到 100 的百分数，这里是 \(MappingReader.show(x))", "is a percentage from 0 to 100, found \(MappingReader.show(x))")], at: mark)
            return nil
        }
        return x
    }
}

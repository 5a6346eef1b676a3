/// The `calibration`, `rectify` and `events` sections of a policy (SPEC §1.3).
extension PolicyLoader {
    static func loadAccountability(_ m: inout MappingReader, into p: inout Policy, diags: inout DiagnosticList) {
        if let node = m.raw("calibration"), !node.isNull, var c = MappingReader(node, what: Noun.section("calibration"), diags: &diags) {
            if let (n, mark) = c.integer("min_compared", diags: &diags) {
                if n >= 1 { p.calibration.minCompared = n } else {
                    diags.error(.badValue, ["field": .field("min_compared"), "reason": .phrase("应为 1 或以上，这里是 \(n)", "must be 1 or more, found \(n)")], at: mark)
                }
            }
            if let (x, mark) = c.number("flag_offset", diags: &diags) {
                if x > 0 { p.calibration.flagOffset = x } else {
                    diags.error(.badValue, ["field": .field("flag_offset"), "reason": .phrase("应大于 0（偏差的分数），这里是 \(MappingReader.show(x))", "must be greater than 0 (points of offset), found \(MappingReader.show(x))")], at: mark)
                }
            }
            c.finish(diags: &diags)
        }
        if let node = m.raw("rectify"), !node.isNull, var r = MappingReader(node, what: Noun.section("rectify"), diags: &diags) {
            if let (n, mark) = r.integer("default_days", diags: &diags) {
                if n >= 0 { p.rectify.defaultDays = n } else {
                    diags.error(.badValue, ["field": .field("default_days"), "reason": .phrase("应为 0 或以上，这里是 \(n)", "must be 0 or more, found \(n)")], at: mark)
                }
            }
            if let list = r.stringList("closing_methods", diags: &diags) {
                var methods = Set<Visit.Method>()
                let allowed = Visit.Method.allCases.map(\.rawValue)
                for (s, mark) in list {
                    if let method = AnswerGrammar.method(s) { methods.insert(method) } else {
                        diags.error(.badValue, ["field": .field("closing_methods"),
                                                "reason": .phrase("每一项应为 \(allowed.joined(separator: "、")) 之一，这里是 '\(s)'", "entries must be among \(allowed.joined(separator: ", ")), found '\(s)'",
                                                                  hint: Suggestion.closest(to: s, in: allowed))], at: mark)
                    }
                }
                if list.isEmpty {
diags.error(.badValue, ["field": .field("closing_methods"), "reason": .phrase("列表是空的，任何问题都无法销号；要包括所有方式，请删掉这一行", "an empty list: no finding could ever be closed; leave it out for every method")],
                                at: r.pair("closing_methods")!.value.mark)
                }
                p.rectify.closingMethods = methods
            }
            if let (n, mark) = r.integer("repeat_days", diags: &diags) {
                if n >= 0 { p.rectify.repeatDays = n } else {
                    diags.error(.badValue, ["field": .field("repeat_days"), "reason": .phrase("应为 0 或以上，这里是 \(n)", "must be 0 or more, found \(n)")], at: mark)
                }
            }
            r.finish(diags: &diags)
        }
        if let node = m.raw("events"), !node.isNull, var e = MappingReader(node, what: Noun.section("events"), diags: &diags) {
            if let (x, mark) = e.number("praise_points", diags: &diags) {
                if x >= 0 { p.events.praisePoints = x } else {
                    diags.error(.badValue, ["field": .field("praise_points"), "reason": .phrase("应为 0 或以上，这里是 \(MappingReader.show(x))", "must be 0 or more, found \(MappingReader.show(x))")], at: mark)
                }
            }
            if let (x, mark) = e.number("max_praise_points", diags: &diags) {
                if x >= 0 { p.events.maxPraisePoints = x } else {
                    diags.error(.badValue, ["field": .field("max_praise_points"), "reason": .phrase("应为 0 或以上，这里是 \(MappingReader.show(x))", "must be 0 or more, found \(MappingReader.show(x))")], at: mark)
                }
            }
            e.finish(diags: &diags)
        }
    }
}

extension Policy {
    /// The accountability sections in the effective-policy JSON (SPEC §1.3 names).
    func accountabilityJSON() -> [(String, JSONValue)] {
        [
            ("calibration", .object([("min_compared", .int(calibration.minCompared)),
                                     ("flag_offset", .number(calibration.flagOffset))])),
            ("rectify", .object([
                ("default_days", .opt(rectify.defaultDays)),
                ("closing_methods", .array(Visit.Method.allCases.filter { rectify.closes($0) }.map { .string($0.rawValue) })),
                ("repeat_days", .int(rectify.repeatDays)),
            ])),
            ("events", .object([("praise_points", .number(events.praisePoints)),
                                ("max_praise_points", .opt(events.maxPraisePoints))])),
        ]
    }
}

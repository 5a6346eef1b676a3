/// The `calibration`, `rectify` and `events` sections of a policy (SPEC §1.3).
extension PolicyLoader {
    static func loadAccountability(_ m: inout MappingReader, into p: inout Policy, diags: inout DiagnosticList) {
        if let node = m.raw("calibration"), !node.isNull, var c = MappingReader(node, what: "calibration", diags: &diags) {
            if let (n, mark) = c.integer("min_compared", diags: &diags) {
                if n >= 1 { p.calibration.minCompared = n } else {
                    diags.error("bad-value", "'min_compared' must be 1 or more, found \(n)", at: mark)
                }
            }
            if let (x, mark) = c.number("flag_offset", diags: &diags) {
                if x > 0 { p.calibration.flagOffset = x } else {
                    diags.error("bad-value", "'flag_offset' must be greater than 0 (points of offset), found \(MappingReader.show(x))", at: mark)
                }
            }
            c.finish(diags: &diags)
        }
        if let node = m.raw("rectify"), !node.isNull, var r = MappingReader(node, what: "rectify", diags: &diags) {
            if let (n, mark) = r.integer("default_days", diags: &diags) {
                if n >= 0 { p.rectify.defaultDays = n } else {
                    diags.error("bad-value", "'default_days' must be 0 or more, found \(n)", at: mark)
                }
            }
            if let list = r.stringList("closing_methods", diags: &diags) {
                var methods = Set<Visit.Method>()
                let allowed = Visit.Method.allCases.map(\.rawValue)
                for (s, mark) in list {
                    if let method = Visit.Method(rawValue: s) { methods.insert(method) } else {
                        diags.error("bad-value", "'closing_methods' entries must be among \(allowed.joined(separator: ", ")), found '\(s)'"
                                    + Suggestion.hint(for: s, in: allowed), at: mark)
                    }
                }
                if list.isEmpty {
                    diags.error("bad-value", "'closing_methods' is an empty list: no finding could ever be closed; leave it out for every method",
                                at: r.pair("closing_methods")!.value.mark)
                }
                p.rectify.closingMethods = methods
            }
            if let (n, mark) = r.integer("repeat_days", diags: &diags) {
                if n >= 0 { p.rectify.repeatDays = n } else {
                    diags.error("bad-value", "'repeat_days' must be 0 or more, found \(n)", at: mark)
                }
            }
            r.finish(diags: &diags)
        }
        if let node = m.raw("events"), !node.isNull, var e = MappingReader(node, what: "events", diags: &diags) {
            if let (x, mark) = e.number("praise_points", diags: &diags) {
                if x >= 0 { p.events.praisePoints = x } else {
                    diags.error("bad-value", "'praise_points' must be 0 or more, found \(MappingReader.show(x))", at: mark)
                }
            }
            if let (x, mark) = e.number("max_praise_points", diags: &diags) {
                if x >= 0 { p.events.maxPraisePoints = x } else {
                    diags.error("bad-value", "'max_praise_points' must be 0 or more, found \(MappingReader.show(x))", at: mark)
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

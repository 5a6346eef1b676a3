/// `svcaudit rank`: the 服务明星 / 标杆网点 ranking and selection. JSON is SPEC §3.1; table and
/// CSV list the entries; markdown and html are the selection memo HR publishes.
public struct RankReport: Report {
    public static let tables = ["entries", "ranking", "ineligible"]
    public var ranking: Ranking
    /// The language of the `reason` strings in JSON (labels of the other formats follow the
    /// render context).
    public var lang: Language
    /// Role names for the reasons (roles.yaml), like every rendered output.
    public var roles = RoleCatalog()
    /// Invalid files left out with `--skip-invalid`.
    public var skipped: [String]
    /// SPEC §1.2 warnings that can distort a ranking: one id with two names or roles, a visit
    /// recorded twice.
    public var dataWarnings: [Diagnostic]
    /// Item id → text (zh, en) for the breached items, so the memo can name them.
    /// What was breached, per veto item (`breach:` or else the item text): the words of a veto reason.
    public var itemTexts: [String: (zh: String, en: String?)]

    /// The diagnostic codes that make `dataWarnings`.
    public static let dataWarningCodes: Set<DiagnosticCode> = [.staffNameMismatch, .staffRoleMismatch, .duplicateVisit]

    public init(ranking: Ranking, lang: Language = .zh, skipped: [String] = [], diagnostics: [Diagnostic] = [],
                catalog: ChecklistCatalog? = nil) {
        self.ranking = ranking
        self.lang = lang
        self.skipped = skipped
        self.roles = catalog?.roles ?? RoleCatalog()
        self.dataWarnings = diagnostics.filter { Self.dataWarningCodes.contains($0.code) }
        var texts: [String: (zh: String, en: String?)] = [:]
        for item in ranking.entries.vetoItems() where texts[item] == nil {
            if let found = catalog?.item(item) { texts[item] = (found.item.breachText(.zh), found.item.breachEN ?? found.item.textEN) }
        }
        self.itemTexts = texts
    }

    var policy: Policy { ranking.policy }
    var grouped: Bool { policy.select.per != .all }

    // MARK: JSON (SPEC §3.1)

    public func json() -> JSONValue {
        var top: [(String, JSONValue)] = [
            ("by", .string(policy.by.rawValue)),
            ("period", ranking.period.map { p in
                .object([("label", .string(p.label)), ("from", .string(p.from.description)),
                         ("to", .string(p.to.description))])
            } ?? .null),
            ("policy", policy.json()),
            // One entry's tree at a time, as it is written: a bank has 400,000 staff (SPEC §5).
            ("entries", .lazy(ranking.entries.count) { [self] in entryJSON(ranking.entries[$0]) }),
        ]
        // Not in SPEC §3.1's example: present only when --skip-invalid left files out (SPEC §4).
        if !skipped.isEmpty { top.append(("skipped", .array(skipped.map { .string($0) }))) }
        return .object(top)
    }

    func entryJSON(_ e: RankEntry) -> JSONValue {
        // Appended one by one into room made once: an array literal appended was a second
        // array per entry (SPEC §5: 400,000 entries).
        var o: [(String, JSONValue)] = []
        o.reserveCapacity(18)
        o.append(("rank", .opt(e.rank)))
        if grouped { o.append(("group_rank", .opt(e.groupRank))) }
        o.append(("id", .string(e.id)))
        o.append(("name", .string(e.name)))
        o.append(("role", .opt(e.role)))
        o.append(("branch", .string(e.branch.id)))
        o.append(("parent", .opt(e.branch.parent)))
        o.append(("region", .opt(e.branch.region)))
        o.append(("visits", .int(e.visits)))
        o.append(("mean", .opt(e.mean)))
        o.append(("score", .opt(e.score)))
        o.append(("min", .opt(e.min)))
        o.append(("veto", .array(e.veto.map { .string($0) })))
        o.append(("eligible", .bool(e.eligible)))
        o.append(("reason", e.eligible ? .null : .string(reason(e, lang))))
        o.append(("stars", .opt(e.stars)))
        o.append(("selected", .bool(e.selected)))
        // Not in SPEC §3.1's example: what verified praise added to `score` (§2.6).
        o.append(("praise_points", .number(e.praisePoints)))
        return .object(o)
    }

    // MARK: Shared wording

    /// Every reason the entry is not eligible, in one line.
    public func reason(_ e: RankEntry, _ lang: Language, withItemText: Bool = false) -> String {
        var parts = e.reasons.map { text($0, lang, withItemText: withItemText) }
        // Say so when visits of a method weighted 0 are why there are too few (SPEC §1.3).
        if e.unweighted > 0, e.reasons.contains(where: { if case .noScoredVisit = $0 { return true }; if case .fewVisits = $0 { return true }; return false }) {
            let methods = Visit.Method.allCases.filter { !policy.counts($0) }
            let ctx = RenderContext(lang: lang)
            let names = methods.map { Fmt.method($0, ctx) }.joined(separator: ctx.pick("、", ", "))
            parts.append(ctx.pick("另有\(names) \(e.unweighted) 次，权重为 0 不计入", "\(e.unweighted) more visit\(e.unweighted == 1 ? "" : "s") (\(names)) weighted 0, not counted"))
        }
        return parts.joined(separator: lang == .en ? "; " : "；")
    }

    func text(_ r: Ineligibility, _ lang: Language, withItemText: Bool) -> String {
        var ctx = RenderContext(lang: lang)
        ctx.roles = roles
        switch r {
        case .role(let role):
            return ctx.pick("岗位“\(Fmt.role(role, ctx))”不在评选范围", "role \(role) is not in this selection")
        case .noScoredVisit:
            return ctx.pick("本期没有计分的检查", "no scored visit in the period")
        case .fewVisits(let n):
            return ctx.pick("本期检查 \(n) 次，少于 \(policy.minVisits) 次",
                         "\(n) visit\(n == 1 ? "" : "s") in the period, fewer than \(policy.minVisits)")
        case .lowScore(let s):
            return ctx.pick("评选分 \(Num.fixed2(s)) 低于 \(Fmt.num(policy.minScore))",
                         "ranking score \(Num.fixed2(s)) below \(Fmt.num(policy.minScore))")
        case .neverInspected:
            return ctx.pick("名册在岗，本期未受检", "on the roster, never inspected in the period")
        case .notOnRoster:
            return ctx.pick("本期不在名册中", "not on the roster in the period")
        case .veto(let incidents):
            let parts = incidents.map { i -> String in
                var item = i.item
                if withItemText, let t = itemTexts[i.item] { item += " " + (lang == .en ? (t.en ?? t.zh) : t.zh) }
                var when = i.staff.map { ctx.pick("\(i.date)，\($0)", "\(i.date), \($0)") } ?? i.date.description
                if let ev = i.event { when += ctx.pick("，查实投诉 \(ev)", ", verified complaint \(ev)") }
                return ctx.pick("\(item)（\(when)）", "\(item) (\(when))")
            }
            return ctx.pick("一票否决：", "veto: ") + parts.joined(separator: ctx.pick("、", ", "))
        }
    }

}

extension Policy {
    /// The effective policy, every field with its value after defaults (SPEC §1.3 names).
    public func json() -> JSONValue {
        var quota: [(String, JSONValue)] = []
        switch select.quota {
        case .top(let n): quota = [("top", .int(n)), ("percent", .null)]
        case .percent(let x): quota = [("top", .null), ("percent", .number(x))]
        }
        return .object([
            ("title", .opt(title)),
            ("issuer", .opt(issuer)),
            ("by", .string(by.rawValue)),
            ("roles", roles.map { .array($0.map { .string($0) }) } ?? .null),
            ("min_visits", .int(minVisits)),
            ("min_score", .number(minScore)),
            ("veto", .string(veto.rawValue)),
            ("method_weights", .object(Visit.Method.allCases.map { ($0.rawValue, .number(weight(of: $0))) })),
            ("prior_visits", .number(priorVisits)),
            ("pass_mark", .number(passMark)),
            ("targets", .object([("branch_pass_rate", .opt(targets.branchPassRate)),
                                 ("staff_pass_rate", .opt(targets.staffPassRate))])),
            ("ties", .string(ties.rawValue)),
            ("select", .object(quota + [("per", .string(select.per.rawValue)),
                                        ("at_cutoff", .string(select.atCutoff.rawValue))])),
            ("stars", .object(stars.keys.sorted(by: >).map { (String($0), .number(stars[$0]!)) })),
        ] + accountabilityJSON())
    }
}

extension RenderContext {
    /// The label in the output language, and only that one made: a ranking words a reason for
    /// every ineligible entry, and `t` built both.
    func pick(_ zh: @autoclosure () -> String, _ en: @autoclosure () -> String) -> String { lang == .en ? en() : zh() }
}

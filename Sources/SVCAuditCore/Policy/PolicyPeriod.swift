/// The period a policy is for, read from its `title:` (SPEC §1.3 carries no other period
/// field), and the warning when a command asks for another period (issue 16 item 5).
public enum PolicyPeriod {
    /// The period the policy's title names (2026年第三季度服务明星评选 → 2026-Q3), if any.
    public static func named(_ policy: Policy) -> Period? {
        policy.title.flatMap(Period.named(in:))
    }

    /// A warning at the policy's `title:` when the period asked (`--period`, `--from/--to`) does
    /// not lie inside the period the title names; nil when they agree, when no period is asked,
    /// or when the title names none. A yearly policy used for one of its quarters agrees.
    public static func mismatch(_ policy: Policy, asked: Period?) -> Diagnostic? {
        guard let asked, let title = policy.title, let named = named(policy), !named.covers(asked) else { return nil }
        return Diagnostic(file: policy.file ?? "<policy>", mark: policy.titleMark ?? .start, severity: .warning,
                          code: .policyPeriodMismatch,
                          args: ["title": .text(title),
                                 "named": .localized(zh: named.title(.zh), en: named.title(.en)),
                                 "asked": .localized(zh: asked.title(.zh), en: asked.title(.en))])
    }

    /// The document title of a selection: the policy's title when it names a period (never
    /// the period a second time), else the period's label before the title or `fallback`
    /// (2026年第三季度服务明星评选, "Service star selection, Q3 2026").
    public static func title(_ policy: Policy, period: Period?, fallback: (zh: String, en: String), _ lang: Language) -> String {
        if let t = policy.title, Period.named(in: t) != nil { return t }
        guard let period, period.kind != .range else { return policy.title ?? (lang == .en ? fallback.en : fallback.zh) }
        if let t = policy.title { return lang == .en ? "\(t), \(period.title(.en))" : period.title(.zh) + t }
        return lang == .en ? "\(fallback.en), \(period.title(.en))" : period.title(.zh) + fallback.zh
    }
}

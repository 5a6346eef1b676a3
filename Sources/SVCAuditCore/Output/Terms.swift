/// The one place that names inspection methods in the output language (SPEC §3: CSV and
/// xlsx carry 暗访 under --lang zh, not `mystery`). Roles are named by the role catalog of
/// the loaded checklists (roles.yaml), which the render context carries.
public enum Terms {
    public static func method(_ m: Visit.Method, _ lang: Language) -> String {
        switch m {
        case .onsite: return lang == .zh ? "现场" : "on-site"
        case .video: return lang == .zh ? "录像" : "video"
        case .mystery: return lang == .zh ? "暗访" : "mystery"
        case .external: return lang == .zh ? "外部" : "external"
        case .`self`: return lang == .zh ? "自查" : "self-check"
        }
    }

    public static func yesNo(_ b: Bool, _ lang: Language) -> String {
        lang == .zh ? (b ? "是" : "否") : (b ? "yes" : "no")
    }
}

/// Shared display helpers of the result documents.
enum Fmt {
    static func score(_ x: Double?) -> String { x.map(Num.fixed2) ?? "—" }
    /// A number as a person writes it: 35 not 35.0, 0.5 stays 0.5.
    static func num(_ x: Double) -> String { MappingReader.show(Num.round2(x)) }
    static func list(_ xs: [String]) -> String { xs.isEmpty ? "" : xs.joined(separator: " ") }
    static func method(_ m: Visit.Method, _ ctx: RenderContext) -> String { Terms.method(m, ctx.lang) }
    /// A role as outputs show it: its name from roles.yaml in the output language, else its id.
    static func role(_ r: String, _ ctx: RenderContext) -> String { ctx.roles.name(r, ctx.lang) }
}

/// Display helpers of the manager reports.
enum RFmt {
    /// A rate in percent, or "—".
    static func rate(_ x: Double?) -> String { x.map(Num.percent) ?? "—" }
    /// A change with its sign: +1.20, -0.50, 0.00.
    static func signed(_ x: Double?) -> String {
        guard let x else { return "—" }
        let s = Num.fixed2(x)
        return s.hasPrefix("-") || s == "0.00" ? s : "+" + s
    }
    /// "1 visit", "3 visits" (English labels).
    static func n(_ count: Int, _ word: String, _ plural: String? = nil) -> String {
        "\(count) \(count == 1 ? word : plural ?? word + "s")"
    }
    static func signed(_ n: Int) -> String { n > 0 ? "+\(n)" : "\(n)" }
    static func period(_ p: Period) -> JSONValue {
        .object([("label", .string(p.label)), ("from", .string(p.from.description)), ("to", .string(p.to.description))])
    }
    /// Chinese list separator or English comma.
    static func join(_ xs: [String], _ ctx: RenderContext) -> String { xs.joined(separator: ctx.t("、", ", ")) }
}

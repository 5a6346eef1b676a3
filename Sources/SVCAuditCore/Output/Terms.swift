/// The one place that names inspection methods and staff roles in the output language
/// (SPEC §3: CSV and xlsx carry 柜员 and 暗访 under --lang zh, not `teller` and `mystery`).
public enum Terms {
    /// A role catalog (checklists/roles.yaml) can name roles: consulted first, before the
    /// built-in names below. Set once at start-up, before any output is rendered.
    nonisolated(unsafe) public static var roleCatalog: ((_ role: String, _ lang: Language) -> String?)?

    public static func role(_ r: String, _ lang: Language) -> String {
        if let named = roleCatalog?(r, lang) { return named }
        guard lang == .zh else { return r }
        switch r {
        case "teller": return "柜员"
        case "lobby_manager": return "大堂经理"
        case "account_manager": return "客户经理"
        case "security": return "保安"
        default: return r
        }
    }

    public static func method(_ m: Visit.Method, _ lang: Language) -> String {
        switch m {
        case .onsite: return lang == .zh ? "现场" : "on-site"
        case .video: return lang == .zh ? "录像" : "video"
        case .mystery: return lang == .zh ? "暗访" : "mystery"
        case .external: return lang == .zh ? "外聘" : "external"
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
    static func role(_ r: String, _ ctx: RenderContext) -> String { Terms.role(r, ctx.lang) }
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

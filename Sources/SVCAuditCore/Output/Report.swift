/// Output formats of SPEC §3. Not every report supports every format.
public enum OutputFormat: String, Sendable, CaseIterable {
    case table, json, csv, markdown, html
}

/// What a renderer needs besides the model.
public struct RenderContext: Sendable {
    public var lang: Language
    /// ANSI colour in tables (only on a terminal without NO_COLOR).
    public var color: Bool
    /// UTF-8 BOM at the start of CSV (default on, for Excel on Chinese Windows).
    public var bom: Bool
    /// The roles of roles.yaml: role names are shown from it (ids as written without one).
    public var roles = RoleCatalog()

    public init(lang: Language = .zh, color: Bool = false, bom: Bool = true) {
        self.lang = lang; self.color = color; self.bom = bom
    }

    /// The label in the output language.
    public func t(_ zh: String, _ en: String) -> String { lang == .en ? en : zh }
}

/// A command's canonical result. The JSON form is the model itself; every other format
/// renders the same values and never computes anything of its own.
public protocol Report {
    static var formats: [OutputFormat] { get }
    func json() -> JSONValue
    func render(_ format: OutputFormat, _ ctx: RenderContext) -> String
}

extension Report {
    public static var formats: [OutputFormat] { OutputFormat.allCases }
}

/// Shared display helpers.
enum Fmt {
    static func score(_ x: Double?) -> String { x.map(Num.fixed2) ?? "—" }
    /// A number as a person writes it: 35 not 35.0, 0.5 stays 0.5.
    static func num(_ x: Double) -> String { MappingReader.show(Num.round2(x)) }
    static func list(_ xs: [String]) -> String { xs.isEmpty ? "" : xs.joined(separator: " ") }
    static func method(_ m: Visit.Method, _ ctx: RenderContext) -> String {
        switch m {
        case .onsite: return ctx.t("现场", "on-site")
        case .video: return ctx.t("录像", "video")
        case .mystery: return ctx.t("暗访", "mystery")
        case .external: return ctx.t("外部", "external")
        case .`self`: return ctx.t("自查", "self-check")
        }
    }
    /// A role as outputs show it: its name from roles.yaml in the output language, else its id.
    static func role(_ r: String, _ ctx: RenderContext) -> String { ctx.roles.name(r, ctx.lang) }
}

import Foundation

/// Output formats of SPEC §3. Not every result offers every format (`Report.formats`).
public enum OutputFormat: String, Sendable, CaseIterable {
    case table, json, csv, markdown, html, xlsx

    /// Formats that write bytes, not text a terminal can show.
    public var isBinary: Bool { self == .xlsx }
}

/// What a renderer needs besides the result.
public struct RenderContext: Sendable {
    public var lang: Language
    /// ANSI colour in tables (only on a terminal without NO_COLOR).
    public var color: Bool
    /// UTF-8 BOM at the start of CSV (default on, for Excel on Chinese Windows).
    public var bom: Bool
    /// Terminal tables fit this many columns; nil (piped, or a file) never wraps.
    public var width: Int?
    /// `--table NAME`: the table CSV writes (else the document's main table).
    public var table: String?
    /// The roles of roles.yaml: role names are shown from it (ids as written without one).
    public var roles = RoleCatalog()

    public init(lang: Language = .zh, color: Bool = false, bom: Bool = true, width: Int? = nil, table: String? = nil) {
        self.lang = lang; self.color = color; self.bom = bom; self.width = width; self.table = table
    }

    /// The label in the output language.
    public func t(_ zh: String, _ en: String) -> String { lang == .en ? en : zh }
}

/// A command's canonical result. The JSON form is the model itself; every other format is
/// drawn from the one `Document` the result builds, through the renderer `Renderers` holds
/// for the format. A result never formats output of its own.
public protocol Report {
    /// The formats the command offers (`--help` lists these only).
    static var formats: [OutputFormat] { get }
    /// The names of the tables `--table` can choose for CSV, the default first.
    static var tables: [String] { get }
    func json() -> JSONValue
    func document(_ ctx: RenderContext) -> Document
}

extension Report {
    /// Every result with a table offers json, csv and xlsx too (SPEC §3).
    public static var formats: [OutputFormat] { OutputFormat.allCases }
    public static var tables: [String] { [] }

    /// The bytes of the result in `format`.
    public func output(_ format: OutputFormat, _ ctx: RenderContext) throws -> Data {
        try Renderers.renderer(for: format).render(self, ctx)
    }

    /// A text format as a string (tests, and the commands that print text).
    public func render(_ format: OutputFormat, _ ctx: RenderContext) -> String {
        String(decoding: (try? output(format, ctx)) ?? Data(), as: UTF8.self)
    }
}

import Foundation

/// One renderer per output format, registered by format (the shape of SwiftLint's
/// `Reporter`: an identifier, a description, one static function from the input to output).
public protocol Renderer {
    static var format: OutputFormat { get }
    /// What the format is, for `--help`.
    static var description: String { get }
    static func render(_ report: any Report, _ ctx: RenderContext) throws -> Data
}

public enum Renderers {
    public static let all: [any Renderer.Type] = [
        TextRenderer.self, JSONRenderer.self, CSVRenderer.self, MarkdownRenderer.self, HTMLRenderer.self, XLSXRenderer.self,
    ]

    public static func renderer(for format: OutputFormat) -> any Renderer.Type {
        all.first { $0.format == format }!
    }

    /// "table (aligned columns), json (…)" for the formats given, in their order.
    public static func help(_ formats: [OutputFormat]) -> String {
        formats.map { f in "\(f.rawValue) (\(renderer(for: f).description))" }.joined(separator: ", ")
    }
}

/// `--format json`: the result's own model, untouched by the document.
public enum JSONRenderer: Renderer {
    public static let format = OutputFormat.json
    public static let description = "the canonical model"
    public static func render(_ report: any Report, _ ctx: RenderContext) throws -> Data {
        var data = Data()
        _ = write(report) { bytes in
            if let base = bytes.baseAddress { data.append(base.assumingMemoryBound(to: UInt8.self), count: bytes.count) }
            return true
        }
        return data
    }

    /// The same bytes streamed to `sink` in chunks (`JSONValue.write(to:)`): `--format json`
    /// of a whole bank is tens of megabytes, never held whole (SPEC §5). False when `sink` refused.
    public static func write(_ report: any Report, jobs: Int = 1, to sink: (UnsafeRawBufferPointer) -> Bool) -> Bool {
        report.json().write(jobs: jobs, to: sink)
    }
}

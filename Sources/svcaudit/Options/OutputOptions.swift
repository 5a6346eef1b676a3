import ArgumentParser
import Foundation
import SVCAuditCore

/// How results are written.
struct OutputOptions: ParsableArguments {
    @Option(name: .long, help: "Output format: table, json, csv, markdown or html.")
    var format: OutputFormat = .table

    @Option(name: [.short, .long], help: ArgumentHelp("Write to this file instead of standard output (atomically: whole or not at all).", valueName: "file"))
    var output: String?

    @Option(name: .long, help: "Label language: zh or en (default: $SVCAUDIT_LANG, else zh).")
    var lang: Language?

    @Flag(name: .long, help: "CSV without the UTF-8 byte-order mark (it is there by default so Excel on Chinese Windows opens the file right).")
    var noBom = false

    @Flag(name: [.short, .long], help: "Print no warnings, only errors.")
    var quiet = false

    var context: RenderContext {
        let color = output == nil && format == .table && Terminal.colorEnabled()
        return RenderContext(lang: Language.resolve(lang, environment: ProcessInfo.processInfo.environment), color: color, bom: !noBom)
    }

    func check(_ formats: [OutputFormat]) throws {
        if !formats.contains(format) {
            throw ValidationError("--format \(format.rawValue) is not available here; use one of: \(formats.map(\.rawValue).joined(separator: ", "))")
        }
    }

    /// Renders the report and writes it where asked.
    /// `roles` names the roles in the output (roles.yaml of the loaded checklists).
    func emit<R: Report>(_ report: R, roles: RoleCatalog) throws {
        var ctx = context
        ctx.roles = roles
        try write(report.render(format, ctx))
    }

    func write(_ text: String) throws {
        if let output {
            do {
                try AtomicWriter.write(text, to: output)
            } catch {
                Console.error("svcaudit: \(Console.describe(error))")
                throw ExitCode(1)
            }
        } else {
            Console.out(text)
        }
    }
}


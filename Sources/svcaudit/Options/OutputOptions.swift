import ArgumentParser
import Foundation
import SVCAuditCore

/// How results are written; shared by every command. Generic over the command's result so
/// that `--help` lists only the formats (and CSV tables) that result offers.
struct OutputOptions<R: Report>: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Output format: \(Renderers.help(R.formats)).", valueName: "format"),
            completion: .list(R.formats.map(\.rawValue)), transform: Self.parseFormat)
    var format: OutputFormat = .table

    @Option(name: [.short, .long], help: ArgumentHelp("Write to this file instead of standard output (atomically: whole or not at all).", valueName: "file"))
    var output: String?

    @Option(name: .long, help: "Label language: zh or en (default: $SVCAUDIT_LANG, else zh).")
    var lang: Language?

    @Option(name: .long, help: ArgumentHelp("Fit tables to this many columns (default: the terminal's width; piped output is not wrapped).", valueName: "n"))
    var width: Int?

    @Option(name: .long, help: ArgumentHelp(R.tables.count > 1
        ? "The table --format csv writes (one table per file): \(R.tables.joined(separator: ", ")); default \(R.tables[0]). xlsx holds them all."
        : "The table --format csv writes (this result has one).", valueName: "name"))
    var table: String?

    @Flag(name: .long, help: "CSV without the UTF-8 byte-order mark (it is there by default so Excel on Chinese Windows opens the file right).")
    var noBom = false

    @Flag(name: [.short, .long], help: "Print no warnings and no progress line, only errors.")
    var quiet = false

    @Sendable static func parseFormat(_ text: String) throws -> OutputFormat {
        guard let f = OutputFormat(rawValue: text), R.formats.contains(f) else {
            throw ValidationError(Console.t("此命令不提供 --format \(text)；可选：\(R.formats.map(\.rawValue).joined(separator: "、"))", "--format \(text) is not available here; use one of: \(R.formats.map(\.rawValue).joined(separator: ", "))"))
        }
        return f
    }

    func validate() throws {
        if let width, width < 20 { throw ValidationError(Console.t("--width 应为 20 或以上", "--width must be 20 or more")) }
        if let table, format != .csv { throw ValidationError(Console.t("--table \(table) 用于选择 --format csv 输出的表", "--table \(table) chooses the table of --format csv")) }
        if let table, !R.tables.isEmpty, !R.tables.contains(table) {
            throw ValidationError(Console.t("没有名为“\(table)”的表；可选：\(R.tables.joined(separator: "、"))", "no table '\(table)' here; tables: \(R.tables.joined(separator: ", "))"))
        }
        if format == .xlsx, output == nil, isatty(1) == 1 {
            throw ValidationError(Console.t("--format xlsx 生成的是二进制工作簿：请用 --output 文件名.xlsx，或把标准输出重定向到文件", "--format xlsx writes a binary workbook: give --output FILE.xlsx or redirect standard output"))
        }
    }

    var language: Language {
        Language.resolve(lang, environment: ProcessInfo.processInfo.environment)
    }

    var context: RenderContext {
        let toTerminal = output == nil && isatty(1) == 1
        let color = toTerminal && format == .table && Terminal.colorEnabled()
        let fit = format == .table ? (width ?? (toTerminal ? Terminal.width() : nil)) : nil
        return RenderContext(lang: language, color: color, bom: !noBom, width: fit, table: table)
    }

    /// Renders the result and writes it where asked.
    /// `roles` names the roles in the output (roles.yaml of the loaded checklists).
    /// Renders `report` in the chosen format; `jobs` threads render a long JSON array.
    func emit(_ report: R, roles: RoleCatalog, jobs: Int = 1) throws {
        if format == .json {
            // Streamed as it is made: the JSON of a year of a whole bank's visits is tens of
            // megabytes, never held whole (SPEC §5).
            try write { sink in JSONRenderer.write(report, jobs: jobs, to: sink) }
            return
        }
        var ctx = context
        ctx.roles = roles
        let data: Data
        do {
            data = try report.output(format, ctx)
        } catch {
            Console.error("svcaudit: \(Console.describe(error))")
            throw ExitCode(1)
        }
        try write(data)
    }

    /// Content `body` streams to the sink it is given, to --output (whole or not at all) or to
    /// standard output (a closed pipe ends quietly, another error is one line and exit 1).
    func write(_ body: (_ sink: (UnsafeRawBufferPointer) -> Bool) -> Bool) throws {
        if let output {
            do {
                try AtomicWriter.write(to: output, body)
            } catch {
                Console.error("svcaudit: \(Console.describe(error))")
                throw ExitCode(1)
            }
        } else {
            var result = StandardStream.Result.ok
            _ = body { bytes in
                result = StandardStream.write(bytes, to: 1)
                return result == .ok
            }
            try Console.check(result)
        }
    }

    /// `data` to --output (whole or not at all) or to standard output.
    func write(_ data: Data) throws {
        try write { sink in data.withUnsafeBytes(sink) }
    }

    /// The progress line for a run over PATHS: on a terminal's stderr only, never with --quiet.
    func progress() -> ProgressLine? {
        quiet ? nil : ProgressLine.forStandardError(lang: language)
    }
}

import ArgumentParser
import Foundation
import SVCAuditCore

extension OutputFormat: ExpressibleByArgument {}
extension Language: ExpressibleByArgument {}
extension Visit.Method: ExpressibleByArgument {}

/// Where checklists come from.
struct ChecklistOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Directory of checklist YAML files (default: $SVCAUDIT_CHECKLISTS, ./checklists, or the installed ones).", valueName: "dir"))
    var checklists: String?

    func load() -> ChecklistSource.Loaded {
        let dir = ChecklistSource.locate(explicit: checklists, environment: ProcessInfo.processInfo.environment,
                                         executablePath: CommandLine.arguments.first.flatMap(Self.executablePath))
        return ChecklistSource.load(directory: dir)
    }

    /// Loads the checklists, printing their problems; exits 1 when any is broken.
    func loadOrExit(quiet: Bool) throws -> ChecklistSource.Loaded {
        let loaded = load()
        Console.diagnostics(loaded.diagnostics, quiet: quiet)
        if loaded.diagnostics.contains(where: { $0.severity == .error }) { throw ExitCode(1) }
        return loaded
    }

    static func executablePath(_ argv0: String) -> String? {
        if let p = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return p }
        return argv0.contains("/") ? argv0 : nil
    }
}

/// The inputs of every command that reads visits.
struct InputOptions: ParsableArguments {
    @Argument(help: ArgumentHelp("Visit files or directories (searched recursively for *.yaml / *.yml); - reads one visit from standard input.", valueName: "paths"))
    var paths: [String] = []

    @OptionGroup var checklistOptions: ChecklistOptions

    @Flag(name: .long, help: "Treat warnings (unanswered items, deductions without a note, …) as errors.")
    var strict = false

    @Flag(name: .long, help: "Go on with the valid files when some are invalid, and name the skipped ones in the output.")
    var skipInvalid = false

    @Option(name: .long, help: ArgumentHelp("Files to read and score in parallel (default: all cores).", valueName: "n"))
    var jobs: Int?

    func validate() throws {
        if paths.isEmpty { throw ValidationError("give at least one visit file or directory (for example: samples)") }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be 1 or more") }
    }

    func settings(keepVisits: Bool = false) -> VisitRun.Settings {
        var s = VisitRun.Settings(paths: paths)
        s.strict = strict
        s.skipInvalid = skipInvalid
        s.jobs = jobs ?? InputPipeline.defaultJobs
        s.keepVisits = keepVisits
        return s
    }
}

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
        let envLang = ProcessInfo.processInfo.environment["SVCAUDIT_LANG"].flatMap(Language.init(rawValue:))
        let color = output == nil && format == .table && Terminal.colorEnabled()
        return RenderContext(lang: lang ?? envLang ?? .zh, color: color, bom: !noBom)
    }

    func check(_ formats: [OutputFormat]) throws {
        if !formats.contains(format) {
            throw ValidationError("--format \(format.rawValue) is not available here; use one of: \(formats.map(\.rawValue).joined(separator: ", "))")
        }
    }

    /// Renders the report and writes it where asked.
    func emit<R: Report>(_ report: R) throws {
        try write(report.render(format, context))
    }

    func write(_ text: String) throws {
        if let output {
            do {
                try AtomicWriter.write(text, to: output)
            } catch {
                Console.error("svcaudit: \(error)")
                throw ExitCode(1)
            }
        } else {
            Console.out(text)
        }
    }
}

enum Console {
    static func out(_ s: String) {
        FileHandle.standardOutput.write(Data(s.utf8))
    }

    static func error(_ s: String) {
        FileHandle.standardError.write(Data((s.hasSuffix("\n") ? s : s + "\n").utf8))
    }

    /// Nothing in a folder is skipped silently: name the files that were not read as visits.
    static func notYAML(_ files: [String], quiet: Bool) {
        guard !files.isEmpty, !quiet else { return }
        let shown = files.prefix(5).joined(separator: ", ")
        error("svcaudit: note: \(files.count) file\(files.count == 1 ? " is" : "s are") not .yaml/.yml and \(files.count == 1 ? "was" : "were") not read: \(shown)\(files.count > 5 ? ", …" : "")")
    }

    /// Prints diagnostics to stderr (`file:line:col: severity: message`); warnings unless quiet.
    static func diagnostics(_ list: [Diagnostic], quiet: Bool) {
        var text = ""
        for d in list where !(quiet && d.severity == .warning) {
            text += d.rendered(.en) + "\n"
        }
        if !text.isEmpty { FileHandle.standardError.write(Data(text.utf8)) }
    }
}

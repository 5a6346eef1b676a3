import ArgumentParser
import Foundation
import SVCAuditCore

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


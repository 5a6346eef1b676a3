import ArgumentParser
import Foundation
import SVCAuditCore

@main
struct SVCAuditCLI: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "svcaudit",
        abstract: "银行网点服务规范检查工具 — bank-branch service-standard audits.",
        discussion: """
        Validate and score inspection visits against YAML checklists, and turn a period of visits into the 检查通报 report, the 整改清单 and the 服务明星 ranking.

        Checklists come from --checklists DIR, else $SVCAUDIT_CHECKLISTS, else ./checklists, else ../share/svcaudit/checklists beside the executable.

        Exit codes: 0 success, 1 invalid input, 2 a --fail-* threshold was crossed, 64 usage error.
        """,
        version: SVCAudit.version,
        subcommands: [
            ChecklistsCommand.self, ValidateCommand.self, NewCommand.self, ScoreCommand.self, ExplainCommand.self,
            RankCommand.self, ReportCommand.self, RectifyCommand.self, HistoryCommand.self, CoverageCommand.self,
            InspectorsCommand.self, ImportCommand.self,
        ]
    )

    /// Before parsing: a first word that is no command (`svcaudit scor samples`) is named
    /// with the closest command, instead of "2 unexpected arguments".
    static func main() {
        let args = Array(CommandLine.arguments.dropFirst())
        if let first = args.first, !first.hasPrefix("-") {
            let names = configuration.subcommands.compactMap { $0.configuration.commandName } + ["help"]
            if !names.contains(first) {
                let close = Suggestion.closest(to: first, in: names)
                let hint = close.map { Console.t("是否应为 '\($0)'？", "did you mean '\($0)'?") } ?? Console.t("命令有：", "the commands are: ") + names.dropLast().joined(separator: ", ")
                Console.error("svcaudit: " + Console.t("没有 '\(first)' 这个命令；", "there is no command '\(first)'; ") + hint)
                Console.error(Console.t("用法：svcaudit <命令> …（svcaudit --help 列出全部命令）", "Usage: svcaudit <subcommand> … (svcaudit --help lists them)"))
                Foundation.exit(64)
            }
        }
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            // --help and --version print as the library does; a usage error (64) in the
            // language of every other message (UsageErrorText).
            let code = exitCode(for: error)
            guard code == .validationFailure else { exit(withError: error) }
            Console.error(UsageErrorText.localized(fullMessage(for: error), Console.lang))
            Foundation.exit(code.rawValue)
        }
    }
}

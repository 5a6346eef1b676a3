import ArgumentParser
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
            InspectorsCommand.self,
        ]
    )
}

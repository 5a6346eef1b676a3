import ArgumentParser
import SVCAuditCore

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "report", abstract: "(not yet available)", shouldDisplay: false)
    func run() throws {
        Console.error("svcaudit report: not yet available")
        throw ExitCode(1)
    }
}

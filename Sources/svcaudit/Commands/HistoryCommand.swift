import ArgumentParser
import SVCAuditCore

struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "history", abstract: "(not yet available)", shouldDisplay: false)
    func run() throws {
        Console.error("svcaudit history: not yet available")
        throw ExitCode(1)
    }
}

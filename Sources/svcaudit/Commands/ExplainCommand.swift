import ArgumentParser
import SVCAuditCore

struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "explain", abstract: "(not yet available)", shouldDisplay: false)
    func run() throws {
        Console.error("svcaudit explain: not yet available")
        throw ExitCode(1)
    }
}

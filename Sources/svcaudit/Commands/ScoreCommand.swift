import ArgumentParser
import SVCAuditCore

struct ScoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "score", abstract: "(not yet available)", shouldDisplay: false)
    func run() throws {
        Console.error("svcaudit score: not yet available")
        throw ExitCode(1)
    }
}

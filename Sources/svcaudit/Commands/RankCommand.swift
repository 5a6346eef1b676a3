import ArgumentParser
import SVCAuditCore

struct RankCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "rank", abstract: "(not yet available)", shouldDisplay: false)
    func run() throws {
        Console.error("svcaudit rank: not yet available")
        throw ExitCode(1)
    }
}

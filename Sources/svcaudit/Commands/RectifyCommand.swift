import ArgumentParser
import SVCAuditCore

struct RectifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "rectify", abstract: "(not yet available)", shouldDisplay: false)
    func run() throws {
        Console.error("svcaudit rectify: not yet available")
        throw ExitCode(1)
    }
}

import ArgumentParser
import Foundation
import SVCAuditCore

/// `--policy FILE` (SPEC §1.3): pass mark, 达标 targets, star levels.
struct PolicyOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Policy file (pass_mark, targets, stars, method_weights); SPEC defaults without it.", valueName: "file"))
    var policy: String?

    /// The policy, or the defaults; an invalid file prints its diagnostics and exits 1.
    /// With the period asked, a policy whose title names another period is a warning.
    func load(quiet: Bool, roles: RoleCatalog = RoleCatalog(), period: Period? = nil) throws -> Policy {
        guard let policy else { return Policy() }
        let (p, diags) = PolicyFile.load(policy, roles: roles)
        Console.diagnostics(diags, quiet: quiet)
        guard let p else { throw ExitCode(1) }
        if let d = PolicyPeriod.mismatch(p, asked: period) { Console.diagnostics([d], quiet: quiet) }
        return p
    }
}


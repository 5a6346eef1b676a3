import Foundation
import Testing

/// Runs the built `svcaudit` binary from the repository root, as a user would.
enum CLI {
    struct Result {
        var stdout: String
        var stderr: String
        var code: Int32
        var stdoutData: Data
    }

    /// The repository root (where Package.swift is), found from this source file.
    static let root: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
        }
        fatalError("Package.swift not found above \(#filePath)")
    }()

    /// The binary next to the test bundle (SwiftPM puts products in one directory).
    static let binary: URL = {
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("svcaudit")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            dir.deleteLastPathComponent()
        }
        return root.appendingPathComponent(".build/debug/svcaudit")
    }()

    @discardableResult
    /// `within`: kill the run after that many seconds (through timeout(1)), so a hang fails
    /// the test instead of stalling the suite.
    static func run(_ args: [String], cwd: URL? = nil, stdin: Data? = nil, env: [String: String] = [:],
                    unprivileged: Bool = false, within seconds: Int? = nil) throws -> Result {
        var command = [binary.path] + args
        if unprivileged, let prefix = unprivilegedPrefix { command = prefix + command }
        if let seconds { command = ["/usr/bin/timeout", "-s", "KILL", "\(seconds)"] + command }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: command[0])
        p.arguments = Array(command.dropFirst())
        p.currentDirectoryURL = cwd ?? root
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        environment.removeValue(forKey: "SVCAUDIT_LANG")
        environment.removeValue(forKey: "SVCAUDIT_CHECKLISTS")
        for (k, v) in env { environment[k] = v }
        p.environment = environment
        let out = Pipe(), err = Pipe(), input = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = input
        try p.run()
        if let stdin { input.fileHandleForWriting.write(stdin) }
        try input.fileHandleForWriting.close()
        // Read both pipes concurrently so a large output cannot block the child.
        final class Box: @unchecked Sendable { var data = Data() }
        let errBox = Box()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            errBox.data = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        let errData = errBox.data
        p.waitUntilExit()
        return Result(stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self),
                      code: p.terminationStatus, stdoutData: outData)
    }
}

extension CLI {
    /// Running as root (CI containers), chmod 000 stops nothing; the permission tests then run
    /// the binary as `nobody` through setpriv. Nil when not root, or when nobody cannot reach
    /// the binary and the checklists (a clone under /root, say): those tests are then skipped.
    static let unprivilegedPrefix: [String]? = {
        let setpriv = "/usr/bin/setpriv"
        guard getuid() == 0, FileManager.default.isExecutableFile(atPath: setpriv) else { return nil }
        let prefix = [setpriv, "--reuid=65534", "--regid=65534", "--clear-groups"]
        let p = Process()
        p.executableURL = URL(fileURLWithPath: setpriv)
        p.arguments = Array(prefix.dropFirst()) + [binary.path, "checklists", "list", "--checklists", "checklists"]
        p.currentDirectoryURL = root
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        guard (try? p.run()) != nil else { return nil }
        p.waitUntilExit()
        return p.terminationStatus == 0 ? prefix : nil
    }()
}

/// Golden files under Tests/SVCAuditCLITests/Golden/. Set SVCAUDIT_RECORD=1 to (re)write them.
enum Golden {
    static let dir = CLI.root.appendingPathComponent("Tests/SVCAuditCLITests/Golden")

    static func check(_ data: Data, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = dir.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["SVCAUDIT_RECORD"] == "1" {
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            try data.write(to: url)
            return
        }
        guard let expected = FileManager.default.contents(atPath: url.path) else {
            Issue.record("golden file \(name) is missing; run with SVCAUDIT_RECORD=1 to create it", sourceLocation: sourceLocation)
            return
        }
        if expected != data {
            let got = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            let want = String(decoding: expected, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            let i = zip(got, want).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(got.count, want.count)
            Issue.record("output differs from golden \(name) at line \(i + 1):\n  want: \(i < want.count ? String(want[i]) : "<end>")\n  got:  \(i < got.count ? String(got[i]) : "<end>")\n(SVCAUDIT_RECORD=1 re-records after a deliberate change)", sourceLocation: sourceLocation)
        }
    }

    static func check(_ text: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        try check(Data(text.utf8), name, sourceLocation: sourceLocation)
    }
}

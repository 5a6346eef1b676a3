import Foundation
import Testing

/// Outputs never depend on how many files are read in parallel: a generated set of visits
/// gives byte-identical rank, report and score output at --jobs 1 and --jobs 2.
@Suite struct JobsDeterminismTests {
    /// The generator built beside `svcaudit`.
    static var generator: URL { CLI.binary.deletingLastPathComponent().appendingPathComponent("svcaudit-gen") }

    static func generate(count: Int, seed: Int) throws -> URL {
        let dir = FileManager.default.temporaryDirectory
            .appendingPathComponent("svcaudit-jobs-\(getpid())-\(UUID().uuidString)")
        let p = Process()
        p.executableURL = generator
        p.arguments = ["--count", "\(count)", "--seed", "\(seed)", "--out", dir.path,
                       "--checklists", CLI.root.appendingPathComponent("checklists").path]
        p.standardError = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        #expect(p.terminationStatus == 0)
        return dir
    }

    @Test func generatedSetIsValidAndDeterministic() throws {
        let a = try Self.generate(count: 40, seed: 5)
        let b = try Self.generate(count: 40, seed: 5)
        defer { try? FileManager.default.removeItem(at: a); try? FileManager.default.removeItem(at: b) }
        let v = try CLI.run(["validate", a.path])
        #expect(v.code == 0)
        #expect(v.stdout.contains("0 个错误，0 个警告"), "\(v.stdout)")
        let sa = try CLI.run(["score", a.path, "--format", "json"])
        let sb = try CLI.run(["score", b.path, "--format", "json"])
        // Same seed, same visits: only the directory differs.
        #expect(sa.stdout.replacingOccurrences(of: a.path, with: "DIR") == sb.stdout.replacingOccurrences(of: b.path, with: "DIR"))
    }

    @Test func jobsOneAndTwoGiveTheSameBytes() throws {
        let dir = try Self.generate(count: 300, seed: 11)
        defer { try? FileManager.default.removeItem(at: dir) }
        let commands: [[String]] = [
            ["rank", dir.path, "--format", "json"],
            ["report", dir.path, "--format", "json"],
            ["score", dir.path, "--format", "json"],
            ["validate", dir.path],
        ]
        for command in commands {
            let one = try CLI.run(command + ["--jobs", "1"])
            let two = try CLI.run(command + ["--jobs", "2"])
            #expect(one.code == 0, "\(command): \(one.stderr)")
            #expect(!one.stdoutData.isEmpty)
            #expect(one.stdoutData == two.stdoutData, "\(command[0]) output differs between --jobs 1 and --jobs 2")
            #expect(one.stderr == two.stderr)
        }
    }
}

import Foundation
import Testing

/// `--output` is written to a temporary file in the same folder and renamed into place, so a
/// reader sees the previous file or the whole new one — never half of it — even when the run
/// is killed part-way.
@Suite struct AtomicOutputTests {
    @Test func killedRunsLeaveThePreviousFileOrTheWholeNewOne() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("svcaudit-atomic-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("score.json")
        let complete = try CLI.run(["score", "samples", "--format", "json"]).stdoutData
        #expect(complete.count > 10_000)
        var sawNew = false
        // Kill after a range of delays so some runs die before the rename and some finish.
        for delayMs in [0, 5, 20, 60, 150, 400, 2000] {
            try Data("OLD".utf8).write(to: out)
            let p = Process()
            p.executableURL = CLI.binary
            p.arguments = ["score", "samples", "--format", "json", "--output", out.path]
            p.currentDirectoryURL = CLI.root
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
            try p.run()
            usleep(useconds_t(delayMs * 1000))
            if p.isRunning { kill(p.processIdentifier, SIGKILL) }
            p.waitUntilExit()
            let now = try Data(contentsOf: out)
            #expect(now == Data("OLD".utf8) || now == complete, "half-written output after \(delayMs) ms")
            if now == complete { sawNew = true }
        }
        #expect(sawNew)   // the longest delay lets the run finish
    }

    @Test func aMissingFolderFailsCleanly() throws {
        let r = try CLI.run(["score", "samples", "--format", "json", "--output", "/nonexistent-dir/x.json"])
        #expect(r.code == 1)
        #expect(r.stderr.contains("/nonexistent-dir/x.json"))
        #expect(r.stdout.isEmpty)
    }
}

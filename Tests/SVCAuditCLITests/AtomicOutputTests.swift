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
        let complete = try CLI.run(["score", "samples/visits", "--format", "json"]).stdoutData
        #expect(complete.count > 10_000)
        var sawNew = false
        // Kill after a range of delays so some runs die before the rename and some finish.
        for delayMs in [0, 5, 20, 60, 150, 400, 2000] {
            try Data("OLD".utf8).write(to: out)
            let p = Process()
            p.executableURL = CLI.binary
            p.arguments = ["score", "samples/visits", "--format", "json", "--output", out.path]
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
        let r = try CLI.run(["score", "samples/visits", "--format", "json", "--output", "/nonexistent-dir/x.json"])
        #expect(r.code == 1)
        #expect(r.stderr.contains("/nonexistent-dir/x.json"))
        #expect(r.stdout.isEmpty)
    }

    /// A pipe given as --output is written to, not replaced by a plain file (the rename that
    /// makes a regular file atomic would otherwise put a file where the FIFO was).
    @Test func aPipeStaysAPipe() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("svcaudit-fifo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let fifo = dir.appendingPathComponent("out.json").path
        #expect(mkfifo(fifo, 0o644) == 0)
        // Our own read end, and a write end held open so the reader sees the end of the data
        // only when we close it — whatever the run does, the test cannot hang.
        let readEnd = open(fifo, O_RDONLY | O_NONBLOCK)
        let holdEnd = open(fifo, O_WRONLY)
        #expect(readEnd >= 0 && holdEnd >= 0)
        _ = fcntl(readEnd, F_SETFL, fcntl(readEnd, F_GETFL) & ~O_NONBLOCK)
        final class Box: @unchecked Sendable { var data = Data() }
        let got = Box()
        let reader = Thread {
            var chunk = [UInt8](repeating: 0, count: 65536)
            while true {
                let n = read(readEnd, &chunk, chunk.count)
                if n <= 0 { break }
                got.data.append(contentsOf: chunk[0..<n])
            }
            close(readEnd)
        }
        reader.start()
        let r = try CLI.run(["score", "samples/visits", "--format", "json", "--output", fifo])
        #expect(r.code == 0, "\(r.stderr)")
        close(holdEnd)
        while !reader.isFinished { usleep(10_000) }
        #expect(got.data == (try CLI.run(["score", "samples/visits", "--format", "json"])).stdoutData)
        var st = stat()
        #expect(lstat(fifo, &st) == 0 && (st.st_mode & S_IFMT) == S_IFIFO, "the FIFO was replaced")
    }

    /// `-o /dev/null` discards the output and leaves /dev/null a device. Run as nobody when
    /// the suite is root, so a regression cannot replace the machine's /dev/null.
    @Test(.enabled(if: getuid() != 0 || CLI.unprivilegedPrefix != nil, "root without setpriv: would risk /dev/null"))
    func devNullStaysADevice() throws {
        let r = try CLI.run(["report", "samples/visits", "--format", "json", "-o", "/dev/null"], unprivileged: true)
        #expect(r.code == 0, "\(r.stderr)")
        var st = stat()
        #expect(lstat("/dev/null", &st) == 0 && (st.st_mode & S_IFMT) == S_IFCHR)
    }

    @Test func aFolderIsNotAnOutputFile() throws {
        let r = try CLI.run(["score", "samples/visits", "--format", "json", "--output", "/tmp"])
        #expect(r.code == 1)
        #expect(r.stderr.contains("/tmp"))
        #expect(r.stderr.contains("is a directory"))
        #expect(r.stdout.isEmpty)
    }
}

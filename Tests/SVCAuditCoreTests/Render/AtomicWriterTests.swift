import Foundation
import Testing
@testable import SVCAuditCore

@Suite struct AtomicWriterTests {
    let dir: String
    let fm = FileManager.default

    init() throws {
        dir = NSTemporaryDirectory() + "svcaudit-atomic-" + UUID().uuidString
        try fm.createDirectory(atPath: dir, withIntermediateDirectories: true)
    }

    func contents() throws -> [String] { try fm.contentsOfDirectory(atPath: dir).sorted() }
    func read(_ path: String) throws -> String { try String(contentsOfFile: path, encoding: .utf8) }

    @Test func writesNewFile() throws {
        let path = dir + "/report.csv"
        try AtomicWriter.write("网点,得分\r\n", to: path)
        #expect(try read(path) == "网点,得分\r\n")
        #expect(try contents() == ["report.csv"])
        try fm.removeItem(atPath: dir)
    }

    @Test func replacesExistingFileKeepingItsMode() throws {
        let path = dir + "/report.json"
        try AtomicWriter.write(Data("old, longer content\n".utf8), to: path)
        chmod(path, 0o600)
        try AtomicWriter.write(Data("{}\n".utf8), to: path)
        #expect(try read(path) == "{}\n")
        #expect(try contents() == ["report.json"]) // no temp file left behind
        let mode = try fm.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        try fm.removeItem(atPath: dir)
    }

    @Test func splitsDirectoryAndName() throws {
        #expect(AtomicWriter.split("out/r.html") == ("out", "r.html"))
        #expect(AtomicWriter.split("r.html") == (".", "r.html"))
        #expect(AtomicWriter.split("/r.html") == ("/", "r.html"))
        #expect(AtomicWriter.split("a/b/") == ("a/b", ""))
        #expect(throws: OutputError.self) { try AtomicWriter.write("x", to: dir + "/") }
        // A path with a "." component still lands in the right directory.
        try AtomicWriter.write("x", to: dir + "/./x.txt")
        #expect(try read(dir + "/x.txt") == "x")
        #expect(try contents() == ["x.txt"])
        try fm.removeItem(atPath: dir)
    }

    @Test func writesThroughSymlink() throws {
        let real = dir + "/real.html", link = dir + "/link.html"
        try AtomicWriter.write("old", to: real)
        try fm.createSymbolicLink(atPath: link, withDestinationPath: real)
        try AtomicWriter.write("new", to: link)
        #expect(try read(real) == "new")
        #expect(try fm.destinationOfSymbolicLink(atPath: link) == real)
        try fm.removeItem(atPath: dir)
    }

    @Test func missingDirectoryFailsCleanly() throws {
        let path = dir + "/no-such-dir/report.html"
        do {
            try AtomicWriter.write("x", to: path)
            Issue.record("expected an error")
        } catch let e as OutputError {
            #expect(e.path == path)
            #expect(e.description == "cannot write \(path): No such file or directory")
        }
        #expect(try contents() == [])
        try fm.removeItem(atPath: dir)
    }

    @Test func targetThatIsADirectoryIsLeftIntact() throws {
        let path = dir + "/out"
        try fm.createDirectory(atPath: path, withIntermediateDirectories: false)
        try AtomicWriter.write("keep", to: path + "/inner.txt")
        #expect(throws: OutputError.self) { try AtomicWriter.write("x", to: path) }
        #expect(try read(path + "/inner.txt") == "keep")
        #expect(try contents() == ["out"]) // temp file removed after the failed rename
        try fm.removeItem(atPath: dir)
    }
}

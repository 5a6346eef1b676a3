import Foundation
import Testing
@testable import SVCAuditCore

@Suite struct PathListFileTests {
    func names(_ s: String, stdin: Bool = false) -> Result<[String], PathListFile.Failure> {
        PathListFile.parse(Data(s.utf8), fromStdin: stdin)
    }

    @Test func oneNameALineBlankLinesSkippedCRRemoved() {
        #expect(names("a.yaml\n\nb/c.yaml\r\n\r\n  d e.yaml\n") == .success(["a.yaml", "b/c.yaml", "  d e.yaml"]))
        #expect(names("last-without-newline") == .success(["last-without-newline"]))
        #expect(names("\u{FEFF}bom.yaml\n") == .success(["bom.yaml"]))
        #expect(names("") == .success([]))
        #expect(names("\n\r\n\n") == .success([]))
        #expect(names("访问/一.yaml\n") == .success(["访问/一.yaml"]))
    }

    @Test func badBytesNameTheLine() {
        var d = Data("a\n\nb\n".utf8)
        d.append(contentsOf: [0xC4, 0xE3, 0x0A])
        #expect(PathListFile.parse(d, fromStdin: false) == .failure(.notUTF8(line: 4)))
    }

    @Test func dashOnlyRefusedInAStdinList() {
        #expect(names("a\n-\n", stdin: true) == .failure(.stdinEntry(line: 2)))
        #expect(names("a\n-\n", stdin: false) == .success(["a", "-"]))
    }

    @Test func missingAndDirectory() {
        #expect(PathListFile.read("/nonexistent/list.txt") == .failure(.missing))
        #expect(PathListFile.read(NSTemporaryDirectory()) == .failure(.isDirectory))
    }

    @Test func largeListIsLinear() {
        let text = (0..<200_000).map { "v/\($0).yaml" }.joined(separator: "\n")
        let clock = ContinuousClock()
        var n = 0
        let t = clock.measure { if case .success(let a) = names(text) { n = a.count } }
        #expect(n == 200_000)
        #expect(t < .seconds(5))
    }
}

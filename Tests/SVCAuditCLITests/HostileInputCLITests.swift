import Foundation
import Testing

/// Broken encodings and YAML syntax through the built binary (SPEC §1, §4): each is one exact
/// `file:line:col: error: message` line on stderr and exit 1, or validates clean when the
/// input is fine (BOM, CRLF). Odd bytes are written at test time into a temporary folder.
@Suite struct HostileInputCLITests {
    let head = "branch: {id: BR1, name: 城中支行}\ndate: 2026-07-14\ninspector: 王敏\n"
    let sample = "samples/visits/2026-07/BR0421-20260710-01.yaml"

    var sampleBytes: [UInt8] {
        get throws { Array(try Data(contentsOf: CLI.root.appendingPathComponent(sample))) }
    }

    /// Validates the file alone against the shipped checklists, messages in English (the
    /// Chinese texts are held by SlipCLITests and the validate goldens).
    func validate(_ path: String, _ extra: [String] = []) throws -> CLI.Result {
        try CLI.run(["validate", "--checklists", "checklists", "--lang", "en"] + extra + [path])
    }

    /// Exit 1, exactly `line` on stderr, and `code` as the diagnostic's code in --format json.
    func expectError(_ path: String, _ line: String, code: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let r = try validate(path)
        #expect(r.code == 1, sourceLocation: sourceLocation)
        #expect(r.stderr == "\(path):\(line)\n", sourceLocation: sourceLocation)
        let j = try validate(path, ["--format", "json"])
        let json = try JSONSerialization.jsonObject(with: j.stdoutData) as! [String: Any]
        let codes = (json["diagnostics"] as! [[String: Any]]).map { $0["code"] as! String }
        #expect(codes == [code], sourceLocation: sourceLocation)
        #expect(json["invalid_files"] as? [String] == [path], sourceLocation: sourceLocation)
    }

    @Test func utf16() throws {
        let dir = try HostileDir()
        let le = try dir.write("le.yaml", [0xFF, 0xFE] + head.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        let be = try dir.write("be.yaml", [0xFE, 0xFF] + head.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] })
        let bare = try dir.write("bare.yaml", head.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        try expectError(le, "1:1: error: file is UTF-16 encoded; save it as UTF-8 (svcaudit reads UTF-8 only)", code: "encoding-utf16")
        try expectError(be, "1:1: error: file is UTF-16 encoded; save it as UTF-8 (svcaudit reads UTF-8 only)", code: "encoding-utf16")
        // Without a BOM: told from the NUL after the first character.
        try expectError(bare, "1:2: error: file is UTF-16 encoded (NUL bytes between characters); save it as UTF-8 (svcaudit reads UTF-8 only)", code: "encoding-utf16")
    }

    @Test func nulByte() throws {
        let dir = try HostileDir()
        let f = try dir.write("nul.yaml", Array("branch: {id: BR1, name: X}\ndate: 2026-07-14".utf8) + [0] + Array("\n".utf8))
        try expectError(f, "2:17: error: file contains a NUL byte; it is not a text file (or it is damaged)", code: "encoding-nul")
    }

    @Test func gbk() throws {
        let dir = try HostileDir()
        // 城中支行 in GBK: B3C7 D6D0 D6A7 D0D0.
        let f = try dir.write("gbk.yaml", Array("branch: {id: BR1, name: ".utf8) + [0xB3, 0xC7, 0xD6, 0xD0, 0xD6, 0xA7, 0xD0, 0xD0] + Array("}\n".utf8))
        try expectError(f, "1:25: error: file is not valid UTF-8 (byte 0xB3 at offset 24); save it as UTF-8 — GBK/GB2312 files must be converted",
                        code: "encoding-utf8")
    }

    @Test func bomValidatesClean() throws {
        let dir = try HostileDir()
        let f = try dir.write("bom.yaml", [0xEF, 0xBB, 0xBF] + (try sampleBytes))
        let r = try validate(f, ["--strict"])
        #expect(r.code == 0, "\(r.stderr)")
        #expect(r.stderr.isEmpty)
        // And it scores exactly like the file without the BOM (only the file name differs).
        let plain = try dir.write("plain.yaml", try sampleBytes)
        let a = try CLI.run(["score", "--checklists", "checklists", "--format", "json", f])
        let b = try CLI.run(["score", "--checklists", "checklists", "--format", "json", plain])
        #expect(a.code == 0 && b.code == 0)
        #expect(a.stdout.replacingOccurrences(of: "bom.yaml", with: "plain.yaml") == b.stdout)
    }

    @Test func crlfLineEnds() throws {
        let dir = try HostileDir()
        let crlf = String(decoding: try sampleBytes, as: UTF8.self).replacingOccurrences(of: "\n", with: "\r\n")
        let f = try dir.write("crlf.yaml", crlf)
        let r = try validate(f, ["--strict"])
        #expect(r.code == 0, "\(r.stderr)")
        #expect(r.stderr.isEmpty)
        // Line numbers count CRLF as one line end.
        let bad = try dir.write("crlf-bad.yaml", head.replacingOccurrences(of: "\n", with: "\r\n") + "method: onsight\r\n")
        try expectError(bad, "4:9: error: 'method': must be one of onsite, video, mystery, external, self, found 'onsight'", code: "bad-value")
    }

    @Test func tabIndent() throws {
        let dir = try HostileDir()
        let f = try dir.write("tab.yaml", "branch:\n\tid: BR1\n")
        try expectError(f, "2:1: error: this line is indented with a tab; YAML indents with spaces only: replace the tab with spaces (aligned with the lines around it)", code: "slip-tab")
    }

    @Test func emptyFiles() throws {
        let dir = try HostileDir()
        for (name, text) in [("empty.yaml", ""), ("blank.yaml", "\n  \n"), ("comment.yaml", "# 待填写\n")] {
            let f = try dir.write(name, text)
            try expectError(f, "1:1: error: file is empty: it holds no YAML document", code: "empty-file")
        }
    }

    @Test func twoDocuments() throws {
        let dir = try HostileDir()
        let f = try dir.write("two.yaml", head + "---\n" + head)
        try expectError(f, "4:1: error: file holds more than one YAML document (a second '---'); keep one document per file", code: "several-documents")
        // One document with an explicit start marker is fine.
        let one = try dir.write("one.yaml", "---\n" + String(decoding: try sampleBytes, as: UTF8.self))
        #expect(try validate(one, ["--strict"]).code == 0)
    }

    @Test func alias() throws {
        let dir = try HostileDir()
        let f = try dir.write("alias.yaml", "branch: &b {id: BR1, name: X}\ndate: 2026-07-14\ninspector: 王敏\nother: *b\n")
        try expectError(f, "4:8: error: aliases (*name) are not supported; write the value out in full", code: "yaml-alias")
    }

    @Test func nestingOverTheDepthLimit() throws {
        let dir = try HostileDir()
        // The root mapping is level 1, so the 64th '[' (column 9 + 2×63 = 135) is level 65.
        let f = try dir.write("deep.yaml", "branch: " + String(repeating: "[ ", count: 100) + String(repeating: "] ", count: 100) + "\n")
        try expectError(f, "1:135: error: nesting is deeper than 64 levels", code: "limit-depth")
        // 64 levels are read (and then rejected for what they are, not for depth).
        let ok = try dir.write("deep-64.yaml", "branch: " + String(repeating: "[", count: 63) + String(repeating: "]", count: 63) + "\n")
        let r = try validate(ok)
        #expect(r.code == 1)
        #expect(!r.stderr.contains("nesting"), "\(r.stderr)")
    }

    @Test func oversizedScalar() throws {
        let dir = try HostileDir()
        let f = try dir.write("scalar.yaml", "branch: {id: BR1, name: X}\ndate: 2026-07-14\ninspector: \"" + String(repeating: "x", count: 65_537) + "\"\n")
        try expectError(f, "3:12: error: value is 65537 bytes long, over the limit of 65536 bytes", code: "limit-scalar")
    }

    @Test func fileOverTheSizeLimit() throws {
        let dir = try HostileDir()
        // A valid visit padded with comments to one byte over 8 MiB.
        var bytes = try sampleBytes
        let line = Array(("# " + String(repeating: "填", count: 40) + "\n").utf8)
        while bytes.count + line.count <= 8 << 20 { bytes += line }
        bytes += Array(repeating: UInt8(ascii: "#"), count: (8 << 20) + 1 - bytes.count)
        #expect(bytes.count == (8 << 20) + 1)
        let f = try dir.write("big.yaml", bytes)
        try expectError(f, "1:1: error: the file is over the limit of 8388608 bytes for one input file (8388609 bytes)", code: "limit-file-size")
        // One byte less is read.
        bytes.removeLast()
        let g = try dir.write("just-under.yaml", bytes)
        let r = try validate(g, ["--strict"])
        #expect(r.code == 0, "\(r.stderr)")
    }

    /// Identifiers that look like numbers stay text, leading zeros and all.
    @Test func numericLookingIdsStayStrings() throws {
        let dir = try HostileDir()
        var text = String(decoding: try sampleBytes, as: UTF8.self)
        text = text.replacingOccurrences(of: "  id: BR0421\n", with: "  id: 0421\n")
        text = text.replacingOccurrences(of: "  - id: E1001\n", with: "  - id: 007\n")
        #expect(text.contains("id: 0421\n") && text.contains("- id: 007\n"))
        let f = try dir.write("ids.yaml", text)
        let v = try validate(f, ["--strict"])
        #expect(v.code == 0, "\(v.stderr)")
        let r = try CLI.run(["score", "--checklists", "checklists", "--format", "json", f])
        #expect(r.code == 0, "\(r.stderr)")
        let json = try JSONSerialization.jsonObject(with: r.stdoutData) as! [String: Any]
        let visit = (json["visits"] as! [[String: Any]])[0]
        #expect((visit["branch"] as! [String: Any])["id"] as? String == "0421")
        #expect((visit["staff"] as! [[String: Any]]).first?["id"] as? String == "007")
        // In the text itself, not only after JSON decoding: quoted strings.
        #expect(r.stdout.contains("\"id\": \"0421\""))
        #expect(r.stdout.contains("\"id\": \"007\""))
    }

    @Test func badDates() throws {
        let dir = try HostileDir()
        let form = try dir.write("form.yaml", "branch: {id: BR1, name: X}\ndate: 2026-7-4\ninspector: 王敏\n")
        try expectError(form, "2:7: error: 'date' must be a real date in YYYY-MM-DD form: found '2026-7-4' (did you mean '2026-07-04'?)", code: "bad-date")
        let day = try dir.write("day.yaml", "branch: {id: BR1, name: X}\ndate: 2026-02-30\ninspector: 王敏\n")
        try expectError(day, "2:7: error: 'date' must be a real date in YYYY-MM-DD form: '2026-02-30' does not exist (that month has 28 days)", code: "bad-date")
    }
}

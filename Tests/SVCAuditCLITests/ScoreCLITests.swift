import Foundation
import Testing

/// `svcaudit score` and `svcaudit explain` end to end on samples/ (178 visits of 2026-Q3).
@Suite struct ScoreCLITests {
    // MARK: Golden outputs of every format

    @Test(arguments: [
        ("table", "score-samples.txt"), ("json", "score-samples.json"), ("csv", "score-samples.csv"),
        ("markdown", "score-samples.md"), ("html", "score-samples.html"),
    ])
    func scoreSamplesGolden(format: String, golden: String) throws {
        let r = try CLI.run(["score", "samples/visits", "--format", format])
        #expect(r.code == 0)
        #expect(r.stderr.isEmpty)
        try Golden.check(r.stdoutData, golden)
    }

    @Test func scoreEnglishTableGolden() throws {
        let r = try CLI.run(["score", "samples/visits", "--lang", "en"])
        #expect(r.code == 0)
        try Golden.check(r.stdoutData, "score-samples-en.txt")
    }

    @Test func csvBOMAndCRLFByDefault() throws {
        let with = try CLI.run(["score", "samples/visits/2026-07", "--format", "csv"]).stdoutData
        #expect(with.starts(with: [0xEF, 0xBB, 0xBF]))
        let text = String(decoding: with, as: UTF8.self)
        #expect(text.hasSuffix("\r\n"))
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        let without = try CLI.run(["score", "samples/visits/2026-07", "--format", "csv", "--no-bom"]).stdoutData
        #expect(!without.starts(with: [0xEF, 0xBB, 0xBF]))
        #expect(with.dropFirst(3) == without)
    }

    @Test func htmlIsSelfContained() throws {
        let html = try CLI.run(["score", "samples/visits", "--format", "html"]).stdout
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("<svg"))
        for external in ["http://", "https://", "<script", "<link", "src="] { #expect(!html.contains(external)) }
    }

    @Test func sameInputSameBytesWhateverTheJobs() throws {
        for format in ["json", "table", "csv"] {
            let one = try CLI.run(["score", "samples/visits", "--jobs", "1", "--format", format])
            let two = try CLI.run(["score", "samples/visits", "--jobs", "2", "--format", format])
            #expect(one.code == 0 && two.code == 0)
            #expect(one.stdoutData == two.stdoutData, "format \(format)")
        }
    }

    // MARK: SPEC §3.1 keys

    static let visitKeys = ["id", "file", "branch", "date", "inspector", "method", "score", "base", "bonus",
                            "checklists", "versions", "veto", "findings", "staff"]
    static let branchKeys = ["id", "name", "parent", "region"]
    static let staffKeys = ["id", "name", "role", "score", "base", "bonus", "checklists", "veto", "unanswered"]

    @Test func jsonHasSpecKeysInOrder() throws {
        let r = try CLI.run(["score", "samples/visits", "--format", "json"])
        #expect(r.code == 0)
        // Key sets per level, parsed.
        let top = try #require(try JSONSerialization.jsonObject(with: r.stdoutData) as? [String: Any])
        #expect(Set(top.keys) == ["visits"])
        let visits = try #require(top["visits"] as? [[String: Any]])
        #expect(visits.count == 178)
        var lastKey = ("", "")
        for v in visits {
            #expect(Set(v.keys) == Set(Self.visitKeys))
            #expect(Set((v["branch"] as? [String: Any] ?? [:]).keys) == Set(Self.branchKeys))
            let key = (v["date"] as! String, v["id"] as! String)
            #expect(lastKey <= key, "visits ordered by date, then id")
            lastKey = key
            let cls = v["checklists"] as! [String: Any]
            #expect(Set(cls.keys).isSubset(of: ["counter", "environment", "greeting", "records", "uniform"]))
            #expect(cls.values.allSatisfy { $0 is NSNumber })
            for s in v["staff"] as! [[String: Any]] {
                #expect(Set(s.keys) == Set(Self.staffKeys))
                for list in ["veto", "unanswered"] {
                    let xs = s[list] as! [String]
                    #expect(xs == xs.sorted())
                }
            }
        }
        // The raw text keeps SPEC's order at every level.
        let order = KeyOrder.scan(r.stdout)
        #expect(order["$"] == [["visits"]])
        #expect(Set(order["$.visits[]"] ?? []) == [Self.visitKeys])
        #expect(Set(order["$.visits[].branch"] ?? []) == [Self.branchKeys])
        #expect(Set(order["$.visits[].staff[]"] ?? []) == [Self.staffKeys])
        // Numbers carry at most 2 decimals.
        #expect(r.stdout.range(of: #"\d\.\d{3,}"#, options: .regularExpression) == nil)
    }

    @Test func skippedKeyComesAfterVisits() throws {
        let dir = try Scratch.make(valid: 1, invalid: true)
        defer { Scratch.remove(dir) }
        let r = try CLI.run(["score", dir.path, "--skip-invalid", "--format", "json"])
        #expect(r.code == 0)
        #expect(KeyOrder.scan(r.stdout)["$"] == [["visits", "skipped"]])
        #expect(r.stdout.contains("\"skipped\": [\n    \"\(dir.path)/broken.yaml\"\n  ]"))
        #expect(r.stderr.contains("broken.yaml"))
    }

    // MARK: Exit codes (SPEC §4)

    @Test func failUnder() throws {
        // The lowest visit score in the samples is 84.42 (沈建华's strict visit, see score-samples.txt); no other is below 85.
        let low = try CLI.run(["score", "samples/visits", "--fail-under", "85", "--format", "json", "--lang", "en"])
        #expect(low.code == 2)
        #expect(low.stdout.hasPrefix("{"), "the result is still written")
        #expect(low.stderr.contains("--fail-under 85: 1 visit below: "))
        #expect(low.stderr.contains("BR0442-20260803-01 (84.42)"))
        let ok = try CLI.run(["score", "samples/visits", "--fail-under", "84.4", "--format", "json", "--lang", "en"])
        #expect(ok.code == 0)
        #expect(ok.stderr.isEmpty)
        #expect(ok.stdoutData == low.stdoutData)
    }

    @Test func failOnVeto() throws {
        let flagged = try CLI.run(["score", "samples/visits", "--fail-on-veto", "--lang", "en"])
        #expect(flagged.code == 2)
        // The one breach on a visit: E1053 on duty without the skill grade (records item R02).
        #expect(flagged.stderr.contains("--fail-on-veto: 1 visit with a veto breach: BR0524-20260827-01 (E1053:R02)"))
        let clean = try CLI.run(["score", "samples/visits/2026-07/BR0421-20260715-01.yaml", "--fail-on-veto"])
        #expect(clean.code == 0)
        // Without the flags, vetoes and low scores never fail the run.
        #expect(try CLI.run(["score", "samples/visits"]).code == 0)
    }

    @Test func invalidFileGivesNoResult() throws {
        let dir = try Scratch.make(valid: 2, invalid: true)
        defer { Scratch.remove(dir) }
        let r = try CLI.run(["score", dir.path, "--lang", "en"])
        #expect(r.code == 1)
        #expect(r.stdout.isEmpty)
        // Every problem of the broken file, each as file:line:col.
        #expect(r.stderr.contains("\(dir.path)/broken.yaml:6:3: error:"))
        #expect(r.stderr.contains("\(dir.path)/broken.yaml:7:8: error:"))
        #expect(r.stderr.contains("1 invalid file: no result"))
    }

    @Test func skipInvalidNamesTheSkippedFiles() throws {
        let dir = try Scratch.make(valid: 2, invalid: true)
        defer { Scratch.remove(dir) }
        let r = try CLI.run(["score", dir.path, "--skip-invalid"])
        #expect(r.code == 0)
        #expect(r.stdout.contains("已跳过无效文件 1 个：\(dir.path)/broken.yaml"))
        #expect(r.stdout.contains("检查 2 次"))
        let md = try CLI.run(["score", dir.path, "--skip-invalid", "--format", "markdown"])
        #expect(md.stdout.contains("已跳过无效文件 1 个"))
    }

    @Test func usageErrors() throws {
        #expect(try CLI.run(["score"]).code == 64)
        #expect(try CLI.run(["score", "samples/visits", "--format", "pdf"]).code == 64)
        #expect(try CLI.run(["score", "samples/visits", "--fail-under", "high"]).code == 64)
        #expect(try CLI.run(["explain", "samples/visits"]).code == 64)
        #expect(try CLI.run(["validate", "samples/visits", "--format", "csv"]).code == 64)
        #expect(try CLI.run(["score", "samples/visits", "--format", "json", "--table", "staff"]).code == 64)
        #expect(try CLI.run(["score", "samples/visits", "--format", "csv", "--table", "nope"]).code == 64)
    }

    @Test func writesToOutputFile() throws {
        let dir = try Scratch.make(valid: 1, invalid: false)
        defer { Scratch.remove(dir) }
        let out = dir.appendingPathComponent("score.json").path
        let r = try CLI.run(["score", "samples/visits", "--format", "json", "--output", out])
        #expect(r.code == 0 && r.stdout.isEmpty)
        let direct = try CLI.run(["score", "samples/visits", "--format", "json"])
        #expect(FileManager.default.contents(atPath: out) == direct.stdoutData)
    }
}

@Suite struct ExplainCLITests {
    static let sample = "samples/visits/2026-07/BR0431-20260731-01.yaml"

    @Test(arguments: [("table", "explain-BR0431-20260731-01.txt"), ("json", "explain-BR0431-20260731-01.json"),
                      ("markdown", "explain-BR0431-20260731-01.md")])
    func explainSampleGolden(format: String, golden: String) throws {
        let r = try CLI.run(["explain", Self.sample, "--format", format])
        #expect(r.code == 0)
        #expect(r.stderr.isEmpty)
        try Golden.check(r.stdoutData, golden)
    }

    @Test func explainOneEmployeeGolden() throws {
        let r = try CLI.run(["explain", Self.sample, "--staff", "E1010", "--lang", "en"])
        #expect(r.code == 0)
        try Golden.check(r.stdoutData, "explain-BR0431-20260731-01-E1010-en.txt")
    }

    /// na, unanswered, a role with no counter items, a bonus, a checklist nobody scores, a branch veto.
    static let mixed = """
        id: MIXED-01
        branch: {id: BR9, name: 测试支行}
        date: 2026-07-14
        inspector: 王敏
        checklists: [counter, environment, greeting, uniform]
        results:
          E01: {result: 不合格, note: 门楣灯箱损坏}
          E02: na
          E15: 合格
        staff:
          - id: E1
            name: 李娜
            role: teller
            results:
              C01: 合格
              C02: 不适用
              C03: {result: 不合格, note: 单手接收}
              C13: {result: 1, note: 推诿}
              C15: 9
              G14: 3
              U01: 合格
              U08: 13
          - id: E2
            name: 王刚
            role: security
            results:
              U01: na
        """

    @Test func explainFromStandardInputGolden() throws {
        let r = try CLI.run(["explain", "-"], stdin: Data(Self.mixed.utf8))
        #expect(r.code == 0)
        // Unanswered items are warnings: reported, still explained.
        #expect(r.stderr.contains("warning:"))
        try Golden.check(r.stdoutData, "explain-stdin-mixed.txt")
        let json = try CLI.run(["explain", "-", "--format", "json", "--quiet"], stdin: Data(Self.mixed.utf8))
        #expect(json.stderr.isEmpty)
        try Golden.check(json.stdoutData, "explain-stdin-mixed.json")
    }

    @Test func explainErrors() throws {
        let unknown = try CLI.run(["explain", Self.sample, "--staff", "E1O10", "--lang", "en"])
        #expect(unknown.code == 1)
        #expect(unknown.stderr.contains("did you mean 'E1010'?"))
        #expect(unknown.stdout.isEmpty)
        let policy = try CLI.run(["explain", "samples/policy.yaml", "--lang", "en"])
        #expect(policy.code == 1)
        #expect(policy.stderr.contains("not a visit file"))
        let missing = try CLI.run(["explain", "samples/nope.yaml"])
        #expect(missing.code == 1)
        let dir = try Scratch.make(valid: 0, invalid: true)
        defer { Scratch.remove(dir) }
        let broken = try CLI.run(["explain", dir.appendingPathComponent("broken.yaml").path])
        #expect(broken.code == 1)
        #expect(broken.stdout.isEmpty)
        #expect(broken.stderr.contains("broken.yaml:6:3: error:"))
        // --strict turns the unanswered warnings into errors.
        let strict = try CLI.run(["explain", "-", "--strict"], stdin: Data(mixed.utf8))
        #expect(strict.code == 1)
    }

    var mixed: String { Self.mixed }
}

/// Temporary folders of visit files for the error cases.
enum Scratch {
    static func make(valid: Int, invalid: Bool) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("svcaudit-score-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let samples = ["samples/visits/2026-07/BR0421-20260715-01.yaml", "samples/visits/2026-07/BR0422-20260715-01.yaml"]
        for path in samples.prefix(valid) {
            let src = CLI.root.appendingPathComponent(path)
            try FileManager.default.copyItem(at: src, to: dir.appendingPathComponent(src.lastPathComponent))
        }
        if invalid {
            // Two errors: an unknown item id (line 6) and a number for a check item (line 7).
            try """
                branch: {id: BR9, name: 测试支行}
                date: 2026-07-14
                inspector: 王敏
                checklists: [environment]
                results:
                  E99: 合格
                  E01: 11
                """.write(to: dir.appendingPathComponent("broken.yaml"), atomically: true, encoding: .utf8)
        }
        return dir
    }

    static func remove(_ dir: URL) { try? FileManager.default.removeItem(at: dir) }
}

/// The key order of every JSON object in a document, by path (`$.visits[].staff[]`).
/// Objects directly under a `checklists` key are skipped: their keys are checklist ids.
enum KeyOrder {
    static func scan(_ text: String) -> [String: [[String]]] {
        var result: [String: [[String]]] = [:]
        var stack: [(path: String, isObject: Bool, keys: [String])] = []
        var pendingKey: String?
        var chars = Array(text.unicodeScalars)[...]
        func childPath() -> String {
            guard let top = stack.last else { return "$" }
            return top.isObject ? top.path + "." + (pendingKey ?? "?") : top.path + "[]"
        }
        while let c = chars.popFirst() {
            switch c {
            case "{", "[":
                let path = childPath()
                pendingKey = nil
                stack.append((path, c == "{", []))
            case "}", "]":
                let done = stack.removeLast()
                if done.isObject, !done.path.hasSuffix(".checklists") {
                    if !(result[done.path]?.contains(done.keys) ?? false) { result[done.path, default: []].append(done.keys) }
                }
            case "\"":
                var s = ""
                while let d = chars.popFirst(), d != "\"" {
                    if d == "\\", let e = chars.popFirst() { s.unicodeScalars.append(e) } else { s.unicodeScalars.append(d) }
                }
                // A key when the next non-space character is a colon.
                if let next = chars.first(where: { $0 != " " && $0 != "\n" }), next == ":", stack.last?.isObject == true {
                    stack[stack.count - 1].keys.append(s)
                    pendingKey = s
                }
            default:
                break
            }
        }
        return result
    }
}

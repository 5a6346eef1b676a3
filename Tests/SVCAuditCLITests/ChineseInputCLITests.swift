import Foundation
import Testing

/// Chinese-first input through the built binary (issue 15): messages in Chinese by default and
/// English with --lang en, input-method slips named where they were typed, Chinese words for
/// roles and methods, unfinished input refused, did-you-mean for commands.
@Suite struct ChineseInputCLITests {
    let sample = "samples/visits/2026-07/BR0421-20260710-01.yaml"

    func json(_ r: CLI.Result) throws -> [[String: Any]] {
        let doc = try JSONSerialization.jsonObject(with: r.stdoutData) as! [String: Any]
        return doc["diagnostics"] as! [[String: Any]]
    }

    static func hasChinese(_ s: String) -> Bool { s.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) } }

    /// Each slip of Tests/Fixtures/slips was typed into a copy of the sample at one line.
    static let slips: [(file: String, line: Int, code: String, en: String)] = [
        ("full-width-colon", 12, "slip-full-width", "full-width colon"),
        ("full-width-comma", 18, "slip-full-width", "full-width comma"),
        ("full-width-space", 13, "slip-full-width", "full-width space"),
        ("full-width-bracket", 18, "slip-full-width", "full-width brace"),
        ("colon-space", 14, "slip-colon-space", "write 'E04: 合格'"),
        ("note-colon", 18, "slip-note-colon", "note: \"客户说: 太慢\""),
        ("note-colon-block", 8, "slip-note-colon", "in quotes"),
        ("tab", 31, "slip-tab", "indents with spaces"),
        ("unbalanced-brace", 18, "slip-unbalanced", "'{' on this line has no matching '}'"),
        ("unbalanced-quote", 8, "slip-unbalanced", "no matching '\"'"),
    ]

    @Test(arguments: slips)
    func slipIsNamedWhereItWasTyped(_ slip: (file: String, line: Int, code: String, en: String)) throws {
        let path = "Tests/Fixtures/slips/\(slip.file).yaml"
        let zh = try CLI.run(["validate", path])
        #expect(zh.code == 1)
        #expect(zh.stderr.hasPrefix("\(path):\(slip.line):"), "\(zh.stderr)")
        #expect(Self.hasChinese(zh.stderr))
        let en = try CLI.run(["validate", path, "--lang", "en"])
        #expect(en.stderr.contains(slip.en), "\(en.stderr)")
        let codes = try json(try CLI.run(["validate", path, "--format", "json"])).map { $0["code"] as! String }
        #expect(codes == [slip.code])
    }

    /// Every diagnostic of the broken fixtures and the slips: Chinese text by default, another
    /// (English) text with --lang en, the same code in both; JSON carries the chosen text.
    @Test func everyDiagnosticInBothLanguages() throws {
        let paths = ["Tests/Fixtures/broken", "Tests/Fixtures/slips", "Tests/Fixtures/warnings"]
        let fixtures = ["--checklists", "Tests/Fixtures/checklists"]
        let zh = try json(try CLI.run(["validate", "--format", "json"] + fixtures + paths))
        let en = try json(try CLI.run(["validate", "--format", "json", "--lang", "en"] + fixtures + paths))
        #expect(zh.count == en.count && zh.count > 40)
        var codes = Set<String>()
        for (a, b) in zip(zh, en) {
            let code = a["code"] as! String
            codes.insert(code)
            #expect(code == b["code"] as! String)
            let za = a["message"] as! String, eb = b["message"] as! String
            #expect(Self.hasChinese(za), "\(code): \(za)")
            #expect(za != eb, "\(code): the same text in both languages")
        }
        for code in ["slip-full-width", "slip-colon-space", "slip-note-colon", "slip-tab", "slip-unbalanced",
                     "yaml-syntax", "unknown-role", "no-note", "unanswered"] {
            #expect(codes.contains(code), "no fixture for \(code)")
        }
        // SVCAUDIT_LANG chooses English the same way.
        let env = try CLI.run(["validate", "Tests/Fixtures/slips/tab.yaml"], env: ["SVCAUDIT_LANG": "en"])
        #expect(env.stderr.contains("indented with a tab"))
    }

    /// `role: 柜员` and `method: 自查` read as teller and self: the visit scores exactly as written in ids.
    @Test func chineseRoleAndMethodWords() throws {
        let dir = try HostileDir()
        let text = try String(contentsOf: CLI.root.appendingPathComponent(sample), encoding: .utf8)
        let chinese = text.replacingOccurrences(of: "role: teller", with: "role: 柜员")
            .replacingOccurrences(of: "role: lobby_manager", with: "role: 大堂经理")
            .replacingOccurrences(of: "method: self", with: "method: 自查")
        #expect(chinese != text)
        let f = try dir.write("v.yaml", chinese)
        let v = try CLI.run(["validate", "--strict", f])
        #expect(v.code == 0, "\(v.stderr)")
        let a = try CLI.run(["score", "--format", "json", f]).stdout
        let b = try CLI.run(["score", "--format", "json", sample]).stdout
        #expect(a.replacingOccurrences(of: f, with: sample) == b)
        // A misspelt role: did you mean, from roles.yaml.
        let typo = try dir.write("typo.yaml", text.replacingOccurrences(of: "role: teller", with: "role: 柜圆"))
        let t = try CLI.run(["validate", typo, "--lang", "en"])
        #expect(t.stderr.contains("unknown role '柜圆'") && t.stderr.contains("did you mean 'teller'?"), "\(t.stderr)")
    }

    @Test func newTakesRoleNamesAndRefusesUnknownRoles() throws {
        let r = try CLI.run(["new", "--branch", "BR0421", "--branch-name", "城中支行", "--staff", "E1001:李娜:柜员"])
        #expect(r.code == 0, "\(r.stderr)")
        #expect(r.stdout.contains("role: teller"))
        #expect(r.stdout.contains("C01:"))   // the counter items apply to a teller
        let bad = try CLI.run(["new", "--branch", "BR0421", "--staff", "E1001:李娜:柜圆"])
        #expect(bad.code == 64)
        #expect(bad.stdout.isEmpty)
        #expect(bad.stderr.contains("teller（柜员）") && bad.stderr.contains("是否应为 'teller'"), "\(bad.stderr)")
    }

    /// A blank template and a placeholder left in are errors, not visits.
    @Test func unfinishedInputIsRefused() throws {
        let dir = try HostileDir()
        let args = ["new", "--branch", "BR0421", "--inspector", "王敏", "--date", "2026-07-14", "--staff", "E1001:李娜:teller"]
        let f = try dir.write("blank.yaml", try CLI.run(args + ["--branch-name", "城中支行"]).stdout)
        let v = try CLI.run(["validate", f, "--format", "json"])
        #expect(v.code == 1)
        #expect(try json(v).map { $0["code"] as! String }.contains("nothing-answered"))
        #expect(try CLI.run(["validate", f, "--lang", "en"]).stderr.contains("nothing was answered"))
        // Without --branch-name the template holds （网点名称）: refused until replaced.
        let g = try dir.write("placeholder.yaml", try CLI.run(args).stdout)
        #expect(try json(try CLI.run(["validate", g, "--format", "json"])).map { $0["code"] as! String }.contains("placeholder"))
        let rank = try CLI.run(["rank", f])
        #expect(rank.code == 1)
        #expect(rank.stdout.isEmpty)
    }

    @Test func visitFolderGivenAsChecklistsIsOneLine() throws {
        let r = try CLI.run(["validate", "--checklists", "samples/visits", "samples/visits/2026-07"])
        #expect(r.code == 1)
        let lines = r.stderr.split(separator: "\n").filter { $0.contains("error") }
        #expect(lines.count == 1, "\(r.stderr)")
        #expect(r.stderr.contains("wrong-folder") || r.stderr.contains("检查记录"))
    }

    @Test func commandsHaveDidYouMean() throws {
        let r = try CLI.run(["scor", "samples"])
        #expect(r.code == 64)
        #expect(r.stderr.contains("'score'"))
        let en = try CLI.run(["valdate", "samples", "--lang", "en"])
        #expect(en.stderr.contains("did you mean 'validate'?"))
    }
}

import Foundation
import Testing

/// `new --format xlsx` → filled in with openpyxl as an inspector would in Excel → `import` →
/// the visit files validate clean and score exactly as the same visit written as YAML (SPEC §1.6).
@Suite struct WorkbookCLITests {
    let sample = "samples/visits/2026-07/BR0421-20260710-01.yaml"

    func staffArgs() throws -> [String] {
        // The sample's employees, as an inspector would give them to `new` (roles by name).
        let names = ["teller": "柜员", "lobby_manager": "大堂经理", "account_manager": "客户经理", "security": "保安"]
        let text = try String(contentsOf: CLI.root.appendingPathComponent(sample), encoding: .utf8)
        var args: [String] = []
        var id = "", name = ""
        for line in text.split(separator: "\n") {
            let l = line.trimmingCharacters(in: .whitespaces)
            if l.hasPrefix("- id: ") { id = String(l.dropFirst(6)) }
            if l.hasPrefix("name: "), !id.isEmpty { name = String(l.dropFirst(6)) }
            if l.hasPrefix("role: ") { args += ["--staff", "\(id):\(name):\(names[String(l.dropFirst(6))]!)"]; id = "" }
        }
        return args
    }

    @Test func roundTrip() throws {
        let dir = try HostileDir()
        let blank = dir.path + "/blank.xlsx"
        let new = try CLI.run(["new", "--branch", "BR0421", "--branch-name", "城中支行", "--parent", "嘉兴分行营业部", "--region", "嘉兴分行",
                               "--date", "2026-07-10", "--inspector", "徐国强", "--method", "自查", "--format", "xlsx", "-o", blank] + staffArgs())
        #expect(new.code == 0, "\(new.stderr)")
        let filled = dir.path + "/filled.xlsx"
        let py = Process()
        py.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        py.arguments = ["python3", CLI.root.appendingPathComponent("Tests/SVCAuditCLITests/Scripts/fill_workbook.py").path,
                        blank, CLI.root.appendingPathComponent(sample).path, filled]
        try py.run()
        py.waitUntilExit()
        #expect(py.terminationStatus == 0)
        let out = dir.path + "/visits"
        let imp = try CLI.run(["import", filled, "--out", out])
        #expect(imp.code == 0, "\(imp.stderr)")
        let file = out + "/BR0421-20260710-01.yaml"
        let v = try CLI.run(["validate", "--strict", file])
        #expect(v.code == 0, "\(v.stderr)")
        let a = try CLI.run(["score", "--format", "json", file]).stdout
        let b = try CLI.run(["score", "--format", "json", sample]).stdout
        #expect(a.replacingOccurrences(of: file, with: sample) == b)
        // A second import refuses to replace the file; --force replaces it.
        let again = try CLI.run(["import", filled, "--out", out, "--lang", "en"])
        #expect(again.code == 1)
        #expect(again.stderr.contains("exists already"), "\(again.stderr)")
        #expect(try CLI.run(["import", filled, "--out", out, "--force"]).code == 0)
    }

    /// A bad cell is named by file, sheet, row and column; nothing is written.
    @Test func problemsNameTheCell() throws {
        let dir = try HostileDir()
        let csv = try dir.write("wb.csv", "检查编号,网点编号,网点名称,日期,检查人,方式,工号,姓名,岗位,C01,E01\nV1,BR1,城中支行,2026-07-10,王敏,现场,,,,,合格\nV1,BR1,城中支行,2026-07-10,王敏,现场,E1,李娜,柜员,好,\n")
        let r = try CLI.run(["import", csv, "--out", dir.path + "/out", "--lang", "en"])
        #expect(r.code == 1)
        #expect(r.stderr.contains("\(csv):3:10: error: sheet 'wb.csv' row 3 column J (C01): C01 is a check item"), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.path + "/out"))
        let zh = try CLI.run(["import", csv, "--out", dir.path + "/out"])
        #expect(zh.stderr.contains("第 3 行第 J 列（C01）"), "\(zh.stderr)")
    }
}

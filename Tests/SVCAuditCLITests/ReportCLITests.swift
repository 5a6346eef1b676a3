import Foundation
import Testing

@Suite struct ReportCLITests {
    static let q3 = ["report", "samples", "--period", "2026-Q3", "--policy", "samples/policy.yaml"]

    @Test func reportGoldens() throws {
        for (format, name) in [("table", "report-q3.txt"), ("json", "report-q3.json"), ("csv", "report-q3.csv"),
                               ("markdown", "report-q3.md")] {
            let r = try CLI.run(Self.q3 + ["--format", format])
            #expect(r.code == 0, "\(format): \(r.stderr)")
            try Golden.check(r.stdoutData, name)
        }
        // A month against the month before it (2026-09 vs 2026-08), in English.
        let m = try CLI.run(["report", "samples", "--period", "2026-09", "--policy", "samples/policy.yaml",
                             "--format", "markdown", "--lang", "en"])
        #expect(m.code == 0)
        try Golden.check(m.stdoutData, "report-2026-09-en.md")
    }

    @Test func reportNumbersOnTheSamples() throws {
        let r = try CLI.run(Self.q3 + ["--format", "json"])
        let json = try #require(try JSONSerialization.jsonObject(with: r.stdoutData) as? [String: Any])
        let summary = try #require(json["summary"] as? [String: Any])
        #expect(summary["visits"] as? Int == 62)
        #expect(summary["branches"] as? Int == 11)
        #expect(summary["findings"] as? Int == 478)
        // 达标率 as shares (SPEC §2.6): every one of the 11 branches has a mean at or above 85
        // → 100%; 49 of the 50 employees (E1025: 79.77) → 98%.
        #expect(summary["branch_pass_rate"] as? Double == 100)
        #expect(summary["staff_pass_rate"] as? Double == 98)
        // Beside them the visit-level shares: 61 of 62 visits → 98.39%; 179 of 190 employee-visits → 94.21%.
        #expect(summary["visit_pass_rate"] as? Double == 98.39)
        #expect(summary["employee_visit_pass_rate"] as? Double == 94.21)
        let targets = try #require(json["targets"] as? [[String: Any]])
        #expect(targets.map { $0["met"] as? Bool } == [true, true])
        // Without a period: every visit, no comparison.
        let all = try CLI.run(["report", "samples", "--format", "json"])
        let allJSON = try #require(try JSONSerialization.jsonObject(with: all.stdoutData) as? [String: Any])
        #expect(allJSON["period"] is NSNull)
        #expect(allJSON["previous"] is NSNull)
    }

    @Test func htmlIsSelfContainedWithCharts() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("svcaudit-report-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("report.html").path
        let r = try CLI.run(Self.q3 + ["--format", "html", "--output", out])
        #expect(r.code == 0)
        #expect(r.stdout.isEmpty)
        let html = try String(contentsOfFile: out, encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        // Branch means against the pass mark, most-failed items, the monthly mean, the histogram.
        #expect(html.components(separatedBy: "<svg").count - 1 == 4)
        #expect(html.components(separatedBy: "stroke-dasharray").count - 1 == 3, "the pass mark drawn on three charts")
        #expect(html.contains("@media print"))
        for banned in ["<script", "http:", "https:", "src=", "@import", "url("] { #expect(!html.contains(banned), "\(banned)") }
        // Same input, same bytes.
        let again = try CLI.run(Self.q3 + ["--format", "html"])
        #expect(again.stdout == html)
    }

    @Test func rectifyGoldensAndStatus() throws {
        let base = ["rectify", "samples", "--as-of", "2026-10-01"]
        try Golden.check(try CLI.run(base).stdoutData, "rectify.txt")
        try Golden.check(try CLI.run(base + ["--status", "overdue", "--format", "json"]).stdoutData, "rectify-overdue.json")
        try Golden.check(try CLI.run(base + ["--status", "overdue", "--format", "csv"]).stdoutData, "rectify-overdue.csv")
        let json = try #require(try JSONSerialization.jsonObject(with: try CLI.run(base + ["--format", "json"]).stdoutData) as? [String: Any])
        let summary = try #require(json["summary"] as? [String: Int])
        // E1006's three findings at BR0422 (G02 open, G13 and U04 overdue) are closed by her clean
        // answers at BR0432 on 2026-08-04 after her transfer (SPEC §2.7: the finding follows the employee).
        #expect(summary["findings"] == 478 && summary["open"] == 127 && summary["overdue"] == 17 && summary["closed"] == 334)
        #expect(summary["reported"] == 0)
        let e1006 = (json["findings"] as! [[String: Any]]).filter { $0["staff"] as? String == "E1006" && $0["branch"] as? String == "BR0422" }
        #expect(e1006.map { $0["item"] as! String }.sorted() == ["G02", "G13", "U04"])
        for f in e1006 {
            #expect(f["status"] as? String == "closed" && f["closed_on"] as? String == "2026-08-04" && f["closed_at"] as? String == "BR0432")
        }

        let fail = try CLI.run(base + ["--fail-on-overdue", "--format", "json"])
        #expect(fail.code == 2)
        #expect(fail.stderr.contains("17 个问题已超期未整改"), "\(fail.stderr)")
        // Early in the quarter nothing is overdue yet.
        #expect(try CLI.run(["rectify", "samples", "--as-of", "2026-07-01", "--fail-on-overdue"]).code == 0)
    }

    @Test func historyGoldens() throws {
        // E1006 moved from BR0422 to BR0432 during the quarter.
        let base = ["history", "E1006", "samples", "--policy", "samples/policy.yaml"]
        try Golden.check(try CLI.run(base).stdoutData, "history-E1006.txt")
        try Golden.check(try CLI.run(base + ["--format", "json"]).stdoutData, "history-E1006.json")
        try Golden.check(try CLI.run(base + ["--format", "markdown", "--lang", "en"]).stdoutData, "history-E1006-en.md")
        try Golden.check(try CLI.run(["history", "BR0442", "samples", "--branch", "--period", "2026-Q3", "--policy",
                                      "samples/policy.yaml", "--format", "markdown"]).stdoutData, "history-BR0442.md")
    }

    @Test func historyUnknownIdNamesCloseOnes() throws {
        let r = try CLI.run(["history", "E1O06", "samples", "--lang", "en"])
        #expect(r.code == 1)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.contains("no employee 'E1O06'"))
        #expect(r.stderr.contains("E1006 (陈静)"))
        let b = try CLI.run(["history", "BR042", "samples", "--branch", "--lang", "en"])
        #expect(b.code == 1)
        #expect(b.stderr.contains("BR0421 (城中支行)"))
    }

    @Test func invalidInputGivesNoResultUnlessSkipped() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("svcaudit-bad-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.copyItem(at: CLI.root.appendingPathComponent("samples/visits/2026-07/BR0421-20260710-01.yaml"),
                                         to: dir.appendingPathComponent("good.yaml"))
        try "branch: {id: BR1, name: 某网点}\ndate: 2026-07-32\ninspector: 王敏\n".write(
            to: dir.appendingPathComponent("bad.yaml"), atomically: true, encoding: .utf8)
        for cmd in [["report"], ["rectify", "--as-of", "2026-10-01"], ["history", "E1001"]] {
            let r = try CLI.run(cmd + [dir.path])
            #expect(r.code == 1, "\(cmd)")
            #expect(r.stdout.isEmpty, "\(cmd)")
            #expect(r.stderr.contains("bad.yaml:2:7: error:"), "\(cmd): \(r.stderr)")
            let s = try CLI.run(cmd + [dir.path, "--skip-invalid", "--format", "json"])
            #expect(s.code == 0, "\(cmd)")
            #expect(s.stdout.contains("bad.yaml"), "\(cmd)")
        }
    }

    @Test func usageErrors() throws {
        #expect(try CLI.run(["report", "samples", "--period", "2026-Q5"]).code == 64)
        #expect(try CLI.run(["report", "samples", "--from", "2026-07-01"]).code == 64)
        #expect(try CLI.run(["rectify", "samples", "--as-of", "2026-7-1"]).code == 64)
        #expect(try CLI.run(["rectify", "samples", "--status", "late"]).code == 64)
        let p = try CLI.run(["report", "samples", "--policy", "no-such-policy.yaml"])
        #expect(p.code == 1)
        #expect(p.stderr.contains("no-such-policy.yaml"))
    }
}

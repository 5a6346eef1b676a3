import Foundation
import Testing

@Suite struct ReportCLITests {
    static let q3 = ["report", "samples/visits", "--period", "2026-Q3", "--policy", "samples/policy.yaml"]

    @Test func reportGoldens() throws {
        for (format, name) in [("table", "report-q3.txt"), ("json", "report-q3.json"), ("csv", "report-q3.csv"),
                               ("markdown", "report-q3.md")] {
            let r = try CLI.run(Self.q3 + ["--format", format])
            #expect(r.code == 0, "\(format): \(r.stderr)")
            try Golden.check(r.stdoutData, name)
        }
        // A month against the month before it (2026-09 vs 2026-08), in English.
        let m = try CLI.run(["report", "samples/visits", "--period", "2026-09", "--policy", "samples/policy.yaml",
                             "--format", "markdown", "--lang", "en"])
        #expect(m.code == 0)
        try Golden.check(m.stdoutData, "report-2026-09-en.md")
    }

    @Test func reportNumbersOnTheSamples() throws {
        let r = try CLI.run(Self.q3 + ["--format", "json"])
        let json = try #require(try JSONSerialization.jsonObject(with: r.stdoutData) as? [String: Any])
        let summary = try #require(json["summary"] as? [String: Any])
        #expect(summary["visits"] as? Int == 178)
        #expect(summary["branches"] as? Int == 12)
        #expect(summary["findings"] as? Int == 842)  // 839 before counter 2026.2, whose C24 three September visits fail
        // 达标率 as shares (SPEC §2.6): all 12 branches and all 52 rated employees (E1039 has only
        // self-checks, which weigh 0) have a mean at or above 85 → 100% and 100%.
        #expect(summary["branch_pass_rate"] as? Double == 100)
        #expect(summary["staff_pass_rate"] as? Double == 100)
        // Beside them the visit-level shares: 177 of 178 visits (BR0442-20260803-01 scores 84.42)
        // → 99.44%; 501 of 527 employee-visits → 95.07%.
        #expect(summary["visit_pass_rate"] as? Double == 99.44)
        #expect(summary["employee_visit_pass_rate"] as? Double == 95.07)
        let targets = try #require(json["targets"] as? [[String: Any]])
        #expect(targets.map { $0["met"] as? Bool } == [true, true])
        // Without a period: every visit, no comparison.
        let all = try CLI.run(["report", "samples/visits", "--format", "json"])
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
        let base = ["rectify", "samples/visits", "--as-of", "2026-10-01"]
        try Golden.check(try CLI.run(base).stdoutData, "rectify.txt")
        try Golden.check(try CLI.run(base + ["--status", "overdue", "--format", "json"]).stdoutData, "rectify-overdue.json")
        try Golden.check(try CLI.run(base + ["--status", "overdue", "--format", "csv"]).stdoutData, "rectify-overdue.csv")
        let json = try #require(try JSONSerialization.jsonObject(with: try CLI.run(base + ["--format", "json"]).stdoutData) as? [String: Any])
        let summary = try #require(json["summary"] as? [String: Int])
        // Overdue: E1034's C07 (fix_by 09-22) and BR0512's E13 (09-25); E13 is answered in
        // responses.csv only, not passed here. See samples/README.md.
        // Counter 2026.2's C24 adds three September findings: E1023's (BR0441, 09-14) stays open, the
        // other two are closed by later clean answers.
        #expect(summary["findings"] == 842 && summary["open"] == 71 && summary["overdue"] == 2 && summary["closed"] == 769)
        #expect(summary["reported"] == 0)
        // E1006's findings at BR0422 on 2026-07-15 (the planted G13 and U04, and C05, G12) are closed by
        // her clean answers at BR0432 on 2026-08-05 after her transfer (SPEC §2.7: the finding follows the employee).
        let e1006 = (json["findings"] as! [[String: Any]]).filter { $0["staff"] as? String == "E1006" && $0["branch"] as? String == "BR0422" && $0["date"] as? String == "2026-07-15" }
        #expect(e1006.map { $0["item"] as! String }.sorted() == ["C05", "G12", "G13", "U04"])
        for f in e1006 {
            #expect(f["status"] as? String == "closed" && f["closed_on"] as? String == "2026-08-05" && f["closed_at"] as? String == "BR0432")
        }

        let fail = try CLI.run(base + ["--fail-on-overdue", "--format", "json"])
        #expect(fail.code == 2)
        #expect(fail.stderr.contains("2 个问题已超期未整改"), "\(fail.stderr)")
        // Early in the quarter nothing is overdue yet.
        #expect(try CLI.run(["rectify", "samples/visits", "--as-of", "2026-07-01", "--fail-on-overdue"]).code == 0)
    }

    @Test func historyGoldens() throws {
        // E1006 moved from BR0422 to BR0432 during the quarter.
        let base = ["history", "E1006", "samples/visits", "--policy", "samples/policy.yaml"]
        try Golden.check(try CLI.run(base).stdoutData, "history-E1006.txt")
        try Golden.check(try CLI.run(base + ["--format", "json"]).stdoutData, "history-E1006.json")
        try Golden.check(try CLI.run(base + ["--format", "markdown", "--lang", "en"]).stdoutData, "history-E1006-en.md")
        try Golden.check(try CLI.run(["history", "BR0442", "samples/visits", "--branch", "--period", "2026-Q3", "--policy",
                                      "samples/policy.yaml", "--format", "markdown"]).stdoutData, "history-BR0442.md")
    }

    @Test func historyUnknownIdNamesCloseOnes() throws {
        let r = try CLI.run(["history", "E1O06", "samples/visits", "--lang", "en"])
        #expect(r.code == 1)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.contains("no employee 'E1O06'"))
        #expect(r.stderr.contains("E1006 (陈静)"))
        let b = try CLI.run(["history", "BR042", "samples/visits", "--branch", "--lang", "en"])
        #expect(b.code == 1)
        #expect(b.stderr.contains("BR0421 (城中支行)"))
    }

    @Test func invalidInputGivesNoResultUnlessSkipped() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("svcaudit-bad-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.copyItem(at: CLI.root.appendingPathComponent("samples/visits/2026-07/BR0421-20260715-01.yaml"),
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
        #expect(try CLI.run(["report", "samples/visits", "--period", "2026-Q5"]).code == 64)
        #expect(try CLI.run(["report", "samples/visits", "--from", "2026-07-01"]).code == 64)
        #expect(try CLI.run(["rectify", "samples/visits", "--as-of", "2026-7-1"]).code == 64)
        #expect(try CLI.run(["rectify", "samples/visits", "--status", "late"]).code == 64)
        let p = try CLI.run(["report", "samples/visits", "--policy", "no-such-policy.yaml"])
        #expect(p.code == 1)
        #expect(p.stderr.contains("no-such-policy.yaml"))
    }
}

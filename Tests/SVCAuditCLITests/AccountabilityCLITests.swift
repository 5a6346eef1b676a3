import Foundation
import Testing

/// End-to-end runs of inspectors, events and the rectification workflow (SPEC §1.5, §2.7, §2.9).
@Suite struct AccountabilityCLITests {
    static let q3 = ["--period", "2026-Q3", "--policy", "samples/policy.yaml"]

    static func json(_ r: CLI.Result) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: r.stdoutData) as? [String: Any])
    }

    @Test func inspectorOffsetsAreSection29OnTheSamples() throws {
        // The oracle: every visit score from `score`, and §2.9 worked out here visit by visit —
        // m_j over the other inspectors' visits at the same branch, nothing compared where
        // nobody else went.
        let scored = try Self.json(try CLI.run(["score", "samples", "--format", "json"]))
        let visits = (scored["visits"] as! [[String: Any]]).filter {
            let d = $0["date"] as! String
            return $0["score"] is Double && d >= "2026-07-01" && d <= "2026-09-30"
        }
        func branch(_ v: [String: Any]) -> String { (v["branch"] as! [String: Any])["id"] as! String }
        let r = try CLI.run(["inspectors", "samples"] + Self.q3 + ["--format", "json"])
        #expect(r.code == 0, "\(r.stderr)")
        let doc = try Self.json(r)
        let rows = doc["inspectors"] as! [[String: Any]]
        #expect(rows.map { $0["name"] as! String } == rows.map { $0["name"] as! String }.sorted())
        #expect(Set(rows.map { $0["name"] as! String }) == Set(visits.map { $0["inspector"] as! String }))
        for row in rows {
            let name = row["name"] as! String
            let mine = visits.filter { $0["inspector"] as! String == name }
            var devs: [Double] = []
            for v in mine {
                let others = visits.filter { branch($0) == branch(v) && $0["inspector"] as! String != name }.map { $0["score"] as! Double }
                if !others.isEmpty { devs.append((v["score"] as! Double) - others.reduce(0, +) / Double(others.count)) }
            }
            #expect(row["visits"] as? Int == mine.count, "\(name)")
            #expect(row["compared"] as? Int == devs.count, "\(name)")
            if devs.isEmpty {
                #expect(row["offset"] is NSNull, "\(name)")
            } else {
                // JSON carries 2 decimals; the visit scores it starts from do too.
                let offset = devs.reduce(0, +) / Double(devs.count)
                #expect(abs((row["offset"] as! Double) - offset) <= 0.011, "\(name): \(row["offset"]!) vs \(offset)")
                let flagged = devs.count >= 5 && abs(offset) >= 3
                if abs(abs(offset) - 3) > 0.02 { #expect(row["flagged"] as? Bool == flagged, "\(name)") }
            }
        }
        let methods = (doc["methods"] as! [[String: Any]]).map { $0["method"] as! String }
        #expect(methods == ["onsite", "video", "mystery", "external", "self"].filter { m in visits.contains { $0["method"] as? String == m } })
        for format in ["table", "csv", "markdown", "html"] {
            let out = try CLI.run(["inspectors", "samples"] + Self.q3 + ["--format", format])
            #expect(out.code == 0 && !out.stdout.isEmpty, "\(format)")
        }
        let html = try CLI.run(["inspectors", "samples"] + Self.q3 + ["--format", "html"]).stdout
        #expect(html.contains("<svg") && html.contains("stroke-dasharray"))
    }

    @Test func inspectorsOnAnEmptyPeriodExitOne() throws {
        let r = try CLI.run(["inspectors", "samples", "--period", "2025-Q3"])
        #expect(r.code == 1 && r.stdout.isEmpty && r.stderr.contains("2026-07-01"))
        #expect(try CLI.run(["inspectors", "samples", "--period", "2025-Q3", "--allow-empty", "--format", "json"]).code == 0)
    }

    @Test func aResponseNamingNoFindingIsAnErrorAtItsLine() throws {
        let r = try CLI.run(["rectify", "samples", "--as-of", "2026-10-01", "--responses", "Tests/Fixtures/responses/response-no-finding.csv",
                             "--lang", "en"])
        #expect(r.code == 1)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.contains("Tests/Fixtures/responses/response-no-finding.csv:2:1: error: names no finding: A s9 item D1 on 2026-07-01"),
                "\(r.stderr)")
        // A broken responses file: its own error, exit 1.
        let bad = try CLI.run(["rectify", "samples", "--as-of", "2026-10-01", "--responses", "Tests/Fixtures/responses/csv-bad-date.csv"])
        #expect(bad.code == 1 && bad.stderr.contains("csv-bad-date.csv:2:27: error:"))
    }

    @Test func noticesOnePerBranchWithOpenFindings() throws {
        let base = ["rectify", "samples", "--as-of", "2026-10-01", "--policy", "samples/policy.yaml"]
        let doc = try Self.json(try CLI.run(base + ["--format", "json"]))
        let pending = Set((doc["findings"] as! [[String: Any]]).filter { $0["status"] as! String != "closed" }.map { $0["branch"] as! String })
        let html = try CLI.run(base + ["--format", "html"])
        #expect(html.code == 0)
        #expect(html.stdout.components(separatedBy: "<h2>整改通知书</h2>").count - 1 == pending.count)
        #expect(html.stdout.contains("page-break-after: always") || html.stdout.contains("break-after: page"))
        #expect(html.stdout.contains("整改措施") && html.stdout.contains("完成日期"))
        for banned in ["<script", "http:", "https:"] { #expect(!html.stdout.contains(banned)) }
        #expect(try CLI.run(base + ["--format", "html"]).stdout == html.stdout)
    }
}

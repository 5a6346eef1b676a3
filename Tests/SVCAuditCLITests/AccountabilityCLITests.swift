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
        let scored = try Self.json(try CLI.run(["score", "samples/visits", "--format", "json"]))
        let visits = (scored["visits"] as! [[String: Any]]).filter {
            let d = $0["date"] as! String
            return $0["score"] is Double && d >= "2026-07-01" && d <= "2026-09-30"
        }
        func branch(_ v: [String: Any]) -> String { (v["branch"] as! [String: Any])["id"] as! String }
        let r = try CLI.run(["inspectors", "samples/visits"] + Self.q3 + ["--format", "json"])
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
            let out = try CLI.run(["inspectors", "samples/visits"] + Self.q3 + ["--format", format])
            #expect(out.code == 0 && !out.stdout.isEmpty, "\(format)")
        }
        let html = try CLI.run(["inspectors", "samples/visits"] + Self.q3 + ["--format", "html"]).stdout
        #expect(html.contains("<svg") && html.contains("stroke-dasharray"))
    }

    @Test func inspectorsOnAnEmptyPeriodExitOne() throws {
        let r = try CLI.run(["inspectors", "samples/visits", "--period", "2025-Q3"])
        #expect(r.code == 1 && r.stdout.isEmpty && r.stderr.contains("2026-07-01"))
        #expect(try CLI.run(["inspectors", "samples/visits", "--period", "2025-Q3", "--allow-empty", "--format", "json"]).code == 0)
    }

    @Test func aResponseNamingNoFindingIsAnErrorAtItsLine() throws {
        let r = try CLI.run(["rectify", "samples/visits", "--as-of", "2026-10-01", "--responses", "Tests/Fixtures/responses/response-no-finding.csv",
                             "--lang", "en"])
        #expect(r.code == 1)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.contains("Tests/Fixtures/responses/response-no-finding.csv:2:1: error: names no finding: A s9 item D1 on 2026-07-01"),
                "\(r.stderr)")
        // A broken responses file: its own error, exit 1.
        let bad = try CLI.run(["rectify", "samples/visits", "--as-of", "2026-10-01", "--responses", "Tests/Fixtures/responses/csv-bad-date.csv"])
        #expect(bad.code == 1 && bad.stderr.contains("csv-bad-date.csv:2:27: error:"))
    }

    @Test func noticesOnePerBranchWithOpenFindings() throws {
        let base = ["rectify", "samples/visits", "--as-of", "2026-10-01", "--policy", "samples/policy.yaml"]
        let doc = try Self.json(try CLI.run(base + ["--format", "json"]))
        let pending = Set((doc["findings"] as! [[String: Any]]).filter { $0["status"] as! String != "closed" }.map { $0["branch"] as! String })
        let html = try CLI.run(base + ["--format", "html"])
        #expect(html.code == 0)
        #expect(html.stdout.components(separatedBy: "<h2>整改通知书</h2>").count - 1 == pending.count)
        // Each notice starts a page (a break before it: a break after a full page left a blank one).
        #expect(html.stdout.contains(".page-break { break-before: page;"))
        #expect(html.stdout.components(separatedBy: "<div class=\"page-break\"></div>\n<h2>整改通知书</h2>").count - 1 == pending.count)
        // The reply form names its branch, so a page of it returned alone says whose it is.
        for b in pending { #expect(html.stdout.contains("<h3>整改措施（网点填写）：\(b) "), "\(b)") }
        #expect(html.stdout.contains("完成日期"))
        for banned in ["<script", "http:", "https:"] { #expect(!html.stdout.contains(banned)) }
        #expect(try CLI.run(base + ["--format", "html"]).stdout == html.stdout)
    }

    // MARK: The samples' planted facts (samples/policy.yaml, events.csv, responses.csv)

    @Test func theLenientSelfCheckerIsFlaggedTheStrictOneHasTooFewComparisons() throws {
        // From the samples' visit scores (see inspectorOffsetsAreSection29OnTheSamples for the
        // arithmetic): 祝永康 +4.15 on 15 compared self-checks, 沈建华 −4.04 on only 4.
        let doc = try Self.json(try CLI.run(["inspectors", "samples/visits"] + Self.q3 + ["--format", "json"]))
        let rows = doc["inspectors"] as! [[String: Any]]
        func row(_ n: String) -> [String: Any] { rows.first { $0["name"] as? String == n }! }
        #expect(row("祝永康")["flagged"] as? Bool == true && row("祝永康")["compared"] as? Int == 15)
        #expect(abs((row("祝永康")["offset"] as! Double) - 4.15) < 0.02)
        #expect((row("祝永康")["methods"] as? [String: Int]) == ["self": 15])
        #expect(row("沈建华")["flagged"] as? Bool == false && row("沈建华")["compared"] as? Int == 4)
        #expect(abs((row("沈建华")["offset"] as! Double) + 4.04) < 0.02)
        #expect(rows.filter { $0["flagged"] as? Bool == true }.map { $0["name"] as! String } == ["祝永康"])
        // The 通报 points at him.
        let report = try CLI.run(["report", "samples/visits"] + Self.q3)
        #expect(report.stdout.contains("检查质量") && report.stdout.contains("检查人 祝永康 评分偏宽"))
    }

    @Test func aVerifiedEventNamingNobodyIsAWarningAtItsLine() throws {
        // E9999 is in no visit and not on the roster: the complaint would change nothing, silently.
        let r = try CLI.run(["rank", "samples/visits"] + Self.q3 + ["--roster", "samples/roster", "--events", "Tests/Fixtures/events/event-names-nobody.csv"])
        #expect(r.code == 0)
        #expect(r.stderr.contains("Tests/Fixtures/events/event-names-nobody.csv:2:1: warning: 投诉“TS2026-0991”所指的员工 E9999 本期没有受检记录，名册中也没有"), "\(r.stderr)")
        // The unverified one on line 3 counts for nothing and is not mentioned.
        #expect(!r.stderr.contains("TS2026-0992"))
        let q = try CLI.run(["rank", "samples/visits"] + Self.q3 + ["--events", "Tests/Fixtures/events/event-names-nobody.csv", "--quiet"])
        #expect(q.code == 0 && q.stderr.isEmpty)
    }

    @Test func eventsDisqualifyPraiseAddsAndSelfChecksDoNotCount() throws {
        let plain = try Self.json(try CLI.run(["rank", "samples/visits"] + Self.q3 + ["--format", "json"]))
        let with = try Self.json(try CLI.run(["rank", "samples/visits"] + Self.q3 + ["--events", "samples/events.csv", "--format", "json"]))
        func entry(_ d: [String: Any], _ id: String) -> [String: Any] { (d["entries"] as! [[String: Any]]).first { $0["id"] as? String == id }! }
        // E1039 was seen on two self-checks by 祝永康 only: self: 0 leaves her with no visit.
        let e1039 = entry(with, "E1039")
        #expect(e1039["eligible"] as? Bool == false && e1039["visits"] as? Int == 0 && e1039["stars"] is NSNull)
        #expect((e1039["reason"] as! String).contains("自查 2 次"))
        // Verified complaints TS2026-0812 (E1010) and TS2026-0918 (E1037) on veto item R01:
        // disqualified, with the same visits and mean as without the events.
        for (id, event) in [("E1010", "TS2026-0812"), ("E1037", "TS2026-0918")] {
            let a = entry(plain, id), b = entry(with, id)
            #expect(b["eligible"] as? Bool == false && (b["reason"] as! String).contains(event), "\(id)")
            #expect((b["veto"] as? [String]) == ["R01"], "\(id)")
            #expect(b["visits"] as? Int == a["visits"] as? Int && b["mean"] as? Double == a["mean"] as? Double, "\(id)")
            #expect(a["eligible"] as? Bool == true, "\(id) is eligible without the events")
        }
        // TS2026-0902 against E1025 is not verified: nothing changes for her.
        #expect(entry(with, "E1025")["score"] as? Double == entry(plain, "E1025")["score"] as? Double)
        #expect(entry(with, "E1025")["eligible"] as? Bool == entry(plain, "E1025")["eligible"] as? Bool)
        // Praise: E1001 two verified (1 point each, cap 3) → +2; E1019 one → +1; E1028's is not verified.
        for (id, points) in [("E1001", 2.0), ("E1019", 1.0), ("E1028", 0.0)] {
            let a = entry(plain, id), b = entry(with, id)
            #expect(b["praise_points"] as? Double == points, "\(id)")
            #expect(abs((b["score"] as! Double) - (a["score"] as! Double) - points) < 0.011, "\(id)")
        }
        // The memo shows the visits behind every selected employee.
        let memo = try CLI.run(["rank", "samples/visits"] + Self.q3 + ["--events", "samples/events.csv", "--format", "markdown"]).stdout
        #expect(memo.contains("入选依据：各次检查"))
        // report and history list the events.
        let report = try CLI.run(["report", "samples/visits"] + Self.q3 + ["--events", "samples/events.csv"]).stdout
        #expect(report.contains("表扬与投诉") && report.contains("TS2026-0918"))
        let history = try CLI.run(["history", "E1001", "samples/visits", "--policy", "samples/policy.yaml", "--events", "samples/events.csv",
                                   "--format", "json"])
        let events = (try Self.json(history))["events"] as! [[String: Any]]
        #expect(events.map { $0["id"] as! String } == ["TS2026-0826", "TS2026-0925"])
    }

    @Test func responsesAndTheTransferOnTheSamples() throws {
        let base = ["rectify", "samples/visits", "--as-of", "2026-10-01", "--policy", "samples/policy.yaml",
                    "--responses", "samples/responses.csv", "--format", "json"]
        let doc = try Self.json(try CLI.run(base))
        let fs = doc["findings"] as! [[String: Any]]
        func find(_ b: String, _ s: String?, _ item: String, _ date: String) -> [String: Any] {
            fs.first { $0["branch"] as? String == b && ($0["staff"] as? String) == s && $0["item"] as? String == item && $0["date"] as? String == date }!
        }
        // BR0512's E13 of 09-18 (fix_by 09-25, past on 10-01): only a video visit on 09-28 follows,
        // which does not answer E13; the branch reports it done on 09-24 → reported, not overdue.
        #expect(find("BR0512", nil, "E13", "2026-09-18")["status"] as? String == "reported")
        // E1034's C06: done 09-28 ≤ 10-01 → reported; C04: done 10-15 is after the as-of day and
        // due 10-03 is not yet past → open.
        #expect(find("BR0512", "E1034", "C06", "2026-09-18")["status"] as? String == "reported")
        #expect(find("BR0512", "E1034", "C04", "2026-09-18")["status"] as? String == "open")
        // E1006 failed C05, G12, G13, U04 at BR0422 on 07-15 (on-site), moved to BR0432, and a
        // mystery visit there on 08-05 answered all four cleanly: closed at BR0432, late (due 07-24/07-30).
        for item in ["C05", "G12", "G13", "U04"] {
            let f = find("BR0422", "E1006", item, "2026-07-15")
            #expect(f["status"] as? String == "closed" && f["closed_on"] as? String == "2026-08-05" && f["closed_at"] as? String == "BR0432", "\(item)")
            #expect(f["closed_late"] as? Bool == true && f["method"] as? String == "onsite", "\(item)")
        }
        let summary = doc["summary"] as! [String: Int]
        #expect(summary["reported"] == 2)
    }
}

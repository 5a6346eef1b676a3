import Foundation
import Testing

/// `svcaudit rank` end to end on samples/ (2026-Q3, 178 visits, 53 staff observed, 2 regions).
@Suite struct RankCLITests {
    static let base = ["rank", "samples/visits", "--policy", "samples/policy.yaml", "--period", "2026-Q3"]

    func run(_ extra: [String]) throws -> CLI.Result { try CLI.run(Self.base + extra) }

    @Test func goldenEveryFormat() throws {
        for (format, name) in [("table", "rank-q3.txt"), ("json", "rank-q3.json"), ("csv", "rank-q3.csv"),
                               ("markdown", "rank-q3.md"), ("html", "rank-q3.html")] {
            let r = try run(["--format", format])
            #expect(r.code == 0, "\(format): \(r.stderr)")
            try Golden.check(r.stdoutData, name)
        }
        try Golden.check(try run(["--lang", "en"]).stdout, "rank-q3-en.txt")
        try Golden.check(try run(["--lang", "en", "--format", "markdown"]).stdout, "rank-q3-en.md")
    }

    @Test func sampleSelection() throws {
        let r = try run(["--format", "json"])
        #expect(r.code == 0)
        let doc = try #require(try JSONSerialization.jsonObject(with: r.stdoutData) as? [String: Any])
        let entries = try #require(doc["entries"] as? [[String: Any]])
        func e(_ id: String) -> [String: Any] { entries.first { $0["id"] as? String == id }! }
        // Top 2 per region. 嘉兴: E1010 (98.49), E1003 (98.42). 湖州: E1037 (98.16), E1047 (97.92).
        // (The verified complaints of samples/events.csv would disqualify E1010 and E1037; no
        // --events here.) Self-checks weigh 0, so 156 of the 178 visits count. Shrinkage m = 2,
        // C = 95.17: E1010 (10 × 99.15 + 2 × 95.17) / 12 = 98.49.
        let selected = entries.filter { $0["selected"] as? Bool == true }.map { $0["id"] as! String }
        #expect(selected == ["E1010", "E1003", "E1037", "E1047"])
        #expect(e("E1010")["rank"] as? Int == 1 && e("E1010")["group_rank"] as? Int == 1)
        #expect(e("E1010")["mean"] as? Double == 99.15 && e("E1010")["score"] as? Double == 98.49)
        #expect(e("E1037")["rank"] as? Int == 3 && e("E1037")["group_rank"] as? Int == 1)
        #expect(e("E1047")["group_rank"] as? Int == 2 && e("E1047")["score"] as? Double == 97.92)
        // Ineligible: the one visit veto (E1053 on duty without the skill grade), and the guards.
        for id in ["E1053", "E1005", "E1014", "E1018", "E1027", "E1032", "E1042", "E1046"] {
            #expect(e(id)["eligible"] as? Bool == false, "\(id)")
            #expect(e(id)["rank"] is NSNull, "\(id)")
        }
        #expect((e("E1053")["reason"] as? String)?.contains("R02（2026-08-27）") == true)
        #expect((e("E1053")["veto"] as? [String]) == ["R02"])
        #expect((e("E1005")["reason"] as? String)?.contains("不在评选范围") == true)
        // E1039 was observed only on two self-checks, which weigh 0 in the sample policy.
        #expect(e("E1039")["visits"] as? Int == 0 && e("E1039")["eligible"] as? Bool == false)
        #expect(e("E1039")["reason"] as? String == "本期没有计分的检查；另有自查 2 次，权重为 0 不计入")
    }

    /// The sample policy with min_visits 9 and min_score 97: the other two reasons.
    @Test func minimumVisitsAndScore() throws {
        let dir = try TempDir()
        let policy = try String(contentsOf: CLI.root.appendingPathComponent("samples/policy.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "min_visits: 2", with: "min_visits: 9")
            .replacingOccurrences(of: "min_score: 85", with: "min_score: 97")
        try dir.write("policy.yaml", policy)
        let r = try CLI.run(["rank", "samples/visits", "--policy", dir.path("policy.yaml"), "--period", "2026-Q3", "--format", "json"])
        #expect(r.code == 0, "\(r.stderr)")
        let doc = try #require(try JSONSerialization.jsonObject(with: r.stdoutData) as? [String: Any])
        let entries = try #require(doc["entries"] as? [[String: Any]])
        func e(_ id: String) -> [String: Any] { entries.first { $0["id"] as? String == id }! }
        #expect((e("E1037")["reason"] as? String) == "本期检查 8 次，少于 9 次")
        #expect((e("E1040")["reason"] as? String) == "评选分 96.00 低于 97")
        #expect((e("E1001")["reason"] as? String) == "本期检查 8 次，少于 9 次；评选分 96.67 低于 97；另有自查 2 次，权重为 0 不计入")
        let selected = entries.filter { $0["selected"] as? Bool == true }.map { $0["id"] as! String }
        #expect(selected == ["E1010", "E1003", "E1043"])  // 湖州 has one eligible entry left
    }

    /// SPEC §3.1 `rank --format json`, key for key and in order.
    @Test func jsonMatchesSpecKeys() throws {
        let r = try run(["--format", "json"])
        let doc = try #require(try JSONSerialization.jsonObject(with: r.stdoutData) as? [String: Any])
        #expect(Set(doc.keys) == ["by", "period", "policy", "entries"])
        #expect(doc["by"] as? String == "staff")
        let period = try #require(doc["period"] as? [String: String])
        #expect(period == ["label": "2026-Q3", "from": "2026-07-01", "to": "2026-09-30"])
        let entries = try #require(doc["entries"] as? [[String: Any]])
        #expect(entries.count == 53)   // every employee id in samples/visits (E1051 is never observed)
        let specKeys: Set = ["rank", "group_rank", "id", "name", "role", "branch", "parent", "region", "visits", "mean",
                             "score", "min", "veto", "eligible", "reason", "stars", "selected"]
        // praise_points: what verified praise added to score (SPEC §2.6), an extension of §3.1.
        for e in entries { #expect(Set(e.keys) == specKeys.union(["praise_points"])) }
        // Order of the keys as SPEC writes them (JSONSerialization forgets it, the text does not).
        let first = r.stdout.components(separatedBy: "\"entries\": [")[1].components(separatedBy: "}")[0]
        let order = first.split(separator: "\n").compactMap { line -> String? in
            let t = line.trimmingCharacters(in: .whitespaces)
            guard t.hasPrefix("\"") else { return nil }
            return String(t.dropFirst().prefix { $0 != "\"" })
        }
        #expect(order == ["rank", "group_rank", "id", "name", "role", "branch", "parent", "region", "visits", "mean",
                          "score", "min", "veto", "eligible", "reason", "stars", "selected", "praise_points"])
        let top = r.stdout.split(separator: "\n").filter { $0.hasPrefix("  \"") }.map { String($0.dropFirst(3).prefix { $0 != "\"" }) }
        #expect(top == ["by", "period", "policy", "entries"])
        // Eligible first in rank order, then the ineligible by id.
        let ranks = entries.map { $0["rank"] as? Int }
        let firstNull = ranks.firstIndex(of: nil)!
        #expect(ranks[..<firstNull].map { $0! } == ranks[..<firstNull].map { $0! }.sorted())
        #expect(ranks[firstNull...].allSatisfy { $0 == nil })
        let tailIDs = entries[firstNull...].map { $0["id"] as! String }
        #expect(tailIDs == tailIDs.sorted())
        // The effective policy, every field.
        let policy = try #require(doc["policy"] as? [String: Any])
        #expect(Set(policy.keys) == ["title", "issuer", "by", "roles", "min_visits", "min_score", "veto", "method_weights",
                                     "prior_visits", "pass_mark", "targets", "ties", "select", "stars",
                                     "calibration", "rectify", "events"])
        #expect(policy["method_weights"] as? [String: Double] == ["onsite": 1, "video": 1, "mystery": 2, "external": 2, "self": 0])
    }

    @Test func defaultsWithoutPolicyOrPeriod() throws {
        let r = try CLI.run(["rank", "samples/visits", "--format", "json"])
        #expect(r.code == 0)
        let doc = try #require(try JSONSerialization.jsonObject(with: r.stdoutData) as? [String: Any])
        #expect(doc["period"] is NSNull)
        let entries = try #require(doc["entries"] as? [[String: Any]])
        #expect(entries.filter { $0["selected"] as? Bool == true }.count == 10)   // top 10, per all
        #expect(entries.allSatisfy { $0["group_rank"] == nil })
        let select = try #require((doc["policy"] as? [String: Any])?["select"] as? [String: Any])
        #expect(select["top"] as? Int == 10 && select["per"] as? String == "all")
    }

    @Test func periodOutsideTheDataAndRanges() throws {
        // Nothing in 2026-Q2: an error naming the dates the visits cover (SPEC §4), unless
        // --allow-empty, which writes the empty ranking.
        let q2 = try CLI.run(["rank", "samples/visits", "--period", "2026-Q2", "--format", "json"])
        #expect(q2.code == 1 && q2.stdout.isEmpty)
        #expect(q2.stderr.contains("2026-07-01 … 2026-09-30"))
        let allowed = try CLI.run(["rank", "samples/visits", "--period", "2026-Q2", "--format", "json", "--allow-empty"])
        #expect(allowed.code == 0)
        #expect(allowed.stdout.contains("\"entries\": []"))
        // July only, as a month and as a range: the same entries.
        let month = try CLI.run(["rank", "samples/visits", "--period", "2026-07", "--format", "csv"])
        let range = try CLI.run(["rank", "samples/visits", "--from", "2026-07-01", "--to", "2026-07-31", "--format", "csv"])
        #expect(month.code == 0 && month.stdout == range.stdout)
        let table = try CLI.run(["rank", "samples/visits", "--period", "2026-07"])
        // Without a policy title the period leads the title, once (issue 16 item 5).
        #expect(table.stdout.hasPrefix("2026年7月服务明星评选\n评选期间：2026年7月"))
        #expect(table.stdout.contains("评选期间以外的检查"))
    }

    @Test func branchRanking() throws {
        let dir = try TempDir()
        try dir.write("policy.yaml", "by: branch\nselect: {top: 1, per: region}\n")
        let r = try CLI.run(["rank", "samples/visits", "--policy", dir.path("policy.yaml"), "--format", "json"])
        #expect(r.code == 0, "\(r.stderr)")
        let doc = try #require(try JSONSerialization.jsonObject(with: r.stdoutData) as? [String: Any])
        let entries = try #require(doc["entries"] as? [[String: Any]])
        #expect(doc["by"] as? String == "branch")
        #expect(entries.count == 12)
        #expect(entries.allSatisfy { $0["role"] is NSNull })
        // A staff veto flags the branch visit: E1053's R02 breach puts BR0524 out.
        let out = entries.filter { $0["eligible"] as? Bool == false }.map { $0["id"] as! String }
        #expect(out == ["BR0524"])
        // Run from the scratch directory so the memo names the policy file the same way every time.
        let root = CLI.root.path
        let memo = try CLI.run(["rank", root + "/samples/visits", "--checklists", root + "/checklists", "--policy", "policy.yaml",
                                "--period", "2026-Q3", "--format", "markdown"], cwd: URL(fileURLWithPath: dir.path))
        #expect(memo.code == 0)
        try Golden.check(memo.stdout, "rank-branch-q3.md")
    }

    @Test func usageErrors() throws {
        for args in [["--period", "2026-Q5"], ["--period", "2026-Q3", "--from", "2026-07-01", "--to", "2026-07-31"],
                     ["--from", "2026-07-01"], ["--from", "2026-07-31", "--to", "2026-07-01"], ["--period", "Q3"]] {
            let r = try CLI.run(["rank", "samples/visits"] + args)
            #expect(r.code == 64, "\(args)")
            #expect(r.stdout.isEmpty)
        }
    }

    @Test func invalidPolicyExits1() throws {
        let dir = try TempDir()
        try dir.write("policy.yaml", "min_visit: 2\nties: alphabetical\n")
        let r = try CLI.run(["rank", "samples/visits", "--policy", dir.path("policy.yaml")])
        #expect(r.code == 1)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.contains("min_visits"))      // did you mean
        #expect(r.stderr.contains("alphabetical"))
        let missing = try CLI.run(["rank", "samples/visits", "--policy", dir.path("nope.yaml")])
        #expect(missing.code == 1 && missing.stdout.isEmpty)
    }

    @Test func invalidVisitNoResultUnlessSkipped() throws {
        let dir = try TempDir()
        try dir.copy("samples/visits/2026-07/BR0421-20260715-01.yaml", "good.yaml")
        try dir.write("bad.yaml", "id: X\nbranch: {id: BR1, name: 甲}\ndate: 2026-07-40\ninspector: 王敏\n")
        let r = try CLI.run(["rank", dir.path])
        #expect(r.code == 1)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.contains("bad.yaml:"))
        let skipped = try CLI.run(["rank", dir.path, "--skip-invalid", "--format", "json"])
        #expect(skipped.code == 0)
        #expect(skipped.stdout.contains("\"skipped\": [\n    \"\(dir.path("bad.yaml"))\""))
        let memo = try CLI.run(["rank", dir.path, "--skip-invalid", "--format", "markdown"])
        #expect(memo.stdout.contains("bad.yaml"))
    }

    @Test func dataQualityWarningsAreShown() throws {
        // The same visit twice (another id), with the employee's name changed in the copy.
        let dir = try TempDir()
        try dir.copy("samples/visits/2026-07/BR0421-20260715-01.yaml", "a.yaml")
        let text = try String(contentsOfFile: dir.path("a.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "id: BR0421-20260715-01", with: "id: BR0421-20260710-02")
            .replacingOccurrences(of: "name: 李娜", with: "name: 李那")
        try dir.write("b.yaml", text)
        let r = try CLI.run(["rank", dir.path])
        #expect(r.code == 0)
        #expect(r.stderr.contains("warning"))
        #expect(r.stderr.contains("李那") && r.stderr.contains("录了两遍"), "\(r.stderr)")
        #expect(r.stdout.contains("数据质量警告 2 条"))
        let memo = try CLI.run(["rank", dir.path, "--format", "html"])
        #expect(memo.stdout.contains("数据质量警告 2 条"))
        #expect(memo.stdout.contains("李那"))
        // The latest file on the same date names the employee.
        let json = try CLI.run(["rank", dir.path, "--format", "json"])
        #expect(json.stdout.contains("\"name\": \"李那\""))
    }

    @Test func outputFile() throws {
        let dir = try TempDir()
        let r = try run(["--format", "html", "--output", dir.path("memo.html")])
        #expect(r.code == 0 && r.stdout.isEmpty)
        let html = try String(contentsOfFile: dir.path("memo.html"), encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(!html.contains("http://") && !html.contains("https://"))
    }
}

/// A scratch directory removed when the test ends.
final class TempDir {
    let path: String

    init() throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("svcaudit-rank-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    func path(_ name: String) -> String { path + "/" + name }

    func write(_ name: String, _ text: String) throws {
        try text.write(toFile: path(name), atomically: true, encoding: .utf8)
    }

    func copy(_ repoPath: String, _ name: String) throws {
        try FileManager.default.copyItem(atPath: CLI.root.appendingPathComponent(repoPath).path, toPath: path(name))
    }
}

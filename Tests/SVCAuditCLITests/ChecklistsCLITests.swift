import Foundation
import Testing

@Suite struct ChecklistsCLITests {
    @Test func listShowsTheFourShippedFamilies() throws {
        let r = try CLI.run(["checklists", "list", "--format", "json"])
        #expect(r.code == 0)
        for id in ["counter", "environment", "greeting", "uniform"] {
            #expect(r.stdout.contains("\"id\": \"\(id)\""))
        }
    }

    @Test func showUnknownChecklistSuggests() throws {
        let r = try CLI.run(["checklists", "show", "countr"])
        #expect(r.code == 1)
        #expect(r.stderr.contains("（是否应为 'counter'？）"), "\(r.stderr)")
        #expect(try CLI.run(["checklists", "show", "countr", "--lang", "en"]).stderr.contains("did you mean 'counter'?"))
    }

    @Test func listGolden() throws {
        try Golden.check(try CLI.run(["checklists", "list"]).stdout, "checklists-list.txt")
        try Golden.check(try CLI.run(["checklists", "show", "counter", "--format", "markdown"]).stdout, "checklists-show-counter.md")
    }
}

/// Per-role maxima as `checklists list` prints them, against a sum over the items that
/// `checklists show --format json` lists (SPEC §2.1: check, scale and deduct items count their
/// points, bonus items are apart; an item applies to its roles, else the checklist's, else every
/// role of roles.yaml). Independent of the code that computes the listing.
@Suite struct ChecklistMaximaCLITests {
    static func json(_ args: [String]) throws -> [String: Any] {
        let r = try CLI.run(args)
        #expect(r.code == 0, "\(r.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: r.stdoutData) as? [String: Any])
    }

    /// The role ids of a roles.yaml: the keys at the start of a line.
    static func roleIDs(_ dir: String) throws -> [String] {
        let text = try String(contentsOf: CLI.root.appendingPathComponent(dir + "/roles.yaml"), encoding: .utf8)
        return text.split(separator: "\n").compactMap { line in
            guard let first = line.first, first.isLetter, let colon = line.firstIndex(of: ":") else { return nil }
            return String(line[..<colon])
        }
    }

    /// role (or "-" for a branch checklist) → (points, bonus), from the items.
    static func fromItems(_ detail: [String: Any], allRoles: [String]) -> [String: [Double]] {
        let items = detail["items"] as? [[String: Any]] ?? []
        let listRoles = detail["roles"] as? [String]
        let staff = detail["scope"] as? String == "staff"
        var out: [String: [Double]] = [:]
        for role in staff ? (listRoles ?? allRoles) : ["-"] {
            var points = 0.0, bonus = 0.0
            for i in items {
                if staff, let r = i["roles"] as? [String], !r.contains(role) { continue }
                let p = i["points"] as? Double ?? 0
                if i["type"] as? String == "bonus" { bonus += p } else { points += p }
            }
            out[role] = [points, bonus]
        }
        return out
    }

    static func listed(_ c: [String: Any]) -> [String: [Double]] {
        var out: [String: [Double]] = [:]
        for m in c["maxima"] as? [[String: Any]] ?? [] {
            out[m["role"] as? String ?? "-"] = [m["points"] as? Double ?? -1, m["bonus"] as? Double ?? -1]
        }
        return out
    }

    @Test(arguments: ["checklists", "Tests/Fixtures/maxima"])
    func listedMaximaAreTheItemSums(dir: String) throws {
        let roles = try Self.roleIDs(dir)
        let list = try Self.json(["checklists", "list", "--checklists", dir, "--format", "json"])
        let checklists = try #require(list["checklists"] as? [[String: Any]])
        #expect(checklists.count >= 3)
        for c in checklists {
            let id = try #require(c["id"] as? String)
            // Every version is listed; show the same one.
            let version = (c["version"] as? String).map { ["--version", $0] } ?? []
            let detail = try Self.json(["checklists", "show", id, "--checklists", dir, "--format", "json"] + version)
            let want = Self.fromItems(detail, allRoles: roles)
            #expect(Self.listed(c) == want, "\(id)")
            #expect(Self.listed(detail) == want, "\(id) (show)")
            // `points` is the highest maximum some role reaches, never the sum of every item.
            #expect(c["points"] as? Double == want.values.map { $0[0] }.max(), "\(id)")
        }
    }

    @Test func handComputedFixture() throws {
        let list = try Self.json(["checklists", "list", "--checklists", "Tests/Fixtures/maxima", "--format", "json"])
        let byID = Dictionary(uniqueKeysWithValues: (list["checklists"] as? [[String: Any]] ?? []).map { ($0["id"] as? String ?? "", $0) })
        #expect(Self.listed(byID["mixed"] ?? [:]) == ["teller": [26.5, 5], "lobby_manager": [23, 2]])
        #expect(Self.listed(byID["all"] ?? [:]) == ["teller": [9, 0], "lobby_manager": [9, 0], "security": [15, 0]])
        #expect(Self.listed(byID["site"] ?? [:]) == ["-": [10, 1]])
        let text = try CLI.run(["checklists", "list", "--checklists", "Tests/Fixtures/maxima"]).stdout
        #expect(text.contains("mixed  混合条目        26.5        23     —     —  柜员 5，大堂经理 2"), "\(text)")
    }

    @Test func shippedMaximaByRoleInChinese() throws {
        let text = try CLI.run(["checklists", "list"]).stdout
        #expect(text.contains("版本    柜员  大堂经理  客户经理  保安  网点  加分上限"), "\(text)")
        // One row per version: counter 2026.2 adds C24 (4 points, teller and account manager) to
        // 2026.1's 100 / 60 / 96.
        #expect(text.contains("counter      柜面服务行为规范  2026.1   100        60        96     —     —"), "\(text)")
        #expect(text.contains("counter      柜面服务行为规范  2026.2   104        60       100     —     —"), "\(text)")
        #expect(text.contains("greeting     迎送用语规范      2026.1    90        85        85     —     —  4"))
    }

    /// `checklists show` at 120 and 80 columns: nothing wider, every guidance there whole.
    @Test(arguments: [120, 80])
    func showFitsTheWidth(width: Int) throws {
        let r = try CLI.run(["checklists", "show", "counter", "--width", "\(width)"])
        #expect(r.code == 0)
        let lines = r.stdout.split(separator: "\n").map(String.init)
        #expect(lines.allSatisfy { OutputCLITests.columns($0) <= width }, "\(lines.filter { OutputCLITests.columns($0) > width })")
        let flat = r.stdout.replacingOccurrences(of: "\n", with: "").replacingOccurrences(of: " ", with: "")
        #expect(flat.contains("0–10分。参照服务蓝图三级：不负责任、态度恶劣为破坏性因素（低分）；态度认真、正常完成业务为标准期待(8分）；态度和蔼可亲、积极为客户处理更多事务为积极性因素（满分）。低于8分为扣分，须写明原因并列入整改"))
        #expect(r.stdout.contains("C15  柜面服务态度综合评价\n     类型：评分，0–10 分\n     整改线：低于 8 分为扣分"))
    }
}

@Suite struct PolicyPeriodCLITests {
    @Test func policyForAnotherPeriodWarns() throws {
        let r = try CLI.run(["rank", "samples/visits", "--period", "2026-Q3", "--policy", "Tests/Fixtures/policy-period/q2.yaml"])
        #expect(r.code == 0, "\(r.stderr)")
        #expect(r.stderr.contains("Tests/Fixtures/policy-period/q2.yaml:2:8: warning: 评选规则的标题“2026年第二季度服务明星评选”写的是2026年第二季度，本次统计的期间却是2026年第三季度"), "\(r.stderr)")
        let en = try CLI.run(["report", "samples/visits", "--period", "2026-Q3", "--policy", "Tests/Fixtures/policy-period/q2.yaml", "--lang", "en", "--quiet"])
        #expect(!en.stderr.contains("warning"), "--quiet drops it: \(en.stderr)")
        let en2 = try CLI.run(["report", "samples/visits", "--period", "2026-Q3", "--policy", "Tests/Fixtures/policy-period/q2.yaml", "--lang", "en"])
        #expect(en2.stderr.contains("names Q2 2026, but the period asked is Q3 2026"), "\(en2.stderr)")
    }

    @Test func theSamplePolicyMatchesItsQuarter() throws {
        let r = try CLI.run(["rank", "samples/visits", "--period", "2026-Q3", "--policy", "samples/policy.yaml"])
        #expect(!r.stderr.contains("policy-period") && !r.stderr.contains("评选规则的标题"), "\(r.stderr)")
        // The title names the quarter once; the header gives the dates.
        let first = r.stdout.split(separator: "\n").first.map(String.init) ?? ""
        #expect(first == "2026年第三季度服务明星评选")
        #expect(!r.stdout.contains("评选 · 2026"))
    }

    @Test func withoutAPolicyTitleThePeriodLeadsTheTitle() throws {
        let r = try CLI.run(["rank", "samples/visits", "--period", "2026-Q3"])
        #expect(r.stdout.hasPrefix("2026年第三季度服务明星评选\n"), "\(r.stdout.prefix(80))")
    }
}

/// Issue 16 item 3: a shipped scale item at 9 of 10 is no deduction, so "扣分最多的条目" on the
/// samples counts only real failures — scale answers below `finding_below`, each with its note.
@Suite struct ScaleFindingLineCLITests {
    @Test func mostFailedCountsOnlyAnswersBelowTheLine() throws {
        let r = try CLI.run(["report", "samples/visits", "--period", "2026-Q3", "--policy", "samples/policy.yaml", "--format", "json"])
        #expect(r.code == 0)
        let doc = try #require(try JSONSerialization.jsonObject(with: r.stdoutData) as? [String: Any])
        let failed = try #require(doc["most_failed"] as? [[String: Any]])
        let counted = Dictionary(uniqueKeysWithValues: failed.map { ($0["item"] as? String ?? "", $0["deductions"] as? Int ?? -1) })
        // The shipped scale items and their lines (checklists/*.yaml): C15 and G12 8 of 10, U08 12 of 15.
        let lines: [String: Double] = ["C15": 8, "G12": 8, "U08": 12]
        var below: [String: Int] = [:], atOrAbove: [String: Int] = [:], unnoted = 0
        let files = FileManager.default.enumerator(atPath: CLI.root.appendingPathComponent("samples/visits").path)!
        let re = try NSRegularExpression(pattern: #"^\s+(C15|G12|U08): (?:\{result: )?([0-9.]+)(, note: [^}]+)?"#)
        for case let f as String in files where f.hasSuffix(".yaml") {
            let text = try String(contentsOf: CLI.root.appendingPathComponent("samples/visits/" + f), encoding: .utf8)
            for line in text.split(separator: "\n").map(String.init) {
                let ns = line as NSString
                guard let m = re.firstMatch(in: line, range: NSRange(location: 0, length: ns.length)) else { continue }
                let id = ns.substring(with: m.range(at: 1)), v = Double(ns.substring(with: m.range(at: 2)))!
                if v < lines[id]! {
                    below[id, default: 0] += 1
                    if m.range(at: 3).location == NSNotFound { unnoted += 1 }
                } else if v < 10 || (id == "U08" && v < 15) {
                    atOrAbove[id, default: 0] += 1
                }
            }
        }
        #expect(unnoted == 0, "every scale answer below its line has a note")
        #expect(atOrAbove.values.reduce(0, +) > 100, "the samples hold many 9s and 9.5s: \(atOrAbove)")
        for id in lines.keys {
            #expect(counted[id] == below[id], "\(id): counted \(counted[id] ?? -1), below the line \(below[id] ?? 0)")
        }
    }
}

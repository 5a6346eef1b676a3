import Testing
@testable import SVCAuditCore

private typealias F = RankFixtures
private typealias P = RankFixtures.Person

@Suite struct RankReportTests {
    static let entryKeys = ["rank", "id", "name", "role", "branch", "parent", "region", "visits", "mean", "score",
                            "min", "veto", "eligible", "reason", "stars", "selected", "praise_points"]   // praise_points: an extension (§2.6)

    func keys(_ v: JSONValue) -> [String] {
        if case .object(let members) = v { return members.map(\.0) }
        return []
    }

    func member(_ v: JSONValue, _ key: String) -> JSONValue? {
        if case .object(let members) = v { return members.first { $0.0 == key }?.1 }
        return nil
    }

    func entries(_ v: JSONValue) -> [JSONValue] {
        member(v, "entries")?.arrayElements ?? []
    }

    @Test func jsonWithoutPeriodOrGroups() {
        let r = F.rank([F.single("A", 95), F.single("B", 90)])
        let json = RankReport(ranking: r).json()
        #expect(keys(json) == ["by", "period", "policy", "entries"])
        #expect(member(json, "period") == .null)
        for e in entries(json) { #expect(keys(e) == Self.entryKeys) }   // no group_rank with per: all
    }

    @Test func jsonGroupRankAndBranchRole() {
        var p = Policy()
        p.by = .branch
        p.select.per = .region
        let r = F.rank([F.visit("2026-07-01", region: "North", score: 90)], p, period: Period("2026-07"))
        let json = RankReport(ranking: r).json()
        let e = entries(json)[0]
        #expect(keys(e) == ["rank", "group_rank"] + Self.entryKeys.dropFirst())
        #expect(member(e, "role") == .null)
        #expect(member(e, "group_rank") == .int(1))
        #expect(member(json, "period") == ["label": "2026-07", "from": "2026-07-01", "to": "2026-07-31"])
    }

    @Test func effectivePolicyHasEveryField() {
        var p = Policy()
        p.methodWeights = [.mystery: 2]
        p.select.quota = .percent(10)
        p.stars = [4: 90, 5: 95]
        let json = p.json()
        #expect(keys(json) == ["title", "issuer", "by", "roles", "min_visits", "min_score", "veto", "method_weights", "prior_visits",
                               "pass_mark", "targets", "ties", "select", "stars", "calibration", "rectify", "events"])
        #expect(member(json, "method_weights") == ["onsite": 1.0, "video": 1.0, "mystery": 2.0, "external": 1.0, "self": 1.0])
        #expect(member(json, "select") == ["top": .null, "percent": 10.0, "per": "all", "at_cutoff": "include"])
        #expect(member(json, "calibration") == ["min_compared": .int(5), "flag_offset": 3.0])
        #expect(member(json, "events") == ["praise_points": 0.0, "max_praise_points": .null])
        #expect(member(json, "stars") == ["5": 95.0, "4": 90.0])
        #expect(member(Policy().json(), "select") == ["top": 10, "percent": .null, "per": "all", "at_cutoff": "include"])
    }

    @Test func ineligibleReasonInJSONFollowsTheLanguage() {
        var p = Policy()
        p.minVisits = 2
        let r = F.rank([F.single("A", 95)], p)
        #expect(member(entries(RankReport(ranking: r, lang: .zh).json())[0], "reason") == "本期检查 1 次，少于 2 次")
        #expect(member(entries(RankReport(ranking: r, lang: .en).json())[0], "reason") == "1 visit in the period, fewer than 2")
        #expect(member(entries(RankReport(ranking: r).json())[0], "rank") == .null)
    }

    @Test func skippedFilesAreNamed() {
        let r = F.rank([F.single("A", 95)])
        let report = RankReport(ranking: r, skipped: ["visits/bad.yaml"])
        #expect(keys(report.json()).last == "skipped")
        #expect(report.render(.table, RenderContext()).contains("visits/bad.yaml"))
        #expect(report.render(.markdown, RenderContext()).contains("visits/bad.yaml"))
    }

    @Test func dataWarningsShowInTableAndMemo() {
        let warning = Diagnostic(file: "v/2.yaml", mark: .start, severity: .warning, code: .staffNameMismatch,
                                 args: ["id": "E1", "name": "李四", "other": "张三", "file": "v/2.yaml"])
        let other = Diagnostic(file: "v/2.yaml", mark: .start, severity: .warning, code: .noNote, args: ["item": "C01"])
        let report = RankReport(ranking: F.rank([F.single("E1", 95)]), diagnostics: [warning, other])
        #expect(report.dataWarnings.count == 1)
        #expect(report.render(.table, RenderContext()).contains("数据质量警告 1 条"))
        let memo = report.render(.markdown, RenderContext())
        #expect(memo.contains("在这里叫 李四"))
        #expect(report.render(.markdown, RenderContext(lang: .en)).contains("named 李四 here but 张三"))
    }

    @Test func memoEscapesNames() {
        let r = F.rank([F.visit("2026-07-01", staff: [P(id: "E1", score: 90, name: "<b>*王*</b>")])])
        let report = RankReport(ranking: r)
        #expect(report.render(.html, RenderContext()).contains("&lt;b&gt;*王*&lt;/b&gt;"))
        #expect(report.render(.markdown, RenderContext()).contains("\\<b\\>\\*王\\*\\</b\\>"))
    }

    @Test func csvHasBOMAndCRLF() {
        let report = RankReport(ranking: F.rank([F.single("A", 95)]))
        let csv = report.render(.csv, RenderContext())
        #expect(csv.hasPrefix("\u{FEFF}"))
        #expect(csv.contains("\r\n"))
        #expect(!report.render(.csv, RenderContext(bom: false)).hasPrefix("\u{FEFF}"))
    }
}

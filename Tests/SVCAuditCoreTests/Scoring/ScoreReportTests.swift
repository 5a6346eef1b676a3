import Foundation
import Testing
@testable import SVCAuditCore

/// The score and explain reports over `Fixture.visit` (see ScorerTests.swift for its arithmetic).
@Suite struct ScoreReportTests {
    static func report(_ extra: [Visit] = [], skipped: [String] = []) -> ScoreReport {
        let scorer = Scorer(catalog: Fixture.catalog)
        let rows = ([Fixture.visit] + extra).map { ScoreReport.VisitRow(VisitSummary(scorer.score($0), catalog: Fixture.catalog)) }
        return ScoreReport(visits: rows, catalog: Fixture.catalog, skipped: skipped)
    }

    static func visit(_ id: String, _ date: String) -> Visit {
        Visit(id: id, branch: Fixture.branch, date: Day(date)!, inspector: "王敏", checklists: ["env"], results: [Fixture.a("E1", .pass)])
    }

    @Test func jsonShapeOfSpec31() {
        let json = Self.report().json().render(pretty: false)
        // score = 74.5, base = 71.5, bonus 3 (branch E3); checklists in catalog order, guard absent
        // (scored for nobody); veto = the branch's own breach E4; findings 5.
        #expect(json.hasPrefix("""
            {"visits":[{"id":"V1","file":"v1.yaml","branch":{"id":"BR01","name":"城中支行","parent":"营业部","region":"嘉兴分行"},\
            "date":"2026-07-10","inspector":"王敏","method":"onsite","score":74.5,"base":71.5,"bonus":3.0,\
            "checklists":{"env":56.0,"look":50.0,"svc":89.0},"versions":{"env":null,"guard":null,"look":null,"svc":null},\
            "veto":["E4"],"findings":5,"staff":[
            """))
        // T: base 58.5 + bonus 5 = 63.5; look 0 is scored (max 4), so present.
        #expect(json.contains("""
            {"id":"T","name":"李娜","role":"teller","score":63.5,"base":58.5,"bonus":5.0,"checklists":{"look":0.0,"svc":78.0},"veto":["A3"],"unanswered":["B2"]}
            """))
        // S: no scored checklist → score and base null, checklists empty.
        #expect(json.contains("""
            {"id":"S","name":"王刚","role":"security","score":null,"base":null,"bonus":0.0,"checklists":{},"veto":[],"unanswered":["G1"]}
            """))
        #expect(!json.contains("skipped"))
    }

    @Test func visitsOrderedByDateThenID() {
        let r = Self.report([Self.visit("B", "2026-07-01"), Self.visit("A", "2026-07-01"), Self.visit("C", "2026-07-11")])
        #expect(r.visits.map(\.id) == ["A", "B", "V1", "C"])
    }

    @Test func skippedKeyOnlyWhenFilesWereSkipped() {
        let json = Self.report(skipped: ["bad.yaml"]).json().render(pretty: false)
        #expect(json.hasSuffix("],\"skipped\":[\"bad.yaml\"]}\n"))
    }

    @Test func thresholds() {
        let r = Self.report([Self.visit("A", "2026-07-01")]) // A: E1 10 of 10 → 100
        #expect(r.visits(below: 74.5).isEmpty) // 74.5 is not below 74.5
        #expect(r.visits(below: 74.51).map(\.id) == ["V1"])
        #expect(r.visitsWithBreach.map(\.id) == ["V1"])
        #expect(r.visits[1].breaches == ["E4", "T:A3"])
    }

    @Test func colourNeverMovesColumns() {
        func strip(_ s: String) -> String {
            s.replacingOccurrences(of: "\u{1B}\\[[0-9;]*m", with: "", options: .regularExpression)
        }
        for report in [Self.report().render(.table, RenderContext(color: true)) as String,
                       ExplainReport(visit: Fixture.scored, catalog: Fixture.catalog)!.render(.table, RenderContext(color: true))] {
            #expect(report.contains("\u{1B}[31m")) // veto rows in red
            #expect(!strip(report).contains("\u{1B}"))
        }
        #expect(strip(Self.report().render(.table, RenderContext(color: true))) == Self.report().render(.table, RenderContext()))
        let explain = ExplainReport(visit: Fixture.scored, catalog: Fixture.catalog)!
        #expect(strip(explain.render(.table, RenderContext(color: true))) == explain.render(.table, RenderContext()))
    }

    /// CSV is one table: the visits by default, the employee-visits with --table staff.
    @Test func csvIsOneTable() {
        let visits = Self.report().render(.csv, RenderContext(lang: .en, bom: false))
        let vl = visits.split(separator: "\r\n", omittingEmptySubsequences: false)
        #expect(vl.count == 1 + 1 + 1) // header, V1, and the empty string after the last CRLF
        #expect(vl[0] == "Date,Visit,File,Branch ID,Branch,Parent,Region,Method,Inspector,Score,Base,Bonus,env,guard,look,svc,Veto,Deductions,Versions")
        #expect(vl[1] == "2026-07-10,V1,v1.yaml,BR01,城中支行,营业部,嘉兴分行,on-site,王敏,74.50,71.50,3,56.00,,50.00,89.00,E4 T:A3,5,env -; guard -; look -; svc -")
        let staff = Self.report().render(.csv, RenderContext(lang: .zh, bom: false, table: "staff"))
        let sl = staff.split(separator: "\r\n", omittingEmptySubsequences: false)
        #expect(sl.count == 1 + 3 + 1)
        #expect(sl[1].hasSuffix(",T,李娜,teller,63.50,58.50,5,,0.00,78.00,A3,3,B2"))
        // A missing score is an empty cell, never a dash (roles as ids: this catalog names none).
        #expect(sl[3].hasSuffix(",S,王刚,security,,,0,,,,,0,G1"))
        #expect(Self.report().render(.csv, RenderContext()).hasPrefix("\u{FEFF}"))
    }
}

@Suite struct ExplainReportTests {
    let r = ExplainReport(visit: Fixture.scored, catalog: Fixture.catalog)!

    func subject(_ id: String) -> ExplainReport.Subject { r.staff.first { $0.staff?.id == id }! }

    @Test func itemStatuses() {
        let t = subject("T").parts.first { $0.checklist.id == "svc" }!
        #expect(t.lines.map(\.status) == [.scored, .scored, .scored, .na, .bonus])
        let l = subject("L").parts.first { $0.checklist.id == "svc" }!
        // A4 is teller-only: shown as excluded by role; A5 bonus unanswered
        #expect(l.lines.map(\.status) == [.scored, .scored, .scored, .role, .unanswered])
        #expect(subject("T").parts.first { $0.checklist.id == "look" }!.lines.map(\.status) == [.scored, .unanswered])
        // security: svc does not apply to the role
        #expect(subject("S").notApplicable.map(\.id) == ["svc"])
    }

    @Test func formulasWithNumbers() {
        // T: svc 100 × 19.5 / 25 = 78; base (3×78 + 1×0) / 4 = 58.5; + bonus 5 = 63.5
        #expect(ScoreFormula.ratio(earned: 19.5, max: 25) == "100 × 19.5 / 25 = 78.00")
        #expect(ExplainReport.baseFormula(subject("T").score) == "(1×0.00 + 3×78.00) / 4 = 58.50")
        #expect(ExplainReport.scoreFormula(base: 58.5, bonus: 5) == "58.50 + 5 = 63.50")
        #expect(ExplainReport.baseFormula(subject("S").score) == nil)
        // visit: svc mean (78 + 100) / 2 = 89; base (2×56 + 1×50 + 3×89) / 6 = 71.5
        #expect(r.visitChecklistFormula(Fixture.svc) == "(78.00 + 100.00) / 2 = 89.00")
        #expect(r.visitChecklistFormula(Fixture.env) == "56.00")
        #expect(r.visitChecklistFormula(Fixture.guardList) == nil)
        #expect(r.visitBaseFormula == "(2×56.00 + 1×50.00 + 3×89.00) / 6 = 71.50")
        // A3: 1 occurrence × 4 from 10; A5: 3 × 2 capped at 5
        let t = subject("T").parts.first { $0.checklist.id == "svc" }!
        #expect(ScoreFormula.item(t.lines[2].item, t.lines[2].result!) == "max(0, 10 − 1×4) = 6")
        #expect(ScoreFormula.item(t.lines[4].item, t.lines[4].result!) == "min(5, 3×2) = 5")
        #expect(ScoreFormula.mean([92.5], result: 92.5) == "92.50")
    }

    @Test func staffFilter() {
        #expect(ExplainReport(visit: Fixture.scored, catalog: Fixture.catalog, staffID: "nobody") == nil)
        let one = ExplainReport(visit: Fixture.scored, catalog: Fixture.catalog, staffID: "L")!
        #expect(one.branch == nil)
        #expect(one.staff.map { $0.staff!.id } == ["L"])
        let json = one.json().render(pretty: false)
        #expect(!json.contains("\"visit_score\""))
        #expect(json.contains("\"status\":\"role\""))
    }

    @Test func visitScoreJSON() {
        let json = r.json().render(pretty: false)
        #expect(json.contains("""
            "visit_score":{"checklists":[{"id":"env","scope":"branch","weight":2.0,"score":56.0,"formula":"56.00"},\
            {"id":"guard","scope":"staff","weight":5.0,"score":null,"subjects":[],"formula":null},\
            {"id":"look","scope":"staff","weight":1.0,"score":50.0,"subjects":[{"staff":"T","score":0.0},{"staff":"L","score":100.0}],"formula":"(0.00 + 100.00) / 2 = 50.00"},\
            {"id":"svc","scope":"staff","weight":3.0,"score":89.0,"subjects":[{"staff":"T","score":78.0},{"staff":"L","score":100.0}],"formula":"(78.00 + 100.00) / 2 = 89.00"}],\
            "base":71.5,"bonus":3.0,"score":74.5,"formula":{"base":"(2×56.00 + 1×50.00 + 3×89.00) / 6 = 71.50","score":"71.50 + 3 = 74.50"},\
            "veto":["E4"],"breaches":[{"staff":null,"item":"E4"},{"staff":"T","item":"A3"}]}}
            """))
    }
}

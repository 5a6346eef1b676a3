import Testing
@testable import SVCAuditCore

/// SPEC §2.1–2.4 on small hand-built checklists; every expected value is computed by hand
/// in the comment beside it.
enum Fixture {
    /// svc: staff scope, roles teller + lobby, weight 3.
    static let svc = Checklist(id: "svc", title: "柜面", scope: .staff, roles: ["teller", "lobby"], weight: 3, items: [
        ChecklistItem(id: "A1", text: "起身相迎", section: "S1", points: 10),
        ChecklistItem(id: "A2", text: "服务态度", section: "S1", points: 5, type: .scale),
        ChecklistItem(id: "A3", text: "推拖拒", section: "S2", points: 10, type: .deduct, per: 4, veto: true),
        ChecklistItem(id: "A4", text: "双手接递", section: "S2", points: 5, veto: true, roles: ["teller"]),
        ChecklistItem(id: "A5", text: "客户表扬", points: 5, type: .bonus, per: 2),
    ])
    /// look: staff scope, every role, weight 1.
    static let look = Checklist(id: "look", title: "仪容", scope: .staff, items: [
        ChecklistItem(id: "B1", text: "工牌", points: 4),
        ChecklistItem(id: "B2", text: "发型", points: 6),
    ])
    /// env: branch scope, weight 2.
    static let env = Checklist(id: "env", title: "环境", scope: .branch, weight: 2, items: [
        ChecklistItem(id: "E1", text: "门前整洁", points: 10),
        ChecklistItem(id: "E2", text: "设施故障", points: 10, type: .deduct, per: 3),
        ChecklistItem(id: "E3", text: "便民服务", points: 3, type: .bonus, per: 1),
        ChecklistItem(id: "E4", text: "消防通道", points: 5, veto: true),
    ])
    /// guard: staff scope, security only, weight 5.
    static let guardList = Checklist(id: "guard", title: "安保", scope: .staff, roles: ["security"], weight: 5, items: [
        ChecklistItem(id: "G1", text: "巡视", points: 10),
    ])
    static let catalog = ChecklistCatalog([svc, look, env, guardList])

    static func a(_ item: String, _ value: Answer.Value, note: String? = nil) -> Answer {
        Answer(item: item, value: value, note: note)
    }

    static let branch = Branch(id: "BR01", name: "城中支行", parent: "营业部", region: "嘉兴分行")

    /// The visit every test below reasons about.
    static let visit = Visit(
        id: "V1", file: "v1.yaml", branch: branch, date: Day("2026-07-10")!, inspector: "王敏",
        checklists: ["svc", "look", "env", "guard"],
        results: [a("E1", .pass), a("E2", .count(2)), a("E3", .count(5)), a("E4", .fail)],
        staff: [
            StaffObservation(id: "T", name: "李娜", role: "teller", results: [
                a("A1", .pass), a("A2", .value(3.5)), a("A3", .count(1)), a("A4", .na), a("A5", .count(3)),
                a("B1", .fail), // B2 unanswered
            ]),
            StaffObservation(id: "L", name: "张伟", role: "lobby", results: [
                // A4 is teller-only: not applicable to a lobby manager at all. A5 unanswered.
                a("A1", .pass), a("A2", .value(5)), a("A3", .count(0)), a("B1", .pass), a("B2", .pass),
            ]),
            StaffObservation(id: "S", name: "王刚", role: "security", results: [
                // svc does not apply to security; look all na; guard unanswered.
                a("B1", .na), a("B2", .na),
            ]),
        ])

    static var scored: VisitScore { Scorer(catalog: catalog).score(visit) }
}

@Suite struct ScorerItemTests {
    let s = Fixture.scored

    func staff(_ id: String) -> SubjectScore { s.staff.first { $0.id == id }!.result }
    func item(_ subject: SubjectScore, _ id: String) -> ItemResult {
        subject.checklists.flatMap(\.items).first { $0.item == id }!
    }

    @Test func eachItemType() {
        let t = staff("T")
        // check pass: 10 of 10
        #expect(item(t, "A1").outcome == .scored(earned: 10, max: 10))
        // scale: the value, 3.5 of 5
        #expect(item(t, "A2").outcome == .scored(earned: 3.5, max: 5))
        // deduct: max(0, 10 − 1×4) = 6 of 10
        #expect(item(t, "A3").outcome == .scored(earned: 6, max: 10))
        // bonus: min(5, 3×2) = 5, outside the max
        #expect(item(t, "A5").outcome == .bonus(5))
        // check fail: 0 of 4
        #expect(item(t, "B1").outcome == .scored(earned: 0, max: 4))
        // branch deduct: max(0, 10 − 2×3) = 4 of 10; bonus min(3, 5×1) = 3
        #expect(item(s.branchPart, "E2").outcome == .scored(earned: 4, max: 10))
        #expect(item(s.branchPart, "E3").outcome == .bonus(3))
    }

    @Test func deductNeverBelowZero() {
        // 10 − 4×4 = −6 → 0
        let o = Scorer.outcome(Fixture.svc.items[2], .count(4))
        #expect(o == .scored(earned: 0, max: 10))
        // bonus capped: min(5, 10×2) = 5
        #expect(Scorer.outcome(Fixture.svc.items[4], .count(10)) == .bonus(5))
    }

    @Test func naAndUnansweredLeaveTheMax() {
        let t = staff("T")
        #expect(item(t, "A4").outcome == .notApplicable)
        #expect(item(t, "B2").outcome == .unanswered)
        let svc = t.checklists.first { $0.id == "svc" }!
        // A1 10 + A2 3.5 + A3 6 = 19.5 earned of 10 + 5 + 10 = 25 (A4 na, A5 bonus not in max)
        #expect(svc.earned == 19.5)
        #expect(svc.max == 25)
        #expect(svc.score == 78) // 100 × 19.5 / 25
        let look = t.checklists.first { $0.id == "look" }!
        // B1 0 of 4; B2 unanswered is out of the max: 100 × 0 / 4 = 0
        #expect(look.max == 4)
        #expect(look.score == 0)
        #expect(t.unanswered == ["B2"])
    }

    @Test func sectionSubtotals() {
        let svc = staff("T").checklists.first { $0.id == "svc" }!
        // S1: A1 10 + A2 3.5 = 13.5 of 15 → 90; S2: A3 6 of 10 (A4 na) → 60
        #expect(svc.sections.map(\.name) == ["S1", "S2"])
        #expect(svc.sections[0].earned == 13.5 && svc.sections[0].max == 15)
        #expect(svc.sections[0].score == 90)
        #expect(svc.sections[1].score == 60)
    }

    @Test func checklistWithNothingScoredDropsOut() {
        let sec = staff("S")
        // look: B1, B2 na → max 0 → not scored; guard: G1 unanswered → not scored
        #expect(sec.checklists.map(\.id) == ["guard", "look"])
        #expect(sec.checklists.allSatisfy { $0.score == nil })
        #expect(sec.base == nil)
        #expect(sec.score == nil)
        #expect(sec.unanswered == ["G1"])
        // …and guard is absent from the visit composite: nobody scored it
        #expect(s.checklistScore("guard") == nil)
    }

    @Test func roleFiltersAtChecklistAndItemLevel() {
        // Checklist level: svc lists teller and lobby, not security.
        #expect(!staff("S").checklists.contains { $0.id == "svc" })
        // guard is security-only.
        #expect(!staff("T").checklists.contains { $0.id == "guard" })
        // Item level: A4 is teller-only, so the lobby manager has no A4 at all (not even unanswered).
        let l = staff("L")
        #expect(!l.checklists.flatMap(\.items).contains { $0.item == "A4" })
        let svc = l.checklists.first { $0.id == "svc" }!
        // A1 10 + A2 5 + A3 10 (0 occurrences) = 25 of 25; A5 unanswered
        #expect(svc.max == 25)
        #expect(svc.score == 100)
        #expect(l.unanswered == ["A5"])
    }

    @Test func employeeCompositeUsesWeightsAndAddsBonus() {
        let t = staff("T")
        // base = (3×78 + 1×0) / (3+1) = 234 / 4 = 58.5; bonus A5 = 5; score 63.5
        #expect(t.base == 58.5)
        #expect(t.bonus == 5)
        #expect(t.score == 63.5)
        // deductions: A2 (3.5 < 5), A3 (1 occurrence), B1 (fail) = 3
        #expect(t.deductions == 3)
    }

    @Test func branchPart() {
        let b = s.branchPart
        // env: E1 10 + E2 4 + E4 0 = 14 of 10 + 10 + 5 = 25 → 56; bonus E3 3
        #expect(b.checklists.map(\.id) == ["env"])
        #expect(b.checklists[0].score == 56)
        #expect(b.bonus == 3)
        #expect(b.deductions == 2) // E2, E4
    }

    @Test func visitAveragesStaffScopeOverEmployees() {
        // svc: mean of T 78 and L 100 = 89 (S not applicable)
        // look: mean of T 0 and L 100 = 50 (S not scored: all na)
        // env: 56; guard: dropped
        #expect(s.checklists.map(\.id) == ["env", "look", "svc"])
        #expect(s.checklistScore("svc") == 89)
        #expect(s.checklistScore("look") == 50)
        #expect(s.checklistScore("env") == 56)
        #expect(s.checklists.first { $0.id == "svc" }!.subjects == 2)
        // base = (2×56 + 1×50 + 3×89) / (2+1+3) = (112 + 50 + 267) / 6 = 429 / 6 = 71.5
        #expect(s.base == 71.5)
        // score = 71.5 + branch bonus 3 = 74.5 (employee bonuses do not enter the visit score)
        #expect(s.bonus == 3)
        #expect(s.score == 74.5)
        // findings = branch 2 + T 3 + L 0 + S 0
        #expect(s.findings == 5)
        #expect(s.assessed == ["env", "guard", "look", "svc"]) // catalog order
    }

    @Test func vetoFlagsForCheckAndDeductItems() {
        // A3 deduct 1 occurrence on a veto item → breach; E4 check fail on a veto item → breach
        #expect(staff("T").veto == ["A3"])
        #expect(s.veto == ["E4"])
        #expect(s.anyBreach == ["A3", "E4"])
        // A3 answered 0 occurrences is no breach
        #expect(staff("L").veto.isEmpty)
        // Scores are not changed by a breach: T's score is still 63.5
        #expect(staff("T").score == 63.5)
    }
}

@Suite struct ScorerBonusAndRoundingTests {
    @Test func bonusPushesAboveHundred() {
        let v = Visit(id: "V2", branch: Fixture.branch, date: Day("2026-07-11")!, inspector: "王敏", checklists: ["svc"],
                      staff: [StaffObservation(id: "L", name: "张伟", role: "lobby", results: [
                          Fixture.a("A1", .pass), Fixture.a("A2", .value(5)), Fixture.a("A3", .count(0)),
                          Fixture.a("A5", .count(1)),
                      ])])
        let s = Scorer(catalog: Fixture.catalog).score(v)
        let l = s.staff[0].result
        // base 100 (25 of 25), bonus min(5, 1×2) = 2 → 102
        #expect(l.base == 100)
        #expect(l.score == 102)
        // No branch-scope checklist assessed: the visit score is svc's mean over employees, 100,
        // with no branch bonus.
        #expect(s.score == 100)
    }

    @Test func noScoredChecklistNoVisitScore() {
        let v = Visit(id: "V3", branch: Fixture.branch, date: Day("2026-07-11")!, inspector: "王敏", checklists: ["env"],
                      results: [Fixture.a("E1", .na), Fixture.a("E2", .na), Fixture.a("E4", .na), Fixture.a("E3", .count(1))])
        let s = Scorer(catalog: Fixture.catalog).score(v)
        #expect(s.base == nil)
        #expect(s.score == nil) // the bonus alone does not make a score
        #expect(s.checklists.isEmpty)
    }

    @Test func roundingIsForDisplayOnlyHalfAwayFromZero() {
        // One scale item of 80 points answered 70.5: 100 × 70.5 / 80 = 88.125 exactly in binary.
        let c = Checklist(id: "k", title: "k", scope: .branch, items: [ChecklistItem(id: "K1", text: "k", points: 80, type: .scale)])
        let v = Visit(id: "V4", branch: Fixture.branch, date: Day("2026-07-12")!, inspector: "王敏", checklists: ["k"],
                      results: [Fixture.a("K1", .value(70.5))])
        let s = Scorer(catalog: ChecklistCatalog([c])).score(v)
        #expect(s.score == 88.125) // unrounded in the model
        #expect(Num.fixed2(s.score!) == "88.13") // half away from zero (printf would give 88.12)
        #expect(JSONValue.number(s.score!).render(pretty: false) == "88.13\n")
    }

    @Test func meansUseUnroundedScores() {
        // One staff scale item of 9 points. E1 answers 3: 100 × 3/9 = 33.333… (shown 33.33);
        // E2 answers 5: 100 × 5/9 = 55.555… (shown 55.56).
        // Visit S_k = (33.333… + 55.555…) / 2 = 800/18 = 44.444… → 44.44.
        // Averaging the displayed values instead would give (33.33 + 55.56) / 2 = 44.445 → 44.45.
        let c = Checklist(id: "m", title: "m", scope: .staff, items: [ChecklistItem(id: "M1", text: "m", points: 9, type: .scale)])
        let v = Visit(id: "V5", branch: Fixture.branch, date: Day("2026-07-12")!, inspector: "王敏", checklists: ["m"],
                      staff: [StaffObservation(id: "E1", name: "甲", role: "teller", results: [Fixture.a("M1", .value(3))]),
                              StaffObservation(id: "E2", name: "乙", role: "teller", results: [Fixture.a("M1", .value(5))])])
        let s = Scorer(catalog: ChecklistCatalog([c])).score(v)
        #expect(Num.fixed2(s.staff[0].result.score!) == "33.33")
        #expect(Num.fixed2(s.staff[1].result.score!) == "55.56")
        #expect(abs(s.score! - 800.0 / 18) < 1e-12)
        #expect(Num.fixed2(s.score!) == "44.44")
    }
}

@Suite struct ScorerFromYAMLTests {
    static func load(_ text: String, _ file: String, _ catalog: ChecklistCatalog?) -> (Checklist?, VisitScore?, [Diagnostic]) {
        var diags = DiagnosticList(file: file)
        if let catalog {
            guard case .visit(_, let score) = VisitReader.read(Array(text.utf8), file: file, catalog: catalog, detail: true,
                                                               diags: &diags) else { return (nil, nil, diags.items) }
            return (nil, score, diags.items)
        }
        let (root, errors) = YAMLReader.parse(Array(text.utf8))
        #expect(errors.isEmpty)
        return (ChecklistLoader.load(root!, file: file, diags: &diags), nil, diags.items)
    }

    @Test func yamlChecklistAndVisit() {
        let (c, _, cd) = Self.load("""
            id: counter
            title: 柜面
            scope: staff
            roles: [teller, lobby_manager]
            weight: 35
            items:
              - {id: C01, text: 站相迎, points: 6, roles: [teller]}
              - {id: C12, text: 引导, points: 5, roles: [lobby_manager]}
              - {id: C14, text: 投诉, points: 10, type: deduct, per: 10, veto: true}
              - {id: C16, text: 表扬, points: 5, type: bonus, per: 2}
            """, "counter.yaml", nil)
        #expect(cd.isEmpty)
        let catalog = ChecklistCatalog([c!])
        let (_, v, vd) = Self.load("""
            branch: {id: BR1, name: 城中支行}
            date: 2026-07-14
            inspector: 王敏
            staff:
              - id: E1
                name: 李娜
                role: teller
                results: {C01: 合格, C14: {result: 1, note: 投诉属实}, C16: 2}
              - id: E2
                name: 刘洋
                role: lobby_manager
                results: {C12: 不合格, C14: 0, C16: 0}
            """, "v.yaml", catalog)
        #expect(!vd.contains { $0.severity == .error })
        let s = v!
        // E1: C01 6 of 6 + C14 max(0, 10 − 1×10) = 0 of 10 → 100 × 6 / 16 = 37.5; bonus min(5, 2×2) = 4
        #expect(s.staff[0].result.base == 37.5)
        #expect(s.staff[0].result.score == 41.5)
        #expect(s.staff[0].result.veto == ["C14"])
        // E2: C12 0 of 5 + C14 10 of 10 → 100 × 10 / 15 = 66.666…
        #expect(abs(s.staff[1].result.base! - 200.0 / 3) < 1e-12)
        // visit: counter = (37.5 + 66.666…) / 2 = 52.083… → 52.08; no branch bonus
        #expect(abs(s.score! - (37.5 + 200.0 / 3) / 2) < 1e-12)
        #expect(Num.fixed2(s.score!) == "52.08")
        #expect(s.id == "v.yaml") // the id defaults to the path as given
    }
}

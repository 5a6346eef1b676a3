import Foundation
import Testing
@testable import SVCAuditCore

/// Per-role maxima (issue 16 item 2): what each role can earn on a checklist, SPEC §2.1 — check,
/// scale and deduct items count their points (a deduct item is earned in full when nothing is
/// deducted), bonus items are apart; only the items that apply to the role.
struct ChecklistMaximaTests {
    static let fixture = ChecklistSource.load(directory: ShippedChecklistTests.root + "/Tests/Fixtures/maxima")

    static func maxima(_ id: String, in loaded: ChecklistSource.Loaded) -> [String: (points: Double, bonus: Double)] {
        guard let c = loaded.catalog.checklist(id) else { return [:] }
        var out: [String: (Double, Double)] = [:]
        for m in MaximaText.maxima(c, loaded.catalog) { out[m.role ?? "-"] = (m.points, m.bonus) }
        return out
    }

    /// The figures in the fixture's comments, worked by hand.
    @Test func handComputedFixture() throws {
        #expect(Self.fixture.diagnostics.isEmpty, "\(Self.fixture.diagnostics.map { $0.message(.en) })")
        let mixed = Self.maxima("mixed", in: Self.fixture)
        #expect(mixed.count == 2) // security: the checklist does not apply
        #expect(mixed["teller"]! == (26.5, 5))
        #expect(mixed["lobby_manager"]! == (23, 2))
        let all = Self.maxima("all", in: Self.fixture)
        #expect(all.count == 3)
        #expect(all["teller"]! == (9, 0))
        #expect(all["lobby_manager"]! == (9, 0))
        #expect(all["security"]! == (15, 0))
        let site = Self.maxima("site", in: Self.fixture)
        #expect(site.count == 1)
        #expect(site["-"]! == (10, 1))
    }

    /// A role's maximum is what a perfect visit earns: every check passed, every scale at its
    /// points, no deduction — the checklist then scores exactly 100 (SPEC §2.2).
    @Test func theMaximumIsReachable() throws {
        let catalog = Self.fixture.catalog
        let c = try #require(catalog.checklist("mixed"))
        for role in ["teller", "lobby_manager"] {
            var earned = 0.0
            for i in c.items where i.applies(toRole: role) && i.type != .bonus {
                switch i.type {
                case .check, .scale: earned += i.points
                case .deduct: earned += max(0, i.points - 0 * (i.per ?? 0))
                case .bonus: break
                }
            }
            #expect(earned == c.maximum(forRole: role).points, "\(role)")
        }
    }

    /// The listing's JSON carries the maxima role by role, and `points` is a figure some role
    /// reaches (the old listing summed every item: 112 for counter, a maximum nobody has).
    @Test func listingJSON() throws {
        let json = ChecklistListing(catalog: Self.fixture.catalog, directory: nil).json().render(pretty: false)
        #expect(json.contains(#""id":"mixed""#))
        #expect(json.contains(#""points":26.5,"bonus_points":5.0,"maxima":[{"role":"teller","role_name":"柜员","points":26.5,"bonus":5.0},{"role":"lobby_manager","role_name":"大堂经理","points":23.0,"bonus":2.0}]"#), "\(json)")
        #expect(json.contains(#""maxima":[{"role":null,"role_name":null,"points":10.0,"bonus":1.0}]"#))
    }

    /// The shipped figures, worked by hand from checklists/*.yaml (each file's header says them):
    /// counter — C01–C06 6 each for 柜员/客户经理; 4 each: C07 (柜员), C08 C18 C19 C10 C11 C22 C25
    /// (all three), C09 C20 C21 (柜员/客户经理), C12 C26 C27 (大堂经理); C15 scale 10 and C13
    /// deduct 10 for all: 柜员 36+4×11+10+10 = 100, 客户经理 36+4×10+20 = 96, 大堂经理 4×10+20 = 60.
    /// greeting — 75 for all (G01 5, G02 10, G05 10, G06 5, G07 5, G08 10, G10 10, G12 10, G13 10),
    /// G04 10 for 柜员/客户经理, G09 5 for 柜员, G03 10 for 大堂经理: 90 / 85 / 85, bonus G14 4 apart.
    /// uniform — 100, 保安 90 (U07 not his); environment 100; records — R01 10 for all, R02 R03
    /// for 柜员: 30 / 10 / 10.
    @Test func shippedFigures() {
        let shipped = ShippedChecklistTests.loaded
        func expect(_ id: String, _ want: [String: (Double, Double)]) {
            // A later version of a checklist (SPEC §1.1 versions) is worked out afresh: pin 2026.1.
            guard shipped.catalog.checklist(id)?.version == "2026.1" else { return }
            let got = Self.maxima(id, in: shipped)
            #expect(got.count == want.count, "\(id): roles \(got.keys.sorted())")
            for (role, w) in want { #expect(got[role].map { $0 == w } == true, "\(id) \(role): \(String(describing: got[role])) ≠ \(w)") }
        }
        expect("counter", ["teller": (100, 0), "account_manager": (96, 0), "lobby_manager": (60, 0)])
        expect("greeting", ["teller": (90, 4), "lobby_manager": (85, 4), "account_manager": (85, 4)])
        expect("uniform", ["teller": (100, 0), "lobby_manager": (100, 0), "account_manager": (100, 0), "security": (90, 0)])
        expect("environment", ["-": (100, 0)])
        expect("records", ["teller": (30, 0), "account_manager": (10, 0), "lobby_manager": (10, 0)])
    }

    @Test func itemTypesInWords() {
        #expect(ChecklistItem.Kind.allCases.map { ItemTypeWords.word($0, .zh) } == ["合格/不合格", "评分", "扣分", "加分"])
        #expect(ChecklistItem.Kind.allCases.map { ItemTypeWords.word($0, .en) } == ["pass/fail", "scale", "deduction", "bonus"])
        let c13 = ChecklistItem(id: "C13", text: "推拖拒", points: 10, type: .deduct, per: 5)
        #expect(ItemTypeWords.described(c13, .zh) == "扣分，每次扣 5 分，最多扣 10 分")
        let g14 = ChecklistItem(id: "G14", text: "帮助", points: 4, type: .bonus, per: 2)
        #expect(ItemTypeWords.described(g14, .en) == "bonus, 2 per occurrence, at most 4 (not part of the maximum)")
    }

    /// `checklists show`: every item's text, guidance and 依据 whole, wrapped to the width with a
    /// hanging indent, never a line wider than the terminal.
    @Test func showWrapsEveryTextWhole() throws {
        let shipped = ShippedChecklistTests.loaded
        for id in shipped.catalog.ids {
            let c = try #require(shipped.catalog.checklist(id))
            let detail = ChecklistDetail(checklist: c, catalog: shipped.catalog)
            for width in [80, 120, 50] {
                var ctx = RenderContext(width: width)
                ctx.roles = shipped.catalog.roles
                let out = detail.render(.table, ctx)
                for line in out.split(separator: "\n") {
                    #expect(DisplayWidth.of(String(line)) <= width, "\(id) at \(width): \(line)")
                }
                // Nothing is cut: with the line breaks and indents taken out, every text is there.
                let flat = out.replacingOccurrences(of: "\n", with: "").replacingOccurrences(of: " ", with: "")
                for i in c.items {
                    for text in [i.text, i.guidance, i.basis].compactMap({ $0 }) {
                        #expect(flat.contains(text.replacingOccurrences(of: " ", with: "")), "\(id) \(i.id) at \(width): \(text)")
                    }
                }
            }
        }
    }

    @Test func showNamesTypeRolesFindingLineAndVeto() throws {
        let shipped = ShippedChecklistTests.loaded
        var ctx = RenderContext()
        ctx.roles = shipped.catalog.roles
        let counter = ChecklistDetail(checklist: try #require(shipped.catalog.checklist("counter")), catalog: shipped.catalog).render(.table, ctx)
        // The latest counter version, 2026.2: C24 adds 4 points for teller and account manager.
        #expect(counter.contains("满分：柜员 104，客户经理 100，大堂经理 60"))
        #expect(counter.contains("C13  推、拖、拒"))
        #expect(counter.contains("     类型：扣分，每次扣 5 分，最多扣 10 分"))
        #expect(counter.contains("     整改线：低于 8 分为扣分"))
        #expect(counter.contains("     适用岗位：大堂经理\n"))
        let records = ChecklistDetail(checklist: try #require(shipped.catalog.checklist("records")), catalog: shipped.catalog).render(.table, ctx)
        #expect(records.contains("一票否决：是；违反时记为：未达到规定技术等级即上岗"))
        ctx.lang = .en
        let greeting = ChecklistDetail(checklist: try #require(shipped.catalog.checklist("greeting")), catalog: shipped.catalog).render(.table, ctx)
        #expect(greeting.contains("Maximum: Teller 90, Lobby manager 85, Account manager 85"))
        #expect(greeting.contains("Bonus cap (not part of the maximum): 4"))
        #expect(greeting.contains("Type: bonus, 2 per occurrence, at most 4"))
    }
}

import Foundation
import Testing
@testable import SVCAuditCore

/// The roster folder (SPEC §1.4): one fixture per error class under Tests/Fixtures/roster-broken,
/// named after the code it must produce, each with the position the error must name.
@Suite struct RosterLoaderTests {
    static let root = VisitReaderTests.root
    static let roles: RosterLoader.RoleResolver = { ["teller", "lobby_manager", "security", "account_manager"].contains($0) ? $0 : nil }

    static func load(_ dir: String) -> (Roster?, [Diagnostic]) {
        let r = RosterLoader.load(directory: root + "/" + dir, roles: roles, knownRoles: ["account_manager", "lobby_manager", "security", "teller"])
        return (r.roster, r.diagnostics)
    }

    /// fixture → (file, line, column) of its one error.
    static let expected: [String: (String, Int, Int)] = [
        "roster-missing-file": ("branches.csv", 1, 1),
        "csv-syntax": ("staff.csv", 5, 4),
        "csv-no-header": ("waivers.csv", 1, 1),
        "csv-unknown-column": ("branches.csv", 1, 16),
        "csv-duplicate-column": ("staff.csv", 1, 20),
        "csv-missing-column": ("staff.csv", 1, 1),
        "csv-field-count": ("branches.csv", 4, 1),
        "csv-missing-value": ("staff.csv", 5, 4),
        "csv-bad-date": ("branches.csv", 4, 17),
        "roster-date-order": ("waivers.csv", 3, 15),
        "roster-duplicate-branch": ("branches.csv", 4, 1),
        "roster-overlap": ("staff.csv", 5, 24),
        "roster-unknown-branch": ("staff.csv", 5, 14),
        "roster-unknown-role": ("staff.csv", 5, 7),
        "encoding-utf8": ("waivers.csv", 2, 27),
    ]

    @Test(arguments: expected.keys.sorted())
    func brokenFixture(_ name: String) throws {
        let (roster, diags) = Self.load("Tests/Fixtures/roster-broken/" + name)
        #expect(roster == nil)
        let errors = diags.filter { $0.severity == .error }
        #expect(errors.count == 1, "\(name): \(errors.map { $0.rendered(.en) })")
        let e = try #require(errors.first)
        #expect(e.code.rawValue == name)
        let (file, line, column) = Self.expected[name]!
        #expect(e.file.hasSuffix("/" + file))
        #expect(e.mark == Mark(line: line, column: column), "\(e.rendered(.en))")
        // Both languages have a text, and neither leaves a placeholder unfilled.
        #expect(!e.message(.zh).contains("{") && !e.message(.en).contains("{"))
    }

    @Test func didYouMeanForHeadersAndRoles() throws {
        let (_, col) = Self.load("Tests/Fixtures/roster-broken/csv-unknown-column")
        #expect(col[0].message(.en).contains("unknown column 'regoin' (did you mean 'region'?)"))
        #expect(col[0].message(.zh).contains("未知的列“regoin”（是否应为 'region'？）"))
        let (_, role) = Self.load("Tests/Fixtures/roster-broken/roster-unknown-role")
        #expect(role[0].message(.en).contains("unknown role 'tellr' (did you mean 'teller'?)"))
    }

    @Test func everyFixtureClassIsADiagnosticCode() {
        for name in Self.expected.keys { #expect(DiagnosticCode(rawValue: name) != nil, "\(name)") }
    }

    /// The test roster of the sample bank: Chinese headers in staff.csv and waivers.csv, English
    /// in branches.csv (with a BOM and CRLF line ends), a quoted reason with a comma.
    @Test func goodRoster() throws {
        let (r, diags) = Self.load("Tests/Fixtures/roster")
        #expect(diags.isEmpty, "\(diags.map { $0.rendered(.en) })")
        let roster = try #require(r)
        #expect(roster.branches.count == 12)
        #expect(roster.branch("BR0421")?.branch.parent == "嘉兴分行营业部")
        #expect(roster.branch("BR0524")?.from == Day("2026-08-17"))
        // E1006 transferred on 2026-08-04.
        #expect(roster.assignment(of: "E1006", on: Day("2026-08-03")!)?.branch == "BR0422")
        #expect(roster.assignment(of: "E1006", on: Day("2026-08-04")!)?.branch == "BR0432")
        #expect(roster.representative(of: "E1006", in: Period("2026-Q3")!)?.branch == "BR0432")
        #expect(roster.representative(of: "E1006", in: Period("2026-07")!)?.branch == "BR0422")
        // The renovation waiver: 2026-09-07 … 2026-09-20.
        #expect(roster.waiver(of: "BR0441", on: Day("2026-09-07")!)?.reason == "装修停业, 两周")
        #expect(!roster.branchActive("BR0441", on: Day("2026-09-20")!))
        #expect(roster.branchActive("BR0441", on: Day("2026-09-21")!))
        #expect(!roster.branchActive("BR0524", on: Day("2026-08-16")!))
        #expect(roster.activeStaff(in: Period("2026-Q3")!).count == 52)
        #expect(roster.activeStaff(in: Period("2026-07")!).contains("E1052") == false)
    }

    @Test func visitsCheckedAgainstTheRoster() throws {
        let roster = try #require(Self.load("Tests/Fixtures/roster").0)
        // E1006 observed at her old branch after the transfer; a stranger; a misspelt name; an unknown branch.
        let v = VisitSummary(RankFixtures.visit("2026-08-10", branch: "BR0422", file: "v.yaml", staff: [
            RankFixtures.Person(id: "E1006", score: 90, name: "陈静"), RankFixtures.Person(id: "E9999", score: 90, name: "某某"),
            RankFixtures.Person(id: "E1007", score: 90, name: "杨凡"),
        ]), catalog: ChecklistCatalog([]))
        let codes = RosterCheck.check(v, against: roster).map(\.code)
        // BR0422's name in the fixture visit is "BR0422网点", not 中山路分理处.
        #expect(codes == [.rosterNameMismatch, .rosterWrongBranch, .notOnRosterStaff, .rosterNameMismatch])
        #expect(RosterCheck.check(v, against: roster).allSatisfy { $0.severity == .warning })
        var w = v
        w.branch = Branch(id: "BR9999", name: "x")
        #expect(RosterCheck.check(w, against: roster).first?.code == .notOnRosterBranch)
        w.branch = Branch(id: "BR0524", name: "南太湖新区分理处")
        #expect(RosterCheck.check(w, against: roster).first?.code == .rosterBranchClosed)
    }
}

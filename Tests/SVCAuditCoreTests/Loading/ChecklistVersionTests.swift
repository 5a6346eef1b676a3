import Foundation
import Testing
@testable import SVCAuditCore

/// Versions over time (SPEC §1.1): several files of one checklist id side by side, each visit
/// checked and scored against the version in force on its date or the one it pins, and tallies
/// over visits of different versions meeting by item id. Fixtures: Tests/Fixtures/versions.
struct ChecklistVersionTests {
    static let dir = VisitReaderTests.root + "/Tests/Fixtures/versions"
    static let loaded = ChecklistSource.load(directory: dir + "/checklists")
    static var catalog: ChecklistCatalog { loaded.catalog }

    static func read(_ file: String) throws -> (VisitSummary?, [Diagnostic]) {
        let path = dir + "/" + file
        return VisitReaderTests.read(Array(try Data(contentsOf: URL(fileURLWithPath: path))), file: path, catalog: catalog)
    }

    static func read(text: String) -> (VisitSummary?, [Diagnostic]) {
        VisitReaderTests.read(Array(text.utf8), file: "t.yaml", catalog: catalog)
    }

    static func codes(_ diags: [Diagnostic]) -> [String] {
        diags.map { "\($0.mark.line):\($0.mark.column) \($0.severity.rawValue) \($0.code.rawValue)" }
    }

    static func versions(_ s: VisitSummary) -> [String] { s.versions.map { "\($0.id) \($0.version ?? "-")" } }

    static func round(_ x: Double?) -> Double? { x.map { ($0 * 100).rounded() / 100 } }

    @Test func versionsOfOneIdLoadSideBySide() {
        #expect(Self.loaded.diagnostics.isEmpty, "\(Self.loaded.diagnostics.map { $0.rendered(.en) })")
        // The catalog commands see holds the latest version of each id; every version is kept.
        #expect(Self.catalog.ids == ["desk", "hall", "night"])
        #expect(Self.catalog.checklist("desk")?.version == "2026.2")
        #expect(Self.catalog.versions(of: "desk").map(\.version) == ["2026.1", "2026.2"])
        #expect(Self.catalog.hasVersions)
        // X2 is only in 2026.1: still found (reports over old visits name it).
        #expect(Self.catalog.item("X2")?.checklist.version == "2026.1")
        #expect(Set(Self.catalog.everyItemID) == ["X1", "X2", "X3", "X4", "H1", "N1"])
    }

    @Test func aVisitUsesTheVersionInForceOnItsDate() throws {
        // 2026-08-20: desk 2026.1 (X1 0/10, X2 10, X4 10 → 66.67), hall 100; night not yet in force.
        let (aug, d1) = try Self.read("visits/aug.yaml")
        #expect(d1.isEmpty, "\(d1.map { $0.rendered(.en) })")
        let a = try #require(aug)
        #expect(Self.versions(a) == ["desk 2026.1", "hall 1"])
        #expect(Self.round(a.checklistScore("desk")) == 66.67)
        #expect(Self.round(a.score) == 83.33)   // (66.67 + 100) / 2
        // 2026-09-10: desk 2026.2 (X1 0/10, X3 10/10, X4 30/30 → 40/50 = 80), hall 100, night 100.
        let (sep, d2) = try Self.read("visits/sep.yaml")
        #expect(d2.isEmpty, "\(d2.map { $0.rendered(.en) })")
        let s = try #require(sep)
        #expect(Self.versions(s) == ["desk 2026.2", "hall 1", "night 2026.2"])
        #expect(s.checklistScore("desk") == 80)
        #expect(Self.round(s.score) == 93.33)   // (80 + 100 + 100) / 3
    }

    @Test func aPinOverridesTheDate() throws {
        // 2026-09-11 pinned to desk 2026.1: X1 10, X2 0, X4 10 → 20/30; hall and night by date.
        let (pinned, diags) = try Self.read("visits/sep-pinned.yaml")
        #expect(diags.isEmpty, "\(diags.map { $0.rendered(.en) })")
        let p = try #require(pinned)
        #expect(Self.versions(p) == ["desk 2026.1", "hall 1", "night 2026.2"])
        #expect(Self.round(p.score) == 88.89)   // (66.67 + 100 + 100) / 3
    }

    @Test func theSameVisitScoresDifferentlyUnderTwoVersions() throws {
        let text = """
            id: V
            branch: {id: B1, name: 一号网点}
            date: 2026-09-10
            inspector: 王敏
            checklists: [desk, hall]
            results: {H1: pass}
            staff:
              - {id: E1, name: 李娜, role: teller, results: {X1: pass, X4: {result: fail, note: 未唱收}}}
            """
        // 2026.2: X1 10/10, X4 0/30 (X3 unanswered, left out) → 25; base (25 + 100) / 2.
        let (v2, d2) = Self.read(text: text)
        #expect(Self.codes(d2) == ["8:5 warning unanswered"])
        #expect(try #require(v2).checklistScore("desk") == 25)
        #expect(v2?.score == 62.5)
        // 2026.1: X1 10/10, X4 0/10 (X2 unanswered) → 50; base (50 + 100) / 2.
        let (v1, d1) = Self.read(text: text.replacingOccurrences(of: "checklists:", with: "versions: {desk: \"2026.1\"}\nchecklists:"))
        #expect(Self.codes(d1) == ["9:5 warning unanswered"])
        #expect(try #require(v1).checklistScore("desk") == 50)
        #expect(v1?.score == 75)
        #expect(Self.versions(v1!) == ["desk 2026.1", "hall 1"])
    }

    @Test func combinationsAreBuiltOnceAndShared() throws {
        var diags = DiagnosticList(file: "t")
        let a = Self.catalog.resolved(on: Day("2026-08-01")!, pinned: [], diags: &diags)
        let b = Self.catalog.resolved(on: Day("2026-08-31")!, pinned: [], diags: &diags)
        let c = Self.catalog.resolved(on: Day("2026-09-01")!, pinned: [], diags: &diags)
        #expect(a.ids == ["desk", "hall"] && c.ids == ["desk", "hall", "night"])
        // The same stretch of days: the very same storage (nothing rebuilt per visit).
        a.checklists.withUnsafeBufferPointer { pa in
            b.checklists.withUnsafeBufferPointer { pb in #expect(pa.baseAddress == pb.baseAddress) }
        }
        let pin = [(id: "desk", version: "2026.1", mark: Mark.start)]
        let p1 = Self.catalog.resolved(on: Day("2026-09-02")!, pinned: pin, diags: &diags)
        let p2 = Self.catalog.resolved(on: Day("2026-12-02")!, pinned: pin, diags: &diags)
        #expect(p1.ids == ["desk", "hall", "night"] && p1.checklist("desk")?.version == "2026.1")
        p1.checklists.withUnsafeBufferPointer { x in
            p2.checklists.withUnsafeBufferPointer { y in #expect(x.baseAddress == y.baseAddress) }
        }
        #expect(diags.items.isEmpty)
        // One version of everything and no dates: the catalog itself, no resolver.
        #expect(!VisitReaderTests.catalog.hasVersions || VisitReaderTests.catalog.versions(of: "counter").count > 1)
    }

    @Test func tallyAcrossVersionsKeysOnItemIDs() throws {
        let (a, _) = try Self.read("visits/aug.yaml")
        let (s, _) = try Self.read("visits/sep.yaml")
        var t = InspectionTally(policy: Policy(), index: Self.catalog.scoring)
        t.add(try #require(a))
        t.add(try #require(s))
        // X2 is in 2026.1 only and X3 in 2026.2 only, at the same position: never mixed up.
        let items = t.items
        #expect(items["X1"] == .init(answered: 2, deductions: 2))
        #expect(items["X2"] == .init(answered: 1, deductions: 0))
        #expect(items["X3"] == .init(answered: 1, deductions: 0))
        #expect(items["X4"] == .init(answered: 2, deductions: 0))
        let sections = t.sections(catalog: Self.catalog)["desk"]!
        #expect(sections["迎候"]?.count == 2 && sections["迎候"]?.mean == 0)
        #expect(sections["递接"]?.count == 2 && sections["递接"]?.mean == 100)
        #expect(sections["销售"]?.count == 1 && sections["销售"]?.mean == 100)
        let report = InspectionReport(current: t, previous: nil, period: nil, catalog: Self.catalog, policy: Policy())
        #expect(report.mostFailed.map(\.item) == ["X1"])
        #expect(report.checklists.first { $0.id == "desk" }?.sections.map(\.name) == ["迎候", "销售", "递接"])
    }

    // MARK: errors, one fixture each

    @Test func overlappingVersionsNameBothFiles() {
        let l = ChecklistSource.load(directory: Self.dir + "/overlap")
        #expect(Self.codes(l.diagnostics) == ["1:1 error version-overlap"])
        let d = l.diagnostics[0]
        #expect(d.file.hasSuffix("overlap/desk-b.yaml"))
        #expect(d.message(.zh) == "检查表 'desk' 的这个版本（2026-09-01 起）与 \(Self.dir)/overlap/desk-a.yaml 中的版本（至 2026-09-15）生效期重叠：同一检查表的各版本不能在同一天生效，请调整 effective_from / effective_to")
        #expect(d.message(.en).contains("overlaps the version in \(Self.dir)/overlap/desk-a.yaml (until 2026-09-15)"))
    }

    @Test func versionsNeedTheirOwnLabelsAndItemIDsStayUniqueAcrossChecklists() {
        let l = ChecklistSource.load(directory: Self.dir + "/same-version")
        #expect(Self.codes(l.diagnostics) == ["1:1 error duplicate-version", "5:5 error duplicate-item-id"])
        #expect(l.diagnostics[0].message(.en).contains("both have '2026.1'"))
        #expect(l.diagnostics[1].file.hasSuffix("hall.yaml"))
    }

    @Test func aPinToAMissingVersionNamesTheVersions() throws {
        let (s, diags) = try Self.read("broken/missing-pin.yaml")
        #expect(s == nil)
        #expect(Self.codes(diags) == ["5:12 error unknown-version"])
        #expect(diags[0].message(.zh) == "检查表 'desk' 没有版本 '2025.9'（已加载的版本：2026.1（至 2026-08-31）、2026.2（2026-09-01 起）；2026-09-10 生效的是 2026.2）（是否应为 '2026.1'？）")
        #expect(diags[0].message(.en) == "checklist 'desk' has no version '2025.9' (versions loaded: 2026.1 (until 2026-08-31), 2026.2 (from 2026-09-01); in force on 2026-09-10: 2026.2) (did you mean '2026.1'?)")
    }

    @Test func aChecklistWithNoVersionInForceIsAnError() throws {
        let (s, diags) = try Self.read("broken/no-version.yaml")
        #expect(s == nil)
        // Once, where the visit lists it (its item N1 is not reported again).
        #expect(Self.codes(diags) == ["5:20 error no-version-in-force"])
        #expect(diags[0].message(.zh) == "检查表 'night' 在 2026-08-20 没有生效的版本（已加载的版本：2026.2（2026-09-01 起））")
    }

    @Test func anItemOfAnotherVersionIsNamedAsSuch() throws {
        let (s, diags) = try Self.read("broken/not-in-version.yaml")
        #expect(s == nil)
        #expect(Self.codes(diags) == ["13:7 error item-not-in-version"])
        #expect(diags[0].message(.zh) == "条目 'X3' 不在检查表 'desk' 的 2026.1 版（2026-08-20 生效）中；有此条目的版本：2026.2（2026-09-01 起）")
        #expect(diags[0].message(.en) == "item 'X3' is not in version 2026.1 of checklist 'desk' (in force on 2026-08-20); versions that have it: 2026.2 (from 2026-09-01)")
    }
}

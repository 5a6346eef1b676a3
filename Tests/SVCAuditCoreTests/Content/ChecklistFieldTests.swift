import Foundation
import Testing
@testable import SVCAuditCore

/// The checklist fields of issue 16 (`effective_from`/`effective_to`, `finding_below`,
/// `breach`, `basis`, `assessed_by_default`): read when right, each mistake one typed
/// diagnostic at its line and column (fixture Tests/Fixtures/checklist-fields).
struct ChecklistFieldTests {
    static func load(_ text: String, file: String = "t.yaml") -> (Checklist?, [Diagnostic]) {
        var diags = DiagnosticList(file: file)
        guard let root = YAMLReader.parse(Array(text.utf8)).root else { return (nil, []) }
        let c = ChecklistLoader.load(root, file: file, diags: &diags)
        return (c, diags.items)
    }

    @Test func eachMistakeIsNamedAtItsPlace() throws {
        let path = ShippedChecklistTests.root + "/Tests/Fixtures/checklist-fields/bad-fields.yaml"
        let (c, diags) = Self.load(try String(contentsOfFile: path, encoding: .utf8), file: path)
        #expect(c == nil)
        let got = diags.map { "\($0.mark.line):\($0.mark.column) \($0.code.rawValue)" }
        #expect(got == ["6:15 effective-range", "12:20 finding-below-range", "16:5 finding-below-not-scale",
                        "20:5 breach-without-veto"])
        #expect(diags.first?.message(.zh) == "'effective_to'（2026-08-31）早于 'effective_from'（2026-09-01）：这个版本永远不会生效")
    }

    @Test func theNewFieldsAreRead() throws {
        let (c, diags) = Self.load("""
            id: records
            title: 记录
            scope: staff
            assessed_by_default: false
            effective_from: 2026-01-01
            effective_to: 2026-12-31
            items:
              - {id: S1, text: 评分, points: 10, type: scale, finding_below: 8, basis: 《某规范》第一条}
              - {id: S2, text: 达到等级, points: 5, veto: true, breach: 未达到等级即上岗}
            """)
        #expect(diags.isEmpty, "\(diags.map { $0.message(.en) })")
        let list = try #require(c)
        #expect(!list.assessedByDefault)
        #expect(list.inForce(on: Day(year: 2026, month: 6, day: 1)!) && !list.inForce(on: Day(year: 2027, month: 1, day: 1)!))
        #expect(list.items[0].findingBelow == 8 && list.items[0].basis == "《某规范》第一条")
        #expect(list.items[1].breachText(.zh) == "未达到等级即上岗")
        #expect(list.items[1].findingThreshold == 5)   // default: the points
    }
}

import Foundation
import Testing
@testable import SVCAuditCore

/// One fixture per diagnostic code of the event and response files (Tests/Fixtures/events,
/// Tests/Fixtures/responses), each named after the code it must produce, at file:line:col.
@Suite struct EventAndResponseFileTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path
    static func path(_ rel: String) -> String { root + "/Tests/Fixtures/" + rel }
    static let items: Set<String> = ["D1", "D2", "D3", "H1", "H2"]

    @Test(arguments: [
        // Columns counted by hand: header `id,date,branch,staff,type,verified,item,note` puts the 8th
        // column at 41; row `K01,2026-08-12,A,s1,complaint,yes,D2,x` has date at 5, branch 16,
        // type 21, verified 31, item 35, note 38.
        ("csv-syntax", 2, 38), ("csv-no-header", 1, 1), ("csv-unknown-column", 1, 41), ("csv-duplicate-column", 1, 41),
        ("csv-missing-column", 1, 1), ("csv-field-count", 2, 1), ("csv-missing-value", 2, 16), ("csv-bad-date", 2, 5),
        ("event-bad-type", 2, 21), ("event-bad-verified", 2, 31), ("event-unknown-item", 2, 35), ("event-duplicate-id", 3, 1),
    ])
    func eventFixture(name: String, line: Int, column: Int) throws {
        let (events, diags) = EventLoader.load(Self.path("events/\(name).csv"), items: Self.items)
        #expect(events == nil)
        let d = try #require(diags.first)
        #expect(diags.count == 1, "\(diags.map { $0.rendered(.en) })")
        #expect(d.code.rawValue == name)
        #expect(d.severity == .error)
        #expect((d.mark.line, d.mark.column) == (line, column), "\(d.rendered(.en))")
        // Both languages have their own text, with every argument filled in.
        #expect(!d.message(.zh).contains("{") && !d.message(.en).contains("{"))
        #expect(d.message(.zh) != d.message(.en))
    }

    @Test func chineseHeadersBOMAndCRLF() throws {
        let (events, diags) = EventLoader.load(Self.path("events/good-chinese.csv"), items: Self.items)
        #expect(diags.isEmpty)
        let es = try #require(events)
        #expect(es.count == 2)
        #expect(es[0] == Event(id: "K01", date: Day("2026-08-12")!, branch: "A", staff: "s1", kind: .complaint, verified: true,
                               item: "D2", note: "客户投诉, 态度生硬", file: Self.path("events/good-chinese.csv"), line: 2))
        #expect(es[1].kind == .praise && !es[1].verified && es[1].staff == nil && es[1].item == nil)
    }

    // `A,,H1,2026-07-01,更换叫号机,张三,2026-07-32`: done starts at column 27.
    @Test(arguments: [("csv-bad-date", 2, 27), ("response-duplicate", 3, 1)])
    func responseFixture(name: String, line: Int, column: Int) throws {
        let (list, diags) = ResponseLoader.load(Self.path("responses/\(name).csv"))
        #expect(list == nil)
        let d = try #require(diags.first)
        #expect(diags.count == 1 && d.code.rawValue == name)
        #expect((d.mark.line, d.mark.column) == (line, column), "\(d.rendered(.en))")
    }

    @Test func responsesWithChineseHeaders() throws {
        let (list, diags) = ResponseLoader.load(Self.path("responses/good-chinese.csv"))
        #expect(diags.isEmpty)
        let r = try #require(list?.first)
        #expect(r.branch == "A" && r.staff == nil && r.item == "H1" && r.date == Day("2026-07-01")
                && r.measure == "更换叫号机" && r.owner == "张三" && r.done == Day("2026-07-12") && r.reviewer == "王敏")
    }
}

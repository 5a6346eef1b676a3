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

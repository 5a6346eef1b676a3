import Testing
@testable import SVCAuditCore

@Suite struct DayAndSuggestionTests {
    @Test func strictDates() {
        #expect(Day("2026-07-14")?.description == "2026-07-14")
        #expect(Day.parse("2026-7-4") == .badForm(suggestion: "2026-07-04"))
        #expect(Day.parse("2026-02-30") == .noSuchDay(daysInMonth: 28))
        #expect(Day.parse("2024-02-29") == .ok(Day(year: 2024, month: 2, day: 29)!))
        #expect(Day.parse("2026/07/14") == .badForm(suggestion: nil))
        #expect(Day.parse("2026-13-01") == .badForm(suggestion: nil))
    }

    @Test func ordinalRoundTrips() {
        let d = Day("2026-09-30")!
        #expect(Day(ordinal: d.ordinal) == d)
        #expect(d.adding(days: 1).description == "2026-10-01")
        #expect(Day("1970-01-01")!.ordinal == 0)
        #expect(Day("2026-01-01")!.adding(days: -1).description == "2025-12-31")
    }

    @Test func periods() {
        #expect(Period("2026-Q3")?.from.description == "2026-07-01")
        #expect(Period("2026-Q3")?.to.description == "2026-09-30")
        #expect(Period("2026-Q3")?.title(.zh) == "2026年第三季度")
        #expect(Period("2026-H1")?.title(.zh) == "2026年上半年")
        #expect(Period("2026")?.title(.zh) == "2026年")
        #expect(Period("2026-07")?.title(.zh) == "2026年7月")
        #expect(Period("2024-02")?.to.description == "2024-02-29")
        #expect(Period("2026-Q1")?.previous.label == "2025-Q4")
        #expect(Period("2026-01")?.previous.label == "2025-12")
        #expect(Period("2026-Q5") == nil)
        #expect(Period("26-Q1") == nil)
        let r = Period(from: Day("2026-07-10")!, to: Day("2026-07-19")!)
        #expect(r.previous.from.description == "2026-06-30")
        #expect(r.previous.to.description == "2026-07-09")
        #expect(Period("2026-Q3")!.months.map(\.month) == [7, 8, 9])
    }

    @Test func didYouMean() {
        #expect(Suggestion.closest(to: "inspecter", in: ["inspector", "branch"]) == "inspector")
        #expect(Suggestion.closest(to: "countr", in: ["counter", "uniform"]) == "counter")
        #expect(Suggestion.closest(to: "C1O", in: ["C10", "C01"]) != nil)
        #expect(Suggestion.closest(to: "zzzzzz", in: ["counter"]) == nil)
        #expect(Suggestion.hint(for: "teler", in: ["teller"]) == " (did you mean 'teller'?)")
    }
}

import Testing
@testable import SVCAuditCore

/// Slots of each `every` (SPEC §2.8), hand-counted from a calendar.
@Suite struct CalendarSlotTests {
    static func rule(_ every: CadenceRule.Every, weekdays: [Int]? = nil) -> CadenceRule {
        CadenceRule(name: "r", methods: [.onsite], every: every, weekdays: weekdays)
    }

    @Test func isoWeekdaysAndWeeksAtYearEdges() {
        // 1970-01-01 was a Thursday; 2026-07-01 a Wednesday; 2026-07-05 a Sunday.
        #expect(Day("1970-01-01")!.isoWeekday == 4)
        #expect(Day("2026-07-01")!.isoWeekday == 3)
        #expect(Day("2026-07-05")!.isoWeekday == 7)
        // 2026-12-31 is a Thursday, so 2026 has 53 ISO weeks and 2027-01-01..03 belong to 2026-W53.
        #expect(Day("2026-12-31")!.isoWeekLabel == "2026-W53")
        #expect(Day("2027-01-03")!.isoWeekLabel == "2026-W53")
        #expect(Day("2027-01-04")!.isoWeekLabel == "2027-W01")
        // 2024-12-30 (a Monday) starts 2025-W01; 2021-01-03 (a Sunday) ends 2020-W53.
        #expect(Day("2024-12-30")!.isoWeekLabel == "2025-W01")
        #expect(Day("2021-01-03")!.isoWeekLabel == "2020-W53")
        #expect(Day("2026-07-01")!.isoWeekLabel == "2026-W27")
    }

    @Test func daySlotsRestrictedToWeekdays() {
        let p = Period("2026-07")!
        #expect(Self.rule(.day).slots(in: p).count == 31)
        // July 2026: 31 days less four Saturdays (4, 11, 18, 25) and four Sundays (5, 12, 19, 26) = 23.
        let weekdays = Self.rule(.day, weekdays: [1, 2, 3, 4, 5]).slots(in: p)
        #expect(weekdays.count == 23)
        #expect(weekdays.first?.label == "2026-07-01" && weekdays.last?.label == "2026-07-31")
        #expect(!weekdays.map(\.label).contains("2026-07-04"))   // a Saturday
        // Saturdays only: 4, 11, 18, 25.
        #expect(Self.rule(.day, weekdays: [6]).slots(in: p).map(\.label) == ["2026-07-04", "2026-07-11", "2026-07-18", "2026-07-25"])
    }

    @Test func weekSlotsAreCutToThePeriod() {
        // Q3 2026: Wed 07-01 is in W27 (Mon 06-29 … Sun 07-05); Wed 09-30 in W40 (Mon 09-28 … Sun 10-04).
        let slots = Self.rule(.week).slots(in: Period("2026-Q3")!)
        #expect(slots.count == 14)
        #expect(slots.first == CalendarSlot(label: "2026-W27", from: Day("2026-07-01")!, to: Day("2026-07-05")!))
        #expect(slots.last == CalendarSlot(label: "2026-W40", from: Day("2026-09-28")!, to: Day("2026-09-30")!))
        // Across a year end: 2026-12-21 … 2027-01-10 → W52, W53 (12-28 … 01-03), 2027-W01.
        let edge = Self.rule(.week).slots(in: Period(from: Day("2026-12-21")!, to: Day("2027-01-10")!))
        #expect(edge.map(\.label) == ["2026-W52", "2026-W53", "2027-W01"])
        #expect(edge[1].from == Day("2026-12-28")! && edge[1].to == Day("2027-01-03")!)
    }

    @Test func monthAndQuarterSlotsAtQuarterEdges() {
        let p = Period(from: Day("2026-09-21")!, to: Day("2026-10-11")!)
        #expect(Self.rule(.month).slots(in: p) == [
            CalendarSlot(label: "2026-09", from: Day("2026-09-21")!, to: Day("2026-09-30")!),
            CalendarSlot(label: "2026-10", from: Day("2026-10-01")!, to: Day("2026-10-11")!),
        ])
        #expect(Self.rule(.quarter).slots(in: p) == [
            CalendarSlot(label: "2026-Q3", from: Day("2026-09-21")!, to: Day("2026-09-30")!),
            CalendarSlot(label: "2026-Q4", from: Day("2026-10-01")!, to: Day("2026-10-11")!),
        ])
        // The quarter's own week W40 straddles Q3 and Q4: split by the period, not by the quarter.
        #expect(Self.rule(.week).slots(in: p).map(\.label) == ["2026-W39", "2026-W40", "2026-W41"])
        #expect(Self.rule(.quarter).slots(in: Period("2026")!).map(\.label) == ["2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"])
    }
}

/// One calendar unit of a cadence rule (SPEC §2.8) cut to the period: a day, an ISO week
/// (Monday–Sunday), a month or a quarter. `from…to` is the part inside the period; the label
/// names the whole unit (`2026-07-04`, `2026-W27`, `2026-07`, `2026-Q3`).
public struct CalendarSlot: Sendable, Hashable, Comparable {
    public var label: String
    public var from: Day
    public var to: Day

    public init(label: String, from: Day, to: Day) {
        self.label = label; self.from = from; self.to = to
    }

    public static func < (a: CalendarSlot, b: CalendarSlot) -> Bool { (a.from, a.label) < (b.from, b.label) }

    public func contains(_ d: Day) -> Bool { from <= d && d <= to }
}

extension Day {
    /// ISO weekday: 1 = Monday … 7 = Sunday (1970-01-01, ordinal 0, was a Thursday).
    public var isoWeekday: Int {
        let r = (ordinal + 3) % 7
        return (r < 0 ? r + 7 : r) + 1
    }

    /// The ISO 8601 week: the year that holds the week's Thursday, and the week number.
    public var isoWeek: (year: Int, week: Int) {
        let thursday = adding(days: 4 - isoWeekday)
        let jan1 = Day(year: thursday.year, month: 1, day: 1)!
        return (thursday.year, (thursday.ordinal - jan1.ordinal) / 7 + 1)
    }

    /// `2026-W27`.
    public var isoWeekLabel: String {
        let (y, w) = isoWeek
        return "\(y)-W\(w < 10 ? "0" : "")\(w)"
    }
}

extension CadenceRule {
    /// The rule's slots that overlap the period, in date order, each cut to the period.
    public func slots(in p: Period) -> [CalendarSlot] {
        var out: [CalendarSlot] = []
        switch every {
        case .day:
            let allowed = Set(weekdays ?? Array(1...7))
            var d = p.from
            while d <= p.to {
                if allowed.contains(d.isoWeekday) { out.append(CalendarSlot(label: d.description, from: d, to: d)) }
                d = d.adding(days: 1)
            }
        case .week:
            var monday = p.from.adding(days: 1 - p.from.isoWeekday)
            while monday <= p.to {
                let sunday = monday.adding(days: 6)
                out.append(CalendarSlot(label: monday.isoWeekLabel, from: max(monday, p.from), to: min(sunday, p.to)))
                monday = monday.adding(days: 7)
            }
        case .month:
            for (y, m) in p.months {
                let first = Day(year: y, month: m, day: 1)!, last = Day(year: y, month: m, day: Day.daysIn(month: m, year: y))!
                out.append(CalendarSlot(label: MonthKey(year: y, month: m).description, from: max(first, p.from), to: min(last, p.to)))
            }
        case .quarter:
            var seen = Set<String>()
            for (y, m) in p.months {
                let q = (m - 1) / 3 + 1
                let label = "\(y)-Q\(q)"
                guard seen.insert(label).inserted, let whole = Period(label) else { continue }
                out.append(CalendarSlot(label: label, from: max(whole.from, p.from), to: min(whole.to, p.to)))
            }
        }
        return out
    }
}

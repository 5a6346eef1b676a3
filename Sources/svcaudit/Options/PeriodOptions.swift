import ArgumentParser
import Foundation
import SVCAuditCore

/// `--period P` or `--from D --to D` (SPEC §2.5).
struct PeriodOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Period: 2026, 2026-H1, 2026-Q3 or 2026-07.", valueName: "period"))
    var period: String?

    @Option(name: .long, help: ArgumentHelp("First day of a date range (with --to), YYYY-MM-DD.", valueName: "date"))
    var from: String?

    @Option(name: .long, help: ArgumentHelp("Last day of a date range (with --from), inclusive.", valueName: "date"))
    var to: String?

    func validate() throws { _ = try resolved() }

    /// nil when no period was asked for.
    func resolved() throws -> Period? {
        if let period {
            if from != nil || to != nil { throw ValidationError("give either --period or --from/--to, not both") }
            guard let p = Period(period) else {
                throw ValidationError("--period '\(period)' is not a period: use 2026, 2026-H1, 2026-Q3 or 2026-07")
            }
            return p
        }
        switch (from, to) {
        case (nil, nil): return nil
        case (let f?, let t?):
            let a = try day(f, "--from"), b = try day(t, "--to")
            guard a <= b else { throw ValidationError("--from \(a) is after --to \(b)") }
            return Period(from: a, to: b)
        default:
            throw ValidationError("give both --from and --to for a date range")
        }
    }

    private func day(_ text: String, _ flag: String) throws -> Day {
        switch Day.parse(text) {
        case .ok(let d): return d
        case .badForm(let s?): throw ValidationError("\(flag) '\(text)' is not a date: write \(s)")
        case .badForm(nil): throw ValidationError("\(flag) '\(text)' is not a date (YYYY-MM-DD)")
        case .noSuchDay(let n): throw ValidationError("\(flag) '\(text)' is not a day: that month has \(n) days")
        }
    }
}


/// `--as-of DATE`.
func parseDay(_ text: String, flag: String) throws -> Day {
    switch Day.parse(text) {
    case .ok(let d): return d
    case .badForm(let s?): throw ValidationError("\(flag) '\(text)' is not a date: write \(s)")
    case .badForm(nil): throw ValidationError("\(flag) '\(text)' is not a date (YYYY-MM-DD)")
    case .noSuchDay(let n): throw ValidationError("\(flag) '\(text)' is not a day: that month has \(n) days")
    }
}


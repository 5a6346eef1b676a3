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
            if from != nil || to != nil { throw ValidationError(Console.t("--period 与 --from/--to 只能二选一", "give either --period or --from/--to, not both")) }
            guard let p = Period(period) else {
                throw ValidationError(Console.t("--period“\(period)”不是有效的期间：请写 2026、2026-H1、2026-Q3 或 2026-07", "--period '\(period)' is not a period: use 2026, 2026-H1, 2026-Q3 or 2026-07"))
            }
            return p
        }
        switch (from, to) {
        case (nil, nil): return nil
        case (let f?, let t?):
            let a = try day(f, "--from"), b = try day(t, "--to")
            guard a <= b else { throw ValidationError(Console.t("--from \(a) 晚于 --to \(b)", "--from \(a) is after --to \(b)")) }
            return Period(from: a, to: b)
        default:
            throw ValidationError(Console.t("日期范围需要同时给出 --from 和 --to", "give both --from and --to for a date range"))
        }
    }

    private func day(_ text: String, _ flag: String) throws -> Day {
        switch Day.parse(text) {
        case .ok(let d): return d
        case .badForm(let s?): throw ValidationError(Console.t("\(flag)“\(text)”不是有效日期：应写作 \(s)", "\(flag) '\(text)' is not a date: write \(s)"))
        case .badForm(nil): throw ValidationError(Console.t("\(flag)“\(text)”不是有效日期（格式 YYYY-MM-DD）", "\(flag) '\(text)' is not a date (YYYY-MM-DD)"))
        case .noSuchDay(let n): throw ValidationError(Console.t("\(flag)“\(text)”不存在：该月只有 \(n) 天", "\(flag) '\(text)' is not a day: that month has \(n) days"))
        }
    }
}


/// `--as-of DATE`.
func parseDay(_ text: String, flag: String) throws -> Day {
    switch Day.parse(text) {
    case .ok(let d): return d
    case .badForm(let s?): throw ValidationError(Console.t("\(flag)“\(text)”不是有效日期：应写作 \(s)", "\(flag) '\(text)' is not a date: write \(s)"))
    case .badForm(nil): throw ValidationError(Console.t("\(flag)“\(text)”不是有效日期（格式 YYYY-MM-DD）", "\(flag) '\(text)' is not a date (YYYY-MM-DD)"))
    case .noSuchDay(let n): throw ValidationError(Console.t("\(flag)“\(text)”不存在：该月只有 \(n) 天", "\(flag) '\(text)' is not a day: that month has \(n) days"))
    }
}


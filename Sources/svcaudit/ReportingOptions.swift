import ArgumentParser
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

/// `--policy FILE` (SPEC §1.3): pass mark, 达标 targets, star levels.
struct PolicyOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Policy file (pass_mark, targets, stars, method_weights); SPEC defaults without it.", valueName: "file"))
    var policy: String?

    /// The policy, or the defaults; an invalid file prints its diagnostics and exits 1.
    func load(quiet: Bool) throws -> Policy {
        guard let policy else { return Policy() }
        let (p, diags) = PolicyFile.load(policy)
        Console.diagnostics(diags, quiet: quiet)
        guard let p else { throw ExitCode(1) }
        return p
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

extension InputOptions {
    /// Reads and scores PATHS once, handing each valid visit to `onVisit`; prints the
    /// diagnostics. When any input is invalid (SPEC §4) it exits 1 without a result, unless
    /// --skip-invalid, in which case the invalid files are returned to be named in the output.
    func readVisits(_ loaded: ChecklistSource.Loaded, quiet: Bool, onVisit: (VisitScore) -> Void) throws -> VisitRun.Summary {
        var s = settings()
        s.fullScores = true
        let summary = VisitRun.run(s, checklists: loaded) { onVisit($0.score!) }
        try stopIfInvalid(summary, skipInvalid: skipInvalid, quiet: quiet)
        return summary
    }

    /// As `readVisits`, handing on each visit's summary only: clean files take the streaming
    /// fast path (what `rank`, `report` and `score` need).
    func readSummaries(_ loaded: ChecklistSource.Loaded, quiet: Bool, onVisit: (VisitSummary) -> Void) throws -> VisitRun.Summary {
        let summary = VisitRun.run(settings(), checklists: loaded) { onVisit($0.summary) }
        try stopIfInvalid(summary, skipInvalid: skipInvalid, quiet: quiet)
        return summary
    }
}

/// SPEC §4: print every diagnostic; with any invalid input there is no result (exit 1),
/// unless --skip-invalid, where the invalid files are named in the output instead.
func stopIfInvalid(_ summary: VisitRun.Summary, skipInvalid: Bool, quiet: Bool) throws {
    Console.diagnostics(summary.diagnostics, quiet: quiet)
    Console.notYAML(summary.notYAML, quiet: quiet)
    let n = summary.invalidFiles.count
    if summary.fatal || (n > 0 && !skipInvalid) {
        if !summary.fatal {
            Console.error("svcaudit: \(n) invalid file\(n == 1 ? "" : "s"): no result (fix \(n == 1 ? "it" : "them"), or pass --skip-invalid to leave \(n == 1 ? "it" : "them") out)")
        }
        throw ExitCode(1)
    }
    if n > 0 {
        Console.error("svcaudit: skipped \(n) invalid file\(n == 1 ? "" : "s"): \(summary.invalidFiles.joined(separator: ", "))")
    }
}

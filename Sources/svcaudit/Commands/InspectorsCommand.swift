import ArgumentParser
import SVCAuditCore

struct InspectorsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspectors",
        abstract: "检查质量: each inspector's offset against colleagues at the same branches, and the methods side by side.",
        discussion: """
        For the visits of the period with a visit score: an inspector's offset is the mean, over its visits, of \
        its score minus the mean score of the same branch in the period by the other inspectors; visits at \
        branches nobody else visited are not compared. Positive means more lenient. An inspector with at least \
        calibration.min_compared compared visits (default 5) and |offset| ≥ calibration.flag_offset (default 3) \
        of --policy is flagged. Per method: visits, mean and findings per visit. --format html draws the \
        offsets with the flag threshold.
        """
    )

    @OptionGroup var input: InputOptions
    @OptionGroup var period: PeriodOptions
    @OptionGroup var policy: PolicyOptions
    @OptionGroup var empty: EmptyPeriodOptions
    @OptionGroup var out: OutputOptions<InspectorReport>

    func run() throws {
        // The folders are walked meanwhile, while the checklists and the rest load.
        let walk = input.startWalk()
        let loaded = input.checklistOptions.load()
        let p = try policy.load(quiet: out.quiet, roles: loaded.catalog.roles, period: try period.resolved())
        let resolved = try period.resolved()
        var fold = InspectorCalibration(period: resolved)
        var gate = PeriodGate(period: resolved)
        let summary = try input.readSummaries(loaded, walk: walk, quiet: out.quiet, progress: out.progress()) { v in
            gate.see(v.date)
            fold.add(v)
        }
        try empty.check(gate, lang: out.context.lang)
        var report = fold.report(p.calibration)
        report.skipped = summary.invalidFiles
        try out.emit(report, roles: loaded.catalog.roles)
    }
}

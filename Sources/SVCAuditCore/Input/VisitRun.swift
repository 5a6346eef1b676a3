/// One run over PATHS, shared by every command that reads visits: find the files, read and
/// score them in parallel, apply the cross-visit checks, and hand each valid visit on.
public struct VisitRun {
    public struct Settings: Sendable {
        public var paths: [String]
        public var strict = false
        public var skipInvalid = false
        public var jobs = InputPipeline.defaultJobs
        /// Hand on each visit's item-by-item `VisitScore` too, not only its summary.
        public var detail = false
        public var limits: YAMLLimits = .default
        /// Diagnostics of these codes are also kept in `Summary.diagnostics` (at most `keepLimit`).
        public var keepCodes: Set<DiagnosticCode> = []
        public var keepLimit = 1000
        /// Called after each file is read with (files read, files found): the progress line.
        public var progress: (@Sendable (_ done: Int, _ total: Int) -> Void)?
        /// `paths` already being walked on a thread (started before the checklists loaded):
        /// its result is used instead of walking them here.
        public var walk: BackgroundWalk?

        public init(paths: [String]) { self.paths = paths }
    }

    public struct Summary: Sendable {
        /// Diagnostics of the codes `Settings.keepCodes` names (the rank memo's data warnings),
        /// in path order. Every diagnostic goes to the run's `DiagnosticDigest`; none is held here
        /// otherwise.
        public var diagnostics: [Diagnostic] = []
        /// How many were found of each severity (all of them, shown or not).
        public var errorCount = 0
        public var warningCount = 0
        public var filesRead = 0
        public var visits = 0
        public var policies = 0
        public var checklistFiles = 0
        /// Files with errors: with `--skip-invalid` these are left out and named in the output.
        public var invalidFiles: [String] = []
        /// Files in the folders that are not YAML and were not read.
        public var notYAML: [String] = []
        /// The checklists themselves, or a path, are broken: nothing can be scored at all.
        public var fatal = false
    }

    /// One valid visit as handed on: always its summary; its item-by-item score with `detail`.
    public struct Scored {
        public var summary: VisitSummary
        public var score: VisitScore?
    }

    /// Calls `onVisit` for each valid visit in path order; every diagnostic goes to `digest` as
    /// it is found (the checklists', the paths', then each file's in path order). Returns what
    /// was found.
    public static func run(_ settings: Settings, checklists: ChecklistSource.Loaded, digest: DiagnosticDigest,
                           onVisit: (Scored) -> Void) -> Summary {
        var summary = Summary()
        func report(_ list: [Diagnostic]) {
            for d in list {
                if d.severity == .error { summary.errorCount += 1 } else { summary.warningCount += 1 }
                if settings.keepCodes.contains(d.code), summary.diagnostics.count < settings.keepLimit {
                    summary.diagnostics.append(d)
                }
            }
            digest.add(file: list)
        }
        report(checklists.diagnostics)
        if checklists.diagnostics.contains(where: { $0.severity == .error }) {
            // Every visit would fail against a broken catalog; the checklist errors are what to fix.
            summary.fatal = true
            return summary
        }
        let found = settings.walk.map { precondition($0.paths == settings.paths); return $0.wait() } ?? FileDiscovery.expand(settings.paths)
        report(found.diagnostics)
        if !found.diagnostics.isEmpty { summary.fatal = true }
        summary.notYAML = found.skipped
        var options = InputPipeline.Options(jobs: settings.jobs, detail: settings.detail)
        options.limits = settings.limits
        // Checklist files among PATHS that are the loaded ones were checked already.
        options.skipping = checklists.files
        let files = found.files
        let fileOrder = found.order
        let catalog = checklists.catalog
        let limits = settings.limits
        var cross = VisitSetChecks(files: files.count, path: { files[$0] }, reread: { n in
            // Confirming a hash match: the earlier file, read again (standard input cannot be).
            guard files[n] != "-", case .success(let bytes)? = SourceFile.read(files[n], maxBytes: limits.maxFileBytes, skipping: []) else { return nil }
            var ignored = DiagnosticList(file: files[n])
            guard case .visit(let s, _) = VisitReader.read(bytes, file: files[n], catalog: catalog, limits: limits, diags: &ignored) else { return nil }
            return s
        })
        var number = -1
        // The packed list goes to the pipeline as it is: a path becomes a String only when its
        // file is read, so only the files in flight are ever path objects (SPEC §5).
        InputPipeline.run(files: files, catalog: checklists.catalog, options: options) { outcome in
            summary.filesRead += 1
            number += 1
            settings.progress?(summary.filesRead, files.count)
            if outcome.skipped {
                summary.checklistFiles += 1
                return
            }
            // The file's own list is read where it lies, not appended to: `+=` on a copy
            // copied the list, retaining every diagnostic's strings (objects the reading
            // thread had just written), for the cross-visit checks that are nearly always none.
            var diags = outcome.diagnostics
            if let summary = outcome.summary {
                let more = cross.check(summary, file: number)
                if !more.isEmpty { diags += more }
            }
            if settings.strict {
                diags = diags.map { var d = $0; d.severity = .error; return d }
            }
            report(diags)
            let invalid = diags.contains { $0.severity == .error }
            switch outcome.kind {
            case .visit?: summary.visits += 1
            case .policy?: summary.policies += 1
            case .checklist?: summary.checklistFiles += 1
            case nil: break
            }
            if invalid {
                summary.invalidFiles.append(outcome.path)
            } else if var summary = outcome.summary {
                // Its place in byte-wise path order, which the latest-visit rule compares.
                let order = fileOrder.map { Int($0[number]) } ?? number
                summary.fileOrder = order
                var score = outcome.score
                score?.summary.fileOrder = order
                onVisit(Scored(summary: summary, score: score))
            }
        }
        return summary
    }
}

import Dispatch

/// Reads, parses, loads and scores input files in parallel, handing each result to a
/// sequential consumer in path order — so output never depends on thread timing, and memory
/// holds one batch of files at a time, not the whole run.
public enum InputPipeline {
    public struct Options: Sendable {
        public var jobs: Int
        public var limits: YAMLLimits = .default
        /// Keep the loaded `Visit` (answers and notes) in each outcome, not only its score.
        public var keepVisits: Bool = false
        /// Also keep the full `VisitScore` (item-by-item results). Without it, clean visit files
        /// take the streaming fast path and yield only their `VisitSummary`.
        public var fullScores: Bool = false
        /// Files not to read (the checklists already loaded, met again among the inputs).
        public var skipping: Set<FileID> = []
        /// Files per batch: large enough to keep every core busy, small enough to bound memory.
        public var batchSize: Int = 256

        public init(jobs: Int = InputPipeline.defaultJobs, keepVisits: Bool = false, fullScores: Bool = false) {
            self.jobs = max(1, jobs)
            self.keepVisits = keepVisits
            self.fullScores = fullScores || keepVisits
        }
    }

    public static var defaultJobs: Int { max(1, sysconf(Int32(_SC_NPROCESSORS_ONLN))) }

    public struct Outcome: Sendable {
        public var path: String
        public var kind: FileKind?
        public var visit: Visit?
        /// Every valid visit has a summary; `score` only when full scores were asked for.
        public var summary: VisitSummary?
        public var score: VisitScore?
        public var policy: Policy?
        public var diagnostics: [Diagnostic]
        /// One of `Options.skipping`: not read.
        public var skipped = false
        public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
    }

    /// Processes `files`; `consume` sees every outcome once, in the order of `files`.
    public static func run(files: [String], catalog: ChecklistCatalog, options: Options,
                           consume: (inout Outcome) -> Void) {
        let scorer = Scorer(catalog: catalog)
        if options.jobs <= 1 {
            for path in files {
                var outcome = process(path, catalog: catalog, scorer: scorer, options: options)
                consume(&outcome)
            }
            return
        }
        let batches = stride(from: 0, to: files.count, by: options.batchSize).map {
            $0..<min(files.count, $0 + options.batchSize)
        }
        // The workers read batch k + 1 while this thread hands batch k to `consume`, so the
        // fold (which must run in path order) costs no worker time. Each worker is its own
        // work item: `concurrentPerform` called from a pool thread ran them one at a time.
        final class Batch: @unchecked Sendable {
            let count: Int
            let slots: UnsafeMutablePointer<Outcome?>
            let done = DispatchGroup()
            init(_ n: Int) {
                count = n
                slots = .allocate(capacity: n)
                slots.initialize(repeating: nil, count: n)
            }
            deinit {
                slots.deinitialize(count: count)
                slots.deallocate()
            }
        }
        func launch(_ range: Range<Int>) -> Batch {
            let batch = Batch(range.count)
            let workers = min(options.jobs, range.count)
            for w in 0..<workers {
                batch.done.enter()
                DispatchQueue.global().async {
                    var i = w  // each worker writes only its own slots
                    while i < range.count {
                        batch.slots[i] = process(files[range.lowerBound + i], catalog: catalog, scorer: scorer, options: options)
                        i += workers
                    }
                    batch.done.leave()
                }
            }
            return batch
        }
        var current = batches.first.map(launch)
        var k = 1
        while let batch = current {
            batch.done.wait()
            current = k < batches.count ? launch(batches[k]) : nil
            k += 1
            for i in 0..<batch.count {
                consume(&batch.slots[i]!)
                batch.slots[i] = nil
            }
        }
    }

    /// One file, start to finish. Never throws: every problem becomes a diagnostic.
    static func process(_ path: String, catalog: ChecklistCatalog, scorer: Scorer, options: Options) -> Outcome {
        var diags = DiagnosticList(file: path)
        var outcome = Outcome(path: path, kind: nil, visit: nil, summary: nil, score: nil, policy: nil, diagnostics: [])
        guard let read = FileReader.read(path, maxBytes: options.limits.maxFileBytes, skipping: options.skipping) else {
            outcome.kind = .checklist
            outcome.skipped = true
            return outcome
        }
        switch read {
        case .failure(let e):
            diags.error(e.message.contains("over the limit") ? "limit-file-size" : "read", e.message, at: .start)
        case .success(let bytes):
            if !options.fullScores,
               let summary = VisitStreamReader.read(bytes, file: path, catalog: catalog, limits: options.limits) {
                outcome.kind = .visit
                outcome.summary = summary
                return outcome
            }
            let (root, errors) = YAMLReader.parse(bytes, limits: options.limits)
            errors.forEach { diags.append($0) }
            if let root {
                switch FileKind.detect(root) {
                case .visit?:
                    outcome.kind = .visit
                    if let v = VisitLoader.load(root, file: path, catalog: catalog, limits: options.limits, diags: &diags), !diags.hasErrors {
                        let score = scorer.score(v)
                        outcome.summary = VisitSummary(score, catalog: catalog)
                        if options.fullScores { outcome.score = score }
                        if options.keepVisits { outcome.visit = v }
                    }
                case .policy?:
                    outcome.kind = .policy
                    outcome.policy = PolicyLoader.load(root, file: path, diags: &diags)
                case .checklist?:
                    outcome.kind = .checklist
                    _ = ChecklistLoader.load(root, file: path, diags: &diags)
                case nil:
                    diags.error("unknown-file-kind",
                        "cannot tell what this file is: a visit has 'branch' and 'date', a checklist has 'items', a policy has 'select' or 'by'",
                        at: root.mark)
                }
            }
        }
        outcome.diagnostics = diags.items
        return outcome
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

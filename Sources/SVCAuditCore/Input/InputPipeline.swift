import Foundation

/// Reads, parses, loads and scores input files in parallel, handing each result to a
/// sequential consumer in path order — so output never depends on thread timing, and memory
/// holds one batch of files at a time, not the whole run.
public enum InputPipeline {
    public struct Options: Sendable {
        public var jobs: Int
        public var limits: YAMLLimits = .default
        /// Also build each visit's item-by-item `VisitScore` (explain, rectify, history);
        /// without it a visit yields only its `VisitSummary`.
        public var detail: Bool = false
        /// Files not to read (the checklists already loaded, met again among the inputs).
        public var skipping: Set<FileID> = []
        /// How many files the workers may read ahead of the fold: enough to keep every core
        /// busy while the fold catches up, few enough to bound memory.
        public var readAhead: Int = 256

        public init(jobs: Int = InputPipeline.defaultJobs, detail: Bool = false) {
            self.jobs = max(1, jobs)
            self.detail = detail
        }
    }

    public static var defaultJobs: Int { max(1, sysconf(Int32(_SC_NPROCESSORS_ONLN))) }

    public struct Outcome: Sendable {
        public var path: String
        public var kind: FileKind?
        /// Every valid visit has a summary; `score` only when the detail was asked for.
        public var summary: VisitSummary?
        public var score: VisitScore?
        public var policy: Policy?
        public var diagnostics: [Diagnostic]
        /// One of `Options.skipping`: not read.
        public var skipped = false
        public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
    }

    /// Processes `files`; `consume` sees every outcome once, in the order of `files`. `files`
    /// may be a `PathList`: each path is made as a String only when its file is read.
    public static func run<Files: RandomAccessCollection & Sendable>(
        files: Files, catalog: ChecklistCatalog, options: Options, consume: (inout Outcome) -> Void
    ) where Files.Element == String, Files.Index == Int {
        // Files are claimed one at a time; each outcome waits in a window of `readAhead`
        // until it is folded, in path order (OrderedParallel says how the threads share work).
        OrderedParallel.run(count: files.count, jobs: options.jobs, window: options.readAhead,
                            state: { VisitReader.Scratch() },
                            make: { i, scratch in process(files[i], catalog: catalog, options: options, scratch: scratch) },
                            take: consume)
    }

    /// One file, start to finish. Never throws: every problem becomes a diagnostic.
    static func process(_ path: String, catalog: ChecklistCatalog, options: Options, scratch: VisitReader.Scratch? = nil) -> Outcome {
        // Standard input is `<stdin>` in messages and as a visit's default id.
        let label = SourceFile.label(path)
        var diags = DiagnosticList(file: label)
        var outcome = Outcome(path: path, kind: nil, summary: nil, score: nil, policy: nil, diagnostics: [])
        guard let read = SourceFile.read(path, maxBytes: options.limits.maxFileBytes, skipping: options.skipping) else {
            outcome.kind = .checklist
            outcome.skipped = true
            return outcome
        }
        switch read {
        case .failure(let e):
            diags.append(SourceFile.diagnostic(e, file: path))
        case .success(let bytes):
            switch VisitReader.read(bytes, file: label, catalog: catalog, limits: options.limits,
                                    detail: options.detail, scratch: scratch, diags: &diags) {
            case .visit(let summary, let score):
                outcome.kind = .visit
                outcome.summary = summary
                outcome.score = score
            case .notAVisit:
                // A checklist or a policy among PATHS: the node tree and its loader.
                let (root, errors) = YAMLReader.parse(bytes, limits: options.limits)
                errors.forEach { diags.append($0) }
                if let root {
                    switch FileKind.detect(root) {
                    case .policy?:
                        outcome.kind = .policy
                        outcome.policy = PolicyLoader.load(root, file: label, roles: catalog.roles, diags: &diags)
                    case .checklist?:
                        outcome.kind = .checklist
                        _ = ChecklistLoader.load(root, file: label, diags: &diags)
                    case .visit?, nil:
                        break  // the visit reader would have taken it
                    }
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

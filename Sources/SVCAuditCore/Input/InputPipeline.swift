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

    /// Processes `files`; `consume` sees every outcome once, in the order of `files`.
    public static func run(files: [String], catalog: ChecklistCatalog, options: Options,
                           consume: (inout Outcome) -> Void) {
        if options.jobs <= 1 {
            let scratch = VisitReader.Scratch()
            for path in files {
                var outcome = process(path, catalog: catalog, options: options, scratch: scratch)
                consume(&outcome)
            }
            return
        }
        // Workers claim files one at a time from a shared counter and leave each outcome in a
        // ring of slots; this thread takes the slots in path order and folds them. Workers may
        // run ahead of the fold by at most `window` files (memory stays bounded) and never wait
        // for it otherwise: with per-batch hand-offs they sat idle while the fold caught up.
        let window = max(options.readAhead, 2 * options.jobs)
        let ring = Ring(window)
        let lock = NSCondition()
        let workers = min(options.jobs, files.count)
        for _ in 0..<workers {
            let thread = Thread {
                let scratch = VisitReader.Scratch()
                while true {
                    lock.lock()
                    while ring.next < files.count && ring.next >= ring.consumed + window { lock.wait() }
                    guard ring.next < files.count else {
                        ring.finished += 1
                        lock.broadcast()
                        lock.unlock()
                        return
                    }
                    let i = ring.next
                    ring.next += 1
                    lock.unlock()
                    let outcome = process(files[i], catalog: catalog, options: options, scratch: scratch)
                    lock.lock()
                    ring.slots[i % window] = outcome
                    lock.broadcast()
                    lock.unlock()
                }
            }
            thread.stackSize = 1 << 20
            thread.start()
        }
        for i in 0..<files.count {
            lock.lock()
            while ring.slots[i % window] == nil { lock.wait() }
            var outcome = ring.slots[i % window]!
            ring.slots[i % window] = nil
            ring.consumed = i + 1
            lock.broadcast()
            lock.unlock()
            consume(&outcome)
        }
        // Every file was folded, so every worker has claimed its last one and is leaving.
        lock.lock()
        while ring.finished < workers { lock.wait() }
        lock.unlock()
    }

    /// What the workers and the fold share, all guarded by the pipeline's lock: the slots
    /// outcomes wait in, the next file to claim, how many are folded, how many workers left.
    private final class Ring: @unchecked Sendable {
        var slots: [Outcome?]
        var next = 0
        var consumed = 0
        var finished = 0
        init(_ n: Int) { slots = [Outcome?](repeating: nil, count: n) }
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

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
        let count = files.count
        if options.jobs <= 1 || count < 2 {
            let scratch = VisitReader.Scratch()
            for i in 0..<count {
                var outcome = process(files[i], catalog: catalog, options: options, scratch: scratch)
                consume(&outcome)
            }
            return
        }
        // `jobs` threads read: `jobs - 1` helpers and this one, which also folds. Files are
        // claimed one at a time from a shared counter and each outcome waits in a ring of slots
        // until this thread folds it, in path order. When the next file to fold is not ready,
        // this thread reads the next unclaimed file instead of waiting — so `--jobs 2` keeps two
        // cores busy with two threads, not three contending for them. Readers run ahead of the
        // fold by at most `window` files (memory stays bounded). A thread is woken only when
        // what it waits for has happened: the slot it needs, or room in the window.
        let window = max(options.readAhead, 2 * options.jobs)
        let helpers = min(options.jobs - 1, count - 1)
        let ring = Ring(window, helpers: helpers)
        let lock = NSCondition()
        /// With the lock held and a file free to claim: claims it, reads it with the lock let
        /// go, and leaves its outcome in its slot (the lock held again), marked as made by
        /// `reader` (0 is this thread). Returns its number.
        @Sendable func readNext(_ scratch: VisitReader.Scratch, reader: Int) -> Int {
            let i = ring.next
            ring.next += 1
            lock.unlock()
            let outcome = process(files[i], catalog: catalog, options: options, scratch: scratch)
            lock.lock()
            ring.slots[i % window] = outcome
            ring.madeBy[i % window] = reader
            return i
        }
        for h in 0..<helpers {
            let h = h + 1
            let thread = Thread {
                let scratch = VisitReader.Scratch()
                var spent: [Outcome] = []
                lock.lock()
                while true {
                    while ring.next < count && ring.next >= ring.consumed + window {
                        ring.helpersWaiting += 1
                        lock.wait()
                        ring.helpersWaiting -= 1
                    }
                    guard ring.next < count else { break }
                    swap(&spent, &ring.spent[h])
                    if !spent.isEmpty {
                        lock.unlock()
                        spent.removeAll(keepingCapacity: true)
                        lock.lock()
                        continue
                    }
                    let i = readNext(scratch, reader: h)
                    if ring.folderWaiting && i == ring.consumed { lock.broadcast() }
                }
                ring.finished += 1
                if ring.folderWaiting { lock.broadcast() }
                lock.unlock()
            }
            thread.stackSize = 1 << 20
            thread.start()
        }
        let scratch = VisitReader.Scratch()
        // The last outcome folded, if a helper made it: it goes back to that helper to be freed
        // there (with the lock taken for the next file anyway). glibc frees a block into the
        // arena of the thread that allocated it, under that arena's lock: when this thread
        // freed what the helpers allocated, the helpers' own malloc and free waited on it
        // (thousands of futex waits on 100,000 files at --jobs 2).
        var folded: (outcome: Outcome, madeBy: Int)?
        for i in 0..<count {
            lock.lock()
            if let (outcome, h) = folded {
                ring.spent[h].append(outcome)
                folded = nil
            }
            while ring.slots[i % window] == nil {
                if ring.next < count && ring.next < ring.consumed + window {
                    _ = readNext(scratch, reader: 0)
                } else {
                    ring.folderWaiting = true
                    lock.wait()
                    ring.folderWaiting = false
                }
            }
            var outcome = ring.slots[i % window].take()!
            let madeBy = ring.madeBy[i % window]
            ring.consumed = i + 1
            if ring.helpersWaiting > 0 { lock.broadcast() }
            lock.unlock()
            consume(&outcome)
            if madeBy > 0 { folded = (outcome, madeBy) }
        }
        // Every file was folded, so every helper has claimed its last one and is leaving.
        lock.lock()
        while ring.finished < helpers {
            ring.folderWaiting = true
            lock.wait()
            ring.folderWaiting = false
        }
        lock.unlock()
    }

    /// What the readers and the fold share, all guarded by the pipeline's lock: the slots
    /// outcomes wait in, the next file to claim, how many are folded, how many helpers left,
    /// and who is waiting (so nobody is woken for nothing).
    private final class Ring: @unchecked Sendable {
        var slots: [Outcome?]
        /// Which thread read each slot's outcome: 0 the folding thread, 1... a helper.
        var madeBy: [Int]
        /// Per helper (index 1...), the outcomes folded and handed back for it to free.
        var spent: [[Outcome]]
        var next = 0
        var consumed = 0
        var finished = 0
        var folderWaiting = false
        var helpersWaiting = 0
        init(_ n: Int, helpers: Int) {
            slots = [Outcome?](repeating: nil, count: n)
            madeBy = [Int](repeating: 0, count: n)
            spent = [[Outcome]](repeating: [], count: helpers + 1)
        }
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

import CYAML

/// The one reader of visit files (SPEC §1.2): libyaml's events, read straight into the visit,
/// with no node tree. Keys come from `VisitSchema`, answers are read by `AnswerGrammar`, and
/// every rule of the format is checked here, once, as the events go by; each problem is
/// recorded with its mark and reading goes on to the end of the file, so a file with warnings
/// is read once and a file with many problems shows them all.
///
/// Two stages, one pass over the bytes: the events give the visit's fields and its raw
/// answers (structure, types, dates, required fields, limits, duplicate keys); at the end of
/// the document, when the date and any `versions:` are known, the catalog resolves the
/// checklists in force (`ChecklistCatalog.resolved(on:pinned:diags:)`) and the answers are
/// checked against it (item ids, scope, roles, assessed checklists, values, notes). A valid
/// visit is then scored by `Scorer`: always its `VisitSummary`; its item-by-item `VisitScore`
/// only when `detail` is asked for (`explain`, `rectify`, `history`).
public enum VisitReader {
    public enum Outcome {
        /// A visit file: its summary (and detail when asked) when it is valid, nil otherwise.
        case visit(VisitSummary?, VisitScore?)
        /// Not a visit (a checklist or policy among PATHS): read it as a node tree instead.
        case notAVisit
    }

    /// What one reading thread keeps from file to file: answers to questions whose answer does
    /// not depend on the file (what a written role means, and its warning). Not shared
    /// between threads; a run makes one per worker (`InputPipeline`).
    public final class Scratch {
        private var roles: [String: (id: String, warning: DiagnosticArgs?)] = [:]
        /// The first words met, searched before `roles` (same answers); by their bytes too
        /// (`knownRole`), so that the reader takes a known role without making its String.
        private var recentRoles: [(written: String, key: ByteKey, id: String, warning: DiagnosticArgs?)] = []
        /// The byte store and the answers of the file last read, kept with their capacity:
        /// reading a file then allocates neither (the store's old bytes are written over).
        fileprivate let store = ByteStore()
        fileprivate var answers: [RawAnswer] = []
        /// The checker's valid answers (`Checker.flat`) and the visit's employees as read
        /// (`RawVisit.staff`), kept with their capacity the same way.
        fileprivate var flat: [Scorer.FlatAnswer] = []
        fileprivate var staff: [RawStaff] = []
        /// Per flat item: the subject that last answered it and where (`Checker.seen`), kept
        /// from file to file. Subjects are numbered across files (`subjects`), so a number left
        /// from an earlier file never matches: nothing is cleared per file. Raw memory, two
        /// entries per item: written for every answer, an array checked on each write that it
        /// was not shared.
        fileprivate var seen = UnsafeMutablePointer<Int32>.allocate(capacity: 2)
        fileprivate var seenItems = 0
        fileprivate var subjects: Int32 = 0
        /// The scorer's scratch (item slots, section sums, totals lists).
        let scoring = Scorer.Scratch()
        /// The Strings made lately from scalars, shared when the same bytes come again.
        fileprivate let strings = RecentStrings()
        public init() {}
        deinit { seen.deallocate() }

        /// Hands the buffers to the reader of the next file (moved out, not shared: appending
        /// to a shared array would copy it).
        fileprivate func take() -> [RawAnswer] {
            var out: [RawAnswer] = []
            swap(&out, &answers)
            store.count = 0
            return out
        }

        /// Takes the buffers back from a visit that is done with them (a file's worth; a huge
        /// file's are let go, so a worker does not keep its memory).
        fileprivate func recycle(_ raw: inout RawVisit) {
            store.shrink(to: 1 << 20)
            if raw.staff.capacity <= 1 << 8 {
                raw.staff.removeAll(keepingCapacity: true)
                swap(&staff, &raw.staff)
            }
            guard raw.answers.capacity <= 1 << 14 else { return }
            raw.answers.removeAll(keepingCapacity: true)
            swap(&answers, &raw.answers)
        }

        /// The seen-item table for a catalog of `items` items, and the first subject number of
        /// the next file (numbers are handed out by `Checker`, given back in `recycleSeen`).
        fileprivate func takeSeen(items: Int) -> (seen: UnsafeMutablePointer<Int32>, subjects: Int32) {
            if subjects > Int32.max / 2 {
                // Numbers would run out: start again from a table that matches no one.
                subjects = 0
                seenItems = 0
            }
            if seenItems < items {
                let bigger = UnsafeMutablePointer<Int32>.allocate(capacity: 2 * items)
                bigger.update(from: seen, count: 2 * seenItems)
                for i in seenItems..<items { bigger[2 * i] = -1; bigger[2 * i + 1] = 0 }
                seen.deallocate()
                seen = bigger
                seenItems = items
            }
            return (seen, subjects)
        }

        fileprivate func recycleSeen(subjects: Int32) { self.subjects = subjects }

        /// The role id `written` names and the warning for it, if any. With a roles.yaml both
        /// depend on the word alone (the role catalog is the same for every checklist version):
        /// they are worked out once per word. Without one, each time.
        func role(_ written: String, _ catalog: ChecklistCatalog) -> (id: String, warning: DiagnosticArgs?) {
            guard !catalog.roles.isEmpty else { return (catalog.roleID(for: written) ?? written, catalog.unknownRole(written)) }
            // The few words a run meets again and again, compared in turn: hashing the word
            // for the dictionary cost more than the comparisons.
            for r in recentRoles where r.written == written { return (r.id, r.warning) }
            let answer: (id: String, warning: DiagnosticArgs?)
            if let known = roles[written] {
                answer = known
            } else {
                answer = (catalog.roleID(for: written) ?? written, catalog.unknownRole(written))
                if roles.count >= 4096 { roles.removeAll() }  // a file full of made-up roles: stay small
                roles[written] = answer
            }
            if recentRoles.count < 8 {
                var w = written
                recentRoles.append((written, w.withUTF8 { ByteKey(UnsafeRawBufferPointer($0)) }, answer.id, answer.warning))
            }
            return answer
        }

        /// What `role` answered for the word `bytes` spell, when it is one of the words met
        /// already (only with a roles.yaml are they kept); nil otherwise.
        @inline(__always)
        fileprivate func knownRole(_ bytes: UnsafeRawBufferPointer) -> (id: String, warning: DiagnosticArgs?)? {
            guard bytes.count <= 16 else { return nil }  // the key alone tells such words apart
            let key = ByteKey(bytes)
            for r in recentRoles where r.key == key { return (r.id, r.warning) }
            return nil
        }
    }

    public static func read(_ bytes: [UInt8], file: String, catalog: ChecklistCatalog, limits: YAMLLimits = .default,
                            detail: Bool = false, scratch: Scratch? = nil, diags: inout DiagnosticList) -> Outcome {
        if bytes.count > limits.maxFileBytes {
            diags.append(.fileSize(bytes.count, limits))
            return .visit(nil, nil)
        }
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }  // tolerated BOM
        let scratch = scratch ?? Scratch()
        return body.withUnsafeBufferPointer { buffer -> Outcome in
            let answers = scratch.take()
            var r = EventReader(buffer, limits: limits, file: file, scratch: scratch, answers: answers)
            defer { r.close() }
            // The visit's buffers go back to the scratch on every way out (`recycle`).
            var raw = r.run()
            if let fatal = r.fatal {
                scratch.recycle(&raw)
                // Bytes that are not UTF-8 text: say what the file is (UTF-16, GBK, binary).
                if fatal.code == .yamlEncoding, let problem = EncodingCheck.problem(in: bytes) {
                    diags.append(problem)
                    return .visit(nil, nil)
                }
                // The file cannot be read as YAML: what was found about the YAML stands, the
                // rest would be guesses about a document that is not there.
                for d in r.yaml { diags.append(d) }
                diags.append(fatal)
                return .visit(nil, nil)
            }
            if raw.kind == .checklist || (raw.kind == .policy && !raw.detected) {
                scratch.recycle(&raw)
                return .notAVisit
            }
            for d in r.yaml { diags.append(d) }
            guard raw.detected else {
                diags.error(.unknownFileKind, at: raw.rootMark)
                scratch.recycle(&raw)
                return .visit(nil, nil)
            }
            for d in r.found { diags.append(d) }
            let resolved = catalog.resolved(on: raw.date, pinned: raw.versions, diags: &diags)
            // The catalogs are handed to the checker's methods, not kept in it: a stored copy
            // retained and released every array and dictionary in them, twice per visit. The
            // visit is moved in (a copy retained and released everything in it).
            var check = Checker(raw: consume raw, store: scratch.store.bytes, file: file, index: resolved.scoring, detail: detail,
                                limits: limits, scratch: scratch)
            let result = check.run(&diags, base: catalog, catalog: resolved)
            check.recycle()
            // Taken apart as it is returned: reading the optional tuple's fields copied the
            // summary (every string and list in it retained, then released).
            guard case let (summary, detail)? = consume result else { return .visit(nil, nil) }
            return .visit(summary, detail)
        }
    }
}

// MARK: - What the events give

/// The bytes of one file's keys, values and notes, in memory a reading thread keeps from file
/// to file (`VisitReader.Scratch`): appending a scalar is a bounds check and a copy, with no
/// array's uniqueness check or closure around it. `Span`s are offsets, so growing it (a
/// copy to a larger block) leaves them good.
final class ByteStore {
    private(set) var base: UnsafeMutableRawPointer
    private(set) var capacity: Int
    var count = 0

    init(capacity: Int = 1 << 14) {
        self.capacity = capacity
        base = .allocate(byteCount: capacity, alignment: 16)
    }

    deinit { base.deallocate() }

    /// Keeps `b`'s bytes at the end; where they stand. Most keys and values are a few bytes:
    /// copied with two overlapping loads and stores (as `ByteKey` reads them), not a call to
    /// memmove.
    @inline(__always)
    func append(_ b: UnsafeRawBufferPointer) -> Span {
        let start = count, n = b.count
        if start + n > capacity { grow(start + n) }
        if n > 0 {
            let from = UnsafeRawPointer(b.baseAddress.unsafelyUnwrapped), to = base + start
            if n >= 8 && n <= 16 {
                let first = from.loadUnaligned(as: UInt64.self), last = from.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self)
                to.storeBytes(of: first, as: UInt64.self)
                to.storeBytes(of: last, toByteOffset: n - 8, as: UInt64.self)
            } else if n >= 4 && n < 8 {
                let first = from.loadUnaligned(as: UInt32.self), last = from.loadUnaligned(fromByteOffset: n - 4, as: UInt32.self)
                to.storeBytes(of: first, as: UInt32.self)
                to.storeBytes(of: last, toByteOffset: n - 4, as: UInt32.self)
            } else if n < 4 {
                let first = from.load(as: UInt8.self), middle = from.load(fromByteOffset: n >> 1, as: UInt8.self)
                let last = from.load(fromByteOffset: n - 1, as: UInt8.self)
                to.storeBytes(of: first, as: UInt8.self)
                to.storeBytes(of: middle, toByteOffset: n >> 1, as: UInt8.self)
                to.storeBytes(of: last, toByteOffset: n - 1, as: UInt8.self)
            } else {
                to.copyMemory(from: from, byteCount: n)
            }
        }
        count = start + n
        // The store never grows past Int32.max (`grow`): the offsets fit.
        return Span(start: Int32(truncatingIfNeeded: start), count: Int32(truncatingIfNeeded: n))
    }

    private func grow(_ needed: Int) {
        precondition(needed <= Int(Int32.max), "a file's scalars past 2 GB")
        var size = capacity * 2
        while size < needed { size *= 2 }
        let bigger = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 16)
        bigger.copyMemory(from: base, byteCount: count)
        base.deallocate()
        base = bigger
        capacity = size
    }

    /// Lets go of a block grown past `limit` by a huge file (the worker keeps a small one).
    func shrink(to limit: Int) {
        guard capacity > limit else { return }
        base.deallocate()
        capacity = 1 << 14
        base = .allocate(byteCount: capacity, alignment: 16)
        count = 0
    }

    var bytes: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: base, count: count) }
}

/// Where a scalar's bytes stand in the reader's byte store (`ByteStore`): keys, answer
/// values and notes are kept as bytes, not `String`s, so an answer is a plain value with
/// nothing to retain, release or free; text is made from the bytes only where a message,
/// a veto note or the detail needs it.
struct Span {
    var start: Int32
    var count: Int32
    static let none = Span(start: 0, count: -1)
    var exists: Bool { count >= 0 }
}

/// One answer as written, before the catalog is consulted. Every field is a plain value.
struct RawAnswer {
    var key: Span
    var keyMark: Mark
    /// The value (the short answer, or `result` of the long form): its bytes when a scalar.
    var text = Span.none
    var plain = true
    var isNull = false
    var valueMark: Mark
    var long = false
    /// Long form without `result`: reported, and the answer is not read.
    var missingResult = false
    var note = Span.none
    var fixBy: Day?
    /// Index into `RawVisit.extras` of what few answers have (a value that is not a scalar,
    /// `evidence`, problems inside the long form); -1 when none.
    var extra: Int32 = -1
}

/// The rarer parts of an answer, kept apart so that `RawAnswer` stays a plain value.
struct RawExtra {
    /// How a message names the value when it is not a scalar ("a list").
    var found: DiagnosticArg?
    var evidence: [String] = []
    /// Problems inside the long form, reported only when the answer itself is read (an
    /// unknown item's long form is not looked into).
    var pending: [Diagnostic] = []
}

struct RawStaff {
    var mark: Mark
    var id: String?
    var name: String?
    var role: String?
    /// The role's meaning when the reader knew the word already (`Scratch.knownRole`); `role`
    /// is then nil.
    var known: (id: String, warning: DiagnosticArgs?)?
    var roleMark = Mark.start
    /// Its answers: `RawVisit.answers[answers]`.
    var answers: Range<Int> = 0..<0
    var answersMark: Mark?
    var answersOver = 0
}

struct RawVisit {
    var kind: FileKind?
    /// A top-level key only visits have was seen.
    var detected = false
    var rootMark = Mark.start
    var id: String?
    var branch: Branch?
    var date: Day?
    var inspector: String?
    var method = Visit.Method.onsite
    var checklists: [(id: String, mark: Mark)]?
    var checklistsMark = Mark.start
    var versions: [(id: String, version: String, mark: Mark)] = []
    /// The branch's answers: `answers[results]`.
    var results: Range<Int> = 0..<0
    var resultsKeyMark: Mark?
    var resultsMark = Mark.start
    var resultsOver = 0
    var staff: [RawStaff] = []
    var staffMark = Mark.start
    var staffCount = 0
    /// Every answer of the visit, the branch's and each employee's (one array, so a file
    /// costs no array per subject), their bytes in the thread's `ByteStore`; the answers'
    /// rarer parts.
    var answers: [RawAnswer] = []
    var extras: [RawExtra] = []
}

// MARK: - Stage 1: the events

private struct EventReader {
    let limits: YAMLLimits
    let file: String
    let buffer: UnsafeBufferPointer<UInt8>
    // libyaml's structs live behind pointers: as stored properties Swift would copy the
    // parser (hundreds of bytes) in and out around every call.
    private let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
    private let event = UnsafeMutablePointer<yaml_event_t>.allocate(capacity: 1)
    private var holding = false
    private var started = false
    private var nodes = 0
    private var depth = 0

    /// The error that stopped reading (syntax, alias, limit, several documents, encoding).
    private(set) var fatal: YAMLError? { didSet { stopped = fatal != nil } }
    /// `fatal != nil`, as the one byte `next` tests before every event.
    private var stopped = false
    /// YAML-level problems (duplicate keys): reported even when the file is not a visit.
    private(set) var yaml: [Diagnostic] = []
    /// Everything else found in the events.
    private(set) var found: [Diagnostic] = []
    /// The bytes of answer keys, values and notes (`Span`s point here), every answer, and
    /// answers' rarer parts. `store` and `answers` come from the thread's `Scratch`; the
    /// store is filled from the front and its old bytes written over.
    private let store: ByteStore
    private var answers: [RawAnswer]
    /// The thread's scratch, for the roles it knows already.
    private let scratch: VisitReader.Scratch
    private var extras: [RawExtra] = []

    init(_ buffer: UnsafeBufferPointer<UInt8>, limits: YAMLLimits, file: String, scratch: VisitReader.Scratch, answers: [RawAnswer]) {
        self.scratch = scratch
        self.store = scratch.store
        self.buffer = buffer
        self.limits = limits
        self.file = file
        self.answers = answers
        parser.initialize(to: yaml_parser_t())
        event.initialize(to: yaml_event_t())
        if yaml_parser_initialize(parser) == 1 {
            started = true
            yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(parser, buffer.baseAddress ?? UnsafePointer(bitPattern: 1)!, buffer.count)
        } else {
            fatal = YAMLError(.yamlInternal, at: .start)
        }
    }

    mutating func close() {
        if holding { yaml_event_delete(event); holding = false }
        if started { yaml_parser_delete(parser) }
        parser.deallocate()
        event.deallocate()
    }

    // MARK: events

    /// Moves to the next event; false once reading has stopped (`fatal` says why). Every
    /// event comes through here: the usual path is a few tests, inlined into the readers;
    /// what stops reading is worked out apart (`stop`).
    @discardableResult
    @inline(__always)
    mutating func next() -> Bool {
        if stopped { return false }
        if holding { yaml_event_delete(event); holding = false }
        guard yaml_parser_parse(parser, event) == 1 else { return stop() }
        holding = true
        switch event.pointee.type {
        case YAML_SCALAR_EVENT:
            nodes += 1
            if Int(event.pointee.data.scalar.length) > limits.maxScalarBytes || nodes > limits.maxNodes { return stop() }
        case YAML_MAPPING_START_EVENT, YAML_SEQUENCE_START_EVENT:
            nodes += 1
            if nodes > limits.maxNodes || depth >= limits.maxDepth { return stop() }
            depth += 1
        case YAML_MAPPING_END_EVENT, YAML_SEQUENCE_END_EVENT:
            depth -= 1
        case YAML_ALIAS_EVENT:
            return stop()
        default:
            break
        }
        return true
    }

    /// Why reading stops at this event (the parser failed, or the event breaks a limit or is
    /// an alias): recorded in `fatal`; false, for `next` to return.
    @inline(never)
    private mutating func stop() -> Bool {
        guard holding else {
            fatal = YAMLReader.parserError(parser.pointee, buffer)
            return false
        }
        switch event.pointee.type {
        case YAML_SCALAR_EVENT:
            let length = Int(event.pointee.data.scalar.length)
            fatal = length > limits.maxScalarBytes ? .limitScalar(length, limits, at: mark) : .limitNodes(limits, at: mark)
        case YAML_MAPPING_START_EVENT, YAML_SEQUENCE_START_EVENT:
            fatal = nodes > limits.maxNodes ? .limitNodes(limits, at: mark) : .limitDepth(limits, at: mark)
        default:
            fatal = .alias(at: mark)
        }
        return false
    }

    var type: yaml_event_type_t { event.pointee.type }
    var isScalar: Bool { type == YAML_SCALAR_EVENT }
    var isMapping: Bool { type == YAML_MAPPING_START_EVENT }
    var isSequence: Bool { type == YAML_SEQUENCE_START_EVENT }

    @inline(__always)
    var mark: Mark {
        Mark(line: Int(event.pointee.start_mark.line) + 1, column: Int(event.pointee.start_mark.column) + 1)
    }

    @inline(__always)
    var bytes: UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(start: event.pointee.data.scalar.value, count: Int(event.pointee.data.scalar.length))
    }

    /// The current scalar's text; the same String as last time when these bytes were met lately.
    var text: String { scratch.strings.string(bytes) }

    /// The text of bytes kept in the store.
    func string(_ span: Span) -> String {
        String(decoding: UnsafeRawBufferPointer(start: store.base + Int(span.start), count: Int(span.count)), as: UTF8.self)
    }

    /// Keeps the current scalar's bytes in the store.
    @inline(__always)
    mutating func stash() -> Span { store.append(bytes) }

    /// The answer's rarer parts, made on first use.
    mutating func extra(_ a: inout RawAnswer, _ change: (inout RawExtra) -> Void) {
        if a.extra < 0 {
            a.extra = Int32(extras.count)
            extras.append(RawExtra())
        }
        change(&extras[Int(a.extra)])
    }

    /// Text that is empty or only spaces (as `trimmingSpaces` reads it): most values start
    /// with a visible ASCII byte or a CJK ideograph (lead byte E4–E9), and are not.
    static func blank(_ b: UnsafeRawBufferPointer) -> Bool {
        guard let first = b.first else { return true }
        if (first > 0x20 && first < 0x7F) || (first >= 0xE4 && first <= 0xE9) { return false }
        return String(decoding: b, as: UTF8.self).trimmingSpaces.isEmpty
    }

    /// A tagged scalar (`!!str 10`) or any quoted or block style is text, never a number or null.
    @inline(__always)
    var plain: Bool { event.pointee.data.scalar.style == YAML_PLAIN_SCALAR_STYLE && event.pointee.data.scalar.tag == nil }

    @inline(__always)
    var isNull: Bool { isScalar && YAMLNode.isNull(bytes, plain: plain) }

    /// How a message names the current value when it is of the wrong kind.
    var described: DiagnosticArg {
        if isMapping { return YAMLNode.foundMapping }
        if isSequence { return YAMLNode.foundList }
        return YAMLNode.found(text, plain: plain, isNull: isNull)
    }

    /// Skips the current value (a scalar, or a whole collection).
    mutating func skip() {
        guard isMapping || isSequence else { return }
        var open = 1
        while open > 0, next() {
            if isMapping || isSequence { open += 1 } else if type == YAML_MAPPING_END_EVENT || type == YAML_SEQUENCE_END_EVENT { open -= 1 }
        }
    }

    mutating func error(_ code: DiagnosticCode, _ args: DiagnosticArgs, at mark: Mark) {
        found.append(Diagnostic(file: file, mark: mark, severity: .error, code: code, args: args))
    }

    /// A YAML-level problem found in the events (a repeated key).
    mutating func yamlProblem(_ e: YAMLError) {
        yaml.append(Diagnostic(file: file, mark: e.mark, severity: .error, code: e.code, args: e.args))
    }

    // MARK: the document

    mutating func run() -> RawVisit {
        var v = document()
        swap(&v.answers, &answers)
        swap(&v.extras, &extras)
        return v
    }

    private mutating func document() -> RawVisit {
        var v = RawVisit()
        guard next(), type == YAML_STREAM_START_EVENT, next() else { return v }
        if type == YAML_STREAM_END_EVENT { fatal = .emptyFile; return v }
        guard type == YAML_DOCUMENT_START_EVENT, next() else { return v }
        v.rootMark = mark
        if isMapping {
            readTop(&v)
            if v.kind == .checklist { return v }
        } else {
            skip()
        }
        guard fatal == nil, next(), type == YAML_DOCUMENT_END_EVENT, next() else { return v }
        if type == YAML_DOCUMENT_START_EVENT { fatal = .severalDocuments(at: mark) }
        return v
    }

    /// The keys of one mapping so far: which schema fields, and unknown keys, with marks.
    struct Keys {
        var seen: UInt32 = 0
        /// Where each schema key was first seen; inline, so a mapping allocates nothing.
        var marks = InlineArray<12, Mark>(repeating: .start)
        var unknown: [(String, Mark)] = []
    }

    enum KeyRead {
        /// A schema key: its field number; the current event is its value.
        case field(Int, mark: Mark)
        /// A key the schema does not know (remembered for `reportUnknown`); the current
        /// event is its value, which the caller skips.
        case unknown(String)
        /// A repeated key: reported, its value skipped (the first value stands).
        case repeated
        /// Reading stopped.
        case stop
    }

    /// Reads the key at the current event and moves to its value.
    /// The usual key, a schema key met for the first time, is told by its field number here,
    /// inlined into the readers; any other key by `otherKey`.
    @inline(__always)
    mutating func key(_ schema: VisitSchema.Mapping, _ keys: inout Keys) -> KeyRead {
        if isScalar, let f = schema.field(bytes), keys.seen & (1 << UInt32(f)) == 0 {
            let keyMark = mark
            keys.seen |= 1 << UInt32(f)
            keys.marks[f] = keyMark
            guard next() else { return .stop }
            return .field(f, mark: keyMark)
        }
        return otherKey(schema, &keys)
    }

    /// A key that is not a schema key met for the first time: a collection (reading stops),
    /// a repeated key (reported, its value skipped) or a key the schema does not know.
    @inline(never)
    mutating func otherKey(_ schema: VisitSchema.Mapping, _ keys: inout Keys) -> KeyRead {
        let keyMark = mark
        guard isScalar else {
            // A collection as a key: stop, as the node reader does.
            fatal = .complexKey(isMapping ? YAMLNode.foundMapping : YAMLNode.foundList, at: keyMark)
            return .stop
        }
        let field = schema.field(bytes)
        // The key's text only when it is not a schema key, or is repeated.
        var name = ""
        var first: Mark?
        if let f = field {
            first = keys.marks[f]
            name = schema.keys[f].name
        } else {
            name = text
            if let known = keys.unknown.first(where: { $0.0 == name }) {
                first = known.1
            } else {
                keys.unknown.append((name, keyMark))
            }
        }
        guard next() else { return .stop }
        if let first {
            yamlProblem(.duplicateKey(name, first: first, at: keyMark))
            skip()
            return .repeated
        }
        return .unknown(name)
    }

    /// Unknown keys of a finished mapping, each with a "did you mean" from the schema.
    mutating func reportUnknown(_ keys: Keys, _ schema: VisitSchema.Mapping, in what: DiagnosticArg) {
        for (name, mark) in keys.unknown {
            error(.unknownKey, ["key": .text(name), "what": what, "hint": .hint(Suggestion.closest(to: name, in: schema.names))], at: mark)
        }
    }

    // MARK: typed values (the current event is the value)

    /// Optional text: nil for null; an error for a collection.
    mutating func optionalText(_ key: String) -> String? {
        guard isScalar else {
            error(.wrongType, ["field": .field(key), "expected": .phrase("文字", "text"), "found": described], at: mark)
            skip()
            return nil
        }
        return isNull ? nil : text
    }

    /// Required text. `missing` is set for null (reported at the mapping by the caller);
    /// blank text is reported here, naming the mapping `what`.
    mutating func requiredText(_ key: String, what: @autoclosure () -> DiagnosticArg, missing: inout Bool) -> String? {
        guard isScalar else {
            error(.wrongType, ["field": .field(key), "expected": .phrase("文字", "text"), "found": described], at: mark)
            skip()
            return nil
        }
        if isNull { missing = true; return nil }
        let t = text
        if let b = bytes.first, b > 0x20, b < 0x80 { return t }  // starts with a visible ASCII character
        if Self.blank(bytes) {
            error(.missingField, ["what": what(), "key": .text(key), "state": .phrase("是空的", "is empty")], at: mark)
            return nil
        }
        // A template placeholder left in (（网点名称）): the real value was never typed.
        if Placeholder.matches(t) {
            error(.placeholder, ["key": .text(key), "value": .text(t)], at: mark)
            return nil
        }
        return t
    }

    /// A date; `missing` for null.
    mutating func day(_ key: String, missing: inout Bool) -> Day? {
        guard isScalar, !isNull else {
            if isNull { missing = true; return nil }
            error(.badDate, ["key": .text(key), "reason": .phrase("这里是\(described.text(.zh))", "found \(described.text(.en))")], at: mark)
            skip()
            return nil
        }
        // The usual YYYY-MM-DD read from the bytes; anything else through Day.parse.
        let b = bytes
        if b.count == 10, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-") {
            var ok = true
            func num(_ r: Range<Int>) -> Int {
                var n = 0
                for i in r { let d = Int(b[i]) - 48; if d < 0 || d > 9 { ok = false }; n = n * 10 + d }
                return n
            }
            let y = num(0..<4), m = num(5..<7), d = num(8..<10)
            if ok, (1...12).contains(m), y >= 1, let day = Day(year: y, month: m, day: d) { return day }
        }
        let s = text
        switch Day.parse(s) {
        case .ok(let d):
            return d
        case .badForm(let suggestion):
            error(.badDate, ["key": .text(key), "reason": .phrase("这里是 '\(s)'", "found '\(s)'", hint: suggestion)], at: mark)
        case .noSuchDay(let n):
            error(.badDate, ["key": .text(key), "reason": .phrase("没有 '\(s)' 这一天（那个月只有 \(n) 天）", "'\(s)' does not exist (that month has \(n) days)")], at: mark)
        }
        return nil
    }

    /// A list of text values (null: nil). A single text is not accepted: it would hide a missing `[ ]`.
    mutating func textList(_ key: String) -> [(id: String, mark: Mark)]? {
        if isNull { return nil }
        guard isSequence else {
error(.wrongType, ["field": .field(key), "expected": .phrase("列表（如 [a, b]）", "a list such as [a, b]"), "found": described], at: mark)
            skip()
            return nil
        }
        var out: [(id: String, mark: Mark)] = []
        out.reserveCapacity(8)
        while next(), type != YAML_SEQUENCE_END_EVENT {
            guard isScalar, !isNull else {
                error(.wrongType, ["field": .phrase("'\(key)' 的每一项", "each entry of '\(key)'"), "expected": .phrase("文字", "text"), "found": described], at: mark)
                skip()
                continue
            }
            out.append((text, mark))
        }
        return out
    }

    // MARK: the mappings

    mutating func readTop(_ v: inout RawVisit) {
        typealias F = VisitSchema.VisitField
        let schema = VisitSchema.visit
        var keys = Keys()
        var missing: [String] = []
        while next(), type != YAML_MAPPING_END_EVENT {
            let field: Int, keyMark: Mark
            switch key(schema, &keys) {
            case .stop: return
            case .repeated: continue
            case .unknown(let name):
                if FileKind.checklistKeys.contains(name) { v.kind = .checklist; return }
                if FileKind.policyKeys.contains(name) { v.kind = .policy }
                skip()
                continue
            case .field(let f, let m): field = f; keyMark = m
            }
            if schema.keys[field].detects { v.detected = true }
            switch F(rawValue: field)! {
            case .id:
                v.id = optionalText("id")
            case .branch:
                if isMapping {
                    v.branch = readBranch()
                } else {
                    error(.wrongType, ["field": Noun.branch, "expected": .phrase("键值映射（key: value）", "a mapping of keys to values"), "found": described], at: mark)
                    skip()
                }
            case .date:
                var absent = false
                v.date = day("date", missing: &absent)
                if absent { missing.append("date") }
            case .inspector:
                var absent = false
                v.inspector = requiredText("inspector", what: Noun.visit, missing: &absent)
                if absent { missing.append("inspector") }
            case .method:
                // A method word as written is told from its bytes; anything else is read as text.
                if isScalar, !isNull, let method = AnswerGrammar.method(bytes) {
                    v.method = method
                    break
                }
                let m = mark
                if let s = optionalText("method") {
                    if let method = AnswerGrammar.method(s) {
                        v.method = method
                    } else {
                        let allowed = AnswerGrammar.methodNames
                        error(.badValue, ["field": .field("method"), "reason": .phrase(
                            "应为 \(allowed.joined(separator: "、")) 之一（或 现场、录像、暗访、外部/第三方、自查），这里是 '\(s)'",
                            "must be one of \(allowed.joined(separator: ", ")), found '\(s)'", hint: Suggestion.closest(to: s, in: allowed))], at: m)
                    }
                }
            case .checklists:
                v.checklistsMark = mark
                v.checklists = textList("checklists")
            case .versions:
                readVersions(&v)
            case .results:
                v.resultsKeyMark = keyMark
                if isNull { break }
                v.resultsMark = mark
                if isMapping {
                    (v.results, v.resultsOver) = readAnswers()
                } else {
                    error(.wrongType, ["field": .field("results"), "expected": .phrase("条目编号到答案的映射（如 C01: 合格）", "a mapping of item ids to answers (C01: pass)"), "found": described], at: mark)
                    skip()
                }
            case .staff:
                if isNull { break }
                guard isSequence else {
                    error(.wrongType, ["field": .field("staff"), "expected": .phrase("员工列表（- id: …）", "a list of employees (- id: …)"), "found": described], at: mark)
                    skip()
                    break
                }
                v.staffMark = mark
                if v.staff.isEmpty { swap(&v.staff, &scratch.staff) }  // the last visit's list, emptied
                v.staff.reserveCapacity(8)  // a visit names a handful: no regrowth one by one
                while next(), type != YAML_SEQUENCE_END_EVENT {
                    v.staffCount += 1
                    if v.staffCount > limits.maxStaff { skip(); continue }
                    guard isMapping else {
                        error(.wrongType, ["field": Noun.staff(nil), "expected": .phrase("键值映射（key: value）", "a mapping of keys to values"), "found": described], at: mark)
                        skip()
                        continue
                    }
                    v.staff.append(readStaff())
                }
                if v.staffCount > limits.maxStaff {
                    error(.limitStaff, ["count": .count(v.staffCount), "max": .count(limits.maxStaff)], at: v.staffMark)
                }
            }
        }
        guard fatal == nil, v.detected else { return }
        if keys.seen & (1 << UInt32(F.branch.rawValue)) == 0 { missing.append("branch") }
        if keys.seen & (1 << UInt32(F.date.rawValue)) == 0 { missing.append("date") }
        if keys.seen & (1 << UInt32(F.inspector.rawValue)) == 0 { missing.append("inspector") }
        for key in missing { error(.missingField, ["what": Noun.visit, "key": .text(key), "state": .phrase("没有填写", "is missing")], at: v.rootMark) }
        reportUnknown(keys, schema, in: Noun.visit)
    }

    mutating func readBranch() -> Branch? {
        typealias F = VisitSchema.BranchField
        let schema = VisitSchema.branch
        let mapMark = mark
        var keys = Keys()
        var id: String?, name: String?, parent: String?, region: String?
        var missing: [String] = []
        while next(), type != YAML_MAPPING_END_EVENT {
            let f: F
            switch key(schema, &keys) {
            case .stop: return nil
            case .repeated: continue
            case .unknown: skip(); continue
            case .field(let n, _): f = F(rawValue: n)!
            }
            var absent = false
            switch f {
            case .id: id = requiredText("id", what: Noun.branch, missing: &absent); if absent { missing.append("id") }
            case .name: name = requiredText("name", what: Noun.branch, missing: &absent); if absent { missing.append("name") }
            case .parent: parent = optionalText("parent")
            case .region: region = optionalText("region")
            }
        }
        if keys.seen & (1 << UInt32(F.id.rawValue)) == 0 { missing.append("id") }
        if keys.seen & (1 << UInt32(F.name.rawValue)) == 0 { missing.append("name") }
        for key in missing { error(.missingField, ["what": Noun.branch, "key": .text(key), "state": .phrase("没有填写", "is missing")], at: mapMark) }
        reportUnknown(keys, schema, in: Noun.branch)
        guard let id, let name else { return nil }
        return Branch(id: id, name: name, parent: parent, region: region)
    }

    mutating func readVersions(_ v: inout RawVisit) {
        if isNull { return }
        guard isMapping else {
error(.wrongType, ["field": .field("versions"), "expected": .phrase("检查表编号到版本的映射（如 counter: \"2026.1\"）", "a mapping of checklist ids to versions (counter: \"2026.1\")"), "found": described], at: mark)
            skip()
            return
        }
        var seen: [(String, Mark)] = []
        while next(), type != YAML_MAPPING_END_EVENT {
            let keyMark = mark
            guard isScalar else { fatal = .complexKey(described, at: keyMark); return }
            let id = text
            guard next() else { return }
            if let first = seen.first(where: { $0.0 == id }) {
                yamlProblem(.duplicateKey(id, first: first.1, at: keyMark))
                skip()
                continue
            }
            seen.append((id, keyMark))
            guard isScalar, !isNull else {
                error(.wrongType, ["field": .phrase("'\(id)' 的版本", "the version of '\(id)'"), "expected": .phrase("文字（如 \"2026.1\"）", "text such as \"2026.1\""), "found": described], at: mark)
                skip()
                continue
            }
            v.versions.append((id, text, keyMark))
        }
    }

    mutating func readStaff() -> RawStaff {
        typealias F = VisitSchema.StaffField
        let schema = VisitSchema.staff
        var s = RawStaff(mark: mark)
        var keys = Keys()
        var missing: [String] = []
        var empty: [(String, Mark)] = []
        // Messages name the employee by the id as written, which may come after the
        // problem: they wait until the mapping ends. The phrase is made only for a message.
        var labelID: String?
        while next(), type != YAML_MAPPING_END_EVENT {
            let f: F
            switch key(schema, &keys) {
            case .stop: return s
            case .repeated: continue
            case .unknown: skip(); continue
            case .field(let n, _): f = F(rawValue: n)!
            }
            if f == .results {
                if isNull { continue }
                s.answersMark = mark
                if isMapping {
                    (s.answers, s.answersOver) = readAnswers()
                } else {
                    error(.wrongType, ["field": .field("results"), "expected": .phrase("条目编号到答案的映射（如 C01: 合格）", "a mapping of item ids to answers (C01: pass)"), "found": described], at: mark)
                    skip()
                }
                continue
            }
            let m = mark
            if f == .role, isScalar, !isNull, let b = bytes.first, b > 0x20, b < 0x80, let known = scratch.knownRole(bytes) {
                // A word met before, which `requiredText` would take as written: its meaning
                // is known, and no String is made for it.
                s.roleMark = m
                s.known = known
                continue
            }
            let name = schema.keys[f.rawValue].name
            if f == .role { s.roleMark = m }
            var absent = false
            var value: String?
            if isScalar, !isNull, Self.blank(bytes) {
                empty.append((name, m))
            } else {
                // `what` names the mapping only for a blank value, which is not this path.
                value = requiredText(name, what: Noun.staff(labelID), missing: &absent)
            }
            // The id as written names the employee in messages: the value when there is one
            // (no second String for it), else the text.
            if f == .id, isScalar { labelID = value ?? text }
            if absent { missing.append(name) }
            switch f {
            case .id: s.id = value
            case .name: s.name = value
            case .role: s.role = value
            case .results: break
            }
        }
        for f in [F.id, .name, .role] where keys.seen & (1 << UInt32(f.rawValue)) == 0 {
            missing.append(schema.keys[f.rawValue].name)
        }
        if !missing.isEmpty || !empty.isEmpty || !keys.unknown.isEmpty {
            let label = Noun.staff(labelID)
            for key in missing { error(.missingField, ["what": label, "key": .text(key), "state": .phrase("没有填写", "is missing")], at: s.mark) }
            for (key, m) in empty { error(.missingField, ["what": label, "key": .text(key), "state": .phrase("是空的", "is empty")], at: m) }
            reportUnknown(keys, schema, in: label)
        }
        return s
    }

    /// One `results:` mapping (the current event is its start): where its answers as written
    /// stand in `answers`, and how many were over the limit (not read).
    mutating func readAnswers() -> (Range<Int>, Int) {
        let start = answers.count
        var over = 0
        while next(), type != YAML_MAPPING_END_EVENT {
            let keyMark = mark
            guard isScalar else {
                fatal = .complexKey(isMapping ? YAMLNode.foundMapping : YAMLNode.foundList, at: keyMark)
                return (start..<answers.count, over)
            }
            // libyaml frees a scalar's bytes with its event: the key is kept before moving on.
            let key = stash()
            guard next() else { return (start..<answers.count, over) }
            if answers.count - start >= limits.maxAnswers {
                over += 1
                skip()
                continue
            }
            if isScalar {
                // The usual short answer, made in one go (no answer in memory to fill in).
                answers.append(RawAnswer(key: key, keyMark: keyMark, text: stash(), plain: plain, isNull: isNull, valueMark: mark))
                continue
            }
            var a = RawAnswer(key: key, keyMark: keyMark, valueMark: mark)
            if isMapping {
                readLong(&a)
            } else {
                let d = described
                extra(&a) { $0.found = d }
                skip()
            }
            answers.append(a)
        }
        return (start..<answers.count, over)
    }

    /// The long form `{result: …, note: …, fix_by: …, evidence: […]}` of an answer.
    mutating func readLong(_ a: inout RawAnswer) {
        typealias F = VisitSchema.AnswerField
        let schema = VisitSchema.answer
        let mapMark = mark
        a.long = true
        a.isNull = false
        let saved = found
        found = []
        var keys = Keys()
        var hasResult = false
        while next(), type != YAML_MAPPING_END_EVENT {
            let f: F
            switch key(schema, &keys) {
            case .stop:
                if !found.isEmpty { let p = found; extra(&a) { $0.pending = p } }
                found = saved
                return
            case .repeated: continue
            case .unknown: skip(); continue
            case .field(let n, _): f = F(rawValue: n)!
            }
            switch f {
            case .result:
                hasResult = true
                a.valueMark = mark
                if isScalar {
                    a.text = stash()
                    a.plain = plain
                    a.isNull = isNull
                } else {
                    let d = described
                    extra(&a) { $0.found = d }
                    skip()
                }
            case .note:
                // The note's bytes; a collection is reported (as `optionalText` does).
                if isScalar {
                    a.note = isNull ? .none : stash()
                } else {
                    _ = optionalText("note")
                }
            case .fixBy:
                var absent = false
                a.fixBy = day("fix_by", missing: &absent)
            case .evidence:
                let list = textList("evidence")?.map(\.0) ?? []
                if !list.isEmpty { extra(&a) { $0.evidence = list } }
            }
        }
        if !hasResult {
            a.missingResult = true
            error(.missingField, ["what": Noun.answer(string(a.key)), "key": "result", "state": .phrase("没有填写", "is missing")], at: mapMark)
        }
        if !keys.unknown.isEmpty { reportUnknown(keys, schema, in: Noun.answer(string(a.key))) }
        if !found.isEmpty { let p = found; extra(&a) { $0.pending = p } }
        found = saved
    }
}

// MARK: - Stage 2: the catalog's rules

private struct Checker {
    /// The visit as read; its buffers go back to the scratch in `recycle`.
    var raw: RawVisit
    /// `raw.store`'s bytes, for as long as the check runs.
    let store: UnsafeRawBufferPointer
    let file: String
    /// The flat facts of the versions in force on the visit's date (or pinned). The catalogs
    /// themselves (as loaded, and those versions) are passed to `run` and `check`.
    let index: ScoringIndex
    let detail: Bool
    let limits: YAMLLimits
    let scratch: VisitReader.Scratch

    /// Checklists reported as having no version in force on the date (one error each).
    var noVersion = Set<String>()
    /// The families assessed, indexed like the catalog.
    var assessed: [Bool] = []
    /// Every subject's valid answers, in order (`Scorer.VisitInput.flat`); the veto notes the
    /// summary quotes; with `detail`, every valid answer as an `Answer`.
    var flat: [Scorer.FlatAnswer] = []
    var notes: [String] = []
    var answers: [Answer] = []
    /// Per flat item: the subject that last answered it (`seen[2 * item]`) and where
    /// (`seen[2 * item + 1]`, an index into `raw.answers`), to find an item answered twice by
    /// one subject. The table and the subject numbers go on from file to file
    /// (`Scratch.takeSeen`); the scratch owns the memory.
    let seen: UnsafeMutablePointer<Int32>
    var subjectNo: Int32

    init(raw: RawVisit, store: UnsafeRawBufferPointer, file: String, index: ScoringIndex,
         detail: Bool, limits: YAMLLimits, scratch: VisitReader.Scratch) {
        self.raw = raw; self.store = store; self.file = file
        self.index = index; self.detail = detail; self.limits = limits; self.scratch = scratch
        (seen, subjectNo) = scratch.takeSeen(items: index.items.count)
        swap(&flat, &scratch.flat)
    }

    /// Hands the subject numbers and the visit's buffers back to the thread's scratch (the
    /// valid answers' list too, unless a huge file grew it: a worker does not keep that).
    mutating func recycle() {
        scratch.recycleSeen(subjects: subjectNo)
        scratch.recycle(&raw)
        guard flat.capacity <= 1 << 14 else { return }
        flat.removeAll(keepingCapacity: true)
        swap(&flat, &scratch.flat)
    }

    enum Subject {
        case branch
        case staff(id: String, role: String)
    }

    /// A span's bytes (spans are the store's own: within it).
    @inline(__always)
    func bytes(_ span: Span) -> UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(start: store.baseAddress.unsafelyUnwrapped + Int(span.start), count: Int(span.count))
    }

    func string(_ span: Span) -> String { String(decoding: bytes(span), as: UTF8.self) }

    /// How a message names an answer's value.
    func described(_ a: RawAnswer) -> DiagnosticArg {
        if a.extra >= 0, let found = raw.extras[Int(a.extra)].found { return found }
        return YAMLNode.found(a.text.exists ? string(a.text) : "", plain: a.plain, isNull: a.isNull)
    }

    /// Checks one subject's answers (`raw.answers[list]`) against the catalog and adds the
    /// valid ones to `flat`; returns where they stand there.
    mutating func check(_ list: Range<Int>, over: Int, mark: Mark, subject: Subject, roleMask: [Bool],
                        base: ChecklistCatalog, catalog: ChecklistCatalog, _ diags: inout DiagnosticList) -> Range<Int> {
        subjectNo += 1
        if over > 0 {
            diags.error(.limitAnswers, ["count": .count(list.count + over), "max": .count(limits.maxAnswers)], at: mark)
        }
        let start = flat.count
        var unknown: [(String, Mark)] = []
        // Answers read in place, through their buffer: one array access per field was a
        // bounds check and a copy of the whole answer. Every problem is reported by a method
        // of its own: kept out of this loop, the usual path is short enough for the lookups
        // and the answer grammar to be inlined into it.
        let all = raw.answers
        all.withUnsafeBufferPointer { all in
            for n in list {
                let a = all[n]
                guard let item = index.find(bytes(a.key)) else {
                    unknownItem(a, &unknown, base: base, catalog: catalog, &diags)
                    continue
                }
                if seen[2 * item] == subjectNo {
                    diags.append(.duplicateKey(string(a.key), first: all[Int(seen[2 * item + 1])].keyMark, at: a.keyMark))
                    continue
                }
                seen[2 * item] = subjectNo
                seen[2 * item + 1] = Int32(n)
                // Per answer only the index's flat facts are read: copying a `Checklist` or an
                // `Item` here (every string and list in them retained and released) was a
                // tenth of the reader's time. The checklist itself is read on the error path.
                let ci = index.itemChecklist[item]
                switch subject {
                case .branch where index.scopes[ci] == .branch: break
                case .staff where index.scopes[ci] == .staff && roleMask[item]: break
                default:
                    notForSubject(a, item: item, checklist: ci, subject: subject, catalog: catalog, &diags)
                    continue
                }
                if !a.long, a.isNull { continue }  // left blank (as `svcaudit new` prints it): unanswered
                if !assessed[ci] {
                    diags.error(.notAssessed, ["item": .text(string(a.key)), "checklist": .text(index.checklistIDs[ci])], at: a.keyMark)
                    continue
                }
                var found = false
                if a.extra >= 0 { found = extraFound(a, &diags) }
                if a.missingResult { continue }
                let facts = index.facts[item]
                let text: UnsafeRawBufferPointer? = found || !a.text.exists ? nil : bytes(a.text)
                switch AnswerGrammar.value(bytes: text, plain: a.plain, isNull: a.isNull, item: facts) {
                case .failure(let p):
                    badValue(p, a, &diags)
                case .success(let value):
                    if value.isDeduction(facts), !a.note.exists || EventReader.blank(bytes(a.note)) {
                        diags.warning(.noNote, ["item": .text(string(a.key))], at: a.valueMark)
                    }
                    let k = detail ? keepDetail(a, value) : -1
                    let note = facts.veto && a.note.exists ? keepNote(a) : -1
                    flat.append(Scorer.FlatAnswer(flat: Int32(item), value: value, answer: k, note: note))
                }
            }
        }
        return start..<flat.count
    }

    /// An answer to an id the resolved catalog does not have: repeated, an item of another
    /// version of its checklist, or unknown.
    @inline(never)
    private mutating func unknownItem(_ a: RawAnswer, _ unknown: inout [(String, Mark)], base: ChecklistCatalog,
                                      catalog: ChecklistCatalog, _ diags: inout DiagnosticList) {
        let key = string(a.key)
        if let first = unknown.first(where: { $0.0 == key }) {
            diags.append(.duplicateKey(key, first: first.1, at: a.keyMark))
            return
        }
        unknown.append((key, a.keyMark))
        if let (code, args) = base.itemNotInVersion(key, resolved: catalog, date: raw.date, pinned: raw.versions.map(\.id)) {
            // An item of another version of its checklist (SPEC §1.1 "Versions over time").
            if code == .noVersionInForce, let owner = base.scoring.universe.owner(of: key) {
                if noVersion.insert(owner).inserted { diags.error(code, args, at: a.keyMark) }
            } else {
                diags.error(code, args, at: a.keyMark)
            }
            return
        }
        diags.error(.unknownItem, ["id": .text(key), "hint": .hint(Suggestion.closest(to: key, in: catalog.allItemIDs))], at: a.keyMark)
    }

    /// An item answered by a subject it is not for: a staff item in the visit's results, a
    /// branch item under an employee, or an item the employee's role does not take.
    @inline(never)
    private func notForSubject(_ a: RawAnswer, item: Int, checklist ci: Int, subject: Subject, catalog: ChecklistCatalog,
                               _ diags: inout DiagnosticList) {
        switch (subject, index.scopes[ci]) {
        case (.branch, _):
            diags.error(.wrongScope, ["item": .text(string(a.key)), "scope": .phrase("员工类", "staff-scope"), "checklist": .text(index.checklistIDs[ci]),
                                     "fix": .phrase("请写在 'staff' 里每名员工的 results 下，而不是检查记录顶层的 'results'", "answer it under each employee in 'staff', not in the visit's 'results'")], at: a.keyMark)
        case (.staff(let sid, _), .branch):
            diags.error(.wrongScope, ["item": .text(string(a.key)), "scope": .phrase("网点类", "branch-scope"), "checklist": .text(index.checklistIDs[ci]),
                                     "fix": .phrase("请在检查记录顶层的 'results' 里写一次，而不是写在员工 \(sid) 下", "answer it once in the visit's top-level 'results', not under employee \(sid)")], at: a.keyMark)
        case (.staff(let sid, let role), .staff):
            let checklist = catalog.checklists[ci]
            if !checklist.applies(toRole: role) {
                diags.error(.notApplicable, ["item": .text(string(a.key)), "staff": .text(sid), "owner": .phrase("检查表 '\(checklist.id)' ", "checklist '\(checklist.id)'"),
                                            "roles": .list(checklist.roles!), "role": .text(role)], at: a.keyMark)
            } else {
                let it = checklist.items[index.items[item].index]
                diags.error(.notApplicable, ["item": .text(string(a.key)), "staff": .text(sid), "owner": .phrase("该条目", "it"),
                                            "roles": .list(it.roles!), "role": .text(role)], at: a.keyMark)
            }
        }
    }

    /// The problems found inside the answer's long form, reported now that it is read;
    /// whether its value is not a scalar.
    @inline(never)
    private func extraFound(_ a: RawAnswer, _ diags: inout DiagnosticList) -> Bool {
        let x = raw.extras[Int(a.extra)]
        for d in x.pending { diags.append(d) }
        return x.found != nil
    }

    /// A value the item's type does not take.
    @inline(never)
    private func badValue(_ p: AnswerGrammar.AnswerProblem, _ a: RawAnswer, _ diags: inout DiagnosticList) {
        var args = p.naming(string(a.key)).args
        args["found"] = described(a)
        diags.error(p.code, args, at: a.valueMark)
    }

    /// The answer as an `Answer`, for the detail; its index.
    @inline(never)
    private mutating func keepDetail(_ a: RawAnswer, _ value: Answer.Value) -> Int32 {
        let note = a.note.exists ? string(a.note) : nil
        let evidence = a.extra >= 0 ? raw.extras[Int(a.extra)].evidence : []
        answers.append(Answer(item: string(a.key), value: value, note: note, fixBy: a.fixBy, evidence: evidence, mark: a.valueMark))
        return Int32(answers.count - 1)
    }

    /// A veto item's note, which the summary quotes; its index.
    @inline(never)
    private mutating func keepNote(_ a: RawAnswer) -> Int32 {
        notes.append(string(a.note))
        return Int32(notes.count - 1)
    }

    mutating func run(_ diags: inout DiagnosticList, base: ChecklistCatalog, catalog: ChecklistCatalog) -> (summary: VisitSummary, detail: VisitScore?)? {
        // The families assessed: given, or every loaded checklist.
        // Not given: every checklist assessed by default (not the ones answered from records).
        assessed = raw.checklists == nil ? index.defaultAssessed
                                         : [Bool](repeating: false, count: catalog.checklists.count)
        if let list = raw.checklists {
            for (cid, mark) in list {
                guard let ci = index.checklist(cid) ?? catalog.index(of: cid) else {
                    if base.index(of: cid) != nil, let date = raw.date {
                        // Loaded, but no version of it is in force on the visit's date.
                        diags.error(.noVersionInForce, base.noVersionInForce(cid, on: date), at: mark)
                        noVersion.insert(cid)
                    } else {
                        diags.error(.checklistNotLoaded, ["id": .text(cid), "loaded": .list(base.ids),
                                                          "hint": .hint(Suggestion.closest(to: cid, in: base.ids))], at: mark)
                    }
                    continue
                }
                if assessed[ci] {
                    diags.error(.duplicateChecklist, ["id": .text(cid)], at: mark)
                } else {
                    assessed[ci] = true
                }
            }
            if list.isEmpty {
                diags.error(.badValue, ["field": .field("checklists"), "reason": .phrase("列表是空的：请列出本次检查的检查表，或删掉这一行表示全部", "is empty: list the families this visit assessed, or leave it out for all")],
                            at: raw.checklistsMark)
            }
        }

        flat.reserveCapacity(raw.answers.count)
        let branchAnswers = check(raw.results, over: raw.resultsOver, mark: raw.resultsMark, subject: .branch, roleMask: [],
                                  base: base, catalog: catalog, &diags)
        var staff: [Scorer.StaffInput] = []
        staff.reserveCapacity(raw.staff.count)
        // Each employee's fields are read in place: a copy of the whole entry retained and
        // released every string in it.
        for n in raw.staff.indices {
            var role = raw.staff[n].role
            if case let (id, warning)? = raw.staff[n].known ?? role.map({ scratch.role($0, catalog) }) {
                // 柜员, 综合柜员 and teller all mean `teller` (roles.yaml); an unknown role is a warning.
                if let warning { diags.warning(.unknownRole, warning, at: raw.staff[n].roleMark) }
                role = id
            }
            var answers = flat.count..<flat.count
            // Which items apply to this employee's role: the checklist's and the item's roles
            // (SPEC §2.1). Looked up once, for the check and the scorer.
            var mask: [Bool] = []
            if let id = raw.staff[n].id, let role {
                mask = index.mask(for: role)
                answers = check(raw.staff[n].answers, over: raw.staff[n].answersOver, mark: raw.staff[n].answersMark ?? raw.staff[n].mark, subject: .staff(id: id, role: role),
                                roleMask: mask, base: base, catalog: catalog, &diags)
            }
            guard let id = raw.staff[n].id, let name = raw.staff[n].name, let role else { continue }
            // A visit lists a handful of employees: a scan beats a dictionary.
            if let first = staff.first(where: { $0.id == id }) {
                diags.error(.duplicateStaff, ["id": .text(id), "line": .count(first.mark.line)], at: raw.staff[n].mark)
                continue
            }
            staff.append(Scorer.StaffInput(id: id, name: name, role: role, mark: raw.staff[n].mark, answers: answers, mask: mask))
        }

        guard !diags.hasErrors, let branch = raw.branch, let date = raw.date, let inspector = raw.inspector else { return nil }
        let input = Scorer.VisitInput(
            header: VisitHeader(id: raw.id ?? file, file: file, branch: branch, date: date, inspector: inspector, method: raw.method),
            assessed: assessed, flat: flat, branch: branchAnswers, staff: staff, answers: answers, notes: notes)
        // Taken apart at once: reading a field of the returned tuple copied all of it.
        let (summary, visitScore, unanswered) = Scorer.score(input, index: index, detail: detail, scratch: scratch.scoring)

        // One warning per subject naming every applicable item left unanswered, in catalog
        // order. Who it names is made only for a warning (most subjects have none).
        func warn(_ flats: [Int], who: @autoclosure () -> DiagnosticArg, at mark: Mark) {
            guard !flats.isEmpty else { return }
            let ids = flats.map { index.items[$0].id }
            diags.warning(.unanswered, ["who": who(), "count": .count(ids.count), "items": .list(ids)], at: mark)
        }
        // A blank template handed in (every applicable item unanswered) is not a visit: it
        // would count as one in `rank`.
        if branchAnswers.isEmpty, staff.allSatisfy({ $0.answers.isEmpty }) {
            let blank = unanswered.reduce(0) { $0 + $1.count }
            if blank > 0 {
                diags.error(.nothingAnswered, ["count": .count(blank)], at: raw.rootMark)
                return nil
            }
        }
        warn(unanswered[0], who: .phrase("网点条目", "branch items"), at: raw.resultsKeyMark ?? raw.rootMark)
        for (n, s) in staff.enumerated() { warn(unanswered[n + 1], who: .phrase("员工 \(s.id)", "employee \(s.id)"), at: s.mark) }
        return (summary, visitScore)
    }
}

import CYAML
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The fast path for clean visit files: reads libyaml's events straight into a `VisitSummary`,
/// with no node tree, no `Visit` and no per-item results.
///
/// It accepts only what it can prove the full path (`YAMLReader` → `VisitLoader` → `Scorer`)
/// would load without a single diagnostic, and returns nil for anything else — an unknown or
/// repeated key, a tag or anchor, a null, a wrong type, an unanswered item, a deduction with no
/// note, a role no checklist names. The caller then reads the same bytes the full way, which
/// produces the diagnostics. So the fast path can only ever be slower for a bad file, never
/// different: the tests and the fuzz target compare the two on every input they have.
public enum VisitStreamReader {
    /// The summary of a clean visit file, or nil when the file must be read the full way.
    public static func read(_ bytes: [UInt8], file: String, catalog: ChecklistCatalog, limits: YAMLLimits) -> VisitSummary? {
        // No EncodingCheck here: libyaml's reader rejects the same bytes (invalid UTF-8, NUL and
        // other control characters, UTF-16), and the full path then says what is wrong.
        guard bytes.count <= limits.maxFileBytes else { return nil }
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        return body.withUnsafeBufferPointer { buffer -> VisitSummary? in
            var reader = Reader(catalog: catalog, limits: limits, file: file)
            defer { reader.close() }
            guard reader.open(buffer) else { return nil }
            return reader.visit()
        }
    }
}

private struct Reader {
    let catalog: ChecklistCatalog
    let index: ScoringIndex
    let limits: YAMLLimits
    let file: String
    // libyaml's structs live behind pointers: as stored properties of this struct, Swift
    // copied the parser (hundreds of bytes) in and out around every call.
    private let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
    private let eventPointer = UnsafeMutablePointer<yaml_event_t>.allocate(capacity: 1)
    private var holding = false
    private var nodes = 0
    private var depth = 0

    /// Every answer of the file; subjects are ranges of it.
    private var answers: [SummaryScorer.RawAnswer] = []
    /// Per flat item, the subject that last answered it (duplicate keys never get this far in
    /// libyaml's eyes, so they are caught here).
    private var answeredBy: [Int32]
    private var subjectCount: Int32 = 0

    init(catalog: ChecklistCatalog, limits: YAMLLimits, file: String) {
        self.catalog = catalog
        self.index = catalog.scoring
        self.limits = limits
        self.file = file
        answeredBy = [Int32](repeating: -1, count: catalog.scoring.items.count)
    }

    /// False when libyaml cannot start (out of memory); `close()` is then still due.
    mutating func open(_ buffer: UnsafeBufferPointer<UInt8>) -> Bool {
        parser.initialize(to: yaml_parser_t())
        eventPointer.initialize(to: yaml_event_t())
        guard yaml_parser_initialize(parser) == 1 else { return false }
        yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(parser, buffer.baseAddress ?? UnsafePointer(bitPattern: 1)!, buffer.count)
        return true
    }

    mutating func close() {
        if holding { yaml_event_delete(eventPointer); holding = false }
        yaml_parser_delete(parser)
        parser.deallocate()
        eventPointer.deallocate()
    }

    // MARK: events

    /// Moves to the next event. False on a syntax error, an alias, an anchor or tag, or a
    /// limit: all of them are for the full path to report.
    private mutating func next() -> Bool {
        if holding { yaml_event_delete(eventPointer); holding = false }
        guard yaml_parser_parse(parser, eventPointer) == 1 else { return false }
        holding = true
        switch eventPointer.pointee.type {
        case YAML_SCALAR_EVENT:
            nodes += 1
            let s = eventPointer.pointee.data.scalar
            if s.anchor != nil || s.tag != nil || Int(s.length) > limits.maxScalarBytes { return false }
        case YAML_MAPPING_START_EVENT:
            nodes += 1
            depth += 1
            if eventPointer.pointee.data.mapping_start.anchor != nil || eventPointer.pointee.data.mapping_start.tag != nil { return false }
        case YAML_SEQUENCE_START_EVENT:
            nodes += 1
            depth += 1
            if eventPointer.pointee.data.sequence_start.anchor != nil || eventPointer.pointee.data.sequence_start.tag != nil { return false }
        case YAML_MAPPING_END_EVENT, YAML_SEQUENCE_END_EVENT:
            depth -= 1
        case YAML_ALIAS_EVENT:
            return false
        default:
            break
        }
        return nodes <= limits.maxNodes && depth <= limits.maxDepth
    }

    private var type: yaml_event_type_t { eventPointer.pointee.type }
    private var isScalar: Bool { eventPointer.pointee.type == YAML_SCALAR_EVENT }

    private var mark: Mark {
        Mark(line: Int(eventPointer.pointee.start_mark.line) + 1, column: Int(eventPointer.pointee.start_mark.column) + 1)
    }

    private var bytes: UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(start: eventPointer.pointee.data.scalar.value, count: Int(eventPointer.pointee.data.scalar.length))
    }

    private var text: String { String(decoding: bytes, as: UTF8.self) }

    private var plain: Bool { eventPointer.pointee.data.scalar.style == YAML_PLAIN_SCALAR_STYLE }

    /// A plain `~`, `null`, `Null`, `NULL` or nothing (as `YAMLNode.isNull`).
    private var isNull: Bool {
        guard plain else { return false }
        let b = bytes
        switch b.count {
        case 0: return true
        case 1: return b[0] == UInt8(ascii: "~")
        case 4: return Self.same(b, "null") || Self.same(b, "Null") || Self.same(b, "NULL")
        default: return false
        }
    }

    /// The current scalar is spelt `name` (byte for byte; a `String.UTF8View` comparison
    /// costs several times more).
    @inline(__always)
    private func key(_ name: StaticString) -> Bool { Self.same(bytes, name) }

    @inline(__always)
    static func same(_ b: UnsafeRawBufferPointer, _ name: StaticString) -> Bool {
        b.count == name.utf8CodeUnitCount && (b.count == 0 || memcmp(b.baseAddress!, name.utf8Start, b.count) == 0)
    }

    /// The current scalar as text, nil for a null or a collection.
    private var optionalText: String?? {
        guard isScalar else { return .none }
        return isNull ? .some(nil) : .some(text)
    }

    /// A required text field: a scalar, not null, not blank.
    private var requiredText: String? {
        guard isScalar, !isNull else { return nil }
        let t = text
        // A template placeholder (（网点名称）) is an error the full path reports.
        if bytes.first == 0xEF, Placeholder.matches(t) { return nil }
        if Self.startsWithNonSpace(bytes) { return t }
        return t.trimmingSpaces.isEmpty ? nil : t
    }

    /// True when the first character is certainly not whitespace (an ASCII letter, digit or
    /// mark, or a CJK ideograph): then the text is not blank, with no `Character` work.
    /// False means "ask `trimmingSpaces`". (`Character.isWhitespace` is its first scalar's.)
    @inline(__always)
    static func startsWithNonSpace(_ b: UnsafeRawBufferPointer) -> Bool {
        guard let b0 = b.first else { return false }
        if b0 < 0x80 { return b0 > 0x20 && b0 != 0x7F }
        guard b0 & 0xF0 == 0xE0, b.count >= 3 else { return false }
        let scalar = (UInt32(b0 & 0x0F) << 12) | (UInt32(b[1] & 0x3F) << 6) | UInt32(b[2] & 0x3F)
        return (0x4E00...0x9FFF).contains(scalar)
    }

    private var day: Day? {
        guard isScalar, !isNull else { return nil }
        // The usual YYYY-MM-DD read from the bytes; anything else goes through Day.parse.
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
        guard case .ok(let d) = Day.parse(text) else { return nil }
        return d
    }

    // MARK: the visit

    mutating func visit() -> VisitSummary? {
        guard next(), type == YAML_STREAM_START_EVENT, next(), type == YAML_DOCUMENT_START_EVENT,
              next(), type == YAML_MAPPING_START_EVENT else { return nil }
        var seen: UInt32 = 0
        var id: String?
        var branch: Branch?
        var date: Day?
        var inspector: String?
        var method = Visit.Method.onsite
        var assessed: [Bool]?
        var branchAnswers = 0..<0
        var staff: [(info: VisitSummary.Staff, answers: Range<Int>)] = []

        while true {
            guard next() else { return nil }
            if type == YAML_MAPPING_END_EVENT { break }
            guard isScalar else { return nil }
            let field: Int
            if key("id") { field = 0 } else if key("branch") { field = 1 } else if key("date") { field = 2 }
            else if key("inspector") { field = 3 } else if key("method") { field = 4 } else if key("checklists") { field = 5 }
            else if key("results") { field = 6 } else if key("staff") { field = 7 } else { return nil }
            guard seen & (1 << field) == 0, next() else { return nil }
            seen |= 1 << field
            switch field {
            case 0:
                guard let t = optionalText else { return nil }
                id = t
            case 1:
                guard type == YAML_MAPPING_START_EVENT, let b = readBranch() else { return nil }
                branch = b
            case 2:
                guard let d = day else { return nil }
                date = d
            case 3:
                guard let t = requiredText else { return nil }
                inspector = t
            case 4:
                guard let t = optionalText else { return nil }
                if let t {
                    guard let m = Visit.Method(word: t) else { return nil }
                    method = m
                }
            case 5:
                guard let a = readChecklists() else { return nil }
                assessed = a
            case 6:
                guard type == YAML_MAPPING_START_EVENT, let r = readAnswers() else { return nil }
                branchAnswers = r
            default:
                if isScalar, isNull { continue }
                guard type == YAML_SEQUENCE_START_EVENT else { return nil }
                while true {
                    guard next() else { return nil }
                    if type == YAML_SEQUENCE_END_EVENT { break }
                    guard staff.count < limits.maxStaff, type == YAML_MAPPING_START_EVENT, let s = readStaff(),
                          !staff.contains(where: { $0.info.id == s.info.id }) else { return nil }
                    staff.append(s)
                }
            }
        }
        guard next(), type == YAML_DOCUMENT_END_EVENT, next(), type == YAML_STREAM_END_EVENT,
              let branch, let date, let inspector else { return nil }
        let assessedMask = assessed ?? [Bool](repeating: true, count: catalog.checklists.count)

        // Every answer belongs to an assessed checklist, and every applicable item is answered.
        for k in branchAnswers {
            let c = index.itemChecklist[answers[k].flat]
            guard index.scopes[c] == .branch, assessedMask[c] else { return nil }
        }
        var branchApplicable = 0
        for ci in index.ranges.indices where assessedMask[ci] && index.scopes[ci] == .branch {
            branchApplicable += index.ranges[ci].count
        }
        guard branchAnswers.count == branchApplicable else { return nil }
        for s in staff {
            guard let mask = mask(for: s.info.role) else { return nil }
            for k in s.answers where !assessedMask[index.itemChecklist[answers[k].flat]] { return nil }
            var applicable = 0
            for (ci, r) in index.ranges.enumerated() where assessedMask[ci] {
                for flat in r where mask[flat] { applicable += 1 }
            }
            guard s.answers.count == applicable else { return nil }
        }

        return summarize(id: id ?? file, branch: branch, date: date, inspector: inspector, method: method,
                         assessed: assessedMask, branchAnswers: branchAnswers, staff: staff)
    }

    /// The items that apply to an employee in `role`; nil for a role no checklist names (the
    /// full path warns about it).
    private func mask(for role: String) -> [Bool]? {
        if catalog.namedRoles.isEmpty { return index.allStaffMask }
        return index.roleMasks[role]
    }

    private mutating func readBranch() -> Branch? {
        var seen: UInt32 = 0
        var id: String?, name: String?, parent: String?, region: String?
        while true {
            guard next() else { return nil }
            if type == YAML_MAPPING_END_EVENT { break }
            guard isScalar else { return nil }
            let field: Int
            if key("id") { field = 0 } else if key("name") { field = 1 } else if key("parent") { field = 2 }
            else if key("region") { field = 3 } else { return nil }
            guard seen & (1 << field) == 0, next() else { return nil }
            seen |= 1 << field
            switch field {
            case 0: guard let t = requiredText else { return nil }; id = t
            case 1: guard let t = requiredText else { return nil }; name = t
            case 2: guard let t = optionalText else { return nil }; parent = t
            default: guard let t = optionalText else { return nil }; region = t
            }
        }
        guard let id, let name else { return nil }
        return Branch(id: id, name: name, parent: parent, region: region)
    }

    /// `checklists:` — null (every loaded checklist) or a non-empty list of loaded ids, each once.
    private mutating func readChecklists() -> [Bool]? {
        if isScalar, isNull { return [Bool](repeating: true, count: catalog.checklists.count) }
        guard type == YAML_SEQUENCE_START_EVENT else { return nil }
        var mask = [Bool](repeating: false, count: catalog.checklists.count)
        var any = false
        while true {
            guard next() else { return nil }
            if type == YAML_SEQUENCE_END_EVENT { break }
            guard isScalar, !isNull, let ci = catalog.index(of: text), !mask[ci] else { return nil }
            mask[ci] = true
            any = true
        }
        return any ? mask : nil
    }

    private mutating func readStaff() -> (info: VisitSummary.Staff, answers: Range<Int>)? {
        let entryMark = mark
        var seen: UInt32 = 0
        var id: String?, name: String?, role: String?
        var results: Range<Int>?
        while true {
            guard next() else { return nil }
            if type == YAML_MAPPING_END_EVENT { break }
            guard isScalar else { return nil }
            let field: Int
            if key("id") { field = 0 } else if key("name") { field = 1 } else if key("role") { field = 2 }
            else if key("results") { field = 3 } else { return nil }
            guard seen & (1 << field) == 0, next() else { return nil }
            seen |= 1 << field
            switch field {
            case 0: guard let t = requiredText else { return nil }; id = t
            case 1: guard let t = requiredText else { return nil }; name = t
            case 2: guard let t = requiredText else { return nil }; role = t
            default:
                guard type == YAML_MAPPING_START_EVENT, let r = readAnswers() else { return nil }
                results = r
            }
        }
        guard let id, let name, let role, let results, let mask = mask(for: role) else { return nil }
        for k in results where !mask[answers[k].flat] { return nil }
        let info = VisitSummary.Staff(id: id, name: name, role: role, mark: entryMark, base: nil, bonus: 0,
                                      checklists: [], veto: [], unanswered: [], deductions: 0)
        return (info, results)
    }

    /// One `results:` mapping (the current event is its start). Items must exist and each be
    /// answered once; scope and applicability are checked once the subject is known.
    private mutating func readAnswers() -> Range<Int>? {
        subjectCount += 1
        let start = answers.count
        while true {
            guard next() else { return nil }
            if type == YAML_MAPPING_END_EVENT { break }
            guard isScalar, let flat = index.find(bytes), answeredBy[flat] != subjectCount,
                  answers.count - start < limits.maxAnswers else { return nil }
            answeredBy[flat] = subjectCount
            guard next() else { return nil }
            guard let answer = readAnswer(flat) else { return nil }
            answers.append(answer)
        }
        return start..<answers.count
    }

    /// One answer, short (`pass`) or long (`{result: fail, note: …}`), interpreted exactly as
    /// `AnswerReader` does; nil for anything it would report.
    private mutating func readAnswer(_ flat: Int) -> SummaryScorer.RawAnswer? {
        let facts = index.facts[flat]
        if isScalar {
            guard !isNull else { return nil }  // left blank: unanswered
            guard let value = quickValue(facts) ?? generalValue(flat) else { return nil }
            // A deduction needs a note, which a short answer cannot have.
            return value.isDeduction(facts) ? nil : SummaryScorer.RawAnswer(flat: flat, value: value, note: nil)
        }
        guard type == YAML_MAPPING_START_EVENT else { return nil }
        var seen: UInt32 = 0
        var value: Answer.Value?
        var note: String?
        var noted = false  // a note that is not blank
        while true {
            guard next() else { return nil }
            if type == YAML_MAPPING_END_EVENT { break }
            guard isScalar else { return nil }
            let field: Int
            if key("result") { field = 0 } else if key("note") { field = 1 } else if key("fix_by") { field = 2 }
            else if key("evidence") { field = 3 } else { return nil }
            guard seen & (1 << field) == 0, next() else { return nil }
            seen |= 1 << field
            switch field {
            case 0:
                guard isScalar, let v = quickValue(facts) ?? generalValue(flat) else { return nil }
                value = v
            case 1:
                guard isScalar else { return nil }
                if isNull { break }
                // The note's text is kept only where the 通报 quotes it (veto items).
                if Self.startsWithNonSpace(bytes) {
                    noted = true
                    if facts.veto { note = text }
                } else {
                    let t = text
                    noted = !t.trimmingSpaces.isEmpty
                    if facts.veto { note = t }
                }
            case 2:
                guard isScalar else { return nil }
                if !isNull { guard day != nil else { return nil } }
            default:
                if isScalar, isNull { break }
                guard type == YAML_SEQUENCE_START_EVENT else { return nil }
                while true {
                    guard next() else { return nil }
                    if type == YAML_SEQUENCE_END_EVENT { break }
                    guard isScalar, !isNull else { return nil }
                }
            }
        }
        guard let value else { return nil }
        if value.isDeduction(facts), !noted { return nil }  // warned: a deduction with no note
        return SummaryScorer.RawAnswer(flat: flat, value: value, note: note)
    }

    /// The current scalar read by `AnswerReader.readValue` itself, for the rarer spellings.
    private func generalValue(_ flat: Int) -> Answer.Value? {
        var scratch = DiagnosticList(file: file)
        return AnswerReader.readValue(YAMLNode(.scalar(text, plain: plain), mark: .start),
                                      item: catalog.checklists[index.itemChecklist[flat]].items[index.items[flat].index],
                                      diags: &scratch)
    }

    /// The common short answers read from the bytes, exactly as `AnswerReader.readValue`
    /// would read them: the six words (any style), and plain whole numbers of up to six
    /// digits. Nil means "not one of these": the general reader decides.
    private func quickValue(_ item: ItemFacts) -> Answer.Value? {
        let b = bytes
        switch b.count {
        case 2 where b[0] == UInt8(ascii: "n") && b[1] == UInt8(ascii: "a"): return .na
        case 9 where Self.same(b, "不适用"): return .na
        case 4 where item.type == .check && Self.same(b, "pass"): return .pass
        case 4 where item.type == .check && Self.same(b, "fail"): return .fail
        case 6 where item.type == .check && Self.same(b, "合格"): return .pass
        case 9 where item.type == .check && Self.same(b, "不合格"): return .fail
        case 1...6 where item.type != .check && plain:
            var n = 0
            for byte in b {
                guard byte >= 0x30, byte <= 0x39 else { return nil }
                n = n * 10 + Int(byte - 0x30)
            }
            if item.type == .scale { return Double(n) <= item.points ? .value(Double(n)) : nil }
            return .count(n)
        default:
            return nil
        }
    }

    // MARK: scoring

    private func summarize(id: String, branch: Branch, date: Day, inspector: String, method: Visit.Method,
                           assessed: [Bool], branchAnswers: Range<Int>,
                           staff: [(info: VisitSummary.Staff, answers: Range<Int>)]) -> VisitSummary {
        var scorer = SummaryScorer(index: index)
        var counted: [UInt32] = []
        counted.reserveCapacity(answers.count)
        var breaches: [VisitSummary.Breach] = []
        var sectionMeans = [MeanAccumulator](repeating: MeanAccumulator(), count: index.sections.count)
        var sections = [(earned: Double, max: Double)](repeating: (0, 0), count: index.sections.count)

        func foldSections(_ touched: inout [(earned: Double, max: Double)]) {
            for s in touched.indices where touched[s].max > 0 {
                sectionMeans[s].add(100 * touched[s].earned / touched[s].max)
                touched[s] = (0, 0)
            }
        }

        let branchResult = scorer.score(answers, .init(answers: branchAnswers, staff: nil), applies: { _ in true },
                                        assessed: assessed, sections: &sections, counted: &counted, breaches: &breaches)
        foldSections(&sections)
        var staffOut: [VisitSummary.Staff] = []
        var staffScored: [[(checklist: Int, score: Double)]] = []
        var findings = branchResult.deductions
        for (n, s) in staff.enumerated() {
            let mask = mask(for: s.info.role)!
            let r = scorer.score(answers, .init(answers: s.answers, staff: n), applies: { mask[$0] },
                                 assessed: assessed, sections: &sections, counted: &counted, breaches: &breaches)
            foldSections(&sections)
            var info = s.info
            info.base = r.base
            info.bonus = r.bonus
            info.veto = r.veto
            info.deductions = r.deductions
            info.checklists = r.scored.map {
                VisitSummary.ChecklistScore(id: index.checklistIDs[$0.checklist], weight: index.weights[$0.checklist],
                                            score: $0.score, subjects: 1)
            }
            findings += r.deductions
            staffOut.append(info)
            staffScored.append(r.scored)
        }

        // Visit-level checklist scores (§2.3), exactly as `Scorer.score`.
        var composite: [VisitSummary.ChecklistScore] = []
        for ci in index.ranges.indices where assessed[ci] {
            let id = index.checklistIDs[ci], weight = index.weights[ci]
            switch index.scopes[ci] {
            case .branch:
                if let s = branchResult.scored.first(where: { $0.checklist == ci })?.score {
                    composite.append(.init(id: id, weight: weight, score: s, subjects: 1))
                }
            case .staff:
                var sum = 0.0, n = 0
                for scored in staffScored {
                    if let s = scored.first(where: { $0.checklist == ci })?.score { sum += s; n += 1 }
                }
                if n > 0 { composite.append(.init(id: id, weight: weight, score: sum / Double(n), subjects: n)) }
            }
        }
        var wsum = 0.0
        for c in composite { wsum += c.weight }
        var base: Double?
        if wsum > 0 {
            var sum = 0.0
            for c in composite { sum += c.weight * c.score }
            base = sum / wsum
        }
        return VisitSummary(id: id, file: file, branch: branch, date: date, inspector: inspector, method: method,
                            base: base, bonus: branchResult.bonus, checklists: composite,
                            sections: sectionMeans.enumerated().compactMap { k, acc in
                                acc.mean.map { VisitSummary.SectionScore(section: k, score: $0) }
                            },
                            veto: branchResult.veto, staff: staffOut, findings: findings,
                            counted: counted, breaches: breaches)
    }
}

/// The arithmetic of SPEC §2.1–2.4, written once: item outcome, checklist score, section
/// subtotals, the subject's weighted composite, and the visit composite. Every command's
/// numbers come from here — the reader's summaries (`rank`, `report`, `score`) and the
/// item-by-item detail (`explain`, `rectify`, `history`) alike; the detail is the same run
/// with the per-item hook recording each item.
///
/// Scores are unrounded doubles; rounding is for display only.
public struct Scorer: Sendable {
    public let catalog: ChecklistCatalog
    let index: ScoringIndex

    public init(catalog: ChecklistCatalog) {
        self.catalog = catalog
        self.index = catalog.scoring
    }

    /// One answer in the catalog's flat item numbering. `answer` indexes the detail answers
    /// (`Answer` values with note, fix_by, evidence and mark) when there are any, else -1.
    /// Plain values only (no string): a visit's answers are copied and freed as raw memory.
    public struct FlatAnswer: Sendable {
        public var flat: Int32
        public var answer: Int32
        public var value: Answer.Value
        /// The answer's note where the summary needs it, veto items (the 通报 quotes them): an
        /// index into `VisitInput.notes`, -1 when none.
        public var note: Int32
        public init(flat: Int32, value: Answer.Value, answer: Int32 = -1, note: Int32 = -1) {
            self.flat = flat; self.value = value; self.answer = answer; self.note = note
        }
    }

    /// What the per-item hook sees for every applicable item of an assessed checklist.
    public struct ItemEvent {
        public var flat: Int
        /// Index of the subject's answer (into the answers passed in), -1 when unanswered.
        public var answer: Int
        public var outcome: ItemResult.Outcome
        public var deduction: Bool
        public var breach: Bool
    }

    /// One subject's totals: the branch's own items, or one employee's. Its checklists and
    /// sections stand in lists shared by every subject of the visit (`Totals`): a subject
    /// costs no list of its own.
    public struct SubjectTotals: Sendable {
        public struct ChecklistTotal: Sendable {
            public var checklist: Int
            public var earned = 0.0
            public var max = 0.0
            public var bonus = 0.0
            /// 100 × earned / max; nil when max is 0 (all na or unanswered): not scored (§2.2).
            public var score: Double? { max > 0 ? 100 * earned / max : nil }
        }
        public struct SectionTotal: Sendable {
            public var section: Int
            public var earned = 0.0
            public var max = 0.0
            public var score: Double? { max > 0 ? 100 * earned / max : nil }
        }
        /// Every applicable assessed checklist, scored or not, in catalog order:
        /// `Totals.checklists[checklists]`.
        public var checklists: Range<Int> = 0..<0
        /// Sections touched by a counted answer, in order of first appearance:
        /// `Totals.sections[sections]`.
        public var sections: Range<Int> = 0..<0
        /// Σ w_k S_k / Σ w_k over scored checklists (§2.3); nil when none is scored.
        public var base: Double?
        public var bonus = 0.0
        public var score: Double? { base.map { $0 + bonus } }
        /// Breached veto items and unanswered applicable items, flat numbers in catalog order.
        public var veto: [Int] = []
        public var unanswered: [Int] = []
        public var deductions = 0
    }

    /// The checklist and section totals of every subject of one visit, one after another.
    public struct Totals: Sendable {
        public var checklists: [SubjectTotals.ChecklistTotal] = []
        public var sections: [SubjectTotals.SectionTotal] = []
    }

    /// What a reading thread keeps for scoring from visit to visit, so that a visit allocates
    /// only what its summary keeps: the item slots (all -1 between visits), the per-section
    /// sums of the subject being scored, the counted answers and the totals lists. Not shared
    /// between threads.
    final class Scratch {
        fileprivate var items = 0
        fileprivate var slot = UnsafeMutablePointer<Int32>.allocate(capacity: 1)
        /// Per section: the subject's sums (`touched` < 0: none yet) and the order of first touch.
        fileprivate var sectionSums = UnsafeMutablePointer<SubjectTotals.SectionTotal>.allocate(capacity: 1)
        fileprivate var sectionOrder = UnsafeMutablePointer<Int32>.allocate(capacity: 1)
        fileprivate var sectionCount = 0
        /// Per section, the visit's mean of its subjects' section scores (§2.3), reset per visit:
        /// a new array for it was an allocation and a free in every visit.
        fileprivate var sectionMeans = UnsafeMutablePointer<MeanAccumulator>.allocate(capacity: 1)
        fileprivate var counted = UnsafeMutablePointer<UInt32>.allocate(capacity: 1)
        fileprivate var countedCapacity = 1
        fileprivate var totals = Totals()

        init() {}

        deinit {
            slot.deallocate(); sectionSums.deallocate(); sectionOrder.deallocate(); counted.deallocate()
            sectionMeans.deallocate()
        }

        /// Room for a catalog of `items` items and `sections` sections, and `answers` answers.
        fileprivate func prepare(items: Int, sections: Int, answers: Int) {
            if self.items < items {
                slot.deallocate()
                slot = .allocate(capacity: items)
                slot.initialize(repeating: -1, count: items)
                self.items = items
            }
            if sectionCount < sections {
                sectionSums.deallocate(); sectionOrder.deallocate(); sectionMeans.deallocate()
                sectionSums = .allocate(capacity: sections)
                sectionOrder = .allocate(capacity: sections)
                sectionMeans = .allocate(capacity: sections)
                for s in 0..<sections { sectionSums[s] = .init(section: -1) }
                sectionCount = sections
            }
            if countedCapacity < answers {
                counted.deallocate()
                counted = .allocate(capacity: answers)
                countedCapacity = answers
            }
        }
    }

    // MARK: the one arithmetic

    /// SPEC §2.1: what one answer earns of what maximum.
    @inline(__always)
    static func outcome(_ item: ItemFacts, _ value: Answer.Value) -> ItemResult.Outcome {
        switch (item.type, value) {
        case (_, .na):
            return .notApplicable
        case (.check, .pass):
            return .scored(earned: item.points, max: item.points)
        case (.check, _):
            return .scored(earned: 0, max: item.points)
        case (.scale, .value(let x)):
            return .scored(earned: x, max: item.points)
        case (.deduct, .count(let n)):
            return .scored(earned: Swift.max(0, item.points - Double(n) * item.per), max: item.points)
        case (.bonus, .count(let n)):
            return .bonus(Swift.min(item.points, Double(n) * item.per))
        default:
            // The reader never lets a value of the wrong kind through.
            return .notApplicable
        }
    }

    static func outcome(_ item: ChecklistItem, _ value: Answer.Value?) -> ItemResult.Outcome {
        guard let value else { return .unanswered }
        return outcome(ItemFacts(item), value)
    }

    /// Scores one subject (§2.1–2.3), adding its checklist and section totals to `totals`.
    /// `role` nil: the branch's own items; else the employee's role mask
    /// (`ScoringIndex.mask(for:)`). `scratch.slot` is all -1, and is left so; so are the
    /// section sums. `onItem` sees every applicable item, answered or not.
    @inline(__always)
    static func subject(_ index: ScoringIndex, _ answers: UnsafeBufferPointer<FlatAnswer>, role mask: [Bool]?, assessed: [Bool],
                        scratch: Scratch, totals: inout Totals, onItem: (ItemEvent) -> Void) -> SubjectTotals {
        // Slots and sums are raw memory: as arrays each write checked that they were not
        // shared. Answers' item numbers are the index's own (the reader found them there).
        let slot = scratch.slot, sums = scratch.sectionSums, order = scratch.sectionOrder
        for k in answers.indices { slot[Int(answers[k].flat)] = Int32(k) }
        defer { for a in answers { slot[Int(a.flat)] = -1 } }
        var out = SubjectTotals()
        var touched = 0
        let firstChecklist = totals.checklists.count
        let wantScope: Checklist.Scope = mask == nil ? .branch : .staff
        index.facts.withUnsafeBufferPointer { facts in
            index.itemSection.withUnsafeBufferPointer { itemSection in
                for ci in index.ranges.indices where assessed[ci] && index.scopes[ci] == wantScope {
                    var total = SubjectTotals.ChecklistTotal(checklist: ci)
                    var applicable = false
                    for flat in index.ranges[ci] {
                        if let mask, !mask[flat] { continue }
                        applicable = true
                        let k = Int(slot[flat])
                        guard k >= 0 else {
                            out.unanswered.append(flat)
                            onItem(ItemEvent(flat: flat, answer: -1, outcome: .unanswered, deduction: false, breach: false))
                            continue
                        }
                        let item = facts[flat]
                        let value = answers[k].value
                        let deduction = value.isDeduction(item)
                        let breach = value.isBreach(item)
                        if deduction { out.deductions += 1 }
                        if breach { out.veto.append(flat) }
                        let outcome = Self.outcome(item, value)
                        switch outcome {
                        case .scored(let e, let m):
                            total.earned += e
                            total.max += m
                            let s = itemSection[flat]
                            if s >= 0 {
                                // Summed in place; the order of first touch is the list's order.
                                if sums[s].section < 0 {
                                    sums[s] = .init(section: s)
                                    order[touched] = Int32(s)
                                    touched += 1
                                }
                                sums[s].earned += e
                                sums[s].max += m
                            }
                        case .bonus(let b):
                            total.bonus += b
                            out.bonus += b
                        case .notApplicable, .unanswered:
                            break
                        }
                        onItem(ItemEvent(flat: flat, answer: k, outcome: outcome, deduction: deduction, breach: breach))
                    }
                    // A staff checklist none of whose items applies to the role is not the employee's.
                    if applicable { totals.checklists.append(total) }
                }
            }
        }
        out.checklists = firstChecklist..<totals.checklists.count
        let firstSection = totals.sections.count
        for i in 0..<touched {
            let s = Int(order[i])
            totals.sections.append(sums[s])
            sums[s].section = -1
        }
        out.sections = firstSection..<totals.sections.count
        var wsum = 0.0, sum = 0.0
        for c in totals.checklists[out.checklists] {
            if let s = c.score { wsum += index.weights[c.checklist]; sum += index.weights[c.checklist] * s }
        }
        out.base = wsum > 0 ? sum / wsum : nil
        return out
    }

    /// The visit composite (§2.3): per assessed checklist, branch-scope S_k, or for staff scope
    /// the mean of S_k over the employees for whom k is scored; base = Σ w_k S_k / Σ w_k.
    static func composite(index: ScoringIndex, assessed: [Bool], branch: SubjectTotals, staff: [SubjectTotals], totals: Totals)
        -> (checklists: [VisitSummary.ChecklistScore], base: Double?) {
        var out: [VisitSummary.ChecklistScore] = []
        out.reserveCapacity(index.ranges.count)
        for ci in index.ranges.indices where assessed[ci] {
            let id = index.checklistIDs[ci], weight = index.weights[ci]
            switch index.scopes[ci] {
            case .branch:
                if let s = totals.checklists[branch.checklists].first(where: { $0.checklist == ci })?.score {
                    out.append(.init(id: id, weight: weight, score: s, subjects: 1))
                }
            case .staff:
                var sum = 0.0, n = 0
                for st in staff {
                    if let s = totals.checklists[st.checklists].first(where: { $0.checklist == ci })?.score { sum += s; n += 1 }
                }
                if n > 0 { out.append(.init(id: id, weight: weight, score: sum / Double(n), subjects: n)) }
            }
        }
        var wsum = 0.0, sum = 0.0
        for c in out { wsum += c.weight; sum += c.weight * c.score }
        return (out, wsum > 0 ? sum / wsum : nil)
    }

    // MARK: a whole visit

    /// One employee of a visit, ready to score: their answers are `VisitInput.flat[answers]`.
    public struct StaffInput: Sendable {
        public var id: String
        public var name: String
        public var role: String
        public var mark: Mark
        public var answers: Range<Int>
        /// The role's mask (`ScoringIndex.mask(for:)`) when the reader has looked it up already.
        var mask: [Bool]? = nil
    }

    /// The subjects of one visit, ready to score.
    public struct VisitInput {
        public var header: VisitHeader
        /// Checklists assessed, indexed like the catalog.
        public var assessed: [Bool]
        /// Every subject's answers in one array (one allocation per visit, not per subject).
        public var flat: [FlatAnswer]
        /// The branch's own answers: `flat[branch]`.
        public var branch: Range<Int>
        public var staff: [StaffInput]
        /// The detail answers `FlatAnswer.answer` points into (empty without detail).
        public var answers: [Answer]
        /// The veto items' notes `FlatAnswer.note` points into.
        public var notes: [String]
    }

    /// Scores a visit: always its summary; the item-by-item detail when `detail` is true.
    /// `unanswered` lists, per subject (the branch first), the applicable items left
    /// unanswered in catalog order, for the reader's warning.
    public func score(_ v: VisitInput, detail: Bool) -> (summary: VisitSummary, detail: VisitScore?, unanswered: [[Int]]) {
        Self.score(v, index: index, detail: detail)
    }

    /// The same, from the catalog's flat facts alone: the reader scores every visit this way,
    /// without copying the catalog (every array and dictionary in it retained and released),
    /// with its thread's `scratch`.
    static func score(_ v: VisitInput, index: ScoringIndex, detail: Bool, scratch: Scratch? = nil)
        -> (summary: VisitSummary, detail: VisitScore?, unanswered: [[Int]]) {
        let scratch = scratch ?? Scratch()
        scratch.prepare(items: index.items.count, sections: index.sections.count, answers: v.flat.count)
        var totals = Totals()
        swap(&totals, &scratch.totals)
        defer {
            totals.checklists.removeAll(keepingCapacity: true)
            totals.sections.removeAll(keepingCapacity: true)
            swap(&totals, &scratch.totals)
        }
        // Every counted answer is one of `v.flat`: written in turn to the scratch's room for
        // them, and copied once to the summary's list.
        let countedRoom = scratch.counted
        var counted = 0
        var breaches: [VisitSummary.Breach] = []
        let sectionMeans = scratch.sectionMeans
        sectionMeans.update(repeating: MeanAccumulator(), count: index.sections.count)
        var parts: [SubjectScore] = []
        var branch = SubjectTotals()
        var staff: [SubjectTotals] = []
        staff.reserveCapacity(v.staff.count)

        // The closures below read these, not `v`: capturing `v` copied the whole input per subject.
        let assessed = v.assessed, notes = v.notes, answers = v.answers, subjects = v.staff, branchRange = v.branch
        // Subject 0 is the branch, subject n the employee v.staff[n - 1].
        v.flat.withUnsafeBufferPointer { all in
            index.globalItem.withUnsafeBufferPointer { globalItem in
                for subject in 0...subjects.count {
                    let buf = UnsafeBufferPointer(rebasing: all[subject == 0 ? branchRange : subjects[subject - 1].answers])
                    let mask = subject == 0 ? nil : subjects[subject - 1].mask ?? index.mask(for: subjects[subject - 1].role)
                    var items: [[ItemResult]] = []
                    var lastChecklist = -1
                    let t = Self.subject(index, buf, role: mask, assessed: assessed, scratch: scratch, totals: &totals) { e in
                        if case .scored = e.outcome {
                            countedRoom[counted] = UInt32(globalItem[e.flat]) << 1 | (e.deduction ? 1 : 0)
                            counted += 1
                        }
                        if e.breach {
                            let note = e.answer >= 0 ? Int(buf[e.answer].note) : -1
                            breaches.append(.init(item: index.items[e.flat].id, staff: subject == 0 ? nil : subject - 1,
                                                  note: note >= 0 ? notes[note] : nil))
                        }
                        if detail {
                            let ci = index.itemChecklist[e.flat]
                            if ci != lastChecklist { items.append([]); lastChecklist = ci }
                            let a = e.answer >= 0 ? buf[e.answer].answer : -1
                            items[items.count - 1].append(ItemResult(
                                item: index.items[e.flat].id, outcome: e.outcome,
                                answer: a >= 0 ? answers[Int(a)] : nil, deduction: e.deduction, breach: e.breach))
                        }
                    }
                    for s in totals.sections[t.sections] { if let x = s.score { sectionMeans[s.section].add(x) } }
                    if detail { parts.append(subjectScore(index, t, totals, items: items)) }
                    if subject == 0 { branch = t } else { staff.append(t) }
                }
            }
        }
        let (checklists, base) = Self.composite(index: index, assessed: v.assessed, branch: branch, staff: staff, totals: totals)
        let findings = staff.reduce(branch.deductions) { $0 + $1.deductions }
        // The summary's lists are built at their final size: grown one element at a time they
        // were reallocated once or twice each, for every visit.
        var sections: [VisitSummary.SectionScore] = []
        sections.reserveCapacity(index.sections.count)
        for k in 0..<index.sections.count {
            if let mean = sectionMeans[k].mean { sections.append(.init(section: Int(index.globalSection[k]), score: mean)) }
        }
        var staffSummaries: [VisitSummary.Staff] = []
        staffSummaries.reserveCapacity(staff.count)
        // By position, each field read in place: pairing the two lists copied every
        // employee's input and totals (their strings and lists retained, then released).
        for n in staff.indices {
            var scores: [VisitSummary.ChecklistScore] = []
            scores.reserveCapacity(staff[n].checklists.count)
            for c in totals.checklists[staff[n].checklists] {
                if let score = c.score {
                    scores.append(.init(id: index.checklistIDs[c.checklist], weight: index.weights[c.checklist], score: score, subjects: 1))
                }
            }
            staffSummaries.append(VisitSummary.Staff(id: v.staff[n].id, name: v.staff[n].name, role: v.staff[n].role, mark: v.staff[n].mark,
                                                     base: staff[n].base, bonus: staff[n].bonus,
                                                     checklists: scores, veto: ids(index, staff[n].veto), unanswered: ids(index, staff[n].unanswered),
                                                     deductions: staff[n].deductions))
        }
        let summary = VisitSummary(
            id: v.header.id, file: v.header.file, branch: v.header.branch, date: v.header.date,
            inspector: v.header.inspector, method: v.header.method, base: base, bonus: branch.bonus,
            checklists: checklists,
            sections: sections,
            versions: index.versions(assessed: v.assessed),
            veto: ids(index, branch.veto),
            staff: staffSummaries,
            findings: findings, counted: Array(UnsafeBufferPointer(start: countedRoom, count: counted)), breaches: breaches)
        var unanswered: [[Int]] = []
        unanswered.reserveCapacity(staff.count + 1)
        unanswered.append(branch.unanswered)
        for s in staff { unanswered.append(s.unanswered) }
        guard detail else { return (summary, nil, unanswered) }
        let detailScore = VisitScore(
            id: v.header.id, file: v.header.file, branch: v.header.branch, date: v.header.date,
            inspector: v.header.inspector, method: v.header.method,
            assessed: index.checklistIDs.indices.filter { v.assessed[$0] }.map { index.checklistIDs[$0] },
            branchPart: parts[0],
            staff: zip(v.staff, parts.dropFirst()).map { StaffScore(id: $0.id, name: $0.name, role: $0.role, result: $1, mark: $0.mark) },
            checklists: checklists.map { ($0.id, $0.weight, $0.score, $0.subjects) },
            base: base, bonus: branch.bonus, findings: findings, summary: summary)
        return (summary, detailScore, unanswered)
    }

    private static func ids(_ index: ScoringIndex, _ flats: [Int]) -> [String] {
        switch flats.count {
        case 0: return []
        case 1: return [index.items[flats[0]].id]
        default: return flats.map { index.items[$0].id }.sorted()
        }
    }

    private static func subjectScore(_ index: ScoringIndex, _ t: SubjectTotals, _ totals: Totals, items: [[ItemResult]]) -> SubjectScore {
        var results: [ChecklistResult] = []
        for (n, c) in totals.checklists[t.checklists].enumerated() {
            let ci = c.checklist
            let sections = totals.sections[t.sections].filter { index.sections[$0.section].checklist == ci }
                .map { SectionResult(name: index.sections[$0.section].name, earned: $0.earned, max: $0.max) }
            results.append(ChecklistResult(id: index.checklistIDs[ci], weight: index.weights[ci], earned: c.earned,
                                           max: c.max, bonus: c.bonus, sections: sections,
                                           items: n < items.count ? items[n] : []))
        }
        return SubjectScore(checklists: results, base: t.base, bonus: t.bonus, veto: ids(index, t.veto),
                            unanswered: ids(index, t.unanswered), deductions: t.deductions)
    }

    // MARK: a `Visit` built in memory (tests, generators)

    /// Scores a visit model whose answers are known to be valid (tests and tools build these;
    /// files go through `VisitReader`, which checks every answer first).
    public func score(_ visit: Visit) -> VisitScore {
        var answers: [Answer] = []
        var all: [FlatAnswer] = []
        var notes: [String] = []
        func flat(_ list: [Answer]) -> Range<Int> {
            let start = all.count
            for a in list {
                guard let f = index.find(a.item) else { continue }
                answers.append(a)
                var note: Int32 = -1
                if let n = a.note { notes.append(n); note = Int32(notes.count - 1) }
                all.append(FlatAnswer(flat: Int32(f), value: a.value, answer: Int32(answers.count - 1), note: note))
            }
            return start..<all.count
        }
        let assessed = catalog.checklists.map { visit.checklists.contains($0.id) }
        let branch = flat(visit.results)
        let staff = visit.staff.map { s in StaffInput(id: s.id, name: s.name, role: s.role, mark: s.mark, answers: flat(s.results)) }
        let input = VisitInput(header: VisitHeader(id: visit.id, file: visit.file, branch: visit.branch, date: visit.date,
                                                   inspector: visit.inspector, method: visit.method),
                               assessed: assessed, flat: all, branch: branch, staff: staff, answers: answers, notes: notes)
        return score(input, detail: true).detail!
    }
}

/// The fields of a visit that are not answers.
public struct VisitHeader: Sendable {
    public var id: String
    public var file: String
    public var branch: Branch
    public var date: Day
    public var inspector: String
    public var method: Visit.Method
}

/// What scoring needs of an item, as plain values: no strings, nothing to retain.
public struct ItemFacts: Sendable {
    public var type: ChecklistItem.Kind
    public var points: Double
    /// Points per occurrence (deduct and bonus); 0 when not given.
    public var per: Double
    public var veto: Bool
    /// Scale items: a value below this is a deduction (`finding_below`, default the points).
    public var findingBelow: Double

    public init(_ item: ChecklistItem) {
        type = item.type; points = item.points; per = item.per ?? 0; veto = item.veto
        findingBelow = item.findingThreshold
    }
}

extension Answer.Value {
    /// A failed check, a deduct count above 0, or a scale value below its `finding_below`
    /// (default: full points) (SPEC §1.1, §1.2, §2.7). A scale value at or above it earns its value
    /// but is no deduction: it needs no note and makes no finding.
    @inline(__always)
    public func isDeduction(_ item: ItemFacts) -> Bool {
        switch (item.type, self) {
        case (.check, .fail): return true
        case (.deduct, .count(let n)): return n > 0
        case (.scale, .value(let x)): return x < item.findingBelow
        default: return false
        }
    }

    /// A veto breach: a failed check or a deduct count of 1 or more on a veto item (SPEC §2.4).
    @inline(__always)
    public func isBreach(_ item: ItemFacts) -> Bool {
        guard item.veto else { return false }
        switch (item.type, self) {
        case (.check, .fail): return true
        case (.deduct, .count(let n)): return n >= 1
        default: return false
        }
    }

    public func isDeduction(for item: ChecklistItem) -> Bool { isDeduction(ItemFacts(item)) }
    public func isBreach(of item: ChecklistItem) -> Bool { isBreach(ItemFacts(item)) }
}

extension Answer {
    public func isDeduction(for item: ChecklistItem) -> Bool { value.isDeduction(for: item) }
    public func isBreach(of item: ChecklistItem) -> Bool { value.isBreach(of: item) }
}

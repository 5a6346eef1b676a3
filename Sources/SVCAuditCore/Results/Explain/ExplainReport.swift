/// `svcaudit explain`: the arithmetic of one visit, item by item (SPEC §2), so a branch
/// manager can redo the score by hand: what each item earned of what maximum, what was left
/// out and why, section subtotals, checklist scores, the weighted composites, bonus and vetoes.
public struct ExplainReport: Report {
    public static let tables = ["checklists", "items", "staff"]

    /// Why an item counts or not.
    public enum Status: String, Sendable {
        /// In earned and max.
        case scored
        /// A bonus item: added to the score, not in max.
        case bonus
        /// Answered na.
        case na
        /// Applicable but left unanswered: excluded like na.
        case unanswered
        /// The item's roles do not include the employee's role.
        case role
    }

    public struct Line: Sendable {
        public var item: ChecklistItem
        public var status: Status
        /// nil when the item does not apply to the role.
        public var result: ItemResult?
    }

    public struct Part: Sendable {
        public var checklist: Checklist
        public var result: ChecklistResult
        /// Every item of the checklist, in checklist order.
        public var lines: [Line]
    }

    public struct Subject: Sendable {
        /// nil for the branch's own items.
        public var staff: StaffScore?
        public var score: SubjectScore
        public var parts: [Part]
        /// Assessed checklists of this subject's scope that do not apply to the role.
        public var notApplicable: [Checklist]
    }

    public var visit: VisitScore
    public var catalog: ChecklistCatalog
    /// The explained employee when `--staff` was given; the whole visit otherwise.
    public var staffID: String?
    public private(set) var branch: Subject?
    public private(set) var staff: [Subject]

    /// nil when `staffID` names nobody in the visit.
    public init?(visit: VisitScore, catalog: ChecklistCatalog, staffID: String? = nil) {
        self.visit = visit
        // The versions the visit was scored against (SPEC §1.1 "Versions over time").
        let catalog = catalog.resolved(versions: visit.summary.versions, on: visit.date)
        self.catalog = catalog
        self.staffID = staffID
        let chosen = visit.staff.filter { staffID == nil || $0.id == staffID }
        if staffID != nil, chosen.isEmpty { return nil }
        branch = staffID == nil ? Self.subject(nil, visit.branchPart, visit, catalog) : nil
        staff = chosen.map { Self.subject($0, $0.result, visit, catalog) }
    }

    static func subject(_ s: StaffScore?, _ score: SubjectScore, _ visit: VisitScore, _ catalog: ChecklistCatalog) -> Subject {
        var parts: [Part] = []
        for r in score.checklists {
            guard let c = catalog.checklist(r.id) else { continue }
            var byID: [String: ItemResult] = [:]
            for i in r.items { byID[i.item] = i }
            let lines = c.items.map { item -> Line in
                guard let ir = byID[item.id] else { return Line(item: item, status: .role, result: nil) }
                let status: Status
                switch ir.outcome {
                case .scored: status = .scored
                case .bonus: status = .bonus
                case .notApplicable: status = .na
                case .unanswered: status = .unanswered
                }
                return Line(item: item, status: status, result: ir)
            }
            parts.append(Part(checklist: c, result: r, lines: lines))
        }
        let scope: Checklist.Scope = s == nil ? .branch : .staff
        let notApplicable = visit.assessed.compactMap(catalog.checklist).filter { c in
            c.scope == scope && !score.checklists.contains { $0.id == c.id }
        }
        return Subject(staff: s, score: score, parts: parts, notApplicable: notApplicable)
    }

    var notAssessed: [String] { catalog.ids.filter { !visit.assessed.contains($0) } }

    /// The employees who count in a staff-scope checklist's visit score, with their S_k.
    func subjects(of checklistID: String) -> [(id: String, score: Double)] {
        visit.staff.compactMap { s in
            s.result.checklists.first { $0.id == checklistID }?.score.map { (s.id, $0) }
        }
    }

    // MARK: Formulas (shared by every format)

    static func baseFormula(_ s: SubjectScore) -> String? {
        ScoreFormula.weighted(s.scoredChecklists.map { ($0.weight, $0.score!) }, result: s.base)
    }

    static func scoreFormula(base: Double?, bonus: Double) -> String? {
        base.map { ScoreFormula.plusBonus(base: $0, bonus: bonus) }
    }

    var visitBaseFormula: String? {
        ScoreFormula.weighted(visit.checklists.map { ($0.weight, $0.score) }, result: visit.base)
    }

    func visitChecklistFormula(_ c: Checklist) -> String? {
        guard let score = visit.checklistScore(c.id) else { return nil }
        if c.scope == .branch { return Num.fixed2(score) }
        return ScoreFormula.mean(subjects(of: c.id).map(\.score), result: score)
    }

    /// Every breach in the visit: the branch's (staff nil) and each employee's.
    var breaches: [(staff: String?, item: String)] {
        visit.branchPart.veto.map { (nil, $0) } + visit.staff.flatMap { s in s.result.veto.map { (s.id, $0) } }
    }

    // MARK: JSON

    public func json() -> JSONValue {
        var top: [(String, JSONValue)] = [("visit", .object([
            ("id", .string(visit.id)), ("file", .string(visit.file)),
            ("branch", .object([("id", .string(visit.branch.id)), ("name", .string(visit.branch.name)),
                                ("parent", .opt(visit.branch.parent)), ("region", .opt(visit.branch.region))])),
            ("date", .string(visit.date.description)), ("inspector", .string(visit.inspector)),
            ("method", .string(visit.method.rawValue)),
            ("checklists", .array(visit.assessed.map { .string($0) })),
            ("versions", .object(visit.assessed.map { id in (id, .opt(catalog.checklist(id)?.version)) })),
        ]))]
        if let branch { top.append(("branch", subjectJSON(branch))) }
        top.append(("staff", .array(staff.map(subjectJSON))))
        if staffID == nil { top.append(("visit_score", visitScoreJSON())) }
        return .object(top)
    }

    func subjectJSON(_ s: Subject) -> JSONValue {
        var o: [(String, JSONValue)] = []
        if let st = s.staff { o += [("id", .string(st.id)), ("name", .string(st.name)), ("role", .string(st.role))] }
        o += [
            ("checklists", .array(s.parts.map(partJSON))),
            ("not_applicable", .array(s.notApplicable.map { .string($0.id) })),
            ("base", .opt(s.score.base)), ("bonus", .number(s.score.bonus)), ("score", .opt(s.score.score)),
            ("formula", .object([("base", .opt(Self.baseFormula(s.score))),
                                 ("score", .opt(Self.scoreFormula(base: s.score.base, bonus: s.score.bonus)))])),
            ("veto", .array(s.score.veto.map { .string($0) })),
            ("unanswered", .array(s.score.unanswered.map { .string($0) })),
            ("deductions", .int(s.score.deductions)),
        ]
        return .object(o)
    }

    func partJSON(_ p: Part) -> JSONValue {
        let r = p.result
        return .object([
            ("id", .string(p.checklist.id)), ("title", .string(p.checklist.title)),
            ("version", .opt(p.checklist.version)), ("scope", .string(p.checklist.scope.rawValue)), ("weight", .number(p.checklist.weight)),
            ("earned", .number(r.earned)), ("max", .number(r.max)), ("score", .opt(r.score)), ("bonus", .number(r.bonus)),
            ("formula", .opt(ScoreFormula.ratio(earned: r.earned, max: r.max))),
            ("sections", .array(r.sections.map { s in
                .object([("name", .string(s.name)), ("earned", .number(s.earned)), ("max", .number(s.max)),
                         ("score", .opt(s.score)), ("formula", .opt(ScoreFormula.ratio(earned: s.earned, max: s.max)))])
            })),
            ("items", .array(p.lines.map(lineJSON))),
        ])
    }

    func lineJSON(_ l: Line) -> JSONValue {
        let i = l.item
        var earned: JSONValue = .null, max: JSONValue = .null, bonus: JSONValue = .null
        switch l.result?.outcome {
        case .scored(let e, let m)?: earned = .number(e); max = .number(m)
        case .bonus(let b)?: bonus = .number(b)
        default: break
        }
        let answer: JSONValue
        switch l.result?.answer?.value {
        case nil: answer = .null
        case .pass?: answer = .string("pass")
        case .fail?: answer = .string("fail")
        case .na?: answer = .string("na")
        case .value(let x)?: answer = .number(x)
        case .count(let n)?: answer = .int(n)
        }
        return .object([
            ("id", .string(i.id)), ("text", .string(i.text)), ("section", .opt(i.section)),
            ("type", .string(i.type.rawValue)), ("points", .number(i.points)), ("per", .opt(i.per)),
            ("veto", .bool(i.veto)), ("roles", i.roles.map { .array($0.map { .string($0) }) } ?? .null),
            ("status", .string(l.status.rawValue)), ("answer", answer), ("note", .opt(l.result?.answer?.note)),
            ("earned", earned), ("max", max), ("bonus", bonus),
            ("deduction", .bool(l.result?.deduction ?? false)), ("breach", .bool(l.result?.breach ?? false)),
        ])
    }

    func visitScoreJSON() -> JSONValue {
        let cls = visit.assessed.compactMap(catalog.checklist).map { c -> JSONValue in
            var o: [(String, JSONValue)] = [
                ("id", .string(c.id)), ("scope", .string(c.scope.rawValue)), ("weight", .number(c.weight)),
                ("score", .opt(visit.checklistScore(c.id))),
            ]
            if c.scope == .staff {
                o.append(("subjects", .array(subjects(of: c.id).map { .object([("staff", .string($0.id)), ("score", .number($0.score))]) })))
            }
            o.append(("formula", .opt(visitChecklistFormula(c))))
            return .object(o)
        }
        return .object([
            ("checklists", .array(cls)),
            ("base", .opt(visit.base)), ("bonus", .number(visit.bonus)), ("score", .opt(visit.score)),
            ("formula", .object([("base", .opt(visitBaseFormula)),
                                 ("score", .opt(Self.scoreFormula(base: visit.base, bonus: visit.bonus)))])),
            ("veto", .array(visit.veto.map { .string($0) })),
            ("breaches", .array(breaches.map { .object([("staff", .opt($0.staff)), ("item", .string($0.item))]) })),
        ])
    }
}

@testable import SVCAuditCore

/// Hand-made scored visits, so each ranking test can state its arithmetic in a few lines.
enum RankFixtures {
    struct Person {
        var id: String
        var score: Double?
        var name: String? = nil
        var role = "teller"
        var veto: [String] = []
    }

    static func subject(_ score: Double?, veto: [String] = []) -> SubjectScore {
        SubjectScore(checklists: [], base: score, bonus: 0, veto: veto, unanswered: [], deductions: 0)
    }

    /// One visit. `score` is the visit (branch) score; `staff` the employees' scores.
    static func visit(_ date: String, branch: String = "B1", parent: String? = nil, region: String? = nil,
                      method: Visit.Method = .onsite, file: String? = nil, score: Double? = nil,
                      branchVeto: [String] = [], staff: [Person] = []) -> VisitScore {
        let f = file ?? "visits/\(branch)-\(date).yaml"
        return VisitScore(
            id: f, file: f, branch: Branch(id: branch, name: "\(branch)网点", parent: parent, region: region),
            date: Day(date)!, inspector: "王敏", method: method, assessed: [],
            branchPart: subject(nil, veto: branchVeto),
            staff: staff.map { p in
                StaffScore(id: p.id, name: p.name ?? "员工\(p.id)", role: p.role, result: subject(p.score, veto: p.veto))
            },
            checklists: [], base: score, bonus: 0, findings: 0)
    }

    /// One employee, one visit with this score, on a date of its own (B1, 2026-07-01 + n).
    static func single(_ id: String, _ score: Double, day: Int = 1, branch: String = "B1", region: String? = nil,
                       role: String = "teller") -> VisitScore {
        visit("2026-07-\(day < 10 ? "0" : "")\(day)", branch: branch, region: region, file: "visits/\(id)-\(day).yaml",
              staff: [Person(id: id, score: score, role: role)])
    }

    static func rank(_ visits: [VisitScore], _ policy: Policy = Policy(), period: Period? = nil) -> Ranking {
        var fold = RankFold(policy: policy, period: period)
        for v in numbered(visits) { fold.add(v) }
        return fold.ranking()
    }

    /// The visits with each file's number in byte-wise path order, as a run numbers them.
    static func numbered(_ visits: [VisitScore]) -> [VisitScore] {
        let files = Set(visits.map(\.summary.file)).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        let place = Dictionary(uniqueKeysWithValues: files.enumerated().map { ($1, $0) })
        return visits.map { var v = $0; v.summary.fileOrder = place[v.summary.file]!; return v }
    }
}

extension Ranking {
    func entry(_ id: String) -> RankEntry { entries.first { $0.id == id }! }
    var ids: [String] { entries.map(\.id) }
    var selectedIDs: [String] { selected.map(\.id) }
    var ranks: [Int?] { entries.map(\.rank) }
}

extension RankFold {
    /// The fixtures are full scores; the fold takes their summaries, as the pipeline gives it.
    mutating func add(_ v: VisitScore) { add(VisitSummary(v, catalog: ChecklistCatalog([]))) }
}

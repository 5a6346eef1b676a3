@testable import SVCAuditCore

/// A two-checklist catalog small enough to score by hand:
/// - desk (staff, weight 1): D1 check 10 (section 甲), D2 check 10 (section 乙, veto), D3 scale 10 (section 乙)
/// - hall (branch, weight 1): H1 check 10, H2 check 10
/// A visit's score is (mean desk score over its staff + hall score) / 2.
enum Fx {
    static let catalog = ChecklistCatalog([
        Checklist(id: "desk", title: "柜面", scope: .staff, weight: 1, items: [
            ChecklistItem(id: "D1", text: "双手接递", section: "甲", points: 10),
            ChecklistItem(id: "D2", text: "无投诉", section: "乙", points: 10, veto: true),
            ChecklistItem(id: "D3", text: "服务态度", section: "乙", points: 10, type: .scale),
        ]),
        Checklist(id: "hall", title: "大厅", scope: .branch, weight: 1, items: [
            ChecklistItem(id: "H1", text: "叫号机正常", points: 10),
            ChecklistItem(id: "H2", text: "地面清洁", points: 10),
        ]),
    ])

    static let a = Branch(id: "A", name: "甲网点", parent: "P支行", region: "R")
    static let b = Branch(id: "B", name: "乙网点", parent: "P支行", region: "R")
    static let c = Branch(id: "C", name: "丙网点", parent: "Q支行", region: "R")

    static func ans(_ item: String, _ v: Answer.Value, note: String? = nil, fixBy: String? = nil) -> Answer {
        Answer(item: item, value: v, note: note, fixBy: fixBy.flatMap(Day.init))
    }

    /// Passing answers for D1 and D2 unless overridden.
    static func desk(_ overrides: Answer...) -> [Answer] {
        var list = [ans("D1", .pass), ans("D2", .pass)]
        for o in overrides {
            if let i = list.firstIndex(where: { $0.item == o.item }) { list[i] = o } else { list.append(o) }
        }
        return list
    }

    static func hall(_ overrides: Answer...) -> [Answer] {
        var list = [ans("H1", .pass), ans("H2", .pass)]
        for o in overrides {
            if let i = list.firstIndex(where: { $0.item == o.item }) { list[i] = o }
        }
        return list
    }

    static func visit(_ id: String, _ branch: Branch, _ date: String, method: Visit.Method = .onsite,
                      checklists: [String] = ["desk", "hall"], hall: [Answer] = Fx.hall(),
                      staff: [(String, [Answer])]) -> VisitScore {
        let v = Visit(id: id, file: "\(id).yaml", branch: branch, date: Day(date)!, inspector: "检查员", method: method,
                      checklists: checklists, results: checklists.contains("hall") ? hall : [],
                      staff: staff.map { StaffObservation(id: $0.0, name: "员工\($0.0)", role: "teller", results: $0.1) })
        return Scorer(catalog: catalog).score(v)
    }
}

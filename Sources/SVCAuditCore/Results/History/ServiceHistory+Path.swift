/// An employee's whole path across branches (issue 13 item 5, SPEC §2.7: findings follow the
/// person): from the roster when given, each assignment with the visits made while it held;
/// without one, the runs of consecutive visits at the same branch.
public struct ServicePathStep: Sendable, Equatable {
    public var branch: Branch
    /// The assignment's span (roster), or the first and last visit of the run (visits only).
    public var from: Day?
    public var to: Day?
    public var role: String?
    public var visits: Int
    public var fromRoster: Bool
}

extension ServiceHistory {
    static func path(_ entries: [ServiceHistoryCollector.Entry], id: String, roster: Roster?) -> [ServicePathStep] {
        if let rows = roster?.staff[id] {
            return rows.map { a in
                ServicePathStep(branch: roster!.branchValue(a.branch), from: a.from, to: a.to, role: a.role,
                                visits: entries.filter { a.covers($0.date) && $0.branch.id == a.branch }.count, fromRoster: true)
            }
        }
        var out: [ServicePathStep] = []
        for e in entries {
            if let last = out.last, last.branch.id == e.branch.id {
                out[out.count - 1].to = e.date
                out[out.count - 1].visits += 1
            } else {
                out.append(ServicePathStep(branch: e.branch, from: e.date, to: e.date, role: e.role, visits: 1, fromRoster: false))
            }
        }
        return out
    }

    func pathJSON() -> JSONValue {
        .array(path.map { s in
            .object([("branch", .string(s.branch.id)), ("name", .string(s.branch.name)), ("from", .opt(s.from?.description)),
                     ("to", .opt(s.to?.description)), ("role", .opt(s.role)), ("visits", .int(s.visits)),
                     ("source", .string(s.fromRoster ? "roster" : "visits"))])
        })
    }

    /// The path as a table: 网点, 起止, 岗位, 受检次数.
    func pathTable(_ ctx: RenderContext) -> Table {
        var t = Table(name: "path", title: ctx.t("任职与受检网点", "Branches over time"), columns: [
            .init(ctx.t("网点", "Branch"), .id), .init(ctx.t("网点名称", "Branch name"), .name),
            .init(ctx.t("起", "From"), .date), .init(ctx.t("止", "To"), .date),
            .init(ctx.t("岗位", "Role"), .status), .init(ctx.t("受检次数", "Visits"), .number(.count)),
        ])
        for s in path {
            t.add([.text(s.branch.id), .text(s.branch.name), s.from.map { .date($0) } ?? .text("…"), s.to.map { .date($0) } ?? .text("…"),
                   .opt(s.role.map { Fmt.role($0, ctx) }), .int(s.visits)])
        }
        return t
    }
}

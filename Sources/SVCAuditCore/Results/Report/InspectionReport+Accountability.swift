/// The 检查通报's accountability sections: 检查质量 (inspector calibration, §2.9), 表扬与投诉
/// (the period's events, §1.5) and 整改情况 (how each branch's findings stand, §2.7).
extension InspectionReport {
    public struct Accountability: Sendable {
        /// The period's calibration; nil leaves the section out.
        public var quality: InspectorReport?
        /// The period's events (all of them: the unverified are listed as such); nil without --events.
        public var events: [Event]?
        /// The period's findings as of a date; nil without --as-of / --responses.
        public var rectification: RectificationReport?
        public init(quality: InspectorReport? = nil, events: [Event]? = nil, rectification: RectificationReport? = nil) {
            self.quality = quality; self.events = events; self.rectification = rectification
        }
    }

    func branchName(_ id: String) -> String { branches.first { $0.id == id }?.name ?? "" }

    func accountabilityJSON() -> [(String, JSONValue)] {
        var out: [(String, JSONValue)] = []
        if let q = accountability.quality {
            out.append(("inspection_quality", .object([
                ("flagged", .array(q.flagged.map { i in
                    .object([("name", .string(i.name)), ("compared", .int(i.compared)), ("offset", .opt(i.offset))])
                })),
                ("methods", .array(q.methods.map { m in
                    .object([("method", .string(m.method.rawValue)), ("visits", .int(m.visits)), ("mean", .number(m.mean))])
                })),
                ("method_gap", q.methodGap.map { g in
                    .object([("high", .string(g.high.method.rawValue)), ("low", .string(g.low.method.rawValue)), ("gap", .number(g.gap))])
                } ?? .null),
            ])))
        }
        if let events = accountability.events {
            out.append(("events", .array(events.map { e in
                .object([("id", .string(e.id)), ("date", .string(e.date.description)), ("branch", .string(e.branch)),
                         ("staff", .opt(e.staff)), ("type", .string(e.kind.rawValue)), ("verified", .bool(e.verified)),
                         ("item", .opt(e.item)), ("note", .opt(e.note))])
            })))
        }
        if let r = accountability.rectification {
            out.append(("rectification", .object([
                ("as_of", .string(r.asOf.description)),
                ("summary", .object([("findings", .int(r.total))]
                    + RectificationTracker.Finding.Status.allCases.map { ($0.rawValue, .int(r.counts[$0] ?? 0)) }
                    + [("closed_late", .int(r.closedLate)), ("repeat", .int(r.repeats))])),
                ("branches", .array(r.branches.map { b in
                    .object([("branch", .string(b.branch)), ("name", .string(b.name)), ("findings", .int(b.findings)),
                             ("open", .int(b.open)), ("overdue", .int(b.overdue)), ("reported", .int(b.reported)),
                             ("closed", .int(b.closed)), ("closed_late", .int(b.closedLate)), ("repeat", .int(b.repeats))])
                })),
            ])))
        }
        return out
    }

    func addAccountability(_ doc: inout Document, _ ctx: RenderContext) {
        if let q = accountability.quality {
            doc.section(ctx.t("检查质量", "Inspection quality"))
            doc.facts(q.findingsLines(ctx) + [ctx.t("明细见 svcaudit inspectors", "Details: svcaudit inspectors")])
        }
        if let events = accountability.events {
            doc.section(ctx.t("表扬与投诉", "Praise and complaints"))
            let verified = events.filter(\.verified)
            let complaints = verified.filter { $0.kind == .complaint }.count
            let praise = verified.filter { $0.kind == .praise }.count
            doc.fact(ctx.t("本期登记 \(events.count) 件：查实投诉 \(complaints) 件，查实表扬 \(praise) 件，未查实 \(events.count - verified.count) 件（不计入评选）",
                           "\(events.count) recorded: \(complaints) verified complaint\(complaints == 1 ? "" : "s"), \(praise) verified praise, \(events.count - verified.count) not verified (not counted)"))
            if !events.isEmpty {
                doc.table(Self.eventsTable(events, ctx, branchName: branchName))
            }
        }
        if let r = accountability.rectification {
            doc.section(ctx.t("整改情况", "Rectification"))
            doc.fact(ctx.t("本期检查发现的问题截至 \(r.asOf)：", "Findings of the period as of \(r.asOf): ") + r.countLine(r.counts, total: r.total, ctx)
                     + ctx.t("；超期整改 \(r.closedLate)，重复 \(r.repeats)", "; \(r.closedLate) closed late, \(r.repeats) repeat\(r.repeats == 1 ? "" : "s")"))
            var t = Table(name: "rectification", title: ctx.t("整改情况", "Rectification"), columns: [
                .init(ctx.t("网点", "Branch"), .id), .init(ctx.t("名称", "Name"), .name), .init(ctx.t("问题数", "Findings"), .number(.count)),
                .init(ctx.t("已整改", "Closed"), .number(.count)), .init(ctx.t("超期整改", "Closed late"), .number(.count)),
                .init(ctx.t("整改已报", "Reported"), .number(.count)), .init(ctx.t("未整改", "Open"), .number(.count)),
                .init(ctx.t("逾期", "Overdue"), .number(.count)), .init(ctx.t("重复", "Repeat"), .number(.count)),
            ])
            for b in r.branches {
                t.add([.text(b.branch), .text(b.name), .int(b.findings), .int(b.closed), .int(b.closedLate), .int(b.reported), .int(b.open),
                       .int(b.overdue), .int(b.repeats)], tone: b.overdue > 0 ? .bad : nil)
            }
            doc.table(t)
            doc.facts(r.ruleLines(ctx) + [ctx.t("逐项清单见 svcaudit rectify", "Finding by finding: svcaudit rectify")])
        }
    }

    /// 表扬与投诉 as a table (the report's and the history's).
    static func eventsTable(_ events: [Event], _ ctx: RenderContext, branchName: (String) -> String?) -> Table {
        var t = Table(name: "events", title: ctx.t("表扬与投诉", "Events"), columns: [
            .init(ctx.t("日期", "Date"), .date), .init(ctx.t("网点", "Branch"), .id), .init(ctx.t("网点名称", "Branch name"), .name),
            .init(ctx.t("员工", "Employee"), .id), .init(ctx.t("类型", "Type"), .status), .init(ctx.t("是否查实", "Verified"), .status),
            .init(ctx.t("条目", "Item"), .id), .init(ctx.t("说明", "Note"), .text), .init(ctx.t("编号", "ID"), .id),
        ])
        for e in events {
            t.add([.date(e.date), .text(e.branch), .opt(branchName(e.branch)), .text(e.staff ?? ctx.t("（网点）", "(branch)")),
                   .text(e.kind == .complaint ? ctx.t("投诉", "complaint") : ctx.t("表扬", "praise")),
                   .text(e.verified ? ctx.t("已查实", "verified") : ctx.t("未查实", "not verified")), .opt(e.item), .opt(e.note), .text(e.id)],
                  tone: !e.verified ? .muted : (e.kind == .complaint ? .bad : .good))
        }
        return t
    }
}

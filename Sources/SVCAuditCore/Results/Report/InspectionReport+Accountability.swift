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

    func addAccountability(_ doc: inout ReportDocument, _ ctx: RenderContext) {
        if let q = accountability.quality {
            doc.section(ctx.t("检查质量", "Inspection quality"), ctx.lang)
            doc.lines(q.findingsLines(ctx) + [ctx.t("明细见 svcaudit inspectors", "Details: svcaudit inspectors")])
        }
        if let events = accountability.events {
            doc.section(ctx.t("表扬与投诉", "Praise and complaints"), ctx.lang)
            let verified = events.filter(\.verified)
            let complaints = verified.filter { $0.kind == .complaint }.count
            let praise = verified.filter { $0.kind == .praise }.count
            doc.line(ctx.t("本期登记 \(events.count) 件：查实投诉 \(complaints) 件，查实表扬 \(praise) 件，未查实 \(events.count - verified.count) 件（不计入评选）",
                           "\(events.count) recorded: \(complaints) verified complaint\(complaints == 1 ? "" : "s"), \(praise) verified praise, \(events.count - verified.count) not verified (not counted)"))
            if !events.isEmpty {
                let rows = events.map { e -> [String] in
                    [e.date.description, "\(e.branch) \(branchName(e.branch))", e.staff ?? ctx.t("（网点）", "(branch)"),
                     e.kind == .complaint ? ctx.t("投诉", "complaint") : ctx.t("表扬", "praise"),
                     e.verified ? ctx.t("已查实", "verified") : ctx.t("未查实", "not verified"), e.item ?? "", e.note ?? "", e.id]
                }
                doc.table(.init(headers: [ctx.t("日期", "Date"), ctx.t("网点", "Branch"), ctx.t("员工", "Employee"), ctx.t("类型", "Type"),
                                          ctx.t("是否查实", "Verified"), ctx.t("条目", "Item"), ctx.t("说明", "Note"), ctx.t("编号", "ID")],
                                rows: rows,
                                rowClasses: events.map { !$0.verified ? "muted" : ($0.kind == .complaint ? "bad" : "good") },
                                maxWidth: [6: 40], nowrap: [0, 2, 3, 4, 5, 7]))
            }
        }
        if let r = accountability.rectification {
            doc.section(ctx.t("整改情况", "Rectification"), ctx.lang)
            doc.line(ctx.t("本期检查发现的问题截至 \(r.asOf)：", "Findings of the period as of \(r.asOf): ") + r.countLine(r.counts, total: r.total, ctx)
                     + ctx.t("；超期整改 \(r.closedLate)，重复 \(r.repeats)", "; \(r.closedLate) closed late, \(r.repeats) repeat\(r.repeats == 1 ? "" : "s")"))
            let rows = r.branches.map { b in
                [b.branch, b.name, String(b.findings), String(b.closed), String(b.closedLate), String(b.reported), String(b.open),
                 String(b.overdue), String(b.repeats)]
            }
            doc.table(.init(headers: [ctx.t("网点", "Branch"), ctx.t("名称", "Name"), ctx.t("问题数", "Findings"), ctx.t("已整改", "Closed"),
                                      ctx.t("超期整改", "Closed late"), ctx.t("整改已报", "Reported"), ctx.t("未整改", "Open"),
                                      ctx.t("逾期", "Overdue"), ctx.t("重复", "Repeat")],
                            rows: rows, alignRight: [2, 3, 4, 5, 6, 7, 8],
                            rowClasses: r.branches.map { $0.overdue > 0 ? "bad" : nil }, nowrap: [0, 1]))
            doc.lines(r.ruleLines(ctx) + [ctx.t("逐项清单见 svcaudit rectify", "Finding by finding: svcaudit rectify")])
        }
    }
}

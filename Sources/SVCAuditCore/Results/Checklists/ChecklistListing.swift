/// `svcaudit checklists list`: what is loaded.
public struct ChecklistListing: Report {
    public var catalog: ChecklistCatalog
    public var directory: String?

    public init(catalog: ChecklistCatalog, directory: String?) {
        self.catalog = catalog
        self.directory = directory
    }

    /// Every version of every checklist: by id, each id's versions earliest first
    /// (SPEC §1.1 "Versions over time").
    var listed: [Checklist] { catalog.allVersions }

    static func maxPoints(_ c: Checklist) -> Double {
        c.items.filter { $0.type != .bonus }.reduce(0) { $0 + $1.points }
    }

    static func bonusPoints(_ c: Checklist) -> Double {
        c.items.filter { $0.type == .bonus }.reduce(0) { $0 + $1.points }
    }

    public func json() -> JSONValue {
        let total = catalog.checklists.reduce(0) { $0 + $1.weight }
        return .object([
            ("directory", .opt(directory)),
            ("checklists", .array(listed.map { c in
                .object([
                    ("id", .string(c.id)), ("title", .string(c.title)), ("title_en", .opt(c.titleEN)),
                    ("version", .opt(c.version)),
                    ("effective_from", .opt(c.effectiveFrom?.description)), ("effective_to", .opt(c.effectiveTo?.description)),
                    ("scope", .string(c.scope.rawValue)),
                    ("roles", c.roles.map { .array($0.map { .string($0) }) } ?? .null),
                    ("weight", .number(c.weight)), ("weight_share", .number(total > 0 ? 100 * c.weight / total : 0)),
                    ("items", .int(c.items.count)), ("points", .number(Self.maxPoints(c))),
                    ("bonus_points", .number(Self.bonusPoints(c))),
                    ("veto_items", .array(c.items.filter(\.veto).map { .string($0.id) })),
                    ("file", .string(c.file)),
                ])
            })),
        ])
    }

    public func document(_ ctx: RenderContext) -> Document {
        let total = catalog.checklists.reduce(0) { $0 + $1.weight }
        var doc = Document(title: ctx.t("检查表", "Checklists"), lang: ctx.lang)
        if let directory { doc.fact(ctx.t("目录：", "Directory: ") + directory) }
        var t = Table(name: "checklists", title: ctx.t("检查表", "Checklists"), columns: [
            .init(ctx.t("编号", "ID"), .id), .init(ctx.t("名称", "Title"), .name), .init(ctx.t("范围", "Scope"), .status),
            .init(ctx.t("适用岗位", "Roles"), .text), .init(ctx.t("权重", "Weight"), .number(.plain)), .init(ctx.t("占比", "Share"), .percent),
            .init(ctx.t("条目", "Items"), .number(.count)), .init(ctx.t("满分", "Points"), .number(.plain)),
            .init(ctx.t("加分上限", "Bonus"), .number(.plain)), .init(ctx.t("否决项", "Veto"), .text), .init(ctx.t("版本", "Version"), .id),
            .init(ctx.t("生效期", "In force"), .text),
        ], main: true)
        for c in listed {
            t.add([.text(c.id), .text(c.title(ctx.lang)), .text(c.scope == .staff ? ctx.t("员工", "staff") : ctx.t("网点", "branch")),
                   .text(c.roles.map { $0.map { Fmt.role($0, ctx) }.joined(separator: " ") } ?? ctx.t("全部", "all")),
                   .number(c.weight), .number(total > 0 ? 100 * c.weight / total : 0), .int(c.items.count),
                   .number(Self.maxPoints(c)), .number(Self.bonusPoints(c)),
                   .text(c.items.filter(\.veto).map(\.id).joined(separator: " ")), .opt(c.version), .text(c.interval(ctx.lang))])
        }
        doc.table(t)
        return doc
    }
}

/// `svcaudit checklists show ID`: one checklist item by item.
public struct ChecklistDetail: Report {
    public var checklist: Checklist
    /// Every loaded version of the checklist, earliest first (SPEC §1.1 "Versions over time").
    public var versions: [Checklist]

    public init(checklist: Checklist, versions: [Checklist] = []) {
        self.checklist = checklist
        self.versions = versions
    }

    /// 版本 2026.2，2026-09-01 起生效；其他版本：2026.1（至 2026-08-31）
    func versionLine(_ ctx: RenderContext) -> String {
        let c = checklist
        let others = versions.filter { $0.file != c.file }
        var line = ctx.t("版本 \(c.versionLabel(.zh))，生效期 \(c.interval(.zh))", "Version \(c.versionLabel(.en)), in force \(c.interval(.en))")
        if !others.isEmpty {
            line += ctx.t("；其他版本：", "; other versions: ") + others.map { $0.versionWithInterval(ctx.lang) }.joined(separator: ctx.t("、", ", "))
        }
        return line
    }

    static func typeLabel(_ i: ChecklistItem, _ ctx: RenderContext) -> String {
        switch i.type {
        case .check: return ctx.t("是否", "check")
        case .scale: return ctx.t("评分", "scale")
        case .deduct: return ctx.t("扣分", "deduct") + " " + ctx.t("每次", "per ") + Fmt.num(i.per ?? 0)
        case .bonus: return ctx.t("加分", "bonus") + " " + ctx.t("每次", "per ") + Fmt.num(i.per ?? 0)
        }
    }

    public func json() -> JSONValue {
        let c = checklist
        return .object([
            ("id", .string(c.id)), ("title", .string(c.title)), ("title_en", .opt(c.titleEN)),
            ("version", .opt(c.version)),
            ("effective_from", .opt(c.effectiveFrom?.description)), ("effective_to", .opt(c.effectiveTo?.description)),
            ("versions", .array(versions.map { v in
                .object([("version", .opt(v.version)), ("effective_from", .opt(v.effectiveFrom?.description)),
                         ("effective_to", .opt(v.effectiveTo?.description)), ("file", .string(v.file))])
            })),
            ("scope", .string(c.scope.rawValue)),
            ("roles", c.roles.map { .array($0.map { .string($0) }) } ?? .null),
            ("weight", .number(c.weight)), ("points", .number(ChecklistListing.maxPoints(c))),
            ("bonus_points", .number(ChecklistListing.bonusPoints(c))),
            ("items", .array(c.items.map { i in
                .object([
                    ("id", .string(i.id)), ("text", .string(i.text)), ("text_en", .opt(i.textEN)),
                    ("section", .opt(i.section)), ("type", .string(i.type.rawValue)), ("points", .number(i.points)),
                    ("per", .opt(i.per)), ("veto", .bool(i.veto)),
                    ("roles", i.roles.map { .array($0.map { .string($0) }) } ?? .null),
                    ("guidance", .opt(i.guidance)), ("source", .opt(i.source)),
                ])
            })),
        ])
    }

    public func document(_ ctx: RenderContext) -> Document {
        let c = checklist
        var doc = Document(title: "\(c.id) \(c.title(ctx.lang))", lang: ctx.lang)
        doc.fact(ctx.t(
            "范围 \(c.scope == .staff ? "员工" : "网点")；适用岗位 \(c.roles.map { $0.map { Fmt.role($0, ctx) }.joined(separator: "、") } ?? "全部")；权重 \(Fmt.num(c.weight))；满分 \(Fmt.num(ChecklistListing.maxPoints(c)))；加分上限 \(Fmt.num(ChecklistListing.bonusPoints(c)))；条目 \(c.items.count)；版本 \(c.version ?? "—")",
            "scope \(c.scope.rawValue); roles \(c.roles.map { $0.map { Fmt.role($0, ctx) }.joined(separator: ", ") } ?? "all"); weight \(Fmt.num(c.weight)); max points \(Fmt.num(ChecklistListing.maxPoints(c))); bonus up to \(Fmt.num(ChecklistListing.bonusPoints(c))); \(c.items.count) items; version \(c.version ?? "—")"))
        doc.fact(versionLine(ctx))
        var t = Table(name: "items", title: c.id, columns: [
            .init(ctx.t("编号", "ID"), .id), .init(ctx.t("分组", "Section"), .name), .init(ctx.t("内容", "Item"), .text),
            .init(ctx.t("类型", "Type"), .status), .init(ctx.t("分值", "Points"), .number(.plain)), .init(ctx.t("否决", "Veto"), .status),
            .init(ctx.t("适用岗位", "Roles"), .text), .init(ctx.t("依据", "Source"), .text),
        ], main: true)
        for i in c.items {
            t.add([.text(i.id), .opt(i.section), .text(i.text(ctx.lang)), .text(Self.typeLabel(i, ctx)), .number(i.points),
                   .text(i.veto ? ctx.t("是", "yes") : ""), .text(i.roles.map { $0.map { Fmt.role($0, ctx) }.joined(separator: " ") } ?? ""),
                   .opt(i.source)])
        }
        doc.table(t)
        return doc
    }
}

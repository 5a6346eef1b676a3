/// `svcaudit checklists list`: what is loaded.
public struct ChecklistListing: Report {
    public var catalog: ChecklistCatalog
    public var directory: String?

    public init(catalog: ChecklistCatalog, directory: String?) {
        self.catalog = catalog
        self.directory = directory
    }

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
            ("checklists", .array(catalog.checklists.map { c in
                .object([
                    ("id", .string(c.id)), ("title", .string(c.title)), ("title_en", .opt(c.titleEN)),
                    ("version", .opt(c.version)), ("scope", .string(c.scope.rawValue)),
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

    public func render(_ format: OutputFormat, _ ctx: RenderContext) -> String {
        let total = catalog.checklists.reduce(0) { $0 + $1.weight }
        let headers = [ctx.t("编号", "ID"), ctx.t("名称", "Title"), ctx.t("范围", "Scope"), ctx.t("适用岗位", "Roles"),
                       ctx.t("权重", "Weight"), ctx.t("占比", "Share"), ctx.t("条目", "Items"), ctx.t("满分", "Points"),
                       ctx.t("加分上限", "Bonus"), ctx.t("否决项", "Veto"), ctx.t("版本", "Version")]
        let rows: [[String]] = catalog.checklists.map { c in
            [c.id, c.title(ctx.lang), c.scope == .staff ? ctx.t("员工", "staff") : ctx.t("网点", "branch"),
             c.roles.map { $0.map { Fmt.role($0, ctx) }.joined(separator: " ") } ?? ctx.t("全部", "all"),
             Fmt.num(c.weight), Num.percent(total > 0 ? 100 * c.weight / total : 0), String(c.items.count),
             Fmt.num(Self.maxPoints(c)), Fmt.num(Self.bonusPoints(c)),
             c.items.filter(\.veto).map(\.id).joined(separator: " "), c.version ?? ""]
        }
        let right: Set<Int> = [4, 5, 6, 7, 8]
        switch format {
        case .json: return json().render()
        case .csv: return CSVDocument(header: headers, rows: rows).render(bom: ctx.bom)
        case .markdown: return MarkdownTable(headers: headers, rows: rows, alignRight: right).render()
        case .html:
            var doc = HTMLDocument(title: ctx.t("检查表", "Checklists"), lang: ctx.lang.rawValue)
            doc.heading(ctx.t("检查表", "Checklists"), level: 1)
            doc.table(headers: headers, rows: rows, alignRight: right)
            return doc.render()
        case .table:
            let cols = headers.enumerated().map { TextTable.Column(header: $1, align: right.contains($0) ? .right : .left) }
            return TextTable(columns: cols, rows: rows).render(color: ctx.color)
        }
    }
}

/// `svcaudit checklists show ID`: one checklist item by item.
public struct ChecklistDetail: Report {
    public var checklist: Checklist

    public init(checklist: Checklist) { self.checklist = checklist }

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
            ("version", .opt(c.version)), ("scope", .string(c.scope.rawValue)),
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

    public func render(_ format: OutputFormat, _ ctx: RenderContext) -> String {
        let c = checklist
        let headers = [ctx.t("编号", "ID"), ctx.t("分组", "Section"), ctx.t("内容", "Item"), ctx.t("类型", "Type"),
                       ctx.t("分值", "Points"), ctx.t("否决", "Veto"), ctx.t("适用岗位", "Roles"), ctx.t("依据", "Source")]
        let rows: [[String]] = c.items.map { i in
            [i.id, i.section ?? "", i.text(ctx.lang), Self.typeLabel(i, ctx), Fmt.num(i.points),
             i.veto ? ctx.t("是", "yes") : "", i.roles.map { $0.map { Fmt.role($0, ctx) }.joined(separator: " ") } ?? "",
             i.source ?? ""]
        }
        let title = "\(c.id) \(c.title(ctx.lang))"
        let facts = ctx.t(
            "范围 \(c.scope == .staff ? "员工" : "网点")；适用岗位 \(c.roles.map { $0.map { Fmt.role($0, ctx) }.joined(separator: "、") } ?? "全部")；权重 \(Fmt.num(c.weight))；满分 \(Fmt.num(ChecklistListing.maxPoints(c)))；加分上限 \(Fmt.num(ChecklistListing.bonusPoints(c)))；条目 \(c.items.count)；版本 \(c.version ?? "—")",
            "scope \(c.scope.rawValue); roles \(c.roles?.joined(separator: ", ") ?? "all"); weight \(Fmt.num(c.weight)); max points \(Fmt.num(ChecklistListing.maxPoints(c))); bonus up to \(Fmt.num(ChecklistListing.bonusPoints(c))); \(c.items.count) items; version \(c.version ?? "—")")
        switch format {
        case .json: return json().render()
        case .csv: return CSVDocument(header: headers, rows: rows).render(bom: ctx.bom)
        case .markdown:
            return "# \(Markdown.escape(title))\n\n\(Markdown.escape(facts))\n\n" + MarkdownTable(headers: headers, rows: rows, alignRight: [4]).render()
        case .html:
            var doc = HTMLDocument(title: title, lang: ctx.lang.rawValue)
            doc.heading(title, level: 1)
            doc.paragraph(facts)
            doc.table(headers: headers, rows: rows, alignRight: [4])
            return doc.render()
        case .table:
            let cols = headers.enumerated().map { TextTable.Column(header: $1, align: $0 == 4 ? .right : .left, maxWidth: $0 == 2 ? 44 : nil) }
            return ANSI.bold(title, enabled: ctx.color) + "\n" + facts + "\n\n" + TextTable(columns: cols, rows: rows).render(color: ctx.color)
        }
    }
}

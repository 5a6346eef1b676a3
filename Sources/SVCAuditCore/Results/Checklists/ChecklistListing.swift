/// The words for an item type (SPEC §1.1 `type`), the same wherever an item is described.
public enum ItemTypeWords {
    /// 合格/不合格, 评分, 扣分, 加分 (pass/fail, scale, deduction, bonus).
    public static func word(_ k: ChecklistItem.Kind, _ lang: Language) -> String {
        switch (k, lang) {
        case (.check, .zh): return "合格/不合格"
        case (.scale, .zh): return "评分"
        case (.deduct, .zh): return "扣分"
        case (.bonus, .zh): return "加分"
        case (.check, .en): return "pass/fail"
        case (.scale, .en): return "scale"
        case (.deduct, .en): return "deduction"
        case (.bonus, .en): return "bonus"
        }
    }

    /// The type with its points: "扣分，每次扣 5 分，最多扣 10 分".
    public static func described(_ i: ChecklistItem, _ lang: Language) -> String {
        let w = word(i.type, lang), p = Fmt.num(i.points), per = Fmt.num(i.per ?? 0)
        switch (i.type, lang) {
        case (.check, .zh): return w + "，\(p) 分"
        case (.check, .en): return w + ", \(p) points"
        case (.scale, .zh): return w + "，0–\(p) 分"
        case (.scale, .en): return w + ", 0–\(p) points"
        case (.deduct, .zh): return w + "，每次扣 \(per) 分，最多扣 \(p) 分"
        case (.deduct, .en): return w + ", \(per) off per occurrence, at most \(p)"
        case (.bonus, .zh): return w + "，每次加 \(per) 分，最多加 \(p) 分（不计入满分）"
        case (.bonus, .en): return w + ", \(per) per occurrence, at most \(p) (not part of the maximum)"
        }
    }
}

/// Per-role maxima of one checklist, as every output of `checklists` shows them.
enum MaximaText {
    /// The role columns of the listing: the roles of roles.yaml in file order, then any other
    /// role a checklist names; empty when no role is known anywhere.
    static func roles(_ catalog: ChecklistCatalog) -> [String] {
        var ids = catalog.roles.roles.map(\.id)
        for c in catalog.checklists where c.scope == .staff {
            for r in (c.roles ?? []) + c.items.flatMap({ $0.roles ?? [] }) where !ids.contains(r) { ids.append(r) }
        }
        return ids
    }

    /// The maxima of a staff checklist for the roles it applies to (one figure without roles).
    static func maxima(_ c: Checklist, _ catalog: ChecklistCatalog) -> [Checklist.Maximum] {
        c.maxima(otherRoles: roles(catalog))
    }

    /// "柜员 100，客户经理 96，大堂经理 60", or "100" when every role has the same maximum.
    static func points(_ ms: [Checklist.Maximum], _ ctx: RenderContext) -> String {
        join(ms, \.points, ctx) ?? "0"
    }

    /// The bonus caps in the same words; nil when no bonus item applies to anyone.
    static func bonus(_ ms: [Checklist.Maximum], _ ctx: RenderContext) -> String? {
        ms.allSatisfy({ $0.bonus == 0 }) ? nil : join(ms, \.bonus, ctx)
    }

    private static func join(_ ms: [Checklist.Maximum], _ key: KeyPath<Checklist.Maximum, Double>, _ ctx: RenderContext) -> String? {
        guard let first = ms.first else { return nil }
        if ms.allSatisfy({ $0[keyPath: key] == first[keyPath: key] }) || ms.count == 1 { return Fmt.num(first[keyPath: key]) }
        return ms.map { m in (m.role.map { Fmt.role($0, ctx) + " " } ?? "") + Fmt.num(m[keyPath: key]) }.joined(separator: ctx.t("，", ", "))
    }

    static func json(_ ms: [Checklist.Maximum], _ catalog: ChecklistCatalog) -> JSONValue {
        .array(ms.map { m in
            .object([("role", .opt(m.role)), ("role_name", .opt(m.role.map { catalog.roles.name($0, .zh) })),
                     ("points", .number(m.points)), ("bonus", .number(m.bonus))])
        })
    }

    static let explanation = (
        zh: "满分只计适用于该岗位的条目：合格/不合格、评分项按分值计入；扣分项未扣分时得满分，按分值计入；加分项不计入满分，上限另列。",
        en: "A maximum counts only the items that apply to the role: pass/fail and scale items at their points; deduction items at their points (earned in full when nothing is deducted); bonus items are not part of the maximum and their cap is shown apart.")
    static let dash = (zh: "“—”为该岗位不适用本表。", en: " \"—\": the checklist does not apply to the role.")
}

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

    public func json() -> JSONValue {
        let total = catalog.checklists.reduce(0) { $0 + $1.weight }
        return .object([
            ("directory", .opt(directory)),
            ("checklists", .array(listed.map { c in
                let ms = MaximaText.maxima(c, catalog)
                let roles: JSONValue = c.roles.map { .array($0.map { .string($0) }) } ?? .null
                let share: Double = total > 0 ? 100 * c.weight / total : 0
                let vetoes: [JSONValue] = c.items.filter(\.veto).map { .string($0.id) }
                var fields: [(String, JSONValue)] = [
                    ("id", .string(c.id)), ("title", .string(c.title)), ("title_en", .opt(c.titleEN)),
                    ("version", .opt(c.version)),
                    ("effective_from", .opt(c.effectiveFrom?.description)), ("effective_to", .opt(c.effectiveTo?.description)),
                    ("scope", .string(c.scope.rawValue)), ("roles", roles),
                    ("weight", .number(c.weight)), ("weight_share", .number(share)), ("items", .int(c.items.count)),
                ]
                // The highest maximum any subject can reach; `maxima` has it role by role.
                fields += [("points", .number(ms.map(\.points).max() ?? 0)), ("bonus_points", .number(ms.map(\.bonus).max() ?? 0)),
                           ("maxima", MaximaText.json(ms, catalog)), ("veto_items", .array(vetoes)), ("file", .string(c.file))]
                return .object(fields)
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
            .init(ctx.t("条目", "Items"), .number(.count)), .init(ctx.t("否决项", "Veto"), .text), .init(ctx.t("版本", "Version"), .id),
            .init(ctx.t("生效期", "In force"), .text),
        ], main: true)
        for c in listed {
            t.add([.text(c.id), .text(c.title(ctx.lang)), .text(c.scope == .staff ? ctx.t("员工", "staff") : ctx.t("网点", "branch")),
                   .text(c.roles.map { $0.map { Fmt.role($0, ctx) }.joined(separator: " ") } ?? ctx.t("全部", "all")),
                   .number(c.weight), .number(total > 0 ? 100 * c.weight / total : 0), .int(c.items.count),
                   .text(c.items.filter(\.veto).map(\.id).joined(separator: " ")), .opt(c.version), .text(c.interval(ctx.lang))])
        }
        doc.table(t)
        doc.heading(ctx.t("各岗位满分", "Maximum by role"), level: 3)
        doc.fact(ctx.t(MaximaText.explanation.zh + MaximaText.dash.zh, MaximaText.explanation.en + MaximaText.dash.en))
        doc.table(maximaTable(ctx))
        return doc
    }

    /// One row per checklist version (a revision can change what a role can earn), one column
    /// per role (and 网点 for branch checklists), then the bonus caps apart.
    func maximaTable(_ ctx: RenderContext) -> Table {
        let roles = MaximaText.roles(catalog)
        let anyBranch = catalog.checklists.contains { $0.scope == .branch }
        let anyStaff = catalog.checklists.contains { $0.scope == .staff }
        // Without any role known, staff checklists have one column: 员工.
        let staffColumns: [String?] = roles.isEmpty ? (anyStaff ? [nil] : []) : roles
        var t = Table(name: "maxima", title: ctx.t("各岗位满分", "Maximum by role"),
                      columns: [.init(ctx.t("编号", "ID"), .id), .init(ctx.t("名称", "Title"), .name),
                                .init(ctx.t("版本", "Version"), .id)]
                        + staffColumns.map { .init($0.map { Fmt.role($0, ctx) } ?? ctx.t("员工", "Staff"), .number(.plain)) }
                        + (anyBranch ? [.init(ctx.t("网点", "Branch"), .number(.plain))] : [])
                        + [.init(ctx.t("加分上限", "Bonus cap"), .text)])
        for c in listed {
            let ms = MaximaText.maxima(c, catalog)
            var cells: [Cell] = [.text(c.id), .text(c.title(ctx.lang)), .opt(c.version)]
            for r in staffColumns {
                guard c.scope == .staff else { cells.append(.number(nil)); continue }
                let m = r == nil ? ms.first : ms.first { $0.role == r }
                cells.append(.number(m?.points))
            }
            if anyBranch { cells.append(.number(c.scope == .branch ? ms.first?.points : nil)) }
            cells.append(.opt(MaximaText.bonus(ms, ctx)))
            t.add(cells)
        }
        return t
    }
}

/// `svcaudit checklists show ID`: one checklist item by item.
public struct ChecklistDetail: Report {
    public var checklist: Checklist
    /// Every loaded version of the checklist, earliest first (SPEC §1.1 "Versions over time").
    public var versions: [Checklist]
    /// The loaded catalog: its roles name the maxima of a checklist without `roles`.
    public var catalog: ChecklistCatalog

    public init(checklist: Checklist, versions: [Checklist] = [], catalog: ChecklistCatalog? = nil) {
        self.checklist = checklist
        self.versions = versions
        self.catalog = catalog ?? ChecklistCatalog([checklist])
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

    /// The type as explain's table shows it (short): 合格/不合格, 评分, 扣分 每次 5.
    static func typeLabel(_ i: ChecklistItem, _ ctx: RenderContext) -> String {
        let w = ItemTypeWords.word(i.type, ctx.lang)
        switch i.type {
        case .check, .scale: return w
        case .deduct, .bonus: return w + " " + ctx.t("每次", "per ") + Fmt.num(i.per ?? 0)
        }
    }

    var maxima: [Checklist.Maximum] { MaximaText.maxima(checklist, catalog) }

    /// The roles an item applies to: its own, else the checklist's, else every role.
    func roles(of i: ChecklistItem) -> [String]? { i.roles ?? checklist.roles }

    public func json() -> JSONValue {
        let c = checklist, ms = maxima
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
            ("weight", .number(c.weight)), ("points", .number(ms.map(\.points).max() ?? 0)),
            ("bonus_points", .number(ms.map(\.bonus).max() ?? 0)),
            ("maxima", MaximaText.json(ms, catalog)),
            ("items", .array(c.items.map(Self.json))),
        ])
    }

    static func json(_ i: ChecklistItem) -> JSONValue {
        let roles: JSONValue = i.roles.map { .array($0.map { .string($0) }) } ?? .null
        var fields: [(String, JSONValue)] = [
            ("id", .string(i.id)), ("text", .string(i.text)), ("text_en", .opt(i.textEN)),
            ("section", .opt(i.section)), ("type", .string(i.type.rawValue)), ("points", .number(i.points)),
        ]
        fields += [("per", .opt(i.per)), ("finding_below", .opt(i.findingBelow)), ("veto", .bool(i.veto)),
                   ("breach", .opt(i.breach)), ("roles", roles)]
        fields += [("basis", .opt(i.basis)), ("guidance", .opt(i.guidance)), ("source", .opt(i.source))]
        return .object(fields)
    }

    public func document(_ ctx: RenderContext) -> Document {
        let c = checklist
        var doc = Document(title: "\(c.id) \(c.title(ctx.lang))", lang: ctx.lang)
        let roleList = c.roles.map { $0.map { Fmt.role($0, ctx) }.joined(separator: ctx.t("、", ", ")) } ?? ctx.t("全部", "all")
        let staff = c.scope == .staff
        var facts = [ctx.t(
            "范围 \(staff ? "员工；适用岗位 " + roleList : "网点（每次检查评一次）")；权重 \(Fmt.num(c.weight))；条目 \(c.items.count)；版本 \(c.version ?? "—")",
            "scope \(staff ? "staff; roles " + roleList : "branch (once per visit)"); weight \(Fmt.num(c.weight)); \(c.items.count) items; version \(c.version ?? "—")")]
        let ms = maxima
        facts.append(ctx.t("满分：", "Maximum: ") + MaximaText.points(ms, ctx))
        if let b = MaximaText.bonus(ms, ctx) { facts.append(ctx.t("加分上限（不计入满分）：", "Bonus cap (not part of the maximum): ") + b) }
        if staff { facts.append(ctx.t(MaximaText.explanation.zh, MaximaText.explanation.en)) }
        facts.append(versionLine(ctx))
        doc.facts(facts)

        // Screen and print: item by item in file order, every text whole. When each section
        // is one run of items, the sections are headings; otherwise each item names its own.
        let runs = c.items.indices.filter { $0 == 0 || c.items[$0].section != c.items[$0 - 1].section }.map { c.items[$0].section }
        let headed = Set(runs.map { $0 ?? "" }).count == runs.count && c.items.contains { $0.section != nil }
        var section: String?? = .none
        for i in c.items {
            if headed, section == .none || section! != i.section {
                section = .some(i.section)
                doc.heading(i.section ?? ctx.t("（未分组）", "(no section)"), level: 3)
            }
            doc.entry(entry(i, ctx, section: !headed))
        }
        doc.table(itemsTable(ctx))
        return doc
    }

    func entry(_ i: ChecklistItem, _ ctx: RenderContext, section: Bool) -> Document.Entry {
        var lines: [Document.Fact] = []
        if section, let s = i.section { lines.append(.init(ctx.t("分组", "Section"), s)) }
        lines.append(.init(ctx.t("类型", "Type"), ItemTypeWords.described(i, ctx.lang)))
        if i.type == .scale, let f = i.findingBelow {
            lines.append(.init(ctx.t("整改线", "Finding below"),
                               ctx.t("低于 \(Fmt.num(f)) 分为扣分，须写明原因并列入整改；\(Fmt.num(f)) 分及以上不列整改",
                                     "below \(Fmt.num(f)) is a deduction needing a note and a finding; \(Fmt.num(f)) or more is none")))
        }
        if checklist.scope == .staff {
            lines.append(.init(ctx.t("适用岗位", "Roles"), roles(of: i).map { $0.map { Fmt.role($0, ctx) }.joined(separator: ctx.t("、", ", ")) } ?? ctx.t("全部", "all")))
        }
        if i.veto {
            lines.append(.init(ctx.t("一票否决", "Veto"), ctx.t("是；违反时记为：", "yes; a breach reads: ") + i.breachText(ctx.lang)))
        }
        if let b = i.basis { lines.append(.init(ctx.t("依据", "Basis"), b)) }
        if let g = i.guidance { lines.append(.init(ctx.t("说明", "Guidance"), g)) }
        if let s = i.source { lines.append(.init(ctx.t("出处", "Source"), s)) }
        return Document.Entry(key: i.id, head: i.text(ctx.lang), lines: lines)
    }

    /// Every field of every item: what CSV and xlsx write.
    func itemsTable(_ ctx: RenderContext) -> Table {
        var t = Table(name: "items", title: checklist.id, columns: [
            .init(ctx.t("编号", "ID"), .id), .init(ctx.t("分组", "Section"), .name), .init(ctx.t("内容", "Item"), .text),
            .init(ctx.t("类型", "Type"), .status), .init(ctx.t("分值", "Points"), .number(.plain)),
            .init(ctx.t("每次", "Per"), .number(.plain)), .init(ctx.t("整改线", "Finding below"), .number(.plain)),
            .init(ctx.t("否决", "Veto"), .status), .init(ctx.t("适用岗位", "Roles"), .text),
            .init(ctx.t("依据", "Basis"), .text), .init(ctx.t("说明", "Guidance"), .text), .init(ctx.t("出处", "Source"), .text),
        ], main: true)
        t.medium = .dataOnly
        for i in checklist.items {
            t.add([.text(i.id), .opt(i.section), .text(i.text(ctx.lang)), .text(ItemTypeWords.word(i.type, ctx.lang)), .number(i.points),
                   i.per.map { .number($0) } ?? .empty, i.findingBelow.map { .number($0) } ?? .empty,
                   .text(i.veto ? ctx.t("是", "yes") : ""),
                   .text(roles(of: i).map { $0.map { Fmt.role($0, ctx) }.joined(separator: " ") } ?? ""),
                   .opt(i.basis), .opt(i.guidance), .opt(i.source)])
        }
        return t
    }
}

/// `svcaudit checklists diff ID V1 V2`: what changed between two versions of one checklist
/// (SPEC §1.1 "Versions over time"): the items added, removed and changed — and, for a
/// changed item, which fields and how — with the checklist's own fields that changed.
public struct ChecklistDiff: Report {
    public static let tables = ["items"]

    /// One field that differs: its key as written in the checklist file, both values as text.
    public struct Change: Sendable, Equatable {
        public var field: String
        public var from: String?
        public var to: String?
    }

    public struct ItemChange: Sendable {
        public var id: String
        /// The item in the newer version (`to`) for added and changed items, else in `from`.
        public var item: ChecklistItem
        public var changes: [Change]
    }

    public var from: Checklist
    public var to: Checklist
    /// The checklist's own fields (title, scope, roles, weight, effective dates…).
    public private(set) var checklistChanges: [Change]
    /// In `to`'s item order.
    public private(set) var added: [ChecklistItem]
    /// In `from`'s item order.
    public private(set) var removed: [ChecklistItem]
    /// In `to`'s item order.
    public private(set) var changed: [ItemChange]

    public init(from: Checklist, to: Checklist) {
        self.from = from
        self.to = to
        checklistChanges = Self.changes(Self.fields(from), Self.fields(to))
        let old = Dictionary(from.items.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let new = Set(to.items.map(\.id))
        added = to.items.filter { old[$0.id] == nil }
        removed = from.items.filter { !new.contains($0.id) }
        changed = to.items.compactMap { item in
            guard let before = old[item.id] else { return nil }
            let c = Self.changes(Self.fields(before), Self.fields(item))
            return c.isEmpty ? nil : ItemChange(id: item.id, item: item, changes: c)
        }
    }

    public var isEmpty: Bool { checklistChanges.isEmpty && added.isEmpty && removed.isEmpty && changed.isEmpty }

    // MARK: fields compared, as text (keys as in the checklist file)

    static func list(_ l: [String]?) -> String? { l.map { $0.joined(separator: ", ") } }

    static func fields(_ c: Checklist) -> [(String, String?)] {
        [("title", c.title), ("title_en", c.titleEN), ("scope", c.scope.rawValue), ("roles", list(c.roles)),
         ("weight", Fmt.num(c.weight)), ("assessed_by_default", c.assessedByDefault ? nil : "false"),
         ("effective_from", c.effectiveFrom?.description), ("effective_to", c.effectiveTo?.description)]
    }

    static func fields(_ i: ChecklistItem) -> [(String, String?)] {
        [("text", i.text), ("text_en", i.textEN), ("section", i.section), ("type", i.type.rawValue),
         ("points", Fmt.num(i.points)), ("per", i.per.map(Fmt.num)), ("finding_below", i.findingBelow.map(Fmt.num)),
         ("veto", i.veto ? "true" : nil), ("breach", i.breach), ("breach_en", i.breachEN), ("roles", list(i.roles)),
         ("guidance", i.guidance), ("basis", i.basis), ("source", i.source)]
    }

    static func changes(_ a: [(String, String?)], _ b: [(String, String?)]) -> [Change] {
        zip(a, b).compactMap { x, y in x.1 == y.1 ? nil : Change(field: x.0, from: x.1, to: y.1) }
    }

    // MARK: JSON

    static func versionJSON(_ c: Checklist) -> JSONValue {
        .object([("version", .opt(c.version)), ("effective_from", .opt(c.effectiveFrom?.description)),
                 ("effective_to", .opt(c.effectiveTo?.description)), ("file", .string(c.file))])
    }

    static func changesJSON(_ list: [Change]) -> JSONValue {
        .array(list.map { .object([("field", .string($0.field)), ("from", .opt($0.from)), ("to", .opt($0.to))]) })
    }

    static func itemJSON(_ i: ChecklistItem) -> JSONValue {
        .object([("id", .string(i.id)), ("text", .string(i.text)), ("section", .opt(i.section)),
                 ("type", .string(i.type.rawValue)), ("points", .number(i.points)),
                 ("roles", i.roles.map { .array($0.map { .string($0) }) } ?? .null)])
    }

    public func json() -> JSONValue {
        .object([
            ("checklist", .string(to.id)), ("from", Self.versionJSON(from)), ("to", Self.versionJSON(to)),
            ("checklist_changes", Self.changesJSON(checklistChanges)),
            ("added", .array(added.map(Self.itemJSON))),
            ("removed", .array(removed.map(Self.itemJSON))),
            ("changed", .array(changed.map { .object([("id", .string($0.id)), ("text", .string($0.item.text)),
                                                      ("changes", Self.changesJSON($0.changes))]) })),
        ])
    }

    // MARK: Document

    static func fieldName(_ field: String, _ ctx: RenderContext) -> String {
        let zh: [String: String] = [
            "title": "名称", "title_en": "英文名称", "scope": "范围", "roles": "适用岗位", "weight": "权重",
            "assessed_by_default": "默认检查", "effective_from": "生效日期", "effective_to": "失效日期",
            "text": "内容", "text_en": "英文内容", "section": "分组", "type": "类型", "points": "分值", "per": "每次分值",
            "finding_below": "整改线", "veto": "否决项", "breach": "违反表述", "breach_en": "英文违反表述",
            "guidance": "检查说明", "basis": "依据", "source": "出处",
        ]
        return ctx.lang == .zh ? (zh[field] ?? field) : field
    }

    static func describe(_ c: Change, _ ctx: RenderContext) -> String {
        let none = ctx.t("（无）", "(none)")
        return ctx.t("\(fieldName(c.field, ctx))：\(c.from ?? none) → \(c.to ?? none)",
                     "\(c.field): \(c.from ?? none) → \(c.to ?? none)")
    }

    public func document(_ ctx: RenderContext) -> Document {
        let a = from.versionLabel(ctx.lang), b = to.versionLabel(ctx.lang)
        var doc = Document(title: ctx.t("检查表 \(to.id) 版本比较：\(a) → \(b)", "Checklist \(to.id): changes from \(a) to \(b)"), lang: ctx.lang)
        doc.facts([
            ctx.t("\(a)：\(from.interval(.zh))（\(from.file)）", "\(a): \(from.interval(.en)) (\(from.file))"),
            ctx.t("\(b)：\(to.interval(.zh))（\(to.file)）", "\(b): \(to.interval(.en)) (\(to.file))"),
            ctx.t("新增条目 \(added.count) 个，删除 \(removed.count) 个，修改 \(changed.count) 个",
                  "\(added.count) item\(added.count == 1 ? "" : "s") added, \(removed.count) removed, \(changed.count) changed"),
        ])
        if !checklistChanges.isEmpty {
            doc.facts([ctx.t("检查表本身的改动：", "Changes to the checklist itself: ")
                       + checklistChanges.map { Self.describe($0, ctx) }.joined(separator: ctx.t("；", "; "))])
        }
        var t = Table(name: "items", title: ctx.t("条目改动", "Item changes"), columns: [
            .init(ctx.t("改动", "Change"), .status), .init(ctx.t("编号", "ID"), .id), .init(ctx.t("内容", "Item"), .text),
            .init(ctx.t("说明", "What changed"), .text),
        ], main: true)
        for i in added {
            t.add([.text(ctx.t("新增", "added")), .text(i.id), .text(i.text(ctx.lang)),
                   .text(ctx.t("分值 \(Fmt.num(i.points))", "points \(Fmt.num(i.points))"))], tone: .good)
        }
        for i in removed {
            t.add([.text(ctx.t("删除", "removed")), .text(i.id), .text(i.text(ctx.lang)),
                   .text(ctx.t("分值 \(Fmt.num(i.points))", "points \(Fmt.num(i.points))"))], tone: .bad)
        }
        for c in changed {
            t.add([.text(ctx.t("修改", "changed")), .text(c.id), .text(c.item.text(ctx.lang)),
                   .text(c.changes.map { Self.describe($0, ctx) }.joined(separator: ctx.t("；", "; ")))], tone: .warn)
        }
        if isEmpty { doc.fact(ctx.t("两个版本的内容相同。", "The two versions are the same.")) }
        doc.table(t)
        return doc
    }
}

/// The 检查底稿 workbook layout of SPEC §1.6, in one place for `new --format xlsx` (which writes
/// it) and `import` (which reads it): the fixed columns with their English and Chinese names,
/// then one column per item id holding the answer and optional note / fix-by columns.
public enum WorkbookLayout {
    public enum Field: String, CaseIterable, Sendable {
        case id, branch, branchName = "branch_name", parent, region, date, inspector, method, staff, name, role

        /// The Chinese header a new workbook shows (import takes either).
        public var chinese: String {
            switch self {
            case .id: return "检查编号"
            case .branch: return "网点编号"
            case .branchName: return "网点名称"
            case .parent: return "上级机构"
            case .region: return "分行"
            case .date: return "日期"
            case .inspector: return "检查人"
            case .method: return "方式"
            case .staff: return "工号"
            case .name: return "姓名"
            case .role: return "岗位"
            }
        }
    }

    /// What a header cell names.
    public enum Column: Equatable, Sendable {
        case field(Field)
        case answer(String)
        case note(String)
        case fixBy(String)
    }

    public static let sheetName = "检查底稿"
    public static let answerWords = ["合格", "不合格", "不适用"]

    /// A header's meaning: a fixed column by either name, `C01`, `C01.note` / `C01备注`,
    /// `C01.fix_by` / `C01整改期限`; nil when it names nothing (the caller says so).
    public static func column(_ header: String, items: Set<String>) -> Column? {
        let h = header.trimmingSpaces
        if let f = Field.allCases.first(where: { $0.rawValue == h || $0.chinese == h }) { return .field(f) }
        if items.contains(String(h)) { return .answer(String(h)) }
        for (suffix, make) in [(".note", Column.note), ("备注", Column.note), (".fix_by", Column.fixBy), ("整改期限", Column.fixBy)] {
            if h.hasSuffix(suffix), items.contains(String(h.dropLast(suffix.count))) { return make(String(h.dropLast(suffix.count))) }
        }
        return nil
    }

    /// Every header a workbook may have, for did-you-mean.
    public static func headers(items: some Sequence<String>) -> [String] {
        let items = Array(items)
        return Field.allCases.flatMap { [$0.rawValue, $0.chinese] } + items + items.map { $0 + "备注" }
    }
}

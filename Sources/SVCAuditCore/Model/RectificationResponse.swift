/// A branch's written answer to one finding (SPEC §2.7, `--responses FILE`): 整改措施, 整改责任人,
/// 完成日期 and 复查人 — what seeds 002:207 asks of every rectification (措施、责任、时限).
public struct RectificationResponse: Sendable, Equatable {
    /// The finding it answers: branch, employee (nil for a branch item), item and the date found.
    public var branch: String
    public var staff: String?
    public var item: String
    public var date: Day
    public var measure: String?
    public var owner: String?
    /// When the branch says the fix was (or will be) done; a response counts as 整改已报 once
    /// this is on or before the as-of date.
    public var done: Day?
    public var reviewer: String?
    /// Where the row is, for diagnostics (a response naming no finding is an error).
    public var file: String
    public var line: Int
    public var mark: Mark

    public init(branch: String, staff: String?, item: String, date: Day, measure: String? = nil, owner: String? = nil,
                done: Day? = nil, reviewer: String? = nil, file: String = "", line: Int = 0, mark: Mark = .start) {
        self.branch = branch; self.staff = staff; self.item = item; self.date = date; self.measure = measure
        self.owner = owner; self.done = done; self.reviewer = reviewer; self.file = file; self.line = line; self.mark = mark
    }

    /// What identifies the finding it answers.
    struct Key: Hashable { var branch: String; var staff: String?; var item: String; var date: Day }
    var key: Key { Key(branch: branch, staff: staff, item: item, date: date) }
}

/// Which visit supplies an entry's name, role and branch (SPEC §2.6): its **latest** visit
/// in the period — a scored visit beats an unscored one, then the later date, then the later
/// file in byte-wise path order (FileDiscovery's order). `rank`, `report` and `history` all
/// take an entry's identity by this key.
public struct LatestVisit: Sendable, Equatable, Comparable {
    public var scored: Bool
    public var date: Day
    public var file: String

    public init(scored: Bool, date: Day, file: String) {
        self.scored = scored; self.date = date; self.file = file
    }

    public static func < (a: LatestVisit, b: LatestVisit) -> Bool {
        if a.scored != b.scored { return !a.scored }
        if a.date != b.date { return a.date < b.date }
        return a.file.utf8.lexicographicallyPrecedes(b.file.utf8)
    }

    /// `candidate` replaces `current` when it is as late or later (a later file on an equal key wins).
    public static func supersedes(_ candidate: LatestVisit, _ current: LatestVisit) -> Bool {
        !(candidate < current)
    }
}

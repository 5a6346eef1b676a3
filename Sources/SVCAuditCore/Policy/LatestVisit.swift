/// Which visit supplies an entry's name, role and branch (SPEC §2.6): its **latest** visit
/// in the period — a scored visit beats an unscored one, then the later date, then the later
/// file in byte-wise path order (FileDiscovery's order). `rank` and `history` take an entry's
/// identity by this key.
///
/// The file is its number in byte-wise path order (`VisitSummary.fileOrder`, which `VisitRun`
/// sets), not its path: a path kept per entry was a string of ~80 bytes on the heap for most
/// of a bank's 190,000 staff. The three are one 8-byte number, compared as one (SPEC §5).
public struct LatestVisit: Sendable, Equatable, Comparable {
    /// The flag in the top bit, then the date (days since 1970, its sign bit flipped so that
    /// the bits order as the days do), then the file number in the low 31 bits.
    private var key: UInt64

    /// `file`: the visit's file, numbered in byte-wise path order (below 2^31).
    public init(scored: Bool, date: Day, file: Int) {
        let day = UInt64(UInt32(bitPattern: Int32(truncatingIfNeeded: date.ordinal)) ^ 0x8000_0000)
        key = (scored ? 1 << 63 : 0) | day << 31 | UInt64(file & 0x7FFF_FFFF)
    }

    public var scored: Bool { key >> 63 == 1 }
    public var date: Day { Day(ordinal: Int(Int32(bitPattern: UInt32(truncatingIfNeeded: key >> 31) ^ 0x8000_0000))) }
    public var file: Int { Int(key & 0x7FFF_FFFF) }

    public static func < (a: LatestVisit, b: LatestVisit) -> Bool { a.key < b.key }

    /// `candidate` replaces `current` when it is as late or later (a later file on an equal key
    /// wins; so does a visit that arrives later, when neither carries a file number).
    public static func supersedes(_ candidate: LatestVisit, _ current: LatestVisit) -> Bool {
        !(candidate < current)
    }
}

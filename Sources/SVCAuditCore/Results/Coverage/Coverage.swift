/// `svcaudit coverage` (SPEC §2.8): per branch and cadence rule the required and met slots,
/// and the staff who were not inspected often enough. Computed by `CoverageFold.coverage()`;
/// every output format renders these values.
public struct Coverage: Sendable {
    public enum SlotStatus: String, Sendable {
        /// Enough visits of the rule's methods in the slot.
        case met
        /// Required (the branch was active on a day of it) and not met.
        case missed
        /// Not required: the branch was closed or waived on every day of it.
        case exempt
    }

    public struct SlotResult: Sendable, Equatable {
        public var slot: CalendarSlot
        public var status: SlotStatus
        /// Visits of the rule's methods dated in the slot (within the period).
        public var visits: Int
    }

    public struct Tally: Sendable, Equatable {
        public var required = 0
        public var met = 0
        /// met / required × 100; nil when nothing is required.
        public var rate: Double? { required > 0 ? 100 * Double(met) / Double(required) : nil }
    }

    public struct BranchRule: Sendable, Equatable {
        public var name: String
        public var tally: Tally
        public var slots: [SlotResult]
        /// Labels of the missed slots, in date order (SPEC §3.1 `missed`).
        public var missed: [String] { slots.filter { $0.status == .missed }.map(\.slot.label) }
    }

    public struct BranchRow: Sendable {
        public var branch: Branch
        public var from: Day?
        public var to: Day?
        /// Every visit of the period at the branch, any method.
        public var visits: Int
        public var rules: [BranchRule]
        /// Waivers overlapping the period.
        public var waivers: [Roster.Waiver]
    }

    public struct StaffRow: Sendable, Equatable {
        public var id: String
        public var name: String
        public var role: String?
        public var branch: Branch
        public var observed: Int
    }

    /// A visit at a branch that is not in `branches.csv`.
    public struct UnknownBranch: Sendable, Equatable {
        public var branch: Branch
        public var visits: Int
    }

    public var period: Period
    public var rules: [CadenceRule]
    /// Per rule, over every branch.
    public var ruleTotals: [Tally]
    public var branches: [BranchRow]
    public var unknownBranches: [UnknownBranch]
    public var staffActive: Int
    public var staffInspected: Int
    /// `staff_coverage`.
    public var atLeast: Int
    /// Active on the roster, observed fewer than `atLeast` times; by id.
    public var underInspected: [StaffRow]
    /// Observed on a date no roster row of theirs covers; by id.
    public var notOnRoster: [StaffRow]
    public var visitsInPeriod: Int

    /// Σ met / Σ required over every rule and branch.
    public var overall: Tally {
        ruleTotals.reduce(into: Tally()) { $0.required += $1.required; $0.met += $1.met }
    }

    /// `--fail-on-gap`: a required slot missed, or an active employee under-inspected.
    public var hasGap: Bool { overall.met < overall.required || !underInspected.isEmpty }

    public var missedSlots: Int { overall.required - overall.met }
}

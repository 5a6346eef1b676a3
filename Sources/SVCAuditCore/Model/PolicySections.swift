/// The accountability sections of a policy (SPEC §1.3): inspector calibration (2.9), the
/// rectification rules (2.7) and what complaints and praise count for (1.5, 2.6).
extension Policy {
    /// `calibration:` — when an inspector's offset against colleagues is worth a flag.
    public struct Calibration: Sendable, Equatable {
        /// Compared visits needed before an inspector can be flagged: a couple of visits say
        /// nothing about a habit.
        public var minCompared: Int = 5
        /// |offset| at or above this is flagged.
        public var flagOffset: Double = 3
        public init(minCompared: Int = 5, flagOffset: Double = 3) {
            self.minCompared = minCompared; self.flagOffset = flagOffset
        }
    }

    /// `rectify:` — due dates, which visits may close a finding, what counts as a repeat.
    public struct Rectify: Sendable, Equatable {
        /// A finding without `fix_by` is due on its date + N days; nil: no due date.
        public var defaultDays: Int?
        /// Methods whose visits can close a finding; nil: every method.
        public var closingMethods: Set<Visit.Method>?
        /// The same subject and item found again within N days is a repeat.
        public var repeatDays: Int = 90
        public init(defaultDays: Int? = nil, closingMethods: Set<Visit.Method>? = nil, repeatDays: Int = 90) {
            self.defaultDays = defaultDays; self.closingMethods = closingMethods; self.repeatDays = repeatDays
        }

        public func closes(_ m: Visit.Method) -> Bool { closingMethods?.contains(m) ?? true }
    }

    /// `events:` — what a verified praise adds to the ranking score.
    public struct Events: Sendable, Equatable {
        public var praisePoints: Double = 0
        /// Cap on the sum of praise points of one entry; nil: no cap.
        public var maxPraisePoints: Double?
        public init(praisePoints: Double = 0, maxPraisePoints: Double? = nil) {
            self.praisePoints = praisePoints; self.maxPraisePoints = maxPraisePoints
        }

        /// The points `n` verified praises add (SPEC §2.6: praise_points each, at most the cap).
        public func points(forPraises n: Int) -> Double {
            let raw = praisePoints * Double(n)
            return maxPraisePoints.map { Swift.min(raw, $0) } ?? raw
        }
    }

    /// SPEC §1.3: a method weighted 0 is left out of the ranking entirely (no visit, no mean,
    /// no part of C) — e.g. `self: 0`, so a branch's self-checks never make its own 服务明星.
    public func counts(_ m: Visit.Method) -> Bool { weight(of: m) > 0 }
}

/// The selection rules HR publishes (`--policy FILE`), SPEC §1.3. Defaults are SPEC's.
public struct Policy: Sendable, Equatable {
    public enum RankBy: String, Sendable, CaseIterable { case staff, branch }
    public enum VetoMode: String, Sendable, CaseIterable { case disqualify, zero, ignore }
    public enum TieRule: String, Sendable, CaseIterable { case competition, dense, ordinal }
    public enum GroupBy: String, Sendable, CaseIterable { case all, branch, parent, region }
    public enum AtCutoff: String, Sendable, CaseIterable { case include, exclude }

    public enum Quota: Sendable, Equatable {
        case top(Int)
        case percent(Double)
    }

    public struct Selection: Sendable, Equatable {
        public var quota: Quota = .top(10)
        public var per: GroupBy = .all
        public var atCutoff: AtCutoff = .include
        public init(quota: Quota = .top(10), per: GroupBy = .all, atCutoff: AtCutoff = .include) {
            self.quota = quota; self.per = per; self.atCutoff = atCutoff
        }
    }

    public struct Targets: Sendable, Equatable {
        public var branchPassRate: Double?
        public var staffPassRate: Double?
        public init(branchPassRate: Double? = nil, staffPassRate: Double? = nil) {
            self.branchPassRate = branchPassRate; self.staffPassRate = staffPassRate
        }
    }

    public var title: String?
    /// Where `title:` is written (the period-mismatch warning points at it).
    public var titleMark: Mark?
    /// The issuing unit printed in the header of the 通报 and the memo (发文单位).
    public var issuer: String?
    public var by: RankBy = .staff
    public var roles: [String]?
    public var minVisits: Int = 1
    public var minScore: Double = 0
    public var veto: VetoMode = .disqualify
    public var methodWeights: [Visit.Method: Double] = [:]
    public var priorVisits: Double = 0
    public var passMark: Double = 85
    public var targets = Targets()
    public var ties: TieRule = .competition
    public var select = Selection()
    /// Star level → minimum ranking score, e.g. [5: 95, 4: 90, 3: 85].
    public var stars: [Int: Double] = [:]
    /// Required inspections per branch (SPEC §1.3 `cadence`, §2.8); empty: no cadence.
    public var cadence: [CadenceRule] = []
    /// Observations each active employee needs in the period (`staff_coverage`, default 1).
    public var staffCoverage: Int = 1
    public var calibration = Calibration()
    public var rectify = Rectify()
    public var events = Events()
    public var file: String?

    public init() {}

    public func weight(of method: Visit.Method) -> Double { methodWeights[method] ?? 1 }

}

/// One `cadence` rule (SPEC §1.3): at least `atLeast` visits of `methods` in every calendar
/// unit `every` (restricted to `weekdays` for days) while the branch is active.
public struct CadenceRule: Sendable, Equatable {
    public enum Every: String, Sendable, CaseIterable { case day, week, month, quarter }

    public var name: String
    public var methods: [Visit.Method]
    public var every: Every
    public var atLeast: Int
    /// ISO weekdays (1 = Monday) for `every: day`; nil: all seven.
    public var weekdays: [Int]?

    public init(name: String, methods: [Visit.Method], every: Every, atLeast: Int = 1, weekdays: [Int]? = nil) {
        self.name = name; self.methods = methods; self.every = every; self.atLeast = atLeast; self.weekdays = weekdays
    }
}

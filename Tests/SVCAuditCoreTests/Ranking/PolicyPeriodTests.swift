import Foundation
import Testing
@testable import SVCAuditCore

/// The period a policy is for (its title, SPEC §1.3), the selection title that names the period
/// once, and the warning when the period asked is another (issue 16 item 5).
struct PolicyPeriodTests {
    @Test func periodsNamedInTitles() {
        let cases: [(String, String?)] = [
            ("2026年第三季度服务明星评选", "2026-Q3"),
            ("2026年三季度服务明星评选", "2026-Q3"),
            ("2026年第3季度服务明星", "2026-Q3"),
            ("2026年第一季度", "2026-Q1"),
            ("2026年上半年标杆网点评选", "2026-H1"),
            ("2026年下半年", "2026-H2"),
            ("2026年7月服务之星", "2026-07"),
            ("2026年12月", "2026-12"),
            ("2026年度服务明星评选", "2026"),
            ("2026年服务明星评选", "2026"),
            ("Service stars 2026-Q2", "2026-Q2"),
            ("Service stars, Q4 2025", "2025-Q4"),
            ("服务明星评选", nil),
            ("第三季度服务明星评选", nil),          // no year: no period
            ("BR0421-20260714 专项", nil),          // an id is not a period
            // The earliest named period wins; a narrower one beats the year it sits in.
            ("2026年第二季度（2026年度评选之一）", "2026-Q2"),
            ("2026年度评选：2026年7月", "2026-07"),
        ]
        for (title, want) in cases {
            #expect(Period.named(in: title)?.label == want, "\(title)")
        }
    }

    static func policy(_ title: String?) -> Policy {
        var p = Policy()
        p.title = title
        p.file = "policy.yaml"
        p.titleMark = Mark(line: 9, column: 8)
        return p
    }

    @Test func mismatchIsAWarningAtTheTitle() throws {
        let d = try #require(PolicyPeriod.mismatch(Self.policy("2026年第二季度服务明星评选"), asked: Period("2026-Q3")))
        #expect(d.severity == .warning)
        #expect(d.code == .policyPeriodMismatch)
        #expect(d.rendered(.zh) == "policy.yaml:9:8: warning: 评选规则的标题“2026年第二季度服务明星评选”写的是2026年第二季度，本次统计的期间却是2026年第三季度：请确认用的是本期的评选规则，或改正期间（--period 或 --from/--to）")
        #expect(d.message(.en) == "the policy's title '2026年第二季度服务明星评选' names Q2 2026, but the period asked is Q3 2026: check that this is the policy for that period, or correct the period (--period or --from/--to)")
        let range = try #require(PolicyPeriod.mismatch(Self.policy("2026年第三季度服务明星评选"), asked: Period(from: Day("2026-06-01")!, to: Day("2026-09-30")!)))
        #expect(range.message(.zh).contains("本次统计的期间却是2026-06-01 至 2026-09-30"))
    }

    @Test func noWarningWhenThePeriodsAgree() {
        let q3 = Self.policy("2026年第三季度服务明星评选")
        #expect(PolicyPeriod.mismatch(q3, asked: Period("2026-Q3")) == nil)
        #expect(PolicyPeriod.mismatch(q3, asked: Period("2026-08")) == nil)      // a month of the quarter
        #expect(PolicyPeriod.mismatch(q3, asked: Period(from: Day("2026-07-01")!, to: Day("2026-09-30")!)) == nil)
        #expect(PolicyPeriod.mismatch(q3, asked: nil) == nil)                     // no period asked
        #expect(PolicyPeriod.mismatch(Self.policy("2026年度服务明星评选"), asked: Period("2026-Q3")) == nil)
        #expect(PolicyPeriod.mismatch(Self.policy("服务明星评选"), asked: Period("2026-Q3")) == nil)
        #expect(PolicyPeriod.mismatch(Self.policy(nil), asked: Period("2026-Q3")) == nil)
        // A year asked of a quarter's policy is wider than the policy: a warning.
        #expect(PolicyPeriod.mismatch(q3, asked: Period("2026")) != nil)
    }

    /// The period once in the title: as written when the title names one, else put in front.
    @Test func titleNamesThePeriodOnce() {
        let fallback = (zh: "服务明星评选", en: "Service star selection")
        let q3 = Period("2026-Q3")
        #expect(PolicyPeriod.title(Self.policy("2026年第三季度服务明星评选"), period: q3, fallback: fallback, .zh) == "2026年第三季度服务明星评选")
        #expect(PolicyPeriod.title(Self.policy("2026年第三季度服务明星评选"), period: q3, fallback: fallback, .en) == "2026年第三季度服务明星评选")
        #expect(PolicyPeriod.title(Self.policy("服务明星评选"), period: q3, fallback: fallback, .zh) == "2026年第三季度服务明星评选")
        #expect(PolicyPeriod.title(Self.policy(nil), period: q3, fallback: fallback, .zh) == "2026年第三季度服务明星评选")
        #expect(PolicyPeriod.title(Self.policy(nil), period: q3, fallback: fallback, .en) == "Service star selection, Q3 2026")
        #expect(PolicyPeriod.title(Self.policy(nil), period: nil, fallback: fallback, .zh) == "服务明星评选")
        // A date range stays in the header (评选期间), not the title.
        #expect(PolicyPeriod.title(Self.policy(nil), period: Period(from: Day("2026-07-01")!, to: Day("2026-07-15")!), fallback: fallback, .zh) == "服务明星评选")
        for title in ["2026年第三季度服务明星评选", "服务明星评选"] {
            let t = PolicyPeriod.title(Self.policy(title), period: q3, fallback: fallback, .zh)
            #expect(t.components(separatedBy: "第三季度").count == 2, "\(t)")
        }
    }
}

import Foundation
import Testing

/// SPEC §2.6: `rank`, `report` and `history` use one arithmetic. For every employee of the
/// samples, `history` over the same period and policy shows the mean, ranking score,
/// eligibility, rank and stars that `rank` publishes (E1048 once got 4★ from one and ★★★
/// from the other). And every branch's 通报 rank under its parent follows the policy's ties.
@Suite struct HistoryRankAgreementTests {
    static let common = ["samples", "--policy", "samples/policy.yaml", "--period", "2026-Q3", "--format", "json"]

    static func json(_ args: [String]) throws -> [String: Any] {
        let r = try CLI.run(args)
        #expect(r.code == 0, "\(args): \(r.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: r.stdoutData) as? [String: Any])
    }

    @Test func historyAgreesWithRankForEveryEmployee() throws {
        let entries = try #require(try Self.json(["rank"] + Self.common)["entries"] as? [[String: Any]])
        #expect(entries.count >= 50)
        for e in entries {
            let id = e["id"] as! String
            let h = try #require(try Self.json(["history", id] + Self.common)["summary"] as? [String: Any])
            for key in ["mean", "score", "stars", "eligible", "rank"] {
                #expect(String(describing: h[key]!) == String(describing: e[key]!), "\(id) \(key): history \(h[key]!), rank \(e[key]!)")
            }
        }
    }

    @Test func reportRankUnderParentFollowsTheTieRule() throws {
        for ties in ["competition", "dense", "ordinal"] {
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent("svcaudit-ties-\(ties)-\(getpid())")
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: dir) }
            let policy = dir.appendingPathComponent("policy.yaml")
            try "ties: \(ties)\n".write(to: policy, atomically: true, encoding: .utf8)
            let doc = try Self.json(["report", "samples", "--policy", policy.path, "--period", "2026-Q3", "--format", "json"])
            let branches = try #require(doc["branches"] as? [[String: Any]])
            let byParent = Dictionary(grouping: branches) { $0["parent"] as? String ?? "" }
            for (_, group) in byParent {
                let means = group.compactMap { $0["mean"] as? Double }.sorted(by: >)
                for b in group {
                    guard let m = b["mean"] as? Double, let rank = b["parent_rank"] as? Int else { continue }
                    let ahead = means.filter { $0 > m }.count
                    let distinctAhead = Set(means.filter { $0 > m }).count
                    switch ties {
                    case "competition": #expect(rank == ahead + 1)
                    case "dense": #expect(rank == distinctAhead + 1)
                    default: #expect(rank >= ahead + 1 && rank <= ahead + means.filter { $0 == m }.count)
                    }
                }
            }
        }
    }
}

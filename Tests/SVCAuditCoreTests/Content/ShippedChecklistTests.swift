import Foundation
import Testing
@testable import SVCAuditCore

/// The shipped checklists are the product's content: every item must say where it comes from,
/// and the citation must be a real line of the seed documents (kept in
/// Tests/Fixtures/seed-lines.tsv, so the test runs on a fresh clone).
struct ShippedChecklistTests {
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url.path }
        }
        fatalError("Package.swift not found")
    }()

    static let loaded = ChecklistSource.load(directory: root + "/checklists")

    /// "000\t419" → the line's text.
    static let seedLines: [String: String] = {
        let text = (try? String(contentsOfFile: root + "/Tests/Fixtures/seed-lines.tsv", encoding: .utf8)) ?? ""
        var out: [String: String] = [:]
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let f = line.split(separator: "\t", maxSplits: 2).map(String.init)
            if f.count == 3 { out[f[0] + ":" + f[1]] = f[2] }
        }
        return out
    }()

    /// "seeds 000:325; 001:370-382" → ["000:325", "001:370", …, "001:382"], nil when malformed.
    static func citations(_ source: String) -> [String]? {
        guard source.hasPrefix("seeds ") else { return nil }
        var out: [String] = []
        for part in source.dropFirst(6).split(separator: ";") {
            let p = part.trimmingCharacters(in: .whitespaces).split(separator: ":")
            guard p.count == 2, p[0].count == 3 else { return nil }
            let range = p[1].split(separator: "-").compactMap { Int($0) }
            guard let a = range.first, let b = range.last, range.count == (p[1].contains("-") ? 2 : 1), a <= b else { return nil }
            out += (a...b).map { "\(p[0]):\($0)" }
        }
        return out
    }

    var items: [(Checklist, ChecklistItem)] {
        Self.loaded.catalog.allVersions.flatMap { c in c.items.map { (c, $0) } }  // every version
    }

    @Test func shippedChecklistsLoadClean() {
        #expect(Self.loaded.diagnostics.isEmpty, "\(Self.loaded.diagnostics.map { $0.message(.en) })")
        #expect(Set(Self.loaded.catalog.ids).isSuperset(of: ["counter", "environment", "greeting", "records", "uniform"]))
    }

    @Test func everySourceIsARealSeedLine() {
        #expect(Self.seedLines.count > 40)
        for (c, item) in items {
            guard let source = item.source, let cites = Self.citations(source) else {
                Issue.record("\(c.id) \(item.id): source must read \"seeds NNN:LINE[; NNN:LINE]\", found \(item.source ?? "nothing")")
                continue
            }
            for cite in cites {
                let text = Self.seedLines[cite]
                #expect(text?.isEmpty == false, "\(item.id) cites \(cite), which is not a seed line in seed-lines.tsv")
            }
        }
    }

    @Test func everyItemHasAUserFacingBasis() {
        for (_, item) in items {
            let basis = item.basis ?? ""
            #expect(!basis.isEmpty, "\(item.id) has no basis (依据)")
            // A basis names a document or a clause, not a machine citation.
            #expect(!basis.contains("seeds"), "\(item.id): basis is for people, the citation belongs in source")
        }
    }

    /// Shipped scale items allow a small shortfall without a finding (8 of 10, 12 of 15).
    @Test func everyScaleItemHasAFindingLine() {
        for (_, item) in items where item.type == .scale {
            #expect(item.findingBelow == item.points * 0.8, "\(item.id)")
            let facts = ItemFacts(item)
            #expect(!Answer.Value.value(item.points * 0.9).isDeduction(facts), "\(item.id): 9/10 is no finding")
            #expect(!Answer.Value.value(item.points * 0.8).isDeduction(facts), "\(item.id): 8/10 is no finding")
            #expect(Answer.Value.value(item.points * 0.8 - 0.5).isDeduction(facts), "\(item.id): below the line is a finding")
        }
    }

    /// Removed items never come back with another meaning: history keeps the old ids.
    @Test func removedItemIDsAreNotReused() {
        let ids = Set(items.map(\.1.id))
        for gone in ["G11", "E14", "C14", "C16", "C17"] { #expect(!ids.contains(gone), "\(gone)") }
    }

    /// Veto reasons read as the breach, not as the requirement (issue 16 item 5).
    @Test func vetoItemsWordTheirBreach() {
        for (_, item) in items where item.veto {
            #expect(item.breach != nil, "\(item.id) needs a breach wording")
        }
        let r02 = Self.loaded.catalog.item("R02")?.item
        #expect(r02?.breachText(.zh) == "未达到规定技术等级即上岗")
    }

    /// Records are answered from records: the records checklist is not assessed by default.
    @Test func recordsAreNotAssessedByDefault() {
        #expect(Self.loaded.catalog.checklist("records")?.assessedByDefault == false)
        #expect(!Self.loaded.catalog.assessedByDefault.contains("records"))
        #expect(Self.loaded.catalog.assessedByDefault.contains("counter"))
    }
}

import Foundation
import Testing
@testable import SVCAuditCore

/// The one visit reader on the samples, the fixtures, thousands of small edits of the samples
/// and the fuzz corpus: it never crashes, every input ends in an outcome, and the summary and
/// the item-by-item detail of a visit (two views of one scoring run) always agree.
struct VisitReaderTests {
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url.path }
        }
        fatalError("Package.swift not found")
    }()

    static let catalog = ChecklistSource.load(directory: root + "/checklists").catalog

    static func files(_ folder: String) -> [String] {
        let base = root + "/" + folder
        let all = FileManager.default.enumerator(atPath: base)?.compactMap { $0 as? String } ?? []
        return all.filter { $0.hasSuffix(".yaml") }.sorted().map { base + "/" + $0 }
    }

    /// Reads `bytes` with and without the detail: the diagnostics must be the same, and so must
    /// the summary (the detail's own summary included). Returns the summary and diagnostics.
    @discardableResult
    static func read(_ bytes: [UInt8], file: String, catalog: ChecklistCatalog = catalog,
                     sourceLocation: SourceLocation = #_sourceLocation) -> (VisitSummary?, [Diagnostic]) {
        var plain = DiagnosticList(file: file), full = DiagnosticList(file: file)
        let a = VisitReader.read(bytes, file: file, catalog: catalog, diags: &plain)
        let b = VisitReader.read(bytes, file: file, catalog: catalog, detail: true, diags: &full)
        #expect(plain.items == full.items, sourceLocation: sourceLocation)
        switch (a, b) {
        case (.visit(let s1, nil), .visit(let s2, let d)):
            #expect(s1 == s2, sourceLocation: sourceLocation)
            #expect((s2 == nil) == (d == nil), sourceLocation: sourceLocation)
            if let d { #expect(d.summary == s2, sourceLocation: sourceLocation) }
            return (s1, plain.items)
        case (.notAVisit, .notAVisit):
            return (nil, plain.items)
        default:
            Issue.record("detail changed the outcome for \(file)", sourceLocation: sourceLocation)
            return (nil, plain.items)
        }
    }

    @Test func everySampleReadsCleanly() throws {
        let files = Self.files("samples/visits")
        #expect(files.count >= 60)
        for f in files {
            let (s, d) = Self.read(Array(try Data(contentsOf: URL(fileURLWithPath: f))), file: f)
            #expect(s != nil, "\(f) did not read")
            #expect(d.isEmpty, "\(f): \(d.map { $0.rendered(.en) })")
        }
    }

    /// A file with warnings is a valid visit: read once, scored, with its warnings.
    @Test func warningsStillScore() throws {
        let checklists = ChecklistSource.load(directory: Self.root + "/Tests/Fixtures/checklists").catalog
        for f in Self.files("Tests/Fixtures/warnings") {
            let (s, d) = Self.read(Array(try Data(contentsOf: URL(fileURLWithPath: f))), file: f, catalog: checklists)
            #expect(s != nil)
            #expect(!d.isEmpty && d.allSatisfy { $0.severity == .warning })
        }
    }

    /// The same employee in a file read whole and in one whose other answers were left out:
    /// an unanswered item is excluded like na (SPEC §1.2).
    @Test func unansweredIsExcludedLikeNA() {
        let text = """
            branch: {id: BR1, name: 城中支行}
            date: 2026-07-14
            inspector: 王敏
            checklists: [uniform]
            staff:
              - {id: E1, name: 李娜, role: teller, results: {U01: pass}}
            """
        let (s, d) = Self.read(Array(text.utf8), file: "v.yaml")
        #expect(d.contains { $0.code == .unanswered })
        #expect(s?.staff.first?.score == 100)
    }

    /// Small edits of every sample, line by line: each still ends in an outcome, and the
    /// two views agree. Some edits keep the file valid, most break it.
    @Test func editedSamples() throws {
        let edits: [(String) -> String?] = [
            { _ in nil },                                                        // delete the line
            { $0.replacingOccurrences(of: "合格", with: "不合格") },
            { $0.replacingOccurrences(of: ": pass", with: ": na") },
            { $0.replacingOccurrences(of: ": 0", with: ": 2") },
            { $0.replacingOccurrences(of: ": 10", with: ": 7.5") },
            { $0.replacingOccurrences(of: "teller", with: "manager") },
            { $0.replacingOccurrences(of: ": ", with: ": ~") },
            { $0.replacingOccurrences(of: ": ", with: ": \"") + "\"" },
            { "  " + $0 },
            { $0 + "\n" + $0 },                                                  // repeat the line
            { $0.replacingOccurrences(of: "note: ", with: "note: \"\"  # ") },
        ]
        var valid = 0, total = 0
        for f in Self.files("samples/visits") {
            let lines = try String(contentsOfFile: f, encoding: .utf8).components(separatedBy: "\n")
            for (i, line) in lines.enumerated() where (i * 7 + f.count) % 3 == 0 {
                for edit in edits {
                    var copy = lines
                    if let e = edit(line) { copy[i] = e } else { copy.remove(at: i) }
                    if copy == lines { continue }
                    total += 1
                    if Self.read(Array(copy.joined(separator: "\n").utf8), file: f).0 != nil { valid += 1 }
                }
            }
        }
        #expect(total > 1000)
        #expect(valid > 50 && valid < total)
    }

    /// Inputs the fuzzer found interesting (a merged, minimised corpus from `make fuzz`):
    /// the reader and every loader survive them.
    @Test func fuzzCorpusReplays() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.root + "/Tests/Fixtures/fuzz")
        #expect(files.count > 100)
        var visits = 0
        for name in files.sorted() {
            let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: Self.root + "/Tests/Fixtures/fuzz/" + name)))
            if Self.read(bytes, file: name).0 != nil { visits += 1 }
            if let root = YAMLReader.parse(bytes).root {
                var diags = DiagnosticList(file: name)
                _ = ChecklistLoader.load(root, file: name, diags: &diags)
                _ = PolicyLoader.load(root, file: name, diags: &diags)
            }
        }
        #expect(visits > 0)
    }
}

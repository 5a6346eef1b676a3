import Foundation
import Testing
@testable import SVCAuditCore

/// The streaming fast path (`VisitStreamReader`) may only ever accept a file the full path
/// (`YAMLReader` → `VisitLoader` → `Scorer`) loads without a single diagnostic, and must then
/// produce exactly the same summary, to the last bit of every score.
struct VisitStreamReaderTests {
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

    /// The full path's summary, or nil, and its diagnostics.
    static func full(_ bytes: [UInt8], file: String) -> (VisitSummary?, [Diagnostic]) {
        let (root, errors) = YAMLReader.parse(bytes)
        var diags = DiagnosticList(file: file)
        errors.forEach { diags.append($0) }
        guard let root, FileKind.detect(root) == .visit,
              let v = VisitLoader.load(root, file: file, catalog: catalog, diags: &diags), !diags.hasErrors else {
            return (nil, diags.items)
        }
        return (VisitSummary(Scorer(catalog: catalog).score(v), catalog: catalog), diags.items)
    }

    /// Checks the contract on one input; returns whether the fast path took it.
    @discardableResult
    static func check(_ bytes: [UInt8], file: String, sourceLocation: SourceLocation = #_sourceLocation) -> Bool {
        let fast = VisitStreamReader.read(bytes, file: file, catalog: catalog, limits: .default)
        guard let fast else { return false }
        let (full, diags) = Self.full(bytes, file: file)
        #expect(diags.isEmpty, "fast path took a file the full path reports: \(diags.map { $0.message(.en) })",
                sourceLocation: sourceLocation)
        let same = fast == full  // not inside #expect: the two dumps would fill the screen
        #expect(same, "fast and full summaries differ for \(file)", sourceLocation: sourceLocation)
        return true
    }

    @Test func everySampleTakesTheFastPathAndAgrees() throws {
        let files = Self.files("samples/visits")
        #expect(files.count >= 60)
        for f in files {
            let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: f)))
            #expect(Self.check(bytes, file: f), "sample \(f) did not take the fast path")
        }
    }

    @Test func filesWithDiagnosticsTakeTheFullPath() throws {
        let files = Self.files("Tests/Fixtures/broken") + Self.files("Tests/Fixtures/warnings")
        #expect(!files.isEmpty)
        for f in files {
            let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: f)))
            #expect(!Self.check(bytes, file: f), "\(f) has diagnostics but took the fast path")
        }
    }

    /// Small edits of every sample, line by line: whatever the fast path takes, it must take
    /// rightly. Some edits keep the file valid (另一个答案), most break it.
    @Test func editedSamplesNeverDisagree() throws {
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
        var taken = 0, total = 0
        for f in Self.files("samples/visits") {
            let lines = try String(contentsOfFile: f, encoding: .utf8).components(separatedBy: "\n")
            for (i, line) in lines.enumerated() where (i * 7 + f.count) % 3 == 0 {
                for edit in edits {
                    var copy = lines
                    if let e = edit(line) { copy[i] = e } else { copy.remove(at: i) }
                    if copy == lines { continue }
                    total += 1
                    if Self.check(Array(copy.joined(separator: "\n").utf8), file: f) { taken += 1 }
                }
            }
        }
        // Both kinds must occur, or the test proves nothing.
        #expect(total > 1000)
        #expect(taken > 50 && taken < total)
    }

    /// Inputs the fuzzer found interesting (a merged, minimised corpus from `make fuzz`):
    /// every loader must survive them, and the two paths must agree on each.
    @Test func fuzzCorpusNeverDisagrees() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.root + "/Tests/Fixtures/fuzz")
        #expect(files.count > 100)
        var taken = 0
        for name in files.sorted() {
            let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: Self.root + "/Tests/Fixtures/fuzz/" + name)))
            if Self.check(bytes, file: name) { taken += 1 }
            if let root = YAMLReader.parse(bytes).root {
                var diags = DiagnosticList(file: name)
                _ = ChecklistLoader.load(root, file: name, diags: &diags)
                _ = PolicyLoader.load(root, file: name, diags: &diags)
            }
        }
        #expect(taken > 0)
    }
}

import Foundation
import Testing
@testable import SVCAuditCore

/// A file listed by discovery that is gone, emptied or replaced by a folder before it is read:
/// one clear diagnostic for that file, the others read as usual (the CLI tests model "listed
/// but gone" with a dangling link; here the race is made exact).
@Suite struct VanishingFileTests {
    static let root: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
        }
        fatalError("Package.swift not found")
    }()

    @Test func filesChangedBetweenDiscoveryAndRead() throws {
        let fm = FileManager.default
        let dir = fm.temporaryDirectory.appendingPathComponent("svcaudit-vanish-\(UUID().uuidString)").path
        try fm.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? fm.removeItem(atPath: dir) }
        let sample = Self.root.appendingPathComponent("samples/visits/2026-07/BR0421-20260715-01.yaml").path
        for name in ["a-gone.yaml", "b-ok.yaml", "c-emptied.yaml", "d-now-a-folder.yaml"] {
            try fm.copyItem(atPath: sample, toPath: dir + "/" + name)
        }
        let found = FileDiscovery.expand([dir])
        #expect(found.files.count == 4 && found.diagnostics.isEmpty)
        try fm.removeItem(atPath: dir + "/a-gone.yaml")
        try Data().write(to: URL(fileURLWithPath: dir + "/c-emptied.yaml"))
        try fm.removeItem(atPath: dir + "/d-now-a-folder.yaml")
        try fm.createDirectory(atPath: dir + "/d-now-a-folder.yaml", withIntermediateDirectories: false)

        let checklists = ChecklistSource.load(directory: Self.root.appendingPathComponent("checklists").path)
        #expect(checklists.diagnostics.isEmpty)
        var seen: [String: [Diagnostic]] = [:]
        InputPipeline.run(files: Array(found.files), catalog: checklists.catalog, options: .init(jobs: 2)) { outcome in
            seen[(outcome.path as NSString).lastPathComponent] = outcome.diagnostics
        }
        func only(_ name: String) -> (code: String, line: String)? {
            guard let d = seen[name], d.count == 1 else { return nil }
            return (d[0].code.rawValue, d[0].rendered(.en))
        }
        #expect(only("a-gone.yaml")! == ("read", "\(dir)/a-gone.yaml:1:1: error: cannot read the file: open failed (No such file or directory)"))
        #expect(seen["a-gone.yaml"]?.first?.rendered(.zh) == "\(dir)/a-gone.yaml:1:1: error: 无法读取文件：打开失败（不存在）")
        #expect(seen["b-ok.yaml"] == [])
        #expect(only("c-emptied.yaml")! == ("empty-file", "\(dir)/c-emptied.yaml:1:1: error: file is empty: it holds no YAML document"))
        #expect(only("d-now-a-folder.yaml")! == ("read", "\(dir)/d-now-a-folder.yaml:1:1: error: cannot read the file: is a directory"))
    }
}

/// The count limits take their values from the `limits` given to the loader.
@Suite struct VisitCountLimitTests {
    @Test func smallLimitsCutTheListsShort() throws {
        let checklist = """
            id: env
            title: 环境
            scope: branch
            items:
              - {id: B1, text: 标识, points: 10}
              - {id: B2, text: 整洁, points: 10}
              - {id: B3, text: 座椅, points: 10}
            """
        var cd = DiagnosticList(file: "env.yaml")
        let c = ChecklistLoader.load(YAMLReader.parse(Array(checklist.utf8)).root!, file: "env.yaml", diags: &cd)!
        let visit = """
            branch: {id: BR1, name: 城中支行}
            date: 2026-07-14
            inspector: 王敏
            results: {B1: pass, B2: pass, B3: fail}
            staff:
              - {id: E1, name: 甲, role: teller}
              - {id: E2, name: 乙, role: teller}
              - {id: E3, name: 丙, role: teller}
            """
        var limits = YAMLLimits()
        limits.maxStaff = 2
        limits.maxAnswers = 2
        var diags = DiagnosticList(file: "v.yaml")
        guard case .visit(let v, _) = VisitReader.read(Array(visit.utf8), file: "v.yaml", catalog: ChecklistCatalog([c]),
                                                       limits: limits, diags: &diags) else { Issue.record("not a visit"); return }
        #expect(v == nil)
        #expect(Diagnostic.sorted(diags.items).filter { $0.severity == .error }.map { "\($0.code.rawValue) \($0.mark.line):\($0.mark.column)" }
                == ["limit-answers 4:10", "limit-staff 6:3"])
        // The defaults read the same file without complaint about counts.
        var plain = DiagnosticList(file: "v.yaml")
        guard case .visit(let ok, _) = VisitReader.read(Array(visit.utf8), file: "v.yaml", catalog: ChecklistCatalog([c]),
                                                        diags: &plain) else { Issue.record("not a visit"); return }
        #expect(ok != nil)
    }
}

/// Cross-visit checks keep hashes, not ids: an equal hash is confirmed by reading the earlier
/// file again, so a collision is never reported as a duplicate and a duplicate always is.
@Suite struct VisitSetCheckHashTests {
    static func summary(_ id: String, file: String, branch: String = "B1") -> VisitSummary {
        VisitSummary(id: id, file: file, branch: Branch(id: branch, name: "网点"), date: Day("2026-07-01")!, inspector: "王敏",
                     method: .onsite, base: 90, bonus: 0, checklists: [], sections: [], veto: [], staff: [], findings: 0,
                     counted: [], breaches: [])
    }

    @Test func duplicatesAreConfirmedByRereading() {
        let files = ["a.yaml", "b.yaml", "c.yaml"]
        let visits = [Self.summary("V1", file: "a.yaml"), Self.summary("V1", file: "b.yaml", branch: "B2"),
                      Self.summary("V2", file: "c.yaml", branch: "B3")]
        var rereads = 0
        var checks = VisitSetChecks(path: { files[$0] }, reread: { rereads += 1; return visits[$0] })
        #expect(checks.check(visits[0], file: 0).isEmpty)
        let second = checks.check(visits[1], file: 1)
        #expect(second.map(\.code) == [.duplicateVisitId])
        #expect(second.first?.args["other"] == .text("a.yaml"))
        #expect(rereads == 1)
        #expect(checks.check(visits[2], file: 2).isEmpty)
    }

    @Test func aCollisionIsNotADuplicate() {
        // The earlier file read again says another id: the hash matched by chance.
        let files = ["a.yaml", "b.yaml"]
        var checks = VisitSetChecks(path: { files[$0] }, reread: { _ in Self.summary("OTHER", file: "a.yaml", branch: "X") })
        #expect(checks.check(Self.summary("V1", file: "a.yaml"), file: 0).isEmpty)
        let d = checks.check(Self.summary("V1", file: "b.yaml", branch: "B2"), file: 1)
        #expect(d.isEmpty)
    }
}

import Foundation
import Testing
@testable import SVCAuditCore

/// The walk sorts each folder with sub-folders as "name/", so it yields whole paths in byte
/// order without a global sort; these names are the cases where the two could differ.
struct DiscoveryOrderTests {
    @Test func walkYieldsPathsInByteOrder() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("svcaudit-order-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let names = ["a/b.yaml", "a-c.yaml", "a.b/x.yaml", "ab.yaml", "a/a/z.yaml", "a0.yaml", "Z.yaml",
                     "网点/甲.yaml", "网点-二/乙.yaml", "a/b/c.yaml", "b.yml"]
        for n in names {
            let url = root.appendingPathComponent(n)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data("x: 1\n".utf8).write(to: url)
        }
        let found = Array(FileDiscovery.expand([root.path]).files)
        let expected = names.map { root.path + "/" + $0 }.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        #expect(found == expected)
    }

    /// The walk started on its own thread (while a command loads its checklists) hands back
    /// exactly what walking in place gives: files, the files not read, and the path errors.
    @Test func backgroundWalkGivesWhatExpandGives() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("svcaudit-bg-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        for n in ["2026-07/杭州分行/BR1-20260701-01.yaml", "2026-07/杭州分行/说明.txt", "2026-07/a.yml",
                  "2026-08/BR2.yaml", "2026-08/BR2.yaml.bak", "readme.md"] {
            let url = root.appendingPathComponent(n)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data("x: 1\n".utf8).write(to: url)
        }
        let paths = [root.appendingPathComponent("2026-08").path, root.path, root.path + "/missing"]
        let here = FileDiscovery.expand(paths)
        let there = BackgroundWalk(paths).wait()
        #expect(Array(there.files) == Array(here.files))
        #expect(there.files.count == 3)
        #expect(there.skipped == here.skipped)
        #expect(there.skipped.count == 3)
        #expect(there.order == here.order)
        #expect(there.diagnostics.map(\.code) == [.path])
        #expect(there.diagnostics.map { $0.rendered(.en) } == here.diagnostics.map { $0.rendered(.en) })
    }
}

/// Several PATHS out of byte order: each file's place in byte order, as a sort would give it,
/// for runs of every length (one file each, as a shell glob passes them, and whole folders).
struct DiscoveryMergeOrderTests {
    func placesBySorting(_ paths: [String]) -> [Int32] {
        let sorted = paths.indices.sorted { paths[$0].utf8.lexicographicallyPrecedes(paths[$1].utf8) }
        var order = [Int32](repeating: 0, count: paths.count)
        for (place, i) in sorted.enumerated() { order[i] = Int32(place) }
        return order
    }

    @Test func mergedRunsGiveEachFilesByteOrderPlace() {
        var x: UInt64 = 2026
        func next(_ n: Int) -> Int { x = x &* 6364136223846793005 &+ 1442695040888963407; return Int(x >> 33) % n }
        for trial in 0..<200 {
            // Distinct paths cut into runs, each run sorted, the runs shuffled.
            let n = 1 + next(60)
            let all = Array(Set((0..<n).map { _ in "d\(next(5))/" + String(repeating: "a", count: next(3)) + "\(next(1000)).yaml" })).sorted()
            var runs: [[String]] = []
            var rng = LCG(seed: UInt64(trial))
            var rest = all.shuffled(using: &rng)
            while !rest.isEmpty {
                let k = trial % 3 == 0 ? 1 : 1 + next(rest.count)
                runs.append(rest.prefix(k).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
                rest.removeFirst(k)
            }
            var files = PathList()
            var starts: [Int] = []
            for r in runs { starts.append(files.count); for p in r { files.append(path: p) } }
            let flat = runs.flatMap { $0 }
            let expected = placesBySorting(flat)
            let got = FileDiscovery.byteOrder(files, runs: starts)
            if expected == Array(0..<Int32(flat.count)) {
                #expect(got == nil, "trial \(trial)")
            } else {
                #expect(got == expected, "trial \(trial)")
            }
        }
    }

    struct LCG: RandomNumberGenerator {
        var seed: UInt64
        mutating func next() -> UInt64 { seed = seed &* 6364136223846793005 &+ 1442695040888963407; return seed }
    }
}

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
}

import Dispatch
import Foundation
import Testing
@testable import SVCAuditCore

/// A long lazy array written on several threads, in blocks, gives the bytes of the one-thread
/// rendering: separators, indents and nested values across every block boundary.
@Suite struct JSONBlocksTests {
    static func document(_ n: Int) -> JSONValue {
        ["by": "staff", "entries": .lazy(n) { i in
            ["rank": .int(i + 1), "id": .string("E\(i)"), "score": .number(Double(i % 997) / 7),
             "visits": .lazy(i % 3) { j in .int(j) }, "reasons": i % 5 == 0 ? [] : ["短", "a\"b"], "tied": .bool(i % 2 == 0)]
        }, "skipped": []]
    }

    func streamed(_ doc: JSONValue, pretty: Bool, jobs: Int, chunk: Int) -> String {
        var bytes: [UInt8] = []
        let ok = doc.write(pretty: pretty, chunk: chunk, jobs: jobs) { bytes.append(contentsOf: $0); return true }
        #expect(ok)
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test(arguments: [0, 1, JSONValue.block - 1, 2 * JSONValue.block, 2 * JSONValue.block + 1, 10 * JSONValue.block + 5])
    func blocksGiveTheSameBytes(count: Int) {
        let doc = Self.document(count)
        for pretty in [true, false] {
            let one = doc.render(pretty: pretty)
            for jobs in [1, 2, 3] {
                for chunk in [64, 1 << 16] {
                    #expect(streamed(doc, pretty: pretty, jobs: jobs, chunk: chunk) == one, "count \(count) pretty \(pretty) jobs \(jobs) chunk \(chunk)")
                }
            }
        }
    }

    /// The entries of a report are a member of its top object: `jobs` must reach them there.
    /// The first element waits until an element two blocks on is made — which only another
    /// thread can do while it waits (on one thread it gives up after the timeout).
    @Test func blocksInsideAnObjectAreMadeOnTwoThreads() {
        let later = DispatchSemaphore(value: 0)
        let overlap = Flag()
        let doc: JSONValue = ["entries": .lazy(8 * JSONValue.block) { i in
            if i == 0 { overlap.set(later.wait(timeout: .now() + 10) == .success) }
            if i == 2 * JSONValue.block { later.signal() }
            return .int(i)
        }]
        _ = streamed(doc, pretty: true, jobs: 2, chunk: 1 << 16)
        #expect(overlap.value)
    }

    final class Flag: @unchecked Sendable {
        private let lock = NSLock()
        private var v = false
        func set(_ b: Bool) { lock.lock(); v = b; lock.unlock() }
        var value: Bool { lock.lock(); defer { lock.unlock() }; return v }
    }

    /// Once the sink refuses (a closed pipe), it is not handed another block, and the write says so.
    @Test func aRefusingSinkIsNotCalledAgain() {
        var calls = 0
        let ok = Self.document(20 * JSONValue.block).write(chunk: 64, jobs: 2) { _ in calls += 1; return false }
        #expect(!ok)
        #expect(calls == 1)
    }
}

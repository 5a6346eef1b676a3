import Foundation
import Testing
@testable import SVCAuditCore

/// Results come out in index order, each exactly once, whatever the number of threads and
/// however long each one takes to make; each thread has its own state.
@Suite struct OrderedParallelTests {
    final class Counter: @unchecked Sendable {
        let lock = NSLock()
        var made = 0
        func add() { lock.lock(); made += 1; lock.unlock() }
    }

    @Test(arguments: [1, 2, 3, 8])
    func takesEveryResultInOrder(jobs: Int) {
        for count in [0, 1, 2, 3, 17, 1000] {
            let counter = Counter()
            var taken: [Int] = []
            OrderedParallel.run(count: count, jobs: jobs, window: 4, state: { Counter() }, make: { i, own in
                own.add()
                counter.add()
                // Uneven work, so that results finish out of order.
                if i % 7 == 0 { usleep(UInt32(i % 3) * 200) }
                return [i, own.made]
            }, take: { (r: inout [Int]) in taken.append(r[0]) })
            #expect(taken == Array(0..<count), "jobs \(jobs), count \(count)")
            #expect(counter.made == count)
        }
    }
}

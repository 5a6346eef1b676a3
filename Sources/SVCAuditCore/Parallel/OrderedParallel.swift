import Foundation

/// Makes `count` results on `jobs` threads and hands each one to a sequential taker in index
/// order — so what comes out never depends on thread timing, and memory holds one window of
/// results at a time, not the whole run. The input pipeline (files read, parsed and scored)
/// and the JSON writer (a long array's elements rendered in blocks) both run on it.
public enum OrderedParallel {
    /// Runs `make(i, state)` for every `i` in `0..<count` and `take(&result)` for each, in order
    /// of `i`, on the calling thread. `state()` makes one value per thread (a scratch that
    /// `make` may reuse from call to call). At most `window` results wait to be taken.
    ///
    /// `jobs` threads make results: `jobs - 1` helpers and the calling thread, which also takes
    /// them. When the next result to take is not ready, the calling thread makes the next
    /// unclaimed one instead of waiting — so `jobs` 2 keeps two cores busy with two threads,
    /// not three contending for them. A thread is woken only when what it waits for has
    /// happened: the result it needs, or room in the window.
    public static func run<State, Result: Sendable>(
        count: Int, jobs: Int, window: Int = 256,
        state: @escaping @Sendable () -> State,
        make: @escaping @Sendable (Int, State) -> Result,
        take: (inout Result) -> Void
    ) {
        if jobs <= 1 || count < 2 {
            let s = state()
            for i in 0..<count {
                var result = make(i, s)
                take(&result)
            }
            return
        }
        let window = max(window, 2 * jobs)
        let helpers = min(jobs - 1, count - 1)
        let ring = Ring<Result>(window, helpers: helpers)
        let lock = NSCondition()
        /// With the lock held and an index free to claim: claims it, makes its result with
        /// the lock let go, and leaves it in its slot (the lock held again), marked as made
        /// by `maker` (0 is the calling thread). Returns its index.
        @Sendable func makeNext(_ s: State, maker: Int) -> Int {
            let i = ring.next
            ring.next += 1
            lock.unlock()
            let result = make(i, s)
            lock.lock()
            ring.slots[i % window] = result
            ring.madeBy[i % window] = maker
            return i
        }
        for h in 1...helpers {
            let thread = Thread {
                let s = state()
                var spent: [Result] = []
                lock.lock()
                while true {
                    while ring.next < count && ring.next >= ring.taken + window {
                        ring.helpersWaiting += 1
                        lock.wait()
                        ring.helpersWaiting -= 1
                    }
                    guard ring.next < count else { break }
                    swap(&spent, &ring.spent[h])
                    if !spent.isEmpty {
                        lock.unlock()
                        spent.removeAll(keepingCapacity: true)
                        lock.lock()
                        continue
                    }
                    let i = makeNext(s, maker: h)
                    if ring.takerWaiting && i == ring.taken { lock.broadcast() }
                }
                ring.finished += 1
                if ring.takerWaiting { lock.broadcast() }
                lock.unlock()
            }
            thread.stackSize = 1 << 20
            thread.start()
        }
        let s = state()
        // The last result taken, if a helper made it: it goes back to that helper to be
        // freed there (with the lock taken for the next result anyway). glibc frees a block
        // into the arena of the thread that allocated it, under that arena's lock: when this
        // thread freed what the helpers allocated, the helpers' own malloc and free waited
        // on it (thousands of futex waits on 100,000 files at --jobs 2).
        // It is moved, never copied: a copy of a visit's outcome retained (and then released)
        // every string and list in it, on objects another core had just written.
        var done: Result?
        var doneBy = 0
        for i in 0..<count {
            lock.lock()
            if let result = done.take() {
                ring.spent[doneBy].append(consume result)
            }
            while ring.slots[i % window] == nil {
                if ring.next < count && ring.next < ring.taken + window {
                    _ = makeNext(s, maker: 0)
                } else {
                    ring.takerWaiting = true
                    lock.wait()
                    ring.takerWaiting = false
                }
            }
            var result = ring.slots[i % window].take()!
            let madeBy = ring.madeBy[i % window]
            ring.taken = i + 1
            if ring.helpersWaiting > 0 { lock.broadcast() }
            lock.unlock()
            take(&result)
            if madeBy > 0 {
                done = consume result
                doneBy = madeBy
            }
        }
        // Every result was taken, so every helper has claimed its last one and is leaving.
        lock.lock()
        while ring.finished < helpers {
            ring.takerWaiting = true
            lock.wait()
            ring.takerWaiting = false
        }
        lock.unlock()
    }

    /// What the threads share, all guarded by the lock: the slots results wait in (and who
    /// made each), the results handed back to each helper, the next index to claim, how many
    /// are taken, how many helpers left, and who is waiting (so nobody is woken for nothing).
    private final class Ring<Result>: @unchecked Sendable {
        var slots: [Result?]
        /// Which thread made each slot's result: 0 the calling thread, 1... a helper.
        var madeBy: [Int]
        /// Per helper (index 1...), the results taken and handed back for it to free.
        var spent: [[Result]]
        var next = 0
        var taken = 0
        var finished = 0
        var takerWaiting = false
        var helpersWaiting = 0
        init(_ n: Int, helpers: Int) {
            slots = [Result?](repeating: nil, count: n)
            madeBy = [Int](repeating: 0, count: n)
            spent = [[Result]](repeating: [], count: helpers + 1)
        }
    }
}

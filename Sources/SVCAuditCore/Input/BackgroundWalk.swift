import Foundation

/// PATHS expanded on a thread of their own from the moment a command starts, so that the
/// folder walk (thousands of directory entries read and sorted) runs while the command loads
/// its checklists, policy, roster and events, instead of after them while every reading
/// thread waits. `VisitRun` takes the result when it needs the file list.
public final class BackgroundWalk: @unchecked Sendable {
    public let paths: [String]
    private let condition = NSCondition()
    private var result: FileDiscovery.Result?

    /// Starts walking `paths` (what `FileDiscovery.expand` would be given) at once.
    public init(_ paths: [String]) {
        self.paths = paths
        let thread = Thread { [self] in
            let found = FileDiscovery.expand(paths)
            condition.lock()
            result = found
            condition.broadcast()
            condition.unlock()
        }
        thread.stackSize = 1 << 20
        thread.start()
    }

    /// The walk's result, waiting for it to finish if it has not.
    public func wait() -> FileDiscovery.Result {
        condition.lock()
        defer { condition.unlock() }
        while result == nil { condition.wait() }
        return result!
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// `--output FILE`: readers (and a crash or full disk) never see a half-written file.
/// The data goes to a temporary file in the same directory — so `rename(2)` stays on one
/// filesystem and is atomic — is fsynced, then renamed over the target.
public enum AtomicWriter {
    public static func write(_ string: String, to path: String) throws {
        try write(Data(string.utf8), to: path)
    }

    public static func write(_ data: Data, to path: String) throws {
        try write(to: path) { sink in data.withUnsafeBytes(sink) }
    }

    /// The same, with the content streamed: `body` hands its bytes to the sink it is given, in
    /// as many pieces as it likes (false from the sink: the write failed, stop), and returns
    /// what the sink last said. The whole content is never held (SPEC §5).
    public static func write(to path: String, _ body: (_ sink: (UnsafeRawBufferPointer) -> Bool) -> Bool) throws {
        func failure(_ what: String? = nil) -> OutputError {
            let reason = String(cString: strerror(errno))
            return OutputError(path: path, reason: what.map { "\($0): \(reason)" } ?? reason)
        }

        // Writing through a symlink replaces what it points to, not the link itself.
        var target = path
        if let resolved = realpath(path, nil) {
            target = String(cString: resolved)
            free(resolved)
        }
        let (dir, name) = split(target)
        guard !name.isEmpty else { throw OutputError(path: path, reason: "not a file name") }

        // Only a regular file can be replaced atomically. A device, pipe or socket (/dev/null,
        // /dev/stdout, a FIFO) is written straight to: renaming over it would put a plain
        // file in its place (as root, /dev/null itself).
        var existing = stat()
        if stat(target, &existing) == 0 {
            switch existing.st_mode & S_IFMT {
            case S_IFREG: break
            case S_IFDIR: throw OutputError(path: path, reason: "is a directory")
            default: return try writeDirect(body, to: target, path: path)
            }
        }

        let suffix = String(UInt32.random(in: .min ... .max), radix: 16)
        let temp = (dir == "/" ? "" : dir) + "/.\(name).tmp-\(getpid())-\(suffix)"
        let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        guard fd >= 0 else { throw failure() }
        var fdOpen = true
        var done = false
        defer {
            if fdOpen { close(fd) }
            if !done { unlink(temp) }
        }

        // A replaced file keeps its permissions (a report made private stays private).
        if (existing.st_mode & S_IFMT) == S_IFREG {
            _ = fchmod(fd, existing.st_mode & 0o7777)
        }

        var writeErrno: Int32 = 0
        guard body({ buf in
            if writeAll(fd, buf) { return true }
            writeErrno = errno
            return false
        }) else {
            errno = writeErrno
            throw failure()
        }
        guard fsync(fd) == 0 else { throw failure() }
        fdOpen = false
        guard close(fd) == 0 else { throw failure() }
        guard rename(temp, target) == 0 else { throw failure() }
        done = true

        // Make the rename itself durable; failure here does not undo a completed write.
        let dfd = open(dir, O_RDONLY | O_CLOEXEC)
        if dfd >= 0 { _ = fsync(dfd); close(dfd) }
    }

    /// Writes to a device or pipe in place; nothing to make atomic there.
    private static func writeDirect(_ body: ((UnsafeRawBufferPointer) -> Bool) -> Bool, to target: String, path: String) throws {
        let fd = open(target, O_WRONLY | O_CLOEXEC)
        guard fd >= 0 else { throw OutputError(path: path, reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        var writeErrno: Int32 = 0
        guard body({ buf in
            if writeAll(fd, buf) { return true }
            writeErrno = errno
            return false
        }) else { throw OutputError(path: path, reason: String(cString: strerror(writeErrno))) }
    }

    /// Writes all of `buf`, retrying after signals; false on an error (errno says which).
    private static func writeAll(_ fd: Int32, _ buf: UnsafeRawBufferPointer) -> Bool {
        var offset = 0
        while offset < buf.count {
            let n = StandardStream.posixWrite(fd, buf.baseAddress! + offset, buf.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                return false
            }
            offset += n
        }
        return true
    }

    /// "out/r.html" → ("out", "r.html"); "r.html" → (".", "r.html"); "/r.html" → ("/", "r.html").
    static func split(_ path: String) -> (dir: String, name: String) {
        guard let slash = path.lastIndex(of: "/") else { return (".", path) }
        let dir = slash == path.startIndex ? "/" : String(path[..<slash])
        return (dir, String(path[path.index(after: slash)...]))
    }

}

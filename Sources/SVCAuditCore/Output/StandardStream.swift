#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Writing to standard output or error with every error seen: `FileHandle.write` traps on
/// EPIPE and ENOSPC (a backtrace, exit 132), so this is write(2) in a loop.
public enum StandardStream {
    public enum Result: Equatable, Sendable {
        case ok
        /// The reader went away (`| head`): not worth a message.
        case closedPipe
        /// ENOSPC, EIO, EBADF…: the system's reason.
        case failed(String)
    }

    public static func write(_ data: Data, to fd: Int32) -> Result {
        data.withUnsafeBytes { write($0, to: fd) }
    }

    public static func write(_ buf: UnsafeRawBufferPointer, to fd: Int32) -> Result {
        // A closed pipe is an EPIPE error to handle, not a signal that kills the process.
        signal(SIGPIPE, SIG_IGN)
        var offset = 0
        while offset < buf.count {
            let n = posixWrite(fd, buf.baseAddress! + offset, buf.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                if errno == EPIPE { return .closedPipe }
                return .failed(String(cString: strerror(errno)))
            }
            offset += n
        }
        return .ok
    }

    /// write(2) by its platform name: `write` inside these types would find their own methods.
    static func posixWrite(_ fd: Int32, _ p: UnsafeRawPointer, _ n: Int) -> Int {
        #if canImport(Glibc)
        return Glibc.write(fd, p, n)
        #elseif canImport(Musl)
        return Musl.write(fd, p, n)
        #else
        return Darwin.write(fd, p, n)
        #endif
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The one place any source file — visit, checklist, policy, standard input — is read, with
/// the per-file limit (`YAMLLimits.maxFileBytes`): POSIX calls, one `open`/`fstat`/`read`,
/// and errors that name errno. Every caller reports a failure through `diagnostic(_:file:)`.
public enum SourceFile {
    public struct ReadError: Error, Sendable {
        /// `read`, or `limit-file-size` when the file is over the limit: typed where it is
        /// found, never told from the message.
        public let code: DiagnosticCode
        public let message: String
        init(_ message: String, code: DiagnosticCode = .read) { self.code = code; self.message = message }
    }

    /// A failure as the file's diagnostic.
    public static func diagnostic(_ e: ReadError, file: String) -> Diagnostic {
        Diagnostic(file: file, mark: .start, severity: .error, code: e.code, args: ["message": .text(e.message)])
    }

    /// Reads `file` and parses it into a node tree (checklists, policies), every problem in `diags`.
    public static func tree(_ file: String, limits: YAMLLimits, diags: inout DiagnosticList) -> YAMLNode? {
        switch read(file, maxBytes: limits.maxFileBytes) {
        case .failure(let e):
            diags.append(diagnostic(e, file: file))
            return nil
        case .success(let bytes):
            let (root, errors) = YAMLReader.parse(bytes, limits: limits)
            errors.forEach { diags.append($0) }
            return root
        }
    }

    public static func read(_ path: String, maxBytes: Int) -> Result<[UInt8], ReadError> {
        read(path, maxBytes: maxBytes, skipping: []) ?? .success([])
    }

    /// As `read`, but nil when the file is one of `skipping` (told from the open file, so it
    /// costs no extra system call).
    public static func read(_ path: String, maxBytes: Int, skipping: Set<FileID>) -> Result<[UInt8], ReadError>? {
        if path == "-" { return readStream(0, name: "standard input", maxBytes: maxBytes) }
        // O_NONBLOCK: opening a named pipe must not wait for a writer (it would hang the run).
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { return .failure(ReadError("cannot open: \(String(cString: strerror(errno)))")) }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { return .failure(ReadError("cannot stat: \(String(cString: strerror(errno)))")) }
        if (st.st_mode & S_IFMT) == S_IFDIR { return .failure(ReadError("is a directory")) }
        if !skipping.isEmpty, skipping.contains(FileID(st)) { return nil }
        if (st.st_mode & S_IFMT) != S_IFREG {
            // A pipe or device named on the command line (`<(cmd)`, /dev/stdin): its size says
            // nothing, so read it to the end, blocking again now that the open did not wait.
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
            return readStream(fd, name: "'\(path)'", maxBytes: maxBytes)
        }
        let size = Int(st.st_size)
        if size > maxBytes {
            return .failure(ReadError("file is \(size) bytes, over the limit of \(maxBytes) bytes for one input file", code: .limitFileSize))
        }
        var bytes = [UInt8](repeating: 0, count: size)
        var got = 0
        while got < size {
            let n = bytes.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + got, size - got) }
            if n < 0 {
                if errno == EINTR { continue }
                return .failure(ReadError("cannot read: \(String(cString: strerror(errno)))"))
            }
            if n == 0 { bytes.removeLast(size - got); break }  // the file shrank while being read
            got += n
        }
        return .success(bytes)
    }

    /// Reads `fd` to its end (standard input, a pipe, a device), at most `maxBytes`.
    private static func readStream(_ fd: Int32, name: String, maxBytes: Int) -> Result<[UInt8], ReadError> {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress!, 65536) }
            if n < 0 {
                if errno == EINTR { continue }
                return .failure(ReadError("cannot read \(name): \(String(cString: strerror(errno)))"))
            }
            if n == 0 { break }
            bytes += chunk[0..<n]
            if bytes.count > maxBytes {
                return .failure(ReadError("\(name) is over the limit of \(maxBytes) bytes", code: .limitFileSize))
            }
        }
        return .success(bytes)
    }
}

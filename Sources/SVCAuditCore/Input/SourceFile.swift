#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The one place any source file — visit, checklist, policy, standard input — is read, with
/// the per-file limit (`YAMLLimits.maxFileBytes`): POSIX calls, one `open`/`fstat`/`read`,
/// and errors that name errno. Every caller reports a failure through `diagnostic(_:file:)`.
public enum SourceFile {
    /// Why a file could not be read: `read`, or `limit-file-size` when the file is over the
    /// limit (typed where it is found, never told from a message), and the template's values.
    public struct ReadError: Error, Sendable, LocalizedMessage {
        public let code: DiagnosticCode
        public let args: DiagnosticArgs

        static func system(_ what: (String, String), _ err: Int32) -> ReadError {
            let e = SystemError.phrase(err)
            return ReadError(code: .read, args: ["reason": .phrase("\(what.0)失败（\(e.text(.zh))）", "\(what.1) failed (\(e.text(.en)))")])
        }

        static func tooLarge(_ name: DiagnosticArg, size: Int, max: Int) -> ReadError {
            ReadError(code: .limitFileSize, args: ["name": name, "size": .count(size), "max": .count(max)])
        }

        public func message(_ lang: Language) -> String { code.template.render(lang, args) }
    }

    /// What standard input is called in messages (SPEC §3: `-` reads one visit from it).
    public static let stdinLabel = "<stdin>"

    /// The name a path goes by in messages: `<stdin>` for `-`.
    public static func label(_ path: String) -> String { path == "-" ? stdinLabel : path }

    /// A failure as the file's diagnostic.
    public static func diagnostic(_ e: ReadError, file: String) -> Diagnostic {
        Diagnostic(file: label(file), mark: .start, severity: .error, code: e.code, args: e.args)
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
        if path == "-" { return readStream(0, name: .text(stdinLabel), maxBytes: maxBytes) }
        // O_NONBLOCK: opening a named pipe must not wait for a writer (it would hang the run).
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { return .failure(.system(("打开", "open"), errno)) }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { return .failure(.system(("查看文件信息", "stat"), errno)) }
        if (st.st_mode & S_IFMT) == S_IFDIR { return .failure(ReadError(code: .read, args: ["reason": .phrase("这是文件夹，不是文件", "is a directory")])) }
        if !skipping.isEmpty, skipping.contains(FileID(st)) { return nil }
        if (st.st_mode & S_IFMT) != S_IFREG {
            // A pipe or device named on the command line (`<(cmd)`, /dev/stdin): its size says
            // nothing, so read it to the end, blocking again now that the open did not wait.
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
            return readStream(fd, name: .text("'\(path)'"), maxBytes: maxBytes)
        }
        let size = Int(st.st_size)
        if size > maxBytes {
            return .failure(.tooLarge(.phrase("文件", "the file"), size: size, max: maxBytes))
        }
        var bytes = [UInt8](repeating: 0, count: size)
        var got = 0
        while got < size {
            let n = bytes.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + got, size - got) }
            if n < 0 {
                if errno == EINTR { continue }
                return .failure(.system(("读取", "read"), errno))
            }
            if n == 0 { bytes.removeLast(size - got); break }  // the file shrank while being read
            got += n
        }
        return .success(bytes)
    }

    /// Reads `fd` to its end (standard input, a pipe, a device), at most `maxBytes`.
    private static func readStream(_ fd: Int32, name: DiagnosticArg, maxBytes: Int) -> Result<[UInt8], ReadError> {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress!, 65536) }
            if n < 0 {
                if errno == EINTR { continue }
                return .failure(.system(("读取 \(name.text(.zh)) ", "reading \(name.text(.en))"), errno))
            }
            if n == 0 { break }
            bytes += chunk[0..<n]
            if bytes.count > maxBytes {
                return .failure(.tooLarge(name, size: bytes.count, max: maxBytes))
            }
        }
        return .success(bytes)
    }
}

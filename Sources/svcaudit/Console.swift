#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import ArgumentParser
import Foundation
import SVCAuditCore

enum Console {
    /// Writes the result to standard output. A write error (a full disk, /dev/full, EIO) is
    /// one line on stderr and exit 1; a closed pipe (`| head`) ends quietly with exit 1.
    /// Never a crash: FileHandle.write traps on EPIPE/ENOSPC, so this is write(2) itself.
    static func out(_ data: Data) throws {
        switch StandardStream.write(data, to: 1) {
        case .ok: return
        case .closedPipe: throw ExitCode(1)
        case .failed(let reason):
            error("svcaudit: cannot write standard output: \(reason)")
            throw ExitCode(1)
        }
    }

    static func out(_ s: String) throws { try out(Data(s.utf8)) }

    /// Best effort: a full or closed stderr has nowhere to report to.
    static func error(_ s: String) {
        ProgressLine.current?.clear()
        _ = StandardStream.write(Data((s.hasSuffix("\n") ? s : s + "\n").utf8), to: 2)
    }

    /// Nothing in a folder is skipped silently: name the files that were not read as visits.
    static func notYAML(_ files: [String], quiet: Bool) {
        guard !files.isEmpty, !quiet else { return }
        let shown = files.prefix(5).joined(separator: ", ")
        error("svcaudit: note: \(files.count) file\(files.count == 1 ? " is" : "s are") not .yaml/.yml and \(files.count == 1 ? "was" : "were") not read: \(shown)\(files.count > 5 ? ", …" : "")")
    }

    /// Prints diagnostics to stderr (`file:line:col: severity: message`); warnings unless quiet.
    static func diagnostics(_ list: [Diagnostic], quiet: Bool) {
        var text = ""
        for d in list where !(quiet && d.severity == .warning) {
            text += d.rendered(.en) + "\n"
        }
        if !text.isEmpty { error(String(text.dropLast())) }
    }
}

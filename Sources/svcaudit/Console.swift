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
    /// The language of every message on stderr: `--lang` (read from the raw arguments, so that
    /// usage errors and did-you-mean follow it too), else `$SVCAUDIT_LANG`, else Chinese.
    nonisolated(unsafe) static var lang: Language = Language.resolve(
        Language.option(in: Array(CommandLine.arguments.dropFirst())), environment: ProcessInfo.processInfo.environment)

    /// A message in the chosen language.
    static func t(_ zh: String, _ en: String) -> String { lang == .en ? en : zh }

    /// An error's text in the chosen language when it has one (diagnostics, write errors).
    static func describe(_ error: Error) -> String {
        if let e = error as? LocalizedMessage { return e.message(lang) }
        return "\(error)"
    }

    /// Writes the result to standard output. A write error (a full disk, /dev/full, EIO) is
    /// one line on stderr and exit 1; a closed pipe (`| head`) ends quietly with exit 1.
    /// Never a crash: FileHandle.write traps on EPIPE/ENOSPC, so this is write(2) itself.
    static func out(_ data: Data) throws {
        try check(StandardStream.write(data, to: 1))
    }

    /// What writing standard output came to: a closed pipe ends quietly, another error says why.
    static func check(_ result: StandardStream.Result) throws {
        switch result {
        case .ok: return
        case .closedPipe: throw ExitCode(1)
        case .failed(let reason):
            error("svcaudit: " + t("无法写入标准输出：\(reason)", "cannot write standard output: \(reason)"))
            throw ExitCode(1)
        }
    }

    static func out(_ s: String) throws { try out(Data(s.utf8)) }

    /// Best effort: a full or closed stderr has nowhere to report to.
    static func error(_ s: String) {
        ProgressLine.current?.clear()
        _ = StandardStream.write(Data((s.hasSuffix("\n") ? s : s + "\n").utf8), to: 2)
    }

    /// Text already made of whole lines, as it is (the diagnostic digest's).
    static func errorText(_ s: String) {
        ProgressLine.current?.clear()  // the line redraws itself below on the next file
        _ = StandardStream.write(Data(s.utf8), to: 2)
    }

    /// Nothing in a folder is skipped silently: name the files that were not read as visits.
    static func notYAML(_ files: [String], quiet: Bool) {
        guard !files.isEmpty, !quiet else { return }
        let more = files.count > 5 ? t("，…", ", …") : ""
        error("svcaudit: " + t("注意：\(files.count) 个文件不是 .yaml/.yml，未读取：\(files.prefix(5).joined(separator: "、"))\(more)",
                               "note: \(files.count) file\(files.count == 1 ? " is" : "s are") not .yaml/.yml and \(files.count == 1 ? "was" : "were") not read: \(files.prefix(5).joined(separator: ", "))\(more)"))
    }

    /// Prints diagnostics to stderr (`file:line:col: severity: message`); warnings unless quiet.
    static func diagnostics(_ list: [Diagnostic], quiet: Bool) {
        var text = ""
        for d in list where !(quiet && d.severity == .warning) {
            text += d.rendered(lang) + "\n"
        }
        if !text.isEmpty { error(String(text.dropLast())) }
    }
}

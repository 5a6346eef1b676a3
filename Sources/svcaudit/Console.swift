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

    static func out(_ s: String) {
        FileHandle.standardOutput.write(Data(s.utf8))
    }

    static func error(_ s: String) {
        FileHandle.standardError.write(Data((s.hasSuffix("\n") ? s : s + "\n").utf8))
    }

    /// Text already made of whole lines, as it is (the diagnostic digest's).
    static func errorText(_ s: String) {
        FileHandle.standardError.write(Data(s.utf8))
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
        if !text.isEmpty { FileHandle.standardError.write(Data(text.utf8)) }
    }
}

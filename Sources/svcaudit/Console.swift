import ArgumentParser
import Foundation
import SVCAuditCore

enum Console {
    static func out(_ s: String) {
        FileHandle.standardOutput.write(Data(s.utf8))
    }

    static func error(_ s: String) {
        FileHandle.standardError.write(Data((s.hasSuffix("\n") ? s : s + "\n").utf8))
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
        if !text.isEmpty { FileHandle.standardError.write(Data(text.utf8)) }
    }
}

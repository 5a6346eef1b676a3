import Foundation
import SVCAuditCore

/// A usage error (exit 64) in the language of every other message. swift-argument-parser
/// writes its own errors in English ("Error: Unknown option …", "Usage: …"); an inspector
/// who reads Chinese everywhere else gets them in Chinese too. Only the library's fixed
/// phrasing is translated, line by line: option names, values and the usage line itself stay
/// as they are, and a line this does not know is kept whole rather than guessed at.
enum UsageErrorText {
    static func localized(_ text: String, _ lang: Language) -> String {
        guard lang == .zh else { return text }
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { line(String($0)) }.joined(separator: "\n")
    }

    static func line(_ s: String) -> String {
        if let rest = s.dropping(prefix: "Error: ") { return "错误：" + error(rest) }
        if let rest = s.dropping(prefix: "Usage: ") { return "用法：" + rest }
        if let rest = s.dropping(prefix: "Help:  ") { return "说明：" + rest }
        // "  See 'svcaudit rank --help' for more information."
        if let rest = s.dropping(prefix: "  See '"), rest.hasSuffix("' for more information.") {
            return "  详见 '" + rest.dropLast("' for more information.".count) + "'。"
        }
        return s
    }

    /// The library's error sentences; the project's own errors (validate()) arrive in Chinese.
    static func error(_ s: String) -> String {
        var s = s
        var hint = ""
        // "… Did you mean '--jobs'?"
        if let r = s.range(of: ". Did you mean "), s.hasSuffix("?") {
            hint = "，是否应为 " + s[r.upperBound...].dropLast() + "？"
            s = String(s[..<r.lowerBound])
        }
        if let name = s.dropping(prefix: "Unknown option ") { return "未知选项 " + name + hint }
        if let name = s.dropping(prefix: "Missing value for ") { return name + " 缺少值" + hint }
        if let name = s.dropping(prefix: "Missing expected argument ") { return "缺少参数 " + name + hint }
        // "The value 'x' is invalid for '--jobs <n>'" (optionally ": reason")
        if let rest = s.dropping(prefix: "The value "), let r = rest.range(of: " is invalid for ") {
            let target = rest[r.upperBound...]
            let (option, reason) = target.range(of: ": ").map { (target[..<$0.lowerBound], "：" + target[$0.upperBound...]) } ?? (target, "")
            return option + " 的值 " + rest[..<r.lowerBound] + " 无效" + reason + hint
        }
        // "2 unexpected arguments: 'a', 'b'" / "Unexpected argument 'a'"
        if let r = s.range(of: "nexpected argument") {
            let list = s[r.upperBound...].drop { $0 != "'" }
            return "多余的参数：" + list + hint
        }
        return s + (hint.isEmpty ? "" : hint)
    }
}

private extension String {
    func dropping(prefix p: String) -> String? { hasPrefix(p) ? String(dropFirst(p.count)) : nil }
}

/// SGR escape codes for terminal output. Callers decide `enabled` once
/// (see `Terminal.colorEnabled`) so the same code path produces plain text for pipes.
public enum ANSI {
    public enum Code: String, Sendable {
        case bold = "1"
        case dim = "2"
        case red = "31"
        case green = "32"
        case yellow = "33"
    }

    static let reset = "\u{1B}[0m"

    public static func paint(_ s: String, _ code: Code, enabled: Bool) -> String {
        guard enabled, !s.isEmpty else { return s }
        return "\u{1B}[\(code.rawValue)m\(s)\(reset)"
    }

    public static func bold(_ s: String, enabled: Bool) -> String { paint(s, .bold, enabled: enabled) }
    public static func dim(_ s: String, enabled: Bool) -> String { paint(s, .dim, enabled: enabled) }
    public static func red(_ s: String, enabled: Bool) -> String { paint(s, .red, enabled: enabled) }
    public static func green(_ s: String, enabled: Bool) -> String { paint(s, .green, enabled: enabled) }
    public static func yellow(_ s: String, enabled: Bool) -> String { paint(s, .yellow, enabled: enabled) }

    /// The text without its escape codes (to measure a painted line).
    public static func strip(_ s: String) -> String {
        guard s.contains("\u{1B}") else { return s }
        var out = ""
        var inEscape = false
        for ch in s.unicodeScalars {
            if inEscape { if ch == "m" { inEscape = false }; continue }
            if ch == "\u{1B}" { inEscape = true; continue }
            out.unicodeScalars.append(ch)
        }
        return out
    }
}

/// The placeholders `svcaudit new` writes where it does not know a value (（网点名称）), and
/// how a loader tells one left in a file: a value wholly inside full-width parentheses.
public enum Placeholder {
    public static let branchName = "（网点名称）"
    public static let inspector = "（检查人）"

    public static func matches(_ s: String) -> Bool {
        // "（" is EF BC 88 in UTF-8 and no other spelling compares equal to it: text starting
        // with another byte (every name) is told without Unicode comparison.
        guard s.utf8.first == 0xEF else { return false }
        return s.hasPrefix("（") && s.hasSuffix("）") && s.count >= 3
    }
}

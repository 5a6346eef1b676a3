/// The placeholders `svcaudit new` writes where it does not know a value (（网点名称）), and
/// how a loader tells one left in a file: a value wholly inside full-width parentheses.
public enum Placeholder {
    public static let branchName = "（网点名称）"
    public static let inspector = "（检查人）"

    public static func matches(_ s: String) -> Bool {
        s.hasPrefix("（") && s.hasSuffix("）") && s.count >= 3
    }
}

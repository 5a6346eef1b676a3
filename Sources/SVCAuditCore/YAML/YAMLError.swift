/// Why a file could not be read as one YAML document.
public struct YAMLError: Error, Equatable, Sendable {
    public var mark: Mark
    public var message: String
    /// A short stable class name used by diagnostics (`yaml-syntax`, `yaml-duplicate-key`, …).
    public var code: String

    public init(_ code: String, _ message: String, at mark: Mark) {
        self.code = code
        self.message = message
        self.mark = mark
    }
}

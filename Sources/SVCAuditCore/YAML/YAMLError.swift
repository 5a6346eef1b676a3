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

/// The reader-level errors both readers of YAML (`YAMLReader`, `VisitReader`) report, worded once.
extension YAMLError {
    static func severalDocuments(at mark: Mark) -> YAMLError {
        YAMLError("several-documents", "file holds more than one YAML document (a second '---'); keep one document per file", at: mark)
    }
    static func alias(at mark: Mark) -> YAMLError {
        YAMLError("yaml-alias", "aliases (*name) are not supported; write the value out in full", at: mark)
    }
    static func limitScalar(_ length: Int, _ limits: YAMLLimits, at mark: Mark) -> YAMLError {
        YAMLError("limit-scalar", "value is \(length) bytes long, over the limit of \(limits.maxScalarBytes) bytes", at: mark)
    }
    static func limitNodes(_ limits: YAMLLimits, at mark: Mark) -> YAMLError {
        YAMLError("limit-nodes", "file has more than \(limits.maxNodes) YAML nodes", at: mark)
    }
    static func limitDepth(_ limits: YAMLLimits, at mark: Mark) -> YAMLError {
        YAMLError("limit-depth", "nesting is deeper than \(limits.maxDepth) levels", at: mark)
    }
    static let emptyFile = YAMLError("empty-file", "file is empty: it holds no YAML document", at: .start)
    static func duplicateKey(_ key: String, first: Mark, at mark: Mark) -> YAMLError {
        YAMLError("duplicate-key", "duplicate key '\(key)' (first given at line \(first.line)); the second value is ignored", at: mark)
    }
    static func complexKey(_ found: String, at mark: Mark) -> YAMLError {
        YAMLError("yaml-complex-key", "a mapping key must be plain text, not \(found)", at: mark)
    }
    static func fileSize(_ size: Int, _ limits: YAMLLimits) -> YAMLError {
        YAMLError("limit-file-size", "file is \(size) bytes, over the limit of \(limits.maxFileBytes) bytes for one input file", at: .start)
    }
}

/// Why a file could not be read as one YAML document: a typed code and the values its message
/// template names (DiagnosticCode+Templates.swift).
public struct YAMLError: Error, Equatable, Sendable {
    public var mark: Mark
    public var code: DiagnosticCode
    public var args: DiagnosticArgs

    public init(_ code: DiagnosticCode, _ args: DiagnosticArgs = [:], at mark: Mark) {
        self.code = code
        self.args = args
        self.mark = mark
    }

    public func message(_ lang: Language) -> String { code.template.render(lang, args) }
}

/// The reader-level errors both readers of YAML (`YAMLReader`, `VisitReader`) report, worded once.
extension YAMLError {
    static func severalDocuments(at mark: Mark) -> YAMLError { YAMLError(.severalDocuments, at: mark) }
    static func alias(at mark: Mark) -> YAMLError { YAMLError(.yamlAlias, at: mark) }
    static func limitScalar(_ length: Int, _ limits: YAMLLimits, at mark: Mark) -> YAMLError {
        YAMLError(.limitScalar, ["size": .count(length), "max": .count(limits.maxScalarBytes)], at: mark)
    }
    static func limitNodes(_ limits: YAMLLimits, at mark: Mark) -> YAMLError {
        YAMLError(.limitNodes, ["max": .count(limits.maxNodes)], at: mark)
    }
    static func limitDepth(_ limits: YAMLLimits, at mark: Mark) -> YAMLError {
        YAMLError(.limitDepth, ["max": .count(limits.maxDepth)], at: mark)
    }
    static let emptyFile = YAMLError(.emptyFile, at: .start)
    static func duplicateKey(_ key: String, first: Mark, at mark: Mark) -> YAMLError {
        YAMLError(.duplicateKey, ["key": .text(key), "line": .count(first.line)], at: mark)
    }
    static func complexKey(_ found: DiagnosticArg, at mark: Mark) -> YAMLError {
        YAMLError(.yamlComplexKey, ["found": found], at: mark)
    }
    static func fileSize(_ size: Int, _ limits: YAMLLimits) -> YAMLError {
        YAMLError(.limitFileSize, ["name": .phrase("文件", "the file"), "size": .count(size), "max": .count(limits.maxFileBytes)], at: .start)
    }
}

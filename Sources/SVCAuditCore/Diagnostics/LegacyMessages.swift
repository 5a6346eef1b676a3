/// The string-coded API that call sites used before `DiagnosticCode`: the finished English
/// message travels as the `message` argument of a `legacy` template. Kept only until every
/// call site passes typed arguments; then this file goes.
extension Diagnostic {
    public init(file: String, mark: Mark, severity: Severity, code: String, message: String) {
        self.init(file: file, mark: mark, severity: severity, code: DiagnosticCode(rawValue: code)!,
                  args: ["message": .text(message)])
    }

    /// The English text (legacy callers).
    public var message: String { message(.en) }
}

extension DiagnosticList {
    public mutating func error(_ code: String, _ message: String, at mark: Mark) {
        error(DiagnosticCode(rawValue: code)!, ["message": .text(message)], at: mark)
    }

    public mutating func warning(_ code: String, _ message: String, at mark: Mark) {
        warning(DiagnosticCode(rawValue: code)!, ["message": .text(message)], at: mark)
    }

    public mutating func append(_ yaml: YAMLError) {
        error(yaml.code, yaml.message, at: yaml.mark)
    }
}

/// Why a file could not be read as one YAML document: a typed code and the values its message
/// template names (DiagnosticCode+Templates.swift).
public struct YAMLError: Error, Equatable, Sendable {
    public var mark: Mark
    public var code: DiagnosticCode
    public var args: [String: DiagnosticArg]

    public init(_ code: DiagnosticCode, _ args: [String: DiagnosticArg] = [:], at mark: Mark) {
        self.code = code
        self.args = args
        self.mark = mark
    }

    public func message(_ lang: Language) -> String { code.template.render(lang, args) }
}

/// One problem in one input file, printed as `file:line:col: error|warning: message`.
public struct Diagnostic: Equatable, Hashable, Sendable {
    public enum Severity: String, Sendable, Comparable {
        case error, warning
        public static func < (a: Severity, b: Severity) -> Bool { a == .error && b == .warning }
    }

    public var file: String
    public var mark: Mark
    public var severity: Severity
    /// A stable class name (`unknown-key`, `wrong-type`, …): tests and `--format json` rely on it.
    public var code: String
    public var message: String

    public init(file: String, mark: Mark, severity: Severity, code: String, message: String) {
        self.file = file
        self.mark = mark
        self.severity = severity
        self.code = code
        self.message = message
    }

    public var rendered: String {
        "\(file):\(mark.line):\(mark.column): \(severity.rawValue): \(message)"
    }

    /// Diagnostics in a stable order: by file, position, then severity and text.
    public static func sorted(_ list: [Diagnostic]) -> [Diagnostic] {
        list.sorted {
            if $0.file != $1.file { return $0.file < $1.file }
            if $0.mark != $1.mark { return $0.mark < $1.mark }
            if $0.severity != $1.severity { return $0.severity < $1.severity }
            return $0.message < $1.message
        }
    }
}

/// Collects the diagnostics of one file as it is read.
public struct DiagnosticList: Sendable {
    public let file: String
    public private(set) var items: [Diagnostic] = []

    public init(file: String) { self.file = file }

    public mutating func error(_ code: String, _ message: String, at mark: Mark) {
        items.append(Diagnostic(file: file, mark: mark, severity: .error, code: code, message: message))
    }

    public mutating func warning(_ code: String, _ message: String, at mark: Mark) {
        items.append(Diagnostic(file: file, mark: mark, severity: .warning, code: code, message: message))
    }

    public mutating func append(_ yaml: YAMLError) {
        error(yaml.code, yaml.message, at: yaml.mark)
    }

    public var hasErrors: Bool { items.contains { $0.severity == .error } }
}

/// One problem in one input file, printed as `file:line:col: error|warning: message`.
///
/// A diagnostic holds its typed `code` and the values that fill the code's message template
/// (`DiagnosticCode.template`), never finished text: the message is written in the output
/// language only when it is shown, and nothing ever looks at message text to decide anything.
public struct Diagnostic: Equatable, Hashable, Sendable {
    public enum Severity: String, Sendable, Comparable {
        case error, warning
        public static func < (a: Severity, b: Severity) -> Bool { a == .error && b == .warning }
    }

    public var file: String
    public var mark: Mark
    public var severity: Severity
    /// The stable class (`unknown-key`, `wrong-type`, …): tests and `--format json` rely on it.
    public var code: DiagnosticCode
    /// The values the code's template names, by placeholder name.
    public var args: DiagnosticArgs

    public init(file: String, mark: Mark, severity: Severity, code: DiagnosticCode, args: DiagnosticArgs = [:]) {
        self.file = file
        self.mark = mark
        self.severity = severity
        self.code = code
        self.args = args
    }

    /// A code's message outside any file (a command-line value checked against the catalog).
    public static func text(_ code: DiagnosticCode, _ args: DiagnosticArgs, _ lang: Language) -> String {
        code.template.render(lang, args)
    }

    /// The message in `lang`, from the code's template.
    public func message(_ lang: Language) -> String {
        code.template.render(lang, args)
    }

    /// `file:line:col: error: message`.
    public func rendered(_ lang: Language) -> String {
        var out: [UInt8] = []
        rendered(lang, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// The line's bytes, appended to `out`. Put together as bytes: `validate` prints every
    /// diagnostic of a year of files, and string interpolation cost as much again as the
    /// message itself; `DiagnosticDigest` appends them straight to its output buffer.
    func rendered(_ lang: Language, into out: inout [UInt8]) {
        out.append(contentsOf: file.utf8)
        out.append(0x3A)
        Self.appendDecimal(mark.line, to: &out)
        out.append(0x3A)
        Self.appendDecimal(mark.column, to: &out)
        out.append(contentsOf: severity == .error ? ": error: ".utf8 : ": warning: ".utf8)
        code.template.render(lang, args, into: &out)
    }

    /// `String(n)`'s digits, by the project's one digit writer (`Num.writeDigits`).
    private static func appendDecimal(_ n: Int, to out: inout [UInt8]) {
        if n < 0 { out.append(0x2D) }  // "-"
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { d in
            let k = Num.writeDigits(UInt64(n.magnitude), to: d.baseAddress!)
            out.append(contentsOf: d[0..<k])
        }
    }

    /// Diagnostics in a stable order: by file, position, then severity, code and text.
    public static func sorted(_ list: [Diagnostic]) -> [Diagnostic] {
        list.sorted {
            if $0.file != $1.file { return $0.file < $1.file }
            if $0.mark != $1.mark { return $0.mark < $1.mark }
            if $0.severity != $1.severity { return $0.severity < $1.severity }
            if $0.code != $1.code { return $0.code.rawValue < $1.code.rawValue }
            return $0.message(.en) < $1.message(.en)
        }
    }
}

/// Collects the diagnostics of one file as it is read.
public struct DiagnosticList: Sendable {
    public let file: String
    public private(set) var items: [Diagnostic] = []

    public init(file: String) { self.file = file }

    public mutating func error(_ code: DiagnosticCode, _ args: DiagnosticArgs = [:], at mark: Mark) {
        add(Diagnostic(file: file, mark: mark, severity: .error, code: code, args: args))
    }

    public mutating func warning(_ code: DiagnosticCode, _ args: DiagnosticArgs = [:], at mark: Mark) {
        add(Diagnostic(file: file, mark: mark, severity: .warning, code: code, args: args))
    }

    public mutating func append(_ d: Diagnostic) { add(d) }

    /// The first problem makes room for a few: grown one by one, a file's list was copied
    /// to a new block at its second and third diagnostic.
    @inline(__always)
    private mutating func add(_ d: Diagnostic) {
        if items.capacity == 0 { items.reserveCapacity(4) }
        items.append(d)
    }

    public mutating func append(_ yaml: YAMLError) {
        error(yaml.code, yaml.args, at: yaml.mark)
    }

    public var hasErrors: Bool { items.contains { $0.severity == .error } }
}

/// An error whose text exists in both languages (output write failures, import problems).
public protocol LocalizedMessage {
    func message(_ lang: Language) -> String
}

extension YAMLError: LocalizedMessage {}

extension OutputError: LocalizedMessage {
    public func message(_ lang: Language) -> String {
        lang == .en ? description : "无法写入 \(path)：\(reason)"
    }
}

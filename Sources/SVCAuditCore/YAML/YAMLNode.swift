/// A position in a source file, 1-based, as editors show it.
/// Columns count Unicode scalars (libyaml's own unit), so a Chinese character is one column.
public struct Mark: Equatable, Hashable, Sendable, Comparable {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static let start = Mark(line: 1, column: 1)

    public static func < (a: Mark, b: Mark) -> Bool {
        (a.line, a.column) < (b.line, b.column)
    }
}

/// The small YAML tree svcaudit reads: scalars stay text until a typed field interprets them,
/// so `007`, `0421`, `yes` and `2026-07-14` are never silently converted.
public struct YAMLNode: Sendable {
    public enum Kind: Sendable {
        /// `plain` is false for quoted and block scalars: `"10"` is a string, `10` may be a number.
        case scalar(String, plain: Bool)
        case sequence([YAMLNode])
        case mapping([YAMLPair])
    }

    public var kind: Kind
    public var mark: Mark

    public init(_ kind: Kind, mark: Mark) {
        self.kind = kind
        self.mark = mark
    }

    /// The scalar text, or nil for collections.
    public var scalar: String? {
        if case .scalar(let s, _) = kind { return s }
        return nil
    }

    /// A plain scalar that YAML would read as null (`~`, `null`, or nothing).
    public var isNull: Bool {
        if case .scalar(let s, let plain) = kind, plain {
            // Every null spelling is ASCII and at most 4 bytes: longer text is never compared.
            let n = s.utf8.count
            return n == 0 || (n <= 4 && (s == "~" || s == "null" || s == "Null" || s == "NULL"))
        }
        return false
    }

    /// What a diagnostic calls this node when it is of the wrong kind.
    /// What this node is, in both languages, for "found …" in messages.
    public var found: DiagnosticArg {
        switch kind {
        case .scalar(let s, let plain): return Self.found(s, plain: plain, isNull: isNull)
        case .sequence: return Self.foundList
        case .mapping: return Self.foundMapping
        }
    }
    static let foundList = DiagnosticArg.phrase("列表", "a list")
    static let foundMapping = DiagnosticArg.phrase("键值映射", "a mapping")

    public var kindDescription: String {
        switch kind {
        case .scalar(let s, let plain): return Self.describe(s, plain: plain, isNull: isNull)
        case .sequence: return "a list"
        case .mapping: return "a mapping"
        }
    }

    /// How a message names a scalar of the wrong kind (shared with `VisitReader`).
    /// What a scalar is, in both languages, for "found …" in messages.
    static func found(_ s: String, plain: Bool, isNull: Bool) -> DiagnosticArg {
        if isNull { return .phrase("空值", "nothing (null)") }
        if plain, Double(s) != nil { return .phrase("数字 \(s)", "the number \(s)") }
        let shown = s.count > 40 ? String(s.prefix(40)) + "…" : s
        return .phrase("文字“\(shown)”", "the text \"\(shown)\"")
    }

    static func describe(_ s: String, plain: Bool, isNull: Bool) -> String {
        if isNull { return "nothing (null)" }
        if plain, Double(s) != nil { return "the number \(s)" }
        return "the text \"\(s.count > 40 ? String(s.prefix(40)) + "…" : s)\""
    }

    /// A plain `~`, `null`, `Null`, `NULL` or nothing, from its bytes.
    @inline(__always)
    static func isNull(_ b: UnsafeRawBufferPointer, plain: Bool) -> Bool {
        guard plain else { return false }
        switch b.count {
        case 0: return true
        case 1: return b[0] == UInt8(ascii: "~")
        case 4:
            // Every four-letter answer (`pass`, `fail`) comes here: the first byte rules most out.
            guard b[0] == UInt8(ascii: "n") || b[0] == UInt8(ascii: "N") else { return false }
            return b.elementsEqual("null".utf8) || b.elementsEqual("Null".utf8) || b.elementsEqual("NULL".utf8)
        default: return false
        }
    }
}

public struct YAMLPair: Sendable {
    public var key: String
    public var keyMark: Mark
    public var value: YAMLNode
}

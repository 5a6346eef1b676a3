/// A JSON document with ordered object keys, rendered to deterministic bytes.
///
/// JSONSerialization/JSONEncoder neither keep key order nor round numbers the way SPEC §3
/// wants (2 decimals, half away from zero), so the canonical `--format json` is built here.
public indirect enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int)
    /// Rendered with `Num.short` (2-decimal rounding); NaN and infinities render as null.
    case number(Double)
    case string(String)
    case array([JSONValue])
    /// Keys in the order given; duplicates are the caller's responsibility.
    case object([(String, JSONValue)])

    public static func opt(_ v: String?) -> JSONValue { v.map { .string($0) } ?? .null }
    public static func opt(_ v: Double?) -> JSONValue { v.map { .number($0) } ?? .null }
    public static func opt(_ v: Int?) -> JSONValue { v.map { .int($0) } ?? .null }

    public static func == (a: JSONValue, b: JSONValue) -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case let (.bool(x), .bool(y)): return x == y
        case let (.int(x), .int(y)): return x == y
        case let (.number(x), .number(y)): return x == y || (x.isNaN && y.isNaN)
        case let (.string(x), .string(y)): return x == y
        case let (.array(x), .array(y)): return x == y
        case let (.object(x), .object(y)):
            return x.count == y.count && zip(x, y).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: return false
        }
    }

    /// Pretty: 2-space indent, `"key": value`, empty containers as `[]` / `{}`.
    /// Compact: no whitespace at all. Both end with a newline.
    public func render(pretty: Bool = true) -> String {
        var out = ""
        write(to: &out, pretty: pretty, indent: 0)
        out += "\n"
        return out
    }

    private func write(to out: inout String, pretty: Bool, indent: Int) {
        switch self {
        case .null: out += "null"
        case let .bool(b): out += b ? "true" : "false"
        case let .int(i): out += String(i)
        case let .number(d): out += d.isFinite ? Num.short(d) : "null"
        case let .string(s): Self.writeString(s, to: &out)
        case let .array(items):
            writeContainer("[", "]", items, to: &out, pretty: pretty, indent: indent) { item, out in
                item.write(to: &out, pretty: pretty, indent: indent + 1)
            }
        case let .object(members):
            writeContainer("{", "}", members, to: &out, pretty: pretty, indent: indent) { member, out in
                Self.writeString(member.0, to: &out)
                out += pretty ? ": " : ":"
                member.1.write(to: &out, pretty: pretty, indent: indent + 1)
            }
        }
    }

    private func writeContainer<T>(
        _ open: String, _ close: String, _ items: [T], to out: inout String, pretty: Bool, indent: Int,
        _ element: (T, inout String) -> Void
    ) {
        out += open
        guard !items.isEmpty else { out += close; return }
        let inner = pretty ? "\n" + String(repeating: "  ", count: indent + 1) : ""
        for (i, item) in items.enumerated() {
            if i > 0 { out += "," }
            out += inner
            element(item, &out)
        }
        if pretty { out += "\n" + String(repeating: "  ", count: indent) }
        out += close
    }

    /// RFC 8259: escape `"`, `\` and control characters; everything else (Chinese, "/")
    /// is written as raw UTF-8 so the file stays readable.
    static func writeString(_ s: String, to out: inout String) {
        out += "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where u.value < 0x20:
                let hex = String(u.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(u)
            }
        }
        out += "\""
    }
}

// Literals keep hand-built documents short: ["id": "E1001", "visits": 3].
extension JSONValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral,
    ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral
{
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(floatLiteral value: Double) { self = .number(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    /// Dictionary literals keep their written order (they are KeyValuePairs, not a Dictionary).
    public init(dictionaryLiteral elements: (String, JSONValue)...) { self = .object(elements) }
}

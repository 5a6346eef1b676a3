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
        // Bytes, not String appends: a ranking of a whole bank is megabytes of JSON.
        var out: [UInt8] = []
        out.reserveCapacity(1 << 16)
        write(to: &out, pretty: pretty, indent: 0)
        out.append(0x0A)
        return String(decoding: out, as: UTF8.self)
    }

    private func write(to out: inout [UInt8], pretty: Bool, indent: Int) {
        switch self {
        case .null: out += "null".utf8
        case let .bool(b): out += (b ? "true" : "false").utf8
        case let .int(i): out += String(i).utf8
        case let .number(d): out += (d.isFinite ? Num.short(d) : "null").utf8
        case let .string(s): Self.writeString(s, to: &out)
        case let .array(items):
            writeContainer(0x5B, 0x5D, items, to: &out, pretty: pretty, indent: indent) { item, out in
                item.write(to: &out, pretty: pretty, indent: indent + 1)
            }
        case let .object(members):
            writeContainer(0x7B, 0x7D, members, to: &out, pretty: pretty, indent: indent) { member, out in
                Self.writeString(member.0, to: &out)
                out.append(0x3A)  // ":"
                if pretty { out.append(0x20) }
                member.1.write(to: &out, pretty: pretty, indent: indent + 1)
            }
        }
    }

    private func writeContainer<T>(
        _ open: UInt8, _ close: UInt8, _ items: [T], to out: inout [UInt8], pretty: Bool, indent: Int,
        _ element: (T, inout [UInt8]) -> Void
    ) {
        out.append(open)
        guard !items.isEmpty else { out.append(close); return }
        for (i, item) in items.enumerated() {
            if i > 0 { out.append(0x2C) }  // ","
            if pretty {
                out.append(0x0A)
                out.append(contentsOf: repeatElement(0x20, count: 2 * (indent + 1)))
            }
            element(item, &out)
        }
        if pretty {
            out.append(0x0A)
            out.append(contentsOf: repeatElement(0x20, count: 2 * indent))
        }
        out.append(close)
    }

    /// RFC 8259: escape `"`, `\` and control characters; everything else (Chinese, "/")
    /// is written as raw UTF-8 so the file stays readable.
    static func writeString(_ s: String, to out: inout [UInt8]) {
        out.append(0x22)
        var s = s
        s.withUTF8 { b in
            var start = 0
            for i in 0..<b.count {
                let c = b[i]
                guard c < 0x20 || c == 0x22 || c == 0x5C else { continue }
                out.append(contentsOf: b[start..<i])
                start = i + 1
                switch c {
                case 0x22: out += #"\""#.utf8
                case 0x5C: out += #"\\"#.utf8
                case 0x0A: out += #"\n"#.utf8
                case 0x0D: out += #"\r"#.utf8
                case 0x09: out += #"\t"#.utf8
                default:
                    let hex = String(c, radix: 16)
                    out += ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8
                }
            }
            out.append(contentsOf: b[start..<b.count])
        }
        out.append(0x22)
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

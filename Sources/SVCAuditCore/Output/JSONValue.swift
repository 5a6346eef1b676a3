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
    /// An array whose elements are made one at a time as it is written: a ranking or report of
    /// a whole bank holds one entry's tree at a time, never the whole list's (SPEC §5).
    case lazyArray(LazyArray)

    public struct LazyArray: Sendable {
        public let count: Int
        let element: @Sendable (Int) -> JSONValue
        public init(count: Int, element: @escaping @Sendable (Int) -> JSONValue) {
            self.count = count
            self.element = element
        }
        public var elements: [JSONValue] { (0..<count).map(element) }
    }

    /// `count` elements made by `element(i)` as they are written.
    public static func lazy(_ count: Int, _ element: @escaping @Sendable (Int) -> JSONValue) -> JSONValue {
        .lazyArray(LazyArray(count: count, element: element))
    }

    /// The elements of an array, lazy or not (tests look inside documents with it).
    public var arrayElements: [JSONValue]? {
        switch self {
        case let .array(items): return items
        case let .lazyArray(l): return l.elements
        default: return nil
        }
    }

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
        case (.lazyArray, _), (_, .lazyArray):
            guard let x = a.arrayElements, let y = b.arrayElements else { return false }
            return x == y
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
        write(to: &out, pretty: pretty, indent: 0, drain: nil)
        out.append(0x0A)
        return String(decoding: out, as: UTF8.self)
    }

    /// The same bytes as `render`, handed to `sink` in chunks of about `chunk` bytes as they
    /// are made, so the whole text is never held. `sink` returns false to stop taking bytes (a
    /// closed pipe, a full disk); the result says whether every byte was taken.
    public func write(pretty: Bool = true, chunk: Int = 1 << 16, to sink: (UnsafeRawBufferPointer) -> Bool) -> Bool {
        var out: [UInt8] = []
        out.reserveCapacity(chunk + 4096)
        var ok = true
        func drain(_ bytes: inout [UInt8]) {
            if ok { ok = bytes.withUnsafeBytes(sink) }
            bytes.removeAll(keepingCapacity: true)
        }
        withoutActuallyEscaping(drain) { drain in
            write(to: &out, pretty: pretty, indent: 0, drain: Drain(limit: chunk, call: drain))
        }
        out.append(0x0A)
        drain(&out)
        return ok
    }

    /// Where a streamed document's bytes go once `limit` of them are buffered.
    private struct Drain {
        let limit: Int
        let call: (inout [UInt8]) -> Void
    }

    private func write(to out: inout [UInt8], pretty: Bool, indent: Int, drain: Drain?) {
        switch self {
        case .null: out += "null".utf8
        case let .bool(b): out += (b ? "true" : "false").utf8
        case let .int(i): out += String(i).utf8
        case let .number(d): out += (d.isFinite ? Num.short(d) : "null").utf8
        case let .string(s): Self.writeString(s, to: &out)
        case let .array(items):
            writeContainer(0x5B, 0x5D, items, to: &out, pretty: pretty, indent: indent, drain: drain) { item, out in
                item.write(to: &out, pretty: pretty, indent: indent + 1, drain: drain)
            }
        case let .lazyArray(l):
            writeContainer(0x5B, 0x5D, 0..<l.count, to: &out, pretty: pretty, indent: indent, drain: drain) { i, out in
                l.element(i).write(to: &out, pretty: pretty, indent: indent + 1, drain: drain)
            }
        case let .object(members):
            writeContainer(0x7B, 0x7D, members, to: &out, pretty: pretty, indent: indent, drain: drain) { member, out in
                Self.writeString(member.0, to: &out)
                out.append(0x3A)  // ":"
                if pretty { out.append(0x20) }
                member.1.write(to: &out, pretty: pretty, indent: indent + 1, drain: drain)
            }
        }
    }

    private func writeContainer<C: Collection>(
        _ open: UInt8, _ close: UInt8, _ items: C, to out: inout [UInt8], pretty: Bool, indent: Int, drain: Drain?,
        _ element: (C.Element, inout [UInt8]) -> Void
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
            if let drain, out.count >= drain.limit { drain.call(&out) }
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

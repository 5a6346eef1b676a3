/// A JSON document with ordered object keys, rendered to deterministic bytes.
///
/// JSONSerialization/JSONEncoder neither keep key order nor round numbers the way SPEC §3
/// wants (2 decimals, half away from zero), so the canonical `--format json` is built here.
public enum JSONValue: Sendable, Equatable {
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
        case .null: out.append(contentsOf: Self.nullBytes)
        case let .bool(b): out.append(contentsOf: b ? Self.trueBytes : Self.falseBytes)
        case let .int(i): Self.writeInt(i, to: &out)
        case let .number(d): Self.writeNumber(d, to: &out)
        case let .string(s): Self.writeString(s, to: &out)
        case let .array(items):
            guard !items.isEmpty else { out.append(0x5B); out.append(0x5D); return }
            out.append(0x5B)  // "["
            for i in items.indices {
                Self.separate(first: i == 0, to: &out, pretty: pretty, indent: indent)
                items[i].write(to: &out, pretty: pretty, indent: indent + 1, drain: drain)
                if let drain, out.count >= drain.limit { drain.call(&out) }
            }
            Self.close(0x5D, to: &out, pretty: pretty, indent: indent)
        case let .lazyArray(l):
            guard l.count > 0 else { out.append(0x5B); out.append(0x5D); return }
            out.append(0x5B)
            for i in 0..<l.count {
                Self.separate(first: i == 0, to: &out, pretty: pretty, indent: indent)
                l.element(i).write(to: &out, pretty: pretty, indent: indent + 1, drain: drain)
                if let drain, out.count >= drain.limit { drain.call(&out) }
            }
            Self.close(0x5D, to: &out, pretty: pretty, indent: indent)
        case let .object(members):
            guard !members.isEmpty else { out.append(0x7B); out.append(0x7D); return }
            out.append(0x7B)  // "{"
            for i in members.indices {
                Self.separate(first: i == 0, to: &out, pretty: pretty, indent: indent)
                Self.writeString(members[i].0, to: &out)
                out.append(0x3A)  // ":"
                if pretty { out.append(0x20) }
                members[i].1.write(to: &out, pretty: pretty, indent: indent + 1, drain: drain)
                if let drain, out.count >= drain.limit { drain.call(&out) }
            }
            Self.close(0x7D, to: &out, pretty: pretty, indent: indent)
        }
    }

    private static let nullBytes: [UInt8] = Array("null".utf8)
    private static let trueBytes: [UInt8] = Array("true".utf8)
    private static let falseBytes: [UInt8] = Array("false".utf8)
    private static let spaces = [UInt8](repeating: 0x20, count: 128)

    /// Before an element: "," after the first, then in pretty form a new line and the indent.
    @inline(__always)
    private static func separate(first: Bool, to out: inout [UInt8], pretty: Bool, indent: Int) {
        if !first { out.append(0x2C) }  // ","
        if pretty { newline(to: &out, indent: indent + 1) }
    }

    @inline(__always)
    private static func close(_ c: UInt8, to out: inout [UInt8], pretty: Bool, indent: Int) {
        if pretty { newline(to: &out, indent: indent) }
        out.append(c)
    }

    private static func newline(to out: inout [UInt8], indent: Int) {
        out.append(0x0A)
        var n = 2 * indent
        while n > 0 {
            let k = min(n, spaces.count)
            spaces.withUnsafeBufferPointer { out.append(contentsOf: UnsafeBufferPointer(rebasing: $0[0..<k])) }
            n -= k
        }
    }

    /// `String(i)`'s digits, written in place.
    static func writeInt(_ i: Int, to out: inout [UInt8]) {
        if i >= 0 && i < 10 { out.append(UInt8(48 + i)); return }
        if i < 0 { out.append(0x2D) }  // "-"
        writeDigits(i.magnitude, to: &out)
    }

    private static func writeDigits(_ m: UInt, to out: inout [UInt8]) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { buf in
            var m = m, n = 20
            repeat {
                n -= 1
                buf[n] = UInt8(truncatingIfNeeded: 48 + m % 10)
                m /= 10
            } while m > 0
            out.append(contentsOf: UnsafeBufferPointer(rebasing: buf[n..<20]))
        }
    }

    /// `Num.short`'s spelling, written in place: below 10^13 (15 digits with the hundredths)
    /// the shortest round-tripping spelling of a value rounded to hundredths is those
    /// hundredths, trailing zeros dropped and one kept after the point ("91.25", "88.0") — a
    /// Double tells any two decimals of 15 digits apart, so no shorter one names it. Other
    /// values (and NaN, infinities: null) go through `Num.short` itself. `JSONValueTests`
    /// checks the two agree.
    static func writeNumber(_ d: Double, to out: inout [UInt8]) {
        guard d.isFinite else { out.append(contentsOf: nullBytes); return }
        let scaled = (d * 100).rounded(.toNearestOrAwayFromZero)
        guard abs(scaled) < 1e15 else { out += Num.short(d).utf8; return }
        let h = Int64(scaled)
        if h < 0 { out.append(0x2D) }
        let m = h.magnitude
        writeDigits(UInt(m / 100), to: &out)
        out.append(0x2E)  // "."
        let f = UInt8(truncatingIfNeeded: m % 100)
        out.append(48 + f / 10)
        if f % 10 != 0 { out.append(48 + f % 10) }
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
                out.append(contentsOf: UnsafeBufferPointer(rebasing: b[start..<i]))
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
            out.append(contentsOf: UnsafeBufferPointer(rebasing: b[start..<b.count]))
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

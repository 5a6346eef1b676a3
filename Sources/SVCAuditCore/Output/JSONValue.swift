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
        var out = JSONBytes(capacity: 1 << 16)
        defer { out.release() }
        write(to: &out, pretty: pretty, indent: 0, drain: nil, jobs: 1)
        out.append(0x0A)
        return String(decoding: out.bytes, as: UTF8.self)
    }

    /// The same bytes as `render`, handed to `sink` in chunks of about `chunk` bytes as they
    /// are made, so the whole text is never held. `sink` returns false to stop taking bytes (a
    /// closed pipe, a full disk); the result says whether every byte was taken. With `jobs`
    /// above 1 a long lazy array (a ranking's entries) is rendered in blocks on that many
    /// threads, handed to `sink` in order: the same bytes.
    public func write(pretty: Bool = true, chunk: Int = 1 << 16, jobs: Int = 1, to sink: (UnsafeRawBufferPointer) -> Bool) -> Bool {
        var out = JSONBytes(capacity: chunk + 4096)
        defer { out.release() }
        var ok = true
        func drain(_ bytes: inout JSONBytes) {
            if ok { ok = sink(UnsafeRawBufferPointer(bytes.bytes)) }
            bytes.clear()
        }
        withoutActuallyEscaping(drain) { drain in
            write(to: &out, pretty: pretty, indent: 0, drain: Drain(limit: chunk, call: drain), jobs: jobs)
        }
        out.append(0x0A)
        drain(&out)
        return ok
    }

    /// Where a streamed document's bytes go once `limit` of them are buffered.
    private struct Drain {
        let limit: Int
        let call: (inout JSONBytes) -> Void
    }

    private func write(to out: inout JSONBytes, pretty: Bool, indent: Int, drain: Drain?, jobs: Int) {
        switch self {
        case .null: out.append("null")
        case let .bool(b): if b { out.append("true") } else { out.append("false") }
        case let .int(i): Self.writeInt(i, to: &out)
        case let .number(d): Self.writeNumber(d, to: &out)
        case let .string(s): Self.writeString(s, to: &out)
        case let .array(items):
            guard !items.isEmpty else { out.append("[]"); return }
            out.append(0x5B)  // "["
            for i in items.indices {
                Self.separate(first: i == 0, to: &out, pretty: pretty, indent: indent)
                items[i].write(to: &out, pretty: pretty, indent: indent + 1, drain: drain, jobs: jobs)
                if let drain, out.count >= drain.limit { drain.call(&out) }
            }
            Self.close(0x5D, to: &out, pretty: pretty, indent: indent)
        case let .lazyArray(l):
            guard l.count > 0 else { out.append("[]"); return }
            out.append(0x5B)
            if jobs > 1 && l.count >= 2 * Self.block {
                Self.writeInBlocks(l, to: &out, pretty: pretty, indent: indent, drain: drain, jobs: jobs)
                Self.close(0x5D, to: &out, pretty: pretty, indent: indent)
                return
            }
            for i in 0..<l.count {
                Self.separate(first: i == 0, to: &out, pretty: pretty, indent: indent)
                l.element(i).write(to: &out, pretty: pretty, indent: indent + 1, drain: drain, jobs: jobs)
                if let drain, out.count >= drain.limit { drain.call(&out) }
            }
            Self.close(0x5D, to: &out, pretty: pretty, indent: indent)
        case let .object(members):
            guard !members.isEmpty else { out.append("{}"); return }
            out.append(0x7B)  // "{"
            for i in members.indices {
                Self.separate(first: i == 0, to: &out, pretty: pretty, indent: indent)
                Self.writeString(members[i].0, to: &out)
                out.append(0x3A)  // ":"
                if pretty { out.append(0x20) }
                // `jobs` goes down with the value: a report's long arrays are members of its
                // top object, and without it they were rendered on one thread.
                members[i].1.write(to: &out, pretty: pretty, indent: indent + 1, drain: drain, jobs: jobs)
                if let drain, out.count >= drain.limit { drain.call(&out) }
            }
            Self.close(0x7D, to: &out, pretty: pretty, indent: indent)
        }
    }

    /// Elements of a long lazy array rendered together on one thread (~60 KB of a ranking).
    static let block = 128

    /// A lazy array's elements (without its brackets), rendered `block` at a time on `jobs`
    /// threads and appended in order: the bytes the one-thread loop above writes.
    private static func writeInBlocks(_ l: LazyArray, to out: inout JSONBytes, pretty: Bool, indent: Int, drain: Drain?, jobs: Int) {
        let blocks = (l.count + block - 1) / block
        OrderedParallel.run(count: blocks, jobs: jobs, window: 4 * jobs, state: {}, make: { b, _ in
            let chunk = JSONChunk()
            for i in b * block..<min(l.count, (b + 1) * block) {
                separate(first: i == 0, to: &chunk.bytes, pretty: pretty, indent: indent)
                // One thread a block: what is inside an element is not split again.
                l.element(i).write(to: &chunk.bytes, pretty: pretty, indent: indent + 1, drain: nil, jobs: 1)
            }
            return chunk
        }, take: { chunk in
            out.append(chunk.bytes.bytes)
            if let drain, out.count >= drain.limit { drain.call(&out) }
        })
    }

    /// One block's bytes, made on one thread and appended on another.
    private final class JSONChunk: @unchecked Sendable {
        var bytes = JSONBytes(capacity: 1 << 16)
        deinit { bytes.release() }
    }

    /// Before an element: "," after the first, then in pretty form a new line and the indent.
    @inline(__always)
    private static func separate(first: Bool, to out: inout JSONBytes, pretty: Bool, indent: Int) {
        if !first { out.append(0x2C) }  // ","
        if pretty { out.newline(indent: indent + 1) }
    }

    @inline(__always)
    private static func close(_ c: UInt8, to out: inout JSONBytes, pretty: Bool, indent: Int) {
        if pretty { out.newline(indent: indent) }
        out.append(c)
    }

    /// `String(i)`'s digits, written in place.
    static func writeInt(_ i: Int, to out: inout JSONBytes) {
        if i >= 0 && i < 10 { out.append(UInt8(48 + i)); return }
        if i < 0 { out.append(0x2D) }  // "-"
        out.digits(i.magnitude)
    }

    /// `Num.short`'s spelling (its `writeShort`), written in place; NaN and infinities are null.
    static func writeNumber(_ d: Double, to out: inout JSONBytes) {
        guard d.isFinite else { out.append("null"); return }
        out.write(upTo: Num.shortRoom) { Num.writeShort(d, to: $0) }
    }

    /// RFC 8259: escape `"`, `\` and control characters; everything else (Chinese, "/")
    /// is written as raw UTF-8 so the file stays readable.
    static func writeString(_ s: String, to out: inout JSONBytes) {
        var s = s
        s.withUTF8 { b in
            out.reserve(b.count + 2)
            out.append(0x22)
            var start = 0
            for i in 0..<b.count {
                let c = b[i]
                guard c < 0x20 || c == 0x22 || c == 0x5C else { continue }
                out.append(UnsafeBufferPointer(rebasing: b[start..<i]))
                start = i + 1
                switch c {
                case 0x22: out.append(#"\""#)
                case 0x5C: out.append(#"\\"#)
                case 0x0A: out.append(#"\n"#)
                case 0x0D: out.append(#"\r"#)
                case 0x09: out.append(#"\t"#)
                default:
                    // \u00XX, lowercase hex (what String(c, radix: 16) padded to 4 gave).
                    let hex: [UInt8] = Array("0123456789abcdef".utf8)
                    out.append(#"\u00"#)
                    out.append(hex[Int(c >> 4)])
                    out.append(hex[Int(c & 0xF)])
                }
            }
            out.append(UnsafeBufferPointer(rebasing: b[start..<b.count]))
            out.append(0x22)
        }
    }
}

/// The bytes of a document being written: raw memory grown by hand, so a small append is a
/// store and one bound check (an Array's append checks uniqueness and capacity, and its
/// generic `append(contentsOf:)` walks its argument: ~80 instructions an output byte).
struct JSONBytes {
    private(set) var base: UnsafeMutablePointer<UInt8>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int) {
        self.capacity = Swift.max(capacity, 64)
        base = .allocate(capacity: self.capacity)
    }

    func release() { base.deallocate() }

    var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base, count: count) }

    mutating func clear() { count = 0 }

    @inline(__always)
    mutating func reserve(_ n: Int) {
        if count + n > capacity { grow(count + n) }
    }

    /// Lets `body` write up to `n` bytes at the end; it returns how many it wrote.
    mutating func write(upTo n: Int, _ body: (UnsafeMutablePointer<UInt8>) -> Int) {
        reserve(n)
        count += body(base + count)
    }

    private mutating func grow(_ need: Int) {
        let cap = Swift.max(need, 2 * capacity)
        let b = UnsafeMutablePointer<UInt8>.allocate(capacity: cap)
        b.update(from: base, count: count)
        base.deallocate()
        base = b
        capacity = cap
    }

    @inline(__always)
    mutating func append(_ c: UInt8) {
        reserve(1)
        base[count] = c
        count += 1
    }

    mutating func append(_ p: UnsafeBufferPointer<UInt8>) {
        guard let from = p.baseAddress, p.count > 0 else { return }
        reserve(p.count)
        (base + count).update(from: from, count: p.count)
        count += p.count
    }

    mutating func append(_ s: StaticString) {
        s.withUTF8Buffer { append($0) }
    }

    /// A new line and `indent` levels of two spaces.
    mutating func newline(indent: Int) {
        let n = 2 * indent
        reserve(n + 1)
        base[count] = 0x0A
        (base + count + 1).initialize(repeating: 0x20, count: n)
        count += n + 1
    }

    /// The decimal digits of `m`.
    mutating func digits(_ m: UInt) {
        write(upTo: 20) { Num.writeDigits(UInt64(m), to: $0) }
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

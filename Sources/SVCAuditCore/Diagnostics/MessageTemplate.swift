/// A value that fills a placeholder of a message template. Values are typed so the template
/// decides how they read in each language (a list is joined with 、 in Chinese and ", " in
/// English; a did-you-mean hint is a whole clause in either).
public enum DiagnosticArg: Hashable, Sendable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral {
    /// Shown as it is in every language: ids, values, file names, what the user typed.
    case text(String)
    /// A phrase that has a Chinese and an English form (e.g. what kind of value was found).
    case localized(zh: String, en: String)
    /// A number as a person writes it: 10 not 10.0, 0.5 stays 0.5.
    case number(Double)
    case count(Int)
    /// Joined with 、 (zh) or ", " (en).
    case list([String])
    /// "Did you mean": nothing when nil, else （是否应为 'x'？） / (did you mean 'x'?).
    case hint(String?)

    public init(stringLiteral value: String) { self = .text(value) }
    public init(integerLiteral value: Int) { self = .count(value) }

    func render(_ lang: Language) -> String {
        switch self {
        case .text(let s): return s
        case .localized(let zh, let en): return lang == .en ? en : zh
        case .number(let x):
            return x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : String(x)
        case .count(let n): return String(n)
        case .list(let xs): return xs.joined(separator: lang == .en ? ", " : "、")
        case .hint(nil): return ""
        case .hint(let s?): return lang == .en ? " (did you mean '\(s)'?)" : "（是否应为 '\(s)'？）"
        }
    }
}

/// One message in both languages, with `{name}` placeholders filled from a diagnostic's
/// arguments. `{s:name}` is "s" when the count `name` is not 1 (English plurals).
public struct MessageTemplate: Sendable {
    public let zh: String
    public let en: String

    public init(zh: String, en: String) {
        self.zh = zh
        self.en = en
    }

    public func text(_ lang: Language) -> String { lang == .en ? en : zh }

    /// The placeholder names a template text uses (plural markers included), for tests that
    /// hold both languages to the same arguments.
    public static func placeholders(in text: String) -> Set<String> {
        var out = Set<String>()
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            var name = rest[rest.index(after: open)..<close]
            if name.hasPrefix("s:") { name = name.dropFirst(2) }
            out.insert(String(name))
            rest = rest[rest.index(after: close)...]
        }
        return out
    }

    public func render(_ lang: Language, _ args: DiagnosticArgs) -> String {
        var out: [UInt8] = []
        render(lang, args, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// The message's bytes, appended to `out` (a diagnostic line is put together as bytes).
    func render(_ lang: Language, _ args: DiagnosticArgs, into out: inout [UInt8]) {
        var t = text(lang)
        // Placeholders are found in the bytes: `{` and `}` are ASCII, never part of a Chinese
        // character's bytes. Walking the text as Characters (grapheme breaking) cost ~37,000
        // instructions a message, and `validate` prints several a file. Names are looked up
        // by their bytes, with no String made of them.
        t.withUTF8 { b in
            out.reserveCapacity(out.count + b.count + 64)
            var start = 0
            var i = 0
            while i < b.count {
                guard b[i] == 0x7B, let close = b[(i + 1)...].firstIndex(of: 0x7D) else { i += 1; continue }
                out.append(contentsOf: b[start..<i])
                let plural = close - i > 2 && b[i + 1] == 0x73 && b[i + 2] == 0x3A  // "s:"
                let name = UnsafeBufferPointer(rebasing: b[(i + (plural ? 3 : 1))..<close])
                if plural {
                    if case .count(let n)? = args.value(named: name), n != 1 { out.append(0x73) }  // "s"
                } else if let v = args.value(named: name) {
                    out.append(contentsOf: v.render(lang).utf8)
                } else {
                    out.append(contentsOf: b[i...close])  // a missing argument shows, so tests catch it
                }
                i = close + 1
                start = i
            }
            out.append(contentsOf: b[start...])
        }
    }
}

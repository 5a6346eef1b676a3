/// Typed access to the keys of one YAML mapping, reporting every problem with its mark.
///
/// Each getter marks its key as known; `finish()` then reports the keys nobody asked for as
/// unknown, with a "did you mean" hint — a typo can never silently drop data (SPEC §1).
struct MappingReader {
    let node: YAMLNode
    let pairs: [YAMLPair]
    /// What this mapping is, for messages: "checklist", "item C01", "staff member E1001".
    let what: String
    private var known: [String] = []

    /// Nil (with an error) when `node` is not a mapping.
    init?(_ node: YAMLNode, what: String, diags: inout DiagnosticList) {
        guard case .mapping(let pairs) = node.kind else {
            diags.error("wrong-type", "\(what) must be a mapping of keys to values, found \(node.kindDescription)", at: node.mark)
            return nil
        }
        self.node = node
        self.pairs = pairs
        self.what = what
    }

    func pair(_ key: String) -> YAMLPair? { pairs.first { $0.key == key } }

    mutating func raw(_ key: String) -> YAMLNode? {
        known.append(key)
        return pair(key)?.value
    }

    /// Reports a missing required key at the mapping's own mark.
    func missing(_ key: String, diags: inout DiagnosticList) {
        diags.error("missing-field", "\(what) is missing the required field '\(key)'", at: node.mark)
    }

    mutating func string(_ key: String, required: Bool = false, diags: inout DiagnosticList) -> String? {
        guard let v = raw(key), !(v.isNull && !required) else {
            if required { missing(key, diags: &diags) }
            return nil
        }
        guard let s = v.scalar, !v.isNull else {
            diags.error("wrong-type", "'\(key)' must be text, found \(v.kindDescription)", at: v.mark)
            return nil
        }
        if required, s.trimmingSpaces.isEmpty {
            diags.error("missing-field", "'\(key)' of \(what) is empty", at: v.mark)
            return nil
        }
        return s
    }

    mutating func number(_ key: String, required: Bool = false, diags: inout DiagnosticList) -> (Double, Mark)? {
        guard let v = raw(key), !v.isNull else {
            if required { missing(key, diags: &diags) }
            return nil
        }
        guard let x = Self.number(v) else {
            diags.error("wrong-type", "'\(key)' must be a number, found \(v.kindDescription)", at: v.mark)
            return nil
        }
        return (x, v.mark)
    }

    mutating func integer(_ key: String, diags: inout DiagnosticList) -> (Int, Mark)? {
        guard let v = raw(key), !v.isNull else { return nil }
        guard let x = Self.integer(v) else {
            diags.error("wrong-type", "'\(key)' must be a whole number, found \(v.kindDescription)", at: v.mark)
            return nil
        }
        return (x, v.mark)
    }

    mutating func bool(_ key: String, diags: inout DiagnosticList) -> Bool? {
        guard let v = raw(key), !v.isNull else { return nil }
        if case .scalar(let s, true) = v.kind {
            switch s {
            case "true", "True", "TRUE", "yes", "Yes": return true
            case "false", "False", "FALSE", "no", "No": return false
            default: break
            }
        }
        diags.error("wrong-type", "'\(key)' must be true or false, found \(v.kindDescription)", at: v.mark)
        return nil
    }

    mutating func day(_ key: String, required: Bool = false, diags: inout DiagnosticList) -> Day? {
        guard let v = raw(key), !v.isNull else {
            if required { missing(key, diags: &diags) }
            return nil
        }
        return Self.day(v, key: key, diags: &diags)
    }

    /// One of a fixed set of words (`scope`, `type`, `method`, …).
    mutating func choice<T: RawRepresentable & CaseIterable>(_ key: String, _ type: T.Type, required: Bool = false,
                                                             diags: inout DiagnosticList) -> T? where T.RawValue == String {
        guard let s = string(key, required: required, diags: &diags), let v = pair(key)?.value else { return nil }
        if let t = T(rawValue: s) { return t }
        let allowed = T.allCases.map(\.rawValue)
        diags.error("bad-value", "'\(key)' must be one of \(allowed.joined(separator: ", ")), found '\(s)'"
            + Suggestion.hint(for: s, in: allowed), at: v.mark)
        return nil
    }

    /// A list of text values; a single text is not accepted (it would hide a missing `[ ]`).
    mutating func stringList(_ key: String, diags: inout DiagnosticList) -> [(String, Mark)]? {
        guard let v = raw(key), !v.isNull else { return nil }
        guard case .sequence(let items) = v.kind else {
            diags.error("wrong-type", "'\(key)' must be a list such as [a, b], found \(v.kindDescription)", at: v.mark)
            return nil
        }
        var out: [(String, Mark)] = []
        for item in items {
            guard let s = item.scalar, !item.isNull else {
                diags.error("wrong-type", "each entry of '\(key)' must be text, found \(item.kindDescription)", at: item.mark)
                continue
            }
            out.append((s, item.mark))
        }
        return out
    }

    /// Reports the keys no getter asked for.
    func finish(diags: inout DiagnosticList) {
        for p in pairs where !known.contains(p.key) {
            diags.error("unknown-key", "unknown key '\(p.key)' in \(what)" + Suggestion.hint(for: p.key, in: known), at: p.keyMark)
        }
    }

    // MARK: scalar interpretation

    /// A plain scalar read as a number. Quoted text is never a number.
    static func number(_ v: YAMLNode) -> Double? {
        guard case .scalar(let s, let plain) = v.kind else { return nil }
        return AnswerGrammar.number(s, plain: plain)
    }

    static func integer(_ v: YAMLNode) -> Int? {
        guard case .scalar(let s, let plain) = v.kind else { return nil }
        return AnswerGrammar.integer(s, plain: plain)
    }

    static func day(_ v: YAMLNode, key: String, diags: inout DiagnosticList) -> Day? {
        guard let s = v.scalar, !v.isNull else {
            diags.error("bad-date", "'\(key)' must be a date YYYY-MM-DD, found \(v.kindDescription)", at: v.mark)
            return nil
        }
        switch Day.parse(s) {
        case .ok(let d):
            return d
        case .badForm(let suggestion):
            diags.error("bad-date", "'\(key)' must be a date in YYYY-MM-DD form, found '\(s)'"
                + (suggestion.map { " (did you mean \($0)?)" } ?? ""), at: v.mark)
        case .noSuchDay(let n):
            diags.error("bad-date", "'\(key)' is not a real date: '\(s)' (that month has \(n) days)", at: v.mark)
        }
        return nil
    }
}

extension String {
    var trimmingSpaces: Substring {
        // Most values (every cell of a 400,000-row roster) start and end with a visible ASCII
        // byte: say so without asking Unicode about each character.
        // (CJK ideographs count as visible too: names and branch names start and end with them.)
        func visible(_ c: Unicode.Scalar) -> Bool { (0x21...0x7E).contains(c.value) || (0x3400...0x9FFF).contains(c.value) }
        if let a = unicodeScalars.first, let b = unicodeScalars.last, visible(a), visible(b) { return self[...] }
        var s = self[...]
        while let c = s.first, c.isWhitespace { s.removeFirst() }
        while let c = s.last, c.isWhitespace { s.removeLast() }
        return s
    }
}

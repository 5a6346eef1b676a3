/// Typed access to the keys of one YAML mapping, reporting every problem with its mark.
///
/// Each getter marks its key as known; `finish()` then reports the keys nobody asked for as
/// unknown, with a "did you mean" hint — a typo can never silently drop data (SPEC §1).
struct MappingReader {
    let node: YAMLNode
    let pairs: [YAMLPair]
    /// What this mapping is, for messages: "checklist", "item C01", "staff member E1001".
    let what: DiagnosticArg
    private var known: [String] = []

    /// Nil (with an error) when `node` is not a mapping.
    init?(_ node: YAMLNode, what: DiagnosticArg, diags: inout DiagnosticList) {
        guard case .mapping(let pairs) = node.kind else {
            diags.error(.wrongType, ["field": what, "expected": .phrase("键值映射（key: value）", "a mapping of keys to values"), "found": node.found], at: node.mark)
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
        diags.error(.missingField, ["what": what, "key": .text(key), "state": .phrase("没有填写", "is missing")], at: node.mark)
    }

    mutating func string(_ key: String, required: Bool = false, diags: inout DiagnosticList) -> String? {
        guard let v = raw(key), !(v.isNull && !required) else {
            if required { missing(key, diags: &diags) }
            return nil
        }
        guard let s = v.scalar, !v.isNull else {
            diags.error(.wrongType, ["field": .field(key), "expected": .phrase("文字", "text"), "found": v.found], at: v.mark)
            return nil
        }
        if required, s.trimmingSpaces.isEmpty {
            diags.error(.missingField, ["what": what, "key": .text(key), "state": .phrase("是空的", "is empty")], at: v.mark)
            return nil
        }
        if required, Placeholder.matches(s) {
            diags.error(.placeholder, ["key": .text(key), "value": .text(s)], at: v.mark)
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
            diags.error(.wrongType, ["field": .field(key), "expected": .phrase("数字", "a number"), "found": v.found], at: v.mark)
            return nil
        }
        return (x, v.mark)
    }

    mutating func integer(_ key: String, diags: inout DiagnosticList) -> (Int, Mark)? {
        guard let v = raw(key), !v.isNull else { return nil }
        guard let x = Self.integer(v) else {
            diags.error(.wrongType, ["field": .field(key), "expected": .phrase("整数", "a whole number"), "found": v.found], at: v.mark)
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
        diags.error(.wrongType, ["field": .field(key), "expected": .phrase(" true 或 false", "true or false"), "found": v.found], at: v.mark)
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
        let hint = Suggestion.closest(to: s, in: allowed)
        diags.error(.badValue, ["field": .field(key),
                                "reason": .phrase("应为 \(allowed.joined(separator: "、")) 之一，这里是 '\(s)'", "must be one of \(allowed.joined(separator: ", ")), found '\(s)'", hint: hint)],
                    at: v.mark)
        return nil
    }

    /// A list of text values; a single text is not accepted (it would hide a missing `[ ]`).
    mutating func stringList(_ key: String, diags: inout DiagnosticList) -> [(String, Mark)]? {
        guard let v = raw(key), !v.isNull else { return nil }
        guard case .sequence(let items) = v.kind else {
            diags.error(.wrongType, ["field": .field(key), "expected": .phrase("列表（如 [a, b]）", "a list such as [a, b]"), "found": v.found], at: v.mark)
            return nil
        }
        var out: [(String, Mark)] = []
        for item in items {
            guard let s = item.scalar, !item.isNull else {
                diags.error(.wrongType, ["field": .phrase("'\(key)' 的每一项", "each entry of '\(key)'"), "expected": .phrase("文字", "text"), "found": item.found], at: item.mark)
                continue
            }
            out.append((s, item.mark))
        }
        return out
    }

    /// Reports the keys no getter asked for.
    func finish(diags: inout DiagnosticList) {
        for p in pairs where !known.contains(p.key) {
            diags.error(.unknownKey, ["key": .text(p.key), "what": what, "hint": .hint(Suggestion.closest(to: p.key, in: known))], at: p.keyMark)
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
            diags.error(.badDate, ["key": .text(key), "reason": .phrase("这里是\(v.found.text(.zh))", "found \(v.found.text(.en))")], at: v.mark)
            return nil
        }
        switch Day.parse(s) {
        case .ok(let d):
            return d
        case .badForm(let suggestion):
            diags.error(.badDate, ["key": .text(key), "reason": .phrase("这里是 '\(s)'", "found '\(s)'", hint: suggestion)], at: v.mark)
        case .noSuchDay(let n):
            diags.error(.badDate, ["key": .text(key), "reason": .phrase("没有 '\(s)' 这一天（那个月只有 \(n) 天）", "'\(s)' does not exist (that month has \(n) days)")], at: v.mark)
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

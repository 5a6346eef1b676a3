/// Typing slips behind a YAML syntax error, found on the raw lines around where libyaml gave up.
///
/// libyaml reports where the grammar broke, which is often the line *after* the slip and always
/// in parser words ("could not find expected ':'"). Inspectors type with a Chinese input method:
/// a full-width colon, comma, space or bracket, a missing space after a colon, a note holding
/// ': ', a tab, a bracket or quote left open. Each of these has a plain fix, and the line and
/// column where it was typed, so the message names those instead. Only called on the error path.
enum SyntaxSlips {
    /// The slip that explains a syntax error reported at `errorLine` (1-based), or nil.
    static func find(in buffer: UnsafeBufferPointer<UInt8>, errorLine: Int) -> YAMLError? {
        let lines = splitLines(buffer)
        guard !lines.isEmpty else { return nil }
        let last = min(max(errorLine, 1), lines.count)
        // The slip is on the error line or just above it; look at the nearest lines first
        // in file order, so that the line typed first is named.
        for n in max(1, last - 2)...last {
            if let slip = lineSlip(lines[n - 1], line: n) { return slip }
        }
        // A bracket or quote left open lets a flow collection or quoted text run on for many
        // lines before the parser notices: look at every line up to the error.
        for n in 1...last {
            if let slip = unbalanced(lines[n - 1], line: n) { return slip }
        }
        return nil
    }

    /// Full-width and ASCII characters that stand for the same YAML syntax.
    static let fullWidth: [Character: (ascii: String, zh: String, en: String)] = [
        "：": (":", "冒号", "colon"),
        "，": (",", "逗号", "comma"),
        "\u{3000}": (" ", "空格", "space"),
        "｛": ("{", "花括号", "brace"),
        "｝": ("}", "花括号", "brace"),
        "［": ("[", "方括号", "bracket"),
        "］": ("]", "方括号", "bracket"),
        "【": ("[", "方括号", "bracket"),
        "】": ("]", "方括号", "bracket"),
        "－": ("-", "横线", "dash"),
    ]

    // MARK: one line

    private static func lineSlip(_ chars: [Character], line: Int) -> YAMLError? {
        if let tab = tabInIndent(chars) {
            return YAMLError(.slipTab, at: Mark(line: line, column: tab + 1))
        }
        var i = indentEnd(chars)
        // A list entry: `- id: E1001` (or a full-width dash `－ id:`).
        if i < chars.count, chars[i] == "-" || chars[i] == "－", i + 1 < chars.count, chars[i + 1] == " " || chars[i + 1] == "\u{3000}" {
            if chars[i] == "－" { return fullWidthSlip(chars, at: i, line: line) }
            i += 2
            while i < chars.count, chars[i] == " " { i += 1 }
        }
        if i < chars.count, chars[i] == "\u{3000}" { return fullWidthSlip(chars, at: i, line: line) }
        let keyStart = i
        while i < chars.count, isKeyChar(chars[i]) { i += 1 }
        guard i > keyStart, isKeyStart(chars[keyStart]) else { return nil }
        let key = String(chars[keyStart..<i])
        var j = i
        while j < chars.count, chars[j] == " " { j += 1 }
        guard j < chars.count else { return nil }
        if chars[j] == "：" { return fullWidthSlip(chars, at: j, line: line) }
        guard chars[j] == ":" else { return nil }
        let afterColon = j + 1
        guard afterColon < chars.count else { return nil }
        let next = chars[afterColon]
        if next == "\u{3000}" { return fullWidthSlip(chars, at: afterColon, line: line) }
        if next != " " && next != "\t" && next != "#" {
            // `C07:合格`: the key and the answer ran together into one word.
            let value = String(chars[afterColon...]).trimmingTrailingSpaces
            return YAMLError(.slipColonSpace, ["key": .text(key), "value": .text(value)], at: Mark(line: line, column: afterColon + 1))
        }
        var v = afterColon
        while v < chars.count, chars[v] == " " { v += 1 }
        guard v < chars.count else { return nil }
        if fullWidth[chars[v]] != nil, "｛［【".contains(chars[v]) { return fullWidthSlip(chars, at: v, line: line) }
        if chars[v] == "{" || chars[v] == "[" { return flowSlip(chars, from: v, line: line) }
        if "\"'|>&*!".contains(chars[v]) { return nil }
        let valueEnd = commentStart(chars, from: v)
        return noteColon(chars, key: key, from: v, to: valueEnd, line: line)
    }

    /// Inside `{…}` / `[…]` on one line: a full-width comma or colon between entries, or a
    /// note holding ': '.
    private static func flowSlip(_ chars: [Character], from start: Int, line: Int) -> YAMLError? {
        var inQuote: Character?
        var i = start
        while i < chars.count {
            let c = chars[i]
            if let q = inQuote {
                if c == q { inQuote = nil }
            } else if c == "\"" || c == "'" {
                inQuote = c
            } else if c == "，" || c == "：" {
                // Full-width where a separator is meant: `不合格，note:` or `result：fail`.
                if c == "：" ? precededByKey(chars, at: i) : followedByKey(chars, at: i + 1) {
                    return fullWidthSlip(chars, at: i, line: line)
                }
            } else if c == "｝" || c == "］" {
                return fullWidthSlip(chars, at: i, line: line)
            }
            i += 1
        }
        // `note: 客户说: 太慢` inside the braces.
        i = start + 1
        while i < chars.count {
            if chars[i] == ":", i + 1 < chars.count, chars[i + 1] == " " {
                var k = i
                while k > 0, isKeyChar(chars[k - 1]) { k -= 1 }
                if k < i, k > 0, chars[k - 1] == " " || chars[k - 1] == "{" || chars[k - 1] == "," {
                    var v = i + 2
                    while v < chars.count, chars[v] == " " { v += 1 }
                    if v < chars.count, !"\"'{[".contains(chars[v]) {
                        var end = v
                        while end < chars.count, chars[end] != ",", chars[end] != "}" { end += 1 }
                        if let slip = noteColon(chars, key: String(chars[k..<i]), from: v, to: end, line: line) { return slip }
                    }
                }
            }
            i += 1
        }
        return nil
    }

    /// An unquoted value from `from` to `to` holding ': ' (or ending in ':').
    private static func noteColon(_ chars: [Character], key: String, from: Int, to: Int, line: Int) -> YAMLError? {
        var end = to
        while end > from, chars[end - 1] == " " { end -= 1 }
        var i = from
        while i < end {
            if chars[i] == ":", i + 1 == end || chars[i + 1] == " " {
                let value = String(chars[from..<end])
                let escaped = value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
                return YAMLError(.slipNoteColon, ["fixed": .text("\(key): \"\(escaped)\"")], at: Mark(line: line, column: i + 1))
            }
            i += 1
        }
        return nil
    }

    private static func fullWidthSlip(_ chars: [Character], at i: Int, line: Int) -> YAMLError {
        let c = chars[i]
        let f = fullWidth[c]!
        // A colon also needs the space after it: say so in the same fix.
        var after = DiagnosticArg.phrase("", "")
        if c == "：", i + 1 < chars.count, chars[i + 1] != " " {
            after = .phrase("，冒号后面再加一个空格", ", with a space after the colon")
        }
        return YAMLError(.slipFullWidth, ["char": .text(String(c)), "ascii": .text(f.ascii), "what": .phrase(f.zh, f.en), "after": after],
                         at: Mark(line: line, column: i + 1))
    }

    // MARK: brackets and quotes

    /// A value that opens a quote or a flow collection and does not close it on its line.
    private static func unbalanced(_ chars: [Character], line: Int) -> YAMLError? {
        guard let v = valueStart(chars) else { return nil }
        let first = chars[v]
        if first == "\"" || first == "'" {
            var i = v + 1
            while i < chars.count {
                if chars[i] == "\\", first == "\"" { i += 2; continue }
                if chars[i] == first {
                    if first == "'", i + 1 < chars.count, chars[i + 1] == "'" { i += 2; continue }
                    return nil
                }
                i += 1
            }
            return slip(open: first, at: v, line: line)
        }
        guard first == "{" || first == "[" else { return nil }
        var stack: [(Character, Int)] = []
        var i = v
        var previous: Character = " "
        while i < chars.count {
            let c = chars[i]
            switch c {
            case "\"", "'" where "{[,:".contains(previous):
                // A quoted entry: skip to its end (an unclosed one is the slip).
                var j = i + 1
                while j < chars.count, chars[j] != c { j += chars[j] == "\\" && c == "\"" ? 2 : 1 }
                if j >= chars.count { return slip(open: c, at: i, line: line) }
                i = j
            case "{", "[":
                stack.append((c, i))
            case "}", "]":
                guard let (open, _) = stack.last, open == (c == "}" ? "{" : "[") else {
                    return slip(open: c == "}" ? "{" : "[", at: i, line: line)
                }
                stack.removeLast()
                if stack.isEmpty { return nil }
            case "#" where previous == " " && stack.isEmpty:
                return nil
            default:
                break
            }
            if c != " " { previous = c }
            i += 1
        }
        if let (open, at) = stack.last { return slip(open: open, at: at, line: line) }
        return nil
    }

    private static func slip(open: Character, at i: Int, line: Int) -> YAMLError {
        let close: Character = open == "{" ? "}" : open == "[" ? "]" : open
        return YAMLError(.slipUnbalanced, ["open": .text(String(open)), "close": .text(String(close))], at: Mark(line: line, column: i + 1))
    }

    /// Where the value of `key: value` or `- value` starts on a line, if it has one.
    private static func valueStart(_ chars: [Character]) -> Int? {
        var i = indentEnd(chars)
        if i + 1 < chars.count, chars[i] == "-", chars[i + 1] == " " {
            i += 2
            while i < chars.count, chars[i] == " " { i += 1 }
        }
        let k = i
        while i < chars.count, isKeyChar(chars[i]) { i += 1 }
        if i > k, i + 1 < chars.count, chars[i] == ":", chars[i + 1] == " " {
            i += 2
            while i < chars.count, chars[i] == " " { i += 1 }
        } else {
            i = k
        }
        return i < chars.count ? i : nil
    }

    // MARK: characters

    private static func splitLines(_ buffer: UnsafeBufferPointer<UInt8>) -> [[Character]] {
        var bytes = Array(buffer)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        return String(decoding: bytes, as: UTF8.self)
            .split(separator: "\n", omittingEmptySubsequences: false)
            .map { line in
                var l = Array(line)
                if l.last == "\r" { l.removeLast() }
                return l
            }
    }

    private static func indentEnd(_ chars: [Character]) -> Int {
        var i = 0
        while i < chars.count, chars[i] == " " { i += 1 }
        return i
    }

    private static func tabInIndent(_ chars: [Character]) -> Int? {
        var i = 0
        while i < chars.count, chars[i] == " " || chars[i] == "\t" || chars[i] == "-" && i + 1 < chars.count && chars[i + 1] == " " {
            if chars[i] == "\t" {
                // A tab at the end of an otherwise blank line is harmless.
                return chars[i...].allSatisfy({ $0 == " " || $0 == "\t" }) ? nil : i
            }
            i += 1
        }
        return nil
    }

    private static func commentStart(_ chars: [Character], from: Int) -> Int {
        var i = from
        while i < chars.count {
            if chars[i] == "#", i > 0, chars[i - 1] == " " { return i }
            i += 1
        }
        return chars.count
    }

    private static func isKeyStart(_ c: Character) -> Bool { c.isASCII && (c.isLetter || c == "_") }
    private static func isKeyChar(_ c: Character) -> Bool { c.isASCII && (c.isLetter || c.isNumber || c == "_" || c == "." || c == "-") }

    private static func followedByKey(_ chars: [Character], at start: Int) -> Bool {
        var i = start
        while i < chars.count, chars[i] == " " || chars[i] == "\u{3000}" { i += 1 }
        let k = i
        while i < chars.count, isKeyChar(chars[i]) { i += 1 }
        guard i > k, isKeyStart(chars[k]) else { return false }
        while i < chars.count, chars[i] == " " { i += 1 }
        return i < chars.count && (chars[i] == ":" || chars[i] == "：")
    }

    private static func precededByKey(_ chars: [Character], at colon: Int) -> Bool {
        var i = colon
        while i > 0, chars[i - 1] == " " { i -= 1 }
        let end = i
        while i > 0, isKeyChar(chars[i - 1]) { i -= 1 }
        guard i < end, isKeyStart(chars[i]) else { return false }
        return i == 0 || chars[i - 1] == " " || chars[i - 1] == "{" || chars[i - 1] == ","
    }
}

private extension String {
    var trimmingTrailingSpaces: String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}

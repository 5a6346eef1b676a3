/// RFC 4180 CSV as HR's systems and Excel export it: UTF-8 (a BOM is tolerated), CRLF or LF
/// line ends, fields quoted with `"` when they hold a comma, a quote or a line break, `""` for
/// a quote inside a quoted field. Every field keeps its position, so a loader can name
/// `file:line:col` (columns count characters, as in the YAML files).
///
/// The reader only splits; what the columns mean is the loaders' business (roster, events,
/// responses, workbook import). It reads straight from the bytes: a roster of 400,000 staff
/// rows is one pass.
public struct CSVTable: Sendable {
    public struct Field: Sendable, Equatable {
        public var text: String
        /// Where the field starts (its opening quote, for a quoted field).
        public var mark: Mark
        /// Written in quotes: `"007"` is text even to a loader that reads numbers.
        public var quoted: Bool
    }

    public struct Row: Sendable, Equatable {
        public var fields: [Field]
        /// The line the row starts on (a quoted field may run over several lines).
        public var line: Int
        /// Every field is empty (`,,,` or a blank line): loaders skip such rows.
        public var isBlank: Bool { fields.allSatisfy { $0.text.isEmpty } }
    }

    /// The first row; nil for a file with no row at all.
    public var header: Row?
    /// Every row after the header, blank ones included (so line numbers stay honest).
    public var rows: [Row]
}

public enum CSVReader {
    public enum Problem: Error, Equatable, Sendable {
        /// A quoted field never closed; the mark is its opening quote.
        case unclosedQuote(Mark)
        /// A quote inside an unquoted field, or text after a closing quote (`"a"b`).
        case strayQuote(Mark)
        /// Not UTF-8, UTF-16, NUL bytes: the YAML reader's encoding check, reused.
        case encoding(YAMLError)

        public var mark: Mark {
            switch self {
            case .unclosedQuote(let m), .strayQuote(let m): return m
            case .encoding(let e): return e.mark
            }
        }
    }

    /// Splits `bytes` into rows. Stops at the first problem: past an unbalanced quote nothing
    /// after it can be trusted.
    public static func read(_ bytes: [UInt8]) -> Result<CSVTable, Problem> {
        if let e = EncodingCheck.problem(in: bytes) {
            return .failure(.encoding(e))
        }
        var start = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
        return bytes.withUnsafeBufferPointer { buf in
            var p = Parser(buf: buf, i: start)
            return p.run()
        }
    }

    private struct Parser {
        let buf: UnsafeBufferPointer<UInt8>
        var i: Int
        var line = 1
        /// Byte offset where the current line starts, for columns.
        var lineStart: Int

        init(buf: UnsafeBufferPointer<UInt8>, i: Int) {
            self.buf = buf
            self.i = i
            lineStart = i
        }

        /// Column (in Unicode scalars, 1-based) of byte offset `k` on the current line.
        func column(_ k: Int) -> Int {
            var c = 1
            var j = lineStart
            while j < k {
                if buf[j] & 0xC0 != 0x80 { c += 1 }
                j += 1
            }
            return c
        }

        mutating func run() -> Result<CSVTable, Problem> {
            var rows: [CSVTable.Row] = []
            let n = buf.count
            while i < n {
                let rowLine = line
                var fields: [CSVTable.Field] = []
                while true {
                    let mark = Mark(line: line, column: column(i))
                    if i < n, buf[i] == UInt8(ascii: "\"") {
                        // Quoted field.
                        i += 1
                        var bytes: [UInt8] = []
                        var closed = false
                        while i < n {
                            let b = buf[i]
                            if b == UInt8(ascii: "\"") {
                                if i + 1 < n, buf[i + 1] == UInt8(ascii: "\"") {
                                    bytes.append(b)
                                    i += 2
                                    continue
                                }
                                i += 1
                                closed = true
                                break
                            }
                            if b == 0x0A {
                                line += 1
                                lineStart = i + 1
                            }
                            bytes.append(b)
                            i += 1
                        }
                        guard closed else { return .failure(.unclosedQuote(mark)) }
                        if i < n, !Self.endsField(buf[i]), !(buf[i] == 0x0D && i + 1 < n && buf[i + 1] == 0x0A) {
                            return .failure(.strayQuote(Mark(line: line, column: column(i))))
                        }
                        // CRLF inside a quoted field stays as the user typed it; normalise to LF.
                        fields.append(.init(text: String(decoding: Self.dropCR(bytes), as: UTF8.self), mark: mark, quoted: true))
                    } else {
                        let s = i
                        while i < n, !Self.endsField(buf[i]) {
                            if buf[i] == UInt8(ascii: "\"") {
                                return .failure(.strayQuote(Mark(line: line, column: column(i))))
                            }
                            i += 1
                        }
                        var e = i
                        if e > s, buf[e - 1] == 0x0D, i < n, buf[i] == 0x0A { e -= 1 }  // CRLF
                        if e > s, buf[e - 1] == 0x0D, i == n { e -= 1 }                 // final CR
                        let text = String(decoding: UnsafeBufferPointer(rebasing: buf[s..<e]), as: UTF8.self)
                        fields.append(.init(text: text, mark: mark, quoted: false))
                    }
                    if i < n, buf[i] == UInt8(ascii: ",") {
                        i += 1
                        continue
                    }
                    // End of row: LF, CRLF, or end of input.
                    if i < n, buf[i] == 0x0D { i += 1 }
                    if i < n, buf[i] == 0x0A { i += 1 }
                    line += 1
                    lineStart = i
                    break
                }
                rows.append(.init(fields: fields, line: rowLine))
            }
            let header = rows.first
            return .success(CSVTable(header: header, rows: Array(rows.dropFirst())))
        }

        @inline(__always)
        static func endsField(_ b: UInt8) -> Bool { b == UInt8(ascii: ",") || b == 0x0A }

        static func dropCR(_ bytes: [UInt8]) -> [UInt8] {
            guard bytes.contains(0x0D) else { return bytes }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            for (k, b) in bytes.enumerated() where !(b == 0x0D && k + 1 < bytes.count && bytes[k + 1] == 0x0A) {
                out.append(b)
            }
            return out
        }
    }
}

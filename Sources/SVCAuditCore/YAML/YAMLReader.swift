import CYAML

/// Reads one YAML document into a `YAMLNode` tree with libyaml's event API.
///
/// The tree is built with an explicit stack, never by recursion, so nesting depth is bounded
/// by `limits.maxDepth` and nothing else. Aliases are rejected rather than expanded: svcaudit's
/// files never need them, and refusing them makes "billion laughs" inputs a one-line error.
public enum YAMLReader {
    /// Parses `bytes` (the whole file). Returns the root node, or nil when the file could not be
    /// read; `errors` holds every problem found (duplicate keys do not stop the reader).
    public static func parse(_ bytes: [UInt8], limits: YAMLLimits = .default) -> (root: YAMLNode?, errors: [YAMLError]) {
        if bytes.count > limits.maxFileBytes {
            return (nil, [YAMLError(.limitFileSize, ["name": .phrase("文件", "the file"), "size": .count(bytes.count), "max": .count(limits.maxFileBytes)],
                                    at: .start)])
        }
        if let problem = EncodingCheck.problem(in: bytes) {
            return (nil, [problem])
        }
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }  // tolerated BOM
        return body.withUnsafeBufferPointer { buffer in
            var builder = EventBuilder(limits: limits)
            return builder.run(buffer)
        }
    }
}

/// Turns libyaml events into nodes.
private struct EventBuilder {
    let limits: YAMLLimits

    /// One open collection. Frames are mutated in place on the stack (never popped and pushed
    /// back), so appending a child never copies the children gathered so far.
    private struct Frame {
        var isMapping: Bool
        var mark: Mark
        var items: [YAMLNode] = []
        var pairs: [YAMLPair] = []
        var pendingKey: String?
        var pendingMark = Mark.start
        /// The value after a duplicate key: read, then dropped.
        var dropValue = false
        /// Key -> index in `pairs`, built only once a mapping grows large; small mappings are
        /// scanned, which is cheaper than hashing.
        var index: [String: Int]?
    }

    /// Mappings with more keys than this look keys up in a dictionary.
    private static let scanLimit = 24

    private var stack: [Frame] = []
    private var root: YAMLNode?
    private var errors: [YAMLError] = []
    private var nodes = 0
    private var documents = 0

    init(limits: YAMLLimits) { self.limits = limits }

    mutating func run(_ buffer: UnsafeBufferPointer<UInt8>) -> (root: YAMLNode?, errors: [YAMLError]) {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else {
            return (nil, [YAMLError(.yamlInternal, at: .start)])
        }
        defer { yaml_parser_delete(&parser) }
        yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(&parser, buffer.baseAddress ?? UnsafePointer(bitPattern: 1)!, buffer.count)

        var event = yaml_event_t()
        while true {
            guard yaml_parser_parse(&parser, &event) == 1 else {
                errors.append(Self.parserError(parser, buffer))
                return (nil, errors)
            }
            let fatal = handle(&event)
            let type = event.type
            yaml_event_delete(&event)
            if let fatal {
                errors.append(fatal)
                return (nil, errors)
            }
            if type == YAML_STREAM_END_EVENT { break }
        }
        if documents == 0 || root == nil {
            return (nil, [.emptyFile])
        }
        return (root, errors)
    }

    /// Handles one event; returns an error that stops reading, if any.
    private mutating func handle(_ event: inout yaml_event_t) -> YAMLError? {
        let mark = Mark(line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1)
        switch event.type {
        case YAML_DOCUMENT_START_EVENT:
            documents += 1
            if documents > 1 {
                return .severalDocuments(at: mark)
            }
        case YAML_ALIAS_EVENT:
            return .alias(at: mark)
        case YAML_SCALAR_EVENT:
            let s = event.data.scalar
            if Int(s.length) > limits.maxScalarBytes {
                return .limitScalar(Int(s.length), limits, at: mark)
            }
            let text = s.value.map {
                String(decoding: UnsafeBufferPointer(start: $0, count: Int(s.length)), as: UTF8.self)
            } ?? ""
            // A tagged scalar (`!!str 10`) or any quoted/block style is text, never a number or null.
            let plain = s.style == YAML_PLAIN_SCALAR_STYLE && s.tag == nil
            return add(YAMLNode(.scalar(text, plain: plain), mark: mark))
        case YAML_SEQUENCE_START_EVENT:
            if let e = open(mark) { return e }
            stack.append(Frame(isMapping: false, mark: mark))
        case YAML_MAPPING_START_EVENT:
            if let e = open(mark) { return e }
            stack.append(Frame(isMapping: true, mark: mark))
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            guard let frame = stack.popLast() else { return nil }
            if frame.isMapping {
                return add(YAMLNode(.mapping(frame.pairs), mark: frame.mark))
            }
            return add(YAMLNode(.sequence(frame.items), mark: frame.mark))
        default:
            break
        }
        return nil
    }

    private mutating func open(_ mark: Mark) -> YAMLError? {
        nodes += 1
        if nodes > limits.maxNodes {
            return .limitNodes(limits, at: mark)
        }
        if stack.count >= limits.maxDepth {
            return .limitDepth(limits, at: mark)
        }
        return nil
    }

    private mutating func add(_ node: YAMLNode) -> YAMLError? {
        if case .scalar = node.kind {
            nodes += 1
            if nodes > limits.maxNodes {
                return .limitNodes(limits, at: node.mark)
            }
        }
        let top = stack.count - 1
        guard top >= 0 else {
            root = node
            return nil
        }
        if !stack[top].isMapping {
            stack[top].items.append(node)
            return nil
        }
        if let key = stack[top].pendingKey {
            stack[top].pendingKey = nil
            stack[top].pairs.append(YAMLPair(key: key, keyMark: stack[top].pendingMark, value: node))
            if stack[top].index != nil {
                stack[top].index![key] = stack[top].pairs.count - 1
            } else if stack[top].pairs.count > Self.scanLimit {
                var index: [String: Int] = [:]
                for (i, p) in stack[top].pairs.enumerated() { index[p.key] = i }
                stack[top].index = index
            }
            return nil
        }
        if stack[top].dropValue {
            stack[top].dropValue = false
            return nil
        }
        guard let key = node.scalar else {
            return .complexKey(node.found, at: node.mark)
        }
        let first: Int?
        if let index = stack[top].index {
            first = index[key]
        } else {
            first = stack[top].pairs.firstIndex { $0.key == key }
        }
        if let first {
            let firstMark = stack[top].pairs[first].keyMark
            errors.append(.duplicateKey(key, first: firstMark, at: node.mark))
            // Read the value but drop it, so the first value stands and the file reads on.
            stack[top].dropValue = true
            return nil
        }
        stack[top].pendingKey = key
        stack[top].pendingMark = node.mark
        return nil
    }

    private static func parserError(_ parser: yaml_parser_t, _ buffer: UnsafeBufferPointer<UInt8>) -> YAMLError {
        YAMLReader.parserError(parser, buffer)
    }
}

extension YAMLReader {
    /// What libyaml's parser stopped on, in words, with its mark (shared by `VisitReader`).
    static func parserError(_ parser: yaml_parser_t, _ buffer: UnsafeBufferPointer<UInt8>) -> YAMLError {
        let problem = parser.problem.map { String(cString: $0) } ?? "unknown problem"
        if parser.error == YAML_READER_ERROR {
            let mark = EncodingCheck.mark(ofByteOffset: Int(parser.problem_offset), in: buffer)
            return YAMLError(.yamlEncoding, ["problem": .text(problem)], at: mark)
        }
        let m = parser.problem_mark
        let mark = Mark(line: Int(m.line) + 1, column: Int(m.column) + 1)
        // A typing slip (full-width colon, missing space, tab, …) explains most errors better
        // than the parser can, and at the line where it was typed.
        if let slip = SyntaxSlips.find(in: buffer, errorLine: mark.line) { return slip }
        var en = problem
        var zh = SyntaxProblem.chinese(problem)
        if let ctx = parser.context.map({ String(cString: $0) }) {
            en += " (\(ctx) at line \(parser.context_mark.line + 1))"
            zh += "（\(SyntaxProblem.chinese(ctx))，第 \(parser.context_mark.line + 1) 行）"
        }
        return YAMLError(.yamlSyntax, ["problem": .phrase(zh, en)], at: mark)
    }
}

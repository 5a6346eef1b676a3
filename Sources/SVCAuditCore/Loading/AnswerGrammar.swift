/// The fixed words a person types in a visit file (SPEC §1.2), in one table each: answers
/// (pass / fail / na and 合格 / 不合格 / 不适用) and methods (onsite … self and 现场, 录像, 暗访,
/// 外部 or 第三方, 自查); and how a scalar reads as a number or a count. Role names and
/// aliases come from the role catalog (`ChecklistCatalog.roleID(for:)`), not from here.
public enum AnswerGrammar {
    /// Answer words → value. Compared byte for byte, then lower-cased (`PASS` is `pass`).
    public static let answers: [(word: String, value: Answer.Value)] = [
        ("pass", .pass), ("fail", .fail), ("na", .na),
        ("合格", .pass), ("不合格", .fail), ("不适用", .na),
    ]

    /// Method words → method. The English word is the canonical spelling (JSON, messages).
    public static let methods: [(word: String, method: Visit.Method)] = [
        ("onsite", .onsite), ("video", .video), ("mystery", .mystery), ("external", .external), ("self", .`self`),
        ("现场", .onsite), ("录像", .video), ("暗访", .mystery), ("外部", .external), ("第三方", .external), ("自查", .`self`),
    ]

    /// `answers` as bytes and plain values, for the reader's byte-for-byte lookup.
    private struct Words: Sendable {
        let words = ByteWords(AnswerGrammar.answers.map(\.word))
        let values = AnswerGrammar.answers.map(\.value)
    }
    private static let answerWords = Words()

    /// The answer word `bytes` spell, if any.
    @inline(__always)
    public static func word(_ bytes: UnsafeRawBufferPointer) -> Answer.Value? {
        let table = answerWords
        if let i = table.words.find(bytes) { return table.values[i] }
        return lowerCased(bytes)
    }

    /// Rare spellings (`PASS`, `Fail`): the same table, lower-cased.
    @inline(never)
    private static func lowerCased(_ bytes: UnsafeRawBufferPointer) -> Answer.Value? {
        guard bytes.count <= 16, bytes.contains(where: { $0 >= 0x41 && $0 <= 0x5A }) else { return nil }
        let lower = String(decoding: bytes, as: UTF8.self).lowercased()
        return answers.first { $0.word == lower }?.value
    }

    public static func word(_ s: String) -> Answer.Value? {
        var s = s
        return s.withUTF8 { word(UnsafeRawBufferPointer($0)) }
    }

    public static func method(_ s: String) -> Visit.Method? {
        methods.first { $0.word == s }?.method
    }

    /// `methods` as bytes, for the reader's lookup of the method as written.
    private static let methodWords = ByteWords(methods.map(\.word))

    /// The method word `bytes` spell, compared byte for byte (`method(_:)` decides the rest).
    static func method(_ bytes: UnsafeRawBufferPointer) -> Visit.Method? {
        methodWords.find(bytes).map { methods[$0].method }
    }

    /// The method words a message lists as allowed.
    public static var methodNames: [String] { Visit.Method.allCases.map(\.rawValue) }

    /// A plain scalar read as a number. Quoted text is never a number.
    public static func number(_ s: String, plain: Bool) -> Double? {
        guard plain, let first = s.utf8.first,
              first == UInt8(ascii: "-") || first == UInt8(ascii: "+") || first == UInt8(ascii: ".")
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first),
              let x = Double(s), x.isFinite else { return nil }
        return x
    }

    /// A plain scalar read as a whole number (`2`, `2.0`).
    public static func integer(_ s: String, plain: Bool) -> Int? {
        guard plain else { return nil }
        if let i = Int(s) { return i }
        if let x = number(s, plain: plain), x == x.rounded(), abs(x) < 1e15 { return Int(x) }
        return nil
    }

    /// Reads one short answer (or the `result` of a long one) for an item (SPEC §1.2):
    /// `check` takes the words, `scale` a number 0…points, `deduct`/`bonus` a count ≥ 0; every
    /// type takes `na`. `text` is nil for a collection; `found` describes the value for messages.
    static func value(_ text: String?, plain: Bool, isNull: Bool, item: ItemFacts, id: String) -> Result<Answer.Value, AnswerProblem> {
        let read: Result<Answer.Value, AnswerProblem>
        if var text {
            read = text.withUTF8 { value(bytes: UnsafeRawBufferPointer($0), plain: plain, isNull: isNull, item: item) }
        } else {
            read = value(bytes: nil, plain: plain, isNull: isNull, item: item)
        }
        return read.mapError { $0.naming(id) }
    }

    /// The same, from the value's bytes (the visit reader keeps no `String` per answer).
    /// Every answer of every visit comes through here. A `check` item takes a word (`na`
    /// included): decided here, inlined into the reader; the other types are read by
    /// `measure`. The messages are made apart (`problem`), and the item's id is added by the
    /// caller (`AnswerProblem.naming`).
    @inline(__always)
    static func value(bytes: UnsafeRawBufferPointer?, plain: Bool, isNull: Bool, item: ItemFacts) -> Result<Answer.Value, AnswerProblem> {
        guard item.type == .check else { return measure(bytes: bytes, plain: plain, isNull: isNull, item: item) }
        if !isNull, let bytes, let spelt = word(bytes) { return .success(spelt) }
        return .failure(problem(.badAnswer, item: item))
    }

    /// A `scale`, `deduct` or `bonus` answer: a number 0…points, or a count ≥ 0; or `na`. A
    /// plain run of 1–15 ASCII digits is read as the number it spells, as `Int`/`Double` would.
    @inline(never)
    private static func measure(bytes: UnsafeRawBufferPointer?, plain: Bool, isNull: Bool, item: ItemFacts) -> Result<Answer.Value, AnswerProblem> {
        var digits: Int?
        if plain, let b = bytes, b.count > 0, b.count <= 15 {
            var n = 0
            for c in b {
                guard c >= 0x30, c <= 0x39 else { n = -1; break }
                n = n * 10 + Int(c - 0x30)
            }
            if n >= 0 { digits = n }
        }
        // A run of digits spells no answer word: the words are looked up for other values only.
        let spelt = digits == nil ? bytes.flatMap { word($0) } : nil
        if !isNull, spelt == .na { return .success(.na) }
        // Other numbers (`9.5`, `1e1`, `+3`) are read from the text, as the String form reads them.
        var text: String? { digits == nil ? bytes.map { String(decoding: $0, as: UTF8.self) } : nil }
        switch item.type {
        case .check:
            return value(bytes: bytes, plain: plain, isNull: isNull, item: item)
        case .scale:
            guard !isNull, let x = digits.map(Double.init) ?? text.flatMap({ number($0, plain: plain) }) else {
                return .failure(problem(.badAnswer, item: item))
            }
            guard x >= 0, x <= item.points else { return .failure(problem(.outOfRange, item: item, value: .number(x))) }
            return .success(.value(x))
        case .deduct, .bonus:
            guard !isNull, let n = digits ?? text.flatMap({ integer($0, plain: plain) }) else {
                return .failure(problem(.badAnswer, item: item))
            }
            guard n >= 0 else { return .failure(problem(.outOfRange, item: item, value: .count(n))) }
            return .success(.count(n))
        }
    }

    /// What is wrong with an answer `value` turned down: `badAnswer` (what the item's type
    /// takes) or `outOfRange` (`value`, and the range the type allows). The item is named by
    /// the caller (`AnswerProblem.naming`).
    @inline(never)
    private static func problem(_ code: DiagnosticCode, item: ItemFacts, value: DiagnosticArg? = nil) -> AnswerProblem {
        switch (item.type, code) {
        case (.check, _):
            return .init(code: .badAnswer, args: ["kind": .phrase("合格/不合格项", "a check item"),
                "expected": .phrase("请填 合格、不合格 或 不适用（pass / fail / na）", "pass, fail or na (合格 / 不合格 / 不适用)")])
        case (.scale, .outOfRange):
            return .init(code: .outOfRange, args: ["value": value!,
                "range": .phrase("评分范围 0 到 \(MappingReader.show(item.points))", "it is scored 0 to \(MappingReader.show(item.points))")])
        case (.scale, _):
            return .init(code: .badAnswer, args: ["kind": .phrase("评分项", "a scale item"),
                "expected": .phrase("请填 0 到 \(MappingReader.show(item.points)) 的数字，或 不适用", "a number from 0 to \(MappingReader.show(item.points)), or na")])
        case (.deduct, .outOfRange), (.bonus, .outOfRange):
            return .init(code: .outOfRange, args: ["value": value!, "range": .phrase("次数不能小于 0", "it counts occurrences, 0 or more")])
        case (.deduct, _), (.bonus, _):
            return .init(code: .badAnswer, args: [
                "kind": item.type == .deduct ? .phrase("扣分项", "a deduct item") : .phrase("加分项", "a bonus item"),
                "expected": .phrase("请填发生的次数（0 或以上的整数），或 不适用", "how many times it happened (a whole number, 0 or more), or na")])
        }
    }

    struct AnswerProblem: Error {
        var code: DiagnosticCode
        /// The template's values; `item` (`naming`) and `found` (what the value is) are added
        /// by the reader.
        var args: DiagnosticArgs

        /// The problem, naming the item `id`.
        func naming(_ id: String) -> AnswerProblem {
            var p = self
            p.args["item"] = .text(id)
            return p
        }
    }
}

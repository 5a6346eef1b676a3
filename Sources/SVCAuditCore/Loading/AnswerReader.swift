/// Reads one answer — short form (`pass`, `4.5`, `2`) or long form (`{result: fail, note: …}`) —
/// checking it against the item's type and range (SPEC §1.2).
enum AnswerReader {
    static let aliases: [String: Answer.Value] = [
        "pass": .pass, "fail": .fail, "na": .na,
        "合格": .pass, "不合格": .fail, "不适用": .na,
    ]

    /// The alias a scalar spells, if any: the common spellings compared byte for byte (no
    /// Unicode hashing), anything else through `aliases`, as before.
    static func word(_ s: String) -> Answer.Value? {
        var s = s
        let fast: Answer.Value?? = s.withUTF8 { b -> Answer.Value?? in
            switch b.count {
            case 2 where b[0] == UInt8(ascii: "n") && b[1] == UInt8(ascii: "a"): return .some(.na)
            case 4 where b.elementsEqual("pass".utf8): return .some(.pass)
            case 4 where b.elementsEqual("fail".utf8): return .some(.fail)
            case 6 where b.elementsEqual("合格".utf8): return .some(.pass)
            case 9 where b.elementsEqual("不合格".utf8): return .some(.fail)
            case 9 where b.elementsEqual("不适用".utf8): return .some(.na)
            default: return nil
            }
        }
        if let fast { return fast }
        return aliases[s] ?? aliases[s.lowercased()]
    }

    static func read(_ node: YAMLNode, item: ChecklistItem, diags: inout DiagnosticList) -> Answer? {
        var note: String?
        var fixBy: Day?
        var evidence: [String] = []
        var valueNode = node
        if case .mapping = node.kind {
            guard var m = MappingReader(node, what: Noun.answer(item.id), diags: &diags) else { return nil }
            guard let r = m.raw("result") else {
                m.missing("result", diags: &diags)
                m.finish(diags: &diags)
                return nil
            }
            valueNode = r
            note = m.string("note", diags: &diags)
            fixBy = m.day("fix_by", diags: &diags)
            evidence = m.stringList("evidence", diags: &diags)?.map(\.0) ?? []
            m.finish(diags: &diags)
        }
        guard let value = readValue(valueNode, item: item, diags: &diags) else { return nil }
        let answer = Answer(item: item.id, value: value, note: note, fixBy: fixBy, evidence: evidence, mark: valueNode.mark)
        if answer.isDeduction(for: item), (note ?? "").trimmingSpaces.isEmpty {
            diags.warning(.noNote, ["item": .text(item.id)], at: valueNode.mark)
        }
        return answer
    }

    static func readValue(_ v: YAMLNode, item: ChecklistItem, diags: inout DiagnosticList) -> Answer.Value? {
        let spelt = v.scalar.flatMap(word)
        if !v.isNull, spelt == .na {
            return .na
        }
        switch item.type {
        case .check:
            if let word = spelt { return word }
            diags.error(.badAnswer, ["item": .text(item.id), "kind": .phrase("合格/不合格项", "a check item"),
                                    "expected": .phrase("请填 合格、不合格 或 不适用（pass / fail / na）", "pass, fail or na (合格 / 不合格 / 不适用)"), "found": v.found], at: v.mark)
        case .scale:
            guard let x = MappingReader.number(v) else {
                diags.error(.badAnswer, ["item": .text(item.id), "kind": .phrase("评分项", "a scale item"),
                                        "expected": .phrase("请填 0 到 \(MappingReader.show(item.points)) 的数字，或 不适用", "a number from 0 to \(MappingReader.show(item.points)), or na"), "found": v.found], at: v.mark)
                return nil
            }
            guard x >= 0, x <= item.points else {
                diags.error(.outOfRange, ["item": .text(item.id), "value": .number(x),
                                         "range": .phrase("评分范围 0 到 \(MappingReader.show(item.points))", "it is scored 0 to \(MappingReader.show(item.points))")], at: v.mark)
                return nil
            }
            return .value(x)
        case .deduct, .bonus:
            guard let n = MappingReader.integer(v) else {
                diags.error(.badAnswer, ["item": .text(item.id), "kind": item.type == .deduct ? .phrase("扣分项", "a deduct item") : .phrase("加分项", "a bonus item"),
                                        "expected": .phrase("请填发生的次数（0 或以上的整数），或 不适用", "how many times it happened (a whole number, 0 or more), or na"), "found": v.found], at: v.mark)
                return nil
            }
            guard n >= 0 else {
                diags.error(.outOfRange, ["item": .text(item.id), "value": .count(n), "range": .phrase("次数不能小于 0", "it counts occurrences, 0 or more")], at: v.mark)
                return nil
            }
            return .count(n)
        }
        return nil
    }
}

extension Answer {
    /// A failed check, a deduct count above 0, or a scale value below full points (SPEC §1.2, §2.7).
    public func isDeduction(for item: ChecklistItem) -> Bool { value.isDeduction(for: item) }

    /// A veto breach: a failed check or a deduct count of 1 or more on a veto item (SPEC §2.4).
    public func isBreach(of item: ChecklistItem) -> Bool { value.isBreach(of: item) }
}

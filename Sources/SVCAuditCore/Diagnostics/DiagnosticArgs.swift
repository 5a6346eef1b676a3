/// The values that fill a message template's placeholders, by name: written as a dictionary
/// literal (`["item": .text(id), "max": .count(10)]`), kept as the list of pairs it was
/// written as.
///
/// A message names at most a handful of values, and most diagnostics are never rendered
/// (folding commands print the first 20 warnings): a `Dictionary` hashed every name when the
/// diagnostic was made (~1,700 instructions a warning, for a few 1-3 per realistic file).
/// The literal's own array is kept as it is, and a name is found by comparing in turn.
/// Equal when they hold the same names with the same values, in any order, as a dictionary.
public struct DiagnosticArgs: Hashable, Sendable, ExpressibleByDictionaryLiteral {
    private var pairs: [(String, DiagnosticArg)]

    public init(dictionaryLiteral elements: (String, DiagnosticArg)...) {
        pairs = elements
    }

    public var count: Int { pairs.count }
    public var isEmpty: Bool { pairs.isEmpty }

    /// The value named `name`; setting nil removes it, setting a name again replaces its value.
    public subscript(name: String) -> DiagnosticArg? {
        get {
            for p in pairs where p.0 == name { return p.1 }
            return nil
        }
        set {
            if let i = pairs.firstIndex(where: { $0.0 == name }) {
                if let newValue { pairs[i].1 = newValue } else { pairs.remove(at: i) }
            } else if let newValue {
                pairs.append((name, newValue))
            }
        }
    }

    /// The value whose name is spelled by `bytes` (a placeholder read from a template's bytes),
    /// without making a String of it.
    func value(named bytes: UnsafeBufferPointer<UInt8>) -> DiagnosticArg? {
        for p in pairs {
            var name = p.0
            if name.withUTF8({ $0.count == bytes.count && $0.elementsEqual(bytes) }) { return p.1 }
        }
        return nil
    }

    public static func == (a: DiagnosticArgs, b: DiagnosticArgs) -> Bool {
        guard a.pairs.count == b.pairs.count else { return false }
        return a.pairs.allSatisfy { b[$0.0] == $0.1 }
    }

    /// Order-free, as `==` is: the pairs' own hashes combined by addition.
    public func hash(into hasher: inout Hasher) {
        var sum = 0
        for p in pairs {
            var h = Hasher()
            h.combine(p.0)
            h.combine(p.1)
            sum = sum &+ h.finalize()
        }
        hasher.combine(pairs.count)
        hasher.combine(sum)
    }
}

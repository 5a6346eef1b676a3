/// The keys of a visit file (SPEC §1.2), in one table per mapping. `VisitReader` reads by it,
/// `FileKind` tells a visit file from its top-level keys by it, and "did you mean" hints for
/// a misspelt key come from it — so a key added here is known everywhere at once.
public enum VisitSchema {
    /// One key of one mapping. `detects`: the key alone marks a file as a visit.
    public struct Key: Sendable {
        public let name: String
        public let detects: Bool
        init(_ name: String, detects: Bool = false) { self.name = name; self.detects = detects }
    }

    /// A mapping's keys; a key's position is its field number in the reader (and its bit in
    /// the reader's "seen" mask, so a mapping holds at most 32 keys).
    public struct Mapping: Sendable {
        public let keys: [Key]
        public var names: [String] { keys.map(\.name) }

        /// The field number of the key spelt by `bytes`, compared byte for byte.
        @inline(__always)
        func field(_ bytes: UnsafeRawBufferPointer) -> Int? { words.find(bytes) }

        private let words: ByteWords
        init(_ keys: [Key]) {
            self.keys = keys
            words = ByteWords(keys.map(\.name))
        }
    }

    // Field numbers, in table order.
    enum VisitField: Int { case id, branch, date, inspector, method, checklists, versions, results, staff }
    enum BranchField: Int { case id, name, parent, region }
    enum StaffField: Int { case id, name, role, results }
    enum AnswerField: Int { case result, note, fixBy, evidence }

    /// The top level of a visit file.
    public static let visit = Mapping([
        Key("id"), Key("branch", detects: true), Key("date", detects: true), Key("inspector", detects: true),
        Key("method", detects: true), Key("checklists", detects: true), Key("versions", detects: true),
        Key("results", detects: true), Key("staff", detects: true),
    ])
    /// `branch:`.
    public static let branch = Mapping([Key("id"), Key("name"), Key("parent"), Key("region")])
    /// Each entry of `staff:`.
    public static let staff = Mapping([Key("id"), Key("name"), Key("role"), Key("results")])
    /// The long form of an answer: `{result: fail, note: …, fix_by: …, evidence: […]}`.
    public static let answer = Mapping([Key("result"), Key("note"), Key("fix_by"), Key("evidence")])

    /// Top-level keys that mark a file as a visit.
    public static let detectingKeys: Set<String> = Set(visit.keys.filter(\.detects).map(\.name))
}

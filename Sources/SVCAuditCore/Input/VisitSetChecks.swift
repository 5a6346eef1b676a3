/// Checks across visits (SPEC §1.2): unique visit ids (error), and the warnings that can
/// distort a ranking — one employee id with two names or roles, the same visit recorded twice.
public struct VisitSetChecks: Sendable {
    private var ids: [String: String] = [:]                     // visit id -> file
    private var people: [String: (name: String, role: String, file: String)] = [:]
    /// branch|date|inspector|staff, as bytes (hashing bytes skips the Unicode normalisation
    /// a Chinese `String` key costs) -> file.
    private var visitKeys: [[UInt8]: String] = [:]

    public init() {}

    public mutating func check(_ v: VisitSummary) -> [Diagnostic] {
        var out: [Diagnostic] = []
        if let first = ids[v.id] {
            out.append(Diagnostic(file: v.file, mark: .start, severity: .error, code: .duplicateVisitId,
                                  args: ["id": .text(v.id), "other": .text(first)]))
        } else {
            ids[v.id] = v.file
        }
        for s in v.staff {
            if let p = people[s.id] {
                if p.name != s.name {
                    out.append(Diagnostic(file: v.file, mark: s.mark, severity: .warning, code: .staffNameMismatch,
                                          args: ["id": .text(s.id), "name": .text(s.name), "other": .text(p.name), "file": .text(p.file)]))
                }
                if p.role != s.role {
                    out.append(Diagnostic(file: v.file, mark: s.mark, severity: .warning, code: .staffRoleMismatch,
                                          args: ["id": .text(s.id), "role": .text(s.role), "other": .text(p.role), "file": .text(p.file)]))
                }
            } else {
                people[s.id] = (s.name, s.role, v.file)
            }
        }
        var key: [UInt8] = []
        key.reserveCapacity(64)
        key += v.branch.id.utf8
        key.append(0x1F)
        withUnsafeBytes(of: v.date.ordinal) { key += $0 }  // formatting the date costs more
        key.append(0x1F)
        key += v.inspector.utf8
        for (n, id) in v.staff.map(\.id).sorted().enumerated() {
            key.append(n == 0 ? 0x1F : 0x2C)
            key += id.utf8
        }
        if let first = visitKeys[key] {
            out.append(Diagnostic(file: v.file, mark: .start, severity: .warning, code: .duplicateVisit, args: ["other": .text(first)]))
        } else {
            visitKeys[key] = v.file
        }
        return out
    }
}

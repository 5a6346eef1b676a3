/// Where every diagnostic of a run goes, as it is found: printed in path order (each file's
/// sorted by position), counted, and never held — a run over a million files must not keep
/// half a million warnings in memory (SPEC §4, §5).
///
/// Errors are always printed. Warnings: every one (`validate`, `--all-warnings`), none
/// (`--quiet`), or the first `limit` and then, at `finish()`, one line per warning code with
/// its count and how to list them all (the commands that fold many files).
public final class DiagnosticDigest: @unchecked Sendable {
    public enum Warnings: Sendable, Equatable {
        case all
        case first(Int)
        case none
    }

    /// At most this many warnings are shown by the folding commands (SPEC §4).
    public static let shownWarnings = 20

    public let warnings: Warnings
    public let lang: Language
    /// What the summary lines suggest to list every warning.
    public let howToList: (zh: String, en: String)
    public private(set) var errors = 0
    public private(set) var warningTotal = 0
    public private(set) var warningsShown = 0
    /// Warnings per code, printed or not.
    public var warningsByCode: [DiagnosticCode: Int] {
        Dictionary(uniqueKeysWithValues: codeCounts.map { ($0.code, $0.count) })
    }
    /// The same counts as a short list searched in turn: a run meets a handful of warning
    /// codes, and hashing the code for every warning cost more than the comparisons.
    private var codeCounts: [(code: DiagnosticCode, count: Int)] = []
    /// With `keep`: every diagnostic, for a document that lists them (`validate --format json`).
    public private(set) var kept: [Diagnostic] = []
    public let keep: Bool
    private let write: (String) -> Void
    /// Lines not yet written, as bytes: each diagnostic is rendered straight into it (a
    /// String per line, then appended, cost another copy and UTF-8 check a line).
    private var buffer: [UInt8] = []

    public init(warnings: Warnings, lang: Language, keep: Bool = false,
                howToList: (zh: String, en: String) = ("加 --all-warnings，或运行 svcaudit validate", "--all-warnings, or svcaudit validate"),
                write: @escaping (String) -> Void) {
        self.warnings = warnings
        self.lang = lang
        self.keep = keep
        self.howToList = howToList
        self.write = write
    }

    /// One diagnostic, in the order it should be read.
    public func add(_ d: Diagnostic) {
        if keep { kept.append(d) }
        switch d.severity {
        case .error:
            errors += 1
            emit(d)
        case .warning:
            warningTotal += 1
            if let i = codeCounts.firstIndex(where: { $0.code == d.code }) {
                codeCounts[i].count += 1
            } else {
                codeCounts.append((d.code, 1))
            }
            switch warnings {
            case .all: emit(d); warningsShown += 1
            case .first(let n) where warningsShown < n: emit(d); warningsShown += 1
            case .first, .none: break
            }
        }
    }

    /// One file's diagnostics, sorted by position.
    public func add(file list: [Diagnostic]) {
        guard !list.isEmpty else { return }
        for d in list.count == 1 ? list : Diagnostic.sorted(list) { add(d) }
    }

    private func emit(_ d: Diagnostic) {
        d.rendered(lang, into: &buffer)
        buffer.append(0x0A)
        if buffer.count >= 1 << 15 { flush() }
    }

    public func flush() {
        guard !buffer.isEmpty else { return }
        write(String(decoding: buffer, as: UTF8.self))
        buffer.removeAll(keepingCapacity: true)
    }

    /// Warnings counted but not printed.
    public var warningsHidden: Int { warningTotal - warningsShown }

    /// The closing lines: when warnings were left out, one per warning code with its count.
    public func summaryLines() -> [String] {
        guard case .first = warnings, warningsHidden > 0 else { return [] }
        return codeCounts.sorted { $0.code < $1.code }.map { (code, n) in
            return lang == .en
                ? "svcaudit: \(n) warning\(n == 1 ? "" : "s") [\(code.rawValue)] in all (the first \(Self.shownWarnings) warnings are shown above); to list them all: \(howToList.en)"
                : "svcaudit: 警告 [\(code.rawValue)] 共 \(n) 条（上面只列出了前 \(Self.shownWarnings) 条警告）；全部列出：\(howToList.zh)"
        }
    }

    /// Prints what is buffered and the summary lines.
    public func finish() {
        flush()
        let lines = summaryLines()
        if !lines.isEmpty { write(lines.joined(separator: "\n") + "\n") }
    }
}

import ArgumentParser
import Foundation
import SVCAuditCore

/// The inputs of every command that reads visits.
struct InputOptions: ParsableArguments {
    @Argument(help: ArgumentHelp("Visit files or directories (searched recursively for *.yaml / *.yml); - reads one visit from standard input.", valueName: "paths"))
    var paths: [String] = []

    @Option(name: .long, help: ArgumentHelp("Read more PATHS from a file, one a line (UTF-8; blank lines skipped; - reads the list from standard input), after the ones given as arguments: for thousands of files, as from find.", valueName: "file"))
    var filesFrom: String?

    @OptionGroup var checklistOptions: ChecklistOptions

    @Flag(name: .long, help: "Treat warnings (unanswered items, deductions without a note, …) as errors.")
    var strict = false

    @Flag(name: .long, help: "Go on with the valid files when some are invalid, and name the skipped ones in the output.")
    var skipInvalid = false

    @Option(name: .long, help: ArgumentHelp("Threads that read and score files, and render long JSON output (default: all cores).", valueName: "n"))
    var jobs: Int?

    /// --jobs, or every core.
    var threads: Int { jobs ?? InputPipeline.defaultJobs }

    @Flag(name: .long, help: "Print every warning. By default a command that folds many files prints the first 20 and then one line per warning code with its count (validate always prints every one).")
    var allWarnings = false

    /// Appends the --files-from list to `paths` (the parser sees one option, not thousands of
    /// positionals), so the walk, the run and every check below see the combined PATHS.
    mutating func validate() throws {
        if let filesFrom {
            paths += try Self.readList(filesFrom, stdinTaken: paths.contains("-"))
            if paths.isEmpty {
                let name = filesFrom == "-" ? Console.t("标准输入", "standard input") : "'\(filesFrom)'"
                throw ValidationError(Console.t("--files-from 列表 \(name) 是空的：请至少给出一个检查记录文件或文件夹",
                                                "the --files-from list \(name) is empty: give at least one visit file or directory"))
            }
        }
        if paths.isEmpty { throw ValidationError(Console.t("请至少给出一个检查记录文件或文件夹（例如 samples）", "give at least one visit file or directory (for example: samples)")) }
        if let jobs, jobs < 1 { throw ValidationError(Console.t("--jobs 应为 1 或以上", "--jobs must be 1 or more")) }
    }

    /// The list's PATHS, or one message naming the list (and the line) and exit 1.
    private static func readList(_ file: String, stdinTaken: Bool) throws -> [String] {
        let name = file == "-" ? Console.t("标准输入", "standard input") : "'\(file)'"
        func fail(_ zh: String, _ en: String) -> ExitCode {
            Console.error("svcaudit: " + Console.t("无法读取 --files-from 列表 \(name)：\(zh)", "cannot read the --files-from list \(name): \(en)"))
            return ExitCode(1)
        }
        if file == "-", stdinTaken {
            throw fail("标准输入已用于读取一个检查记录（PATHS 中的 -），不能同时是列表",
                       "standard input is already a visit (- among PATHS), so it cannot also be the list")
        }
        switch PathListFile.read(file) {
        case .success(let names): return names
        case .failure(.missing): throw fail("文件不存在", "no such file")
        case .failure(.isDirectory): throw fail("这是一个文件夹，不是列表文件（文件夹可直接作为 PATHS 给出）",
                                                "it is a directory, not a list file (give a directory as a PATH instead)")
        case .failure(.unreadable(let reason)): throw fail(reason, reason)
        case .failure(.notUTF8(let line)): throw fail("第 \(line) 行不是 UTF-8 编码", "line \(line) is not UTF-8")
        case .failure(.stdinEntry(let line)):
            throw fail("第 \(line) 行是 -，但列表本身来自标准输入，无法再从标准输入读取检查记录",
                       "line \(line) is -, but the list itself is standard input, so no visit can be read from it")
        }
    }

    /// PATHS walked on a thread from now on, while the command loads its checklists and
    /// policy (nil with --jobs 1, which keeps the whole run on one thread). Pass it on to
    /// `readVisits` / `readScored` / `readSummaries` or `settings`.
    func startWalk() -> BackgroundWalk? {
        threads > 1 ? BackgroundWalk(paths) : nil
    }

    func settings(progress: ProgressLine? = nil, walk: BackgroundWalk? = nil) -> VisitRun.Settings {
        var s = VisitRun.Settings(paths: paths)
        s.walk = walk
        s.strict = strict
        s.skipInvalid = skipInvalid
        s.jobs = threads
        if let progress { s.progress = { progress.update(done: $0, total: $1) } }
        return s
    }
}


extension InputOptions {
    /// Reads and scores PATHS once, handing each valid visit to `onVisit`; prints the
    /// diagnostics. When any input is invalid (SPEC §4) it exits 1 without a result, unless
    /// --skip-invalid, in which case the invalid files are returned to be named in the output.
    func readVisits(_ loaded: ChecklistSource.Loaded, walk: BackgroundWalk? = nil, quiet: Bool, progress: ProgressLine? = nil,
                    onVisit: (VisitScore) -> Void) throws -> VisitRun.Summary {
        var s = settings(progress: progress, walk: walk)
        s.detail = true
        let digest = self.digest(quiet: quiet)
        let summary = VisitRun.run(s, checklists: loaded, digest: digest) { onVisit($0.score!) }
        progress?.finish()
        try stopIfInvalid(summary, digest: digest, skipInvalid: skipInvalid, quiet: quiet)
        return summary
    }

    /// As `readVisits`, handing on both the summary and, with `full`, the full score (nil
    /// otherwise): for a command that needs item-by-item results only for some of its output.
    func readScored(_ loaded: ChecklistSource.Loaded, walk: BackgroundWalk? = nil, quiet: Bool, full: Bool, roster: RosterCheck.Against? = nil,
                    progress: ProgressLine? = nil, onVisit: (VisitSummary, VisitScore?) -> Void) throws -> VisitRun.Summary {
        var s = settings(progress: progress, walk: walk)
        s.detail = full
        let digest = self.digest(quiet: quiet)
        let summary = VisitRun.run(s, checklists: loaded, digest: digest) {
            roster?.check($0.summary, into: digest)
            onVisit($0.summary, $0.score)
        }
        progress?.finish()
        try stopIfInvalid(summary, digest: digest, skipInvalid: skipInvalid, quiet: quiet)
        return summary
    }

    /// As `readVisits`, handing on each visit's summary only (what `rank`, `report` and
    /// `score` fold): no item-by-item detail is built.
    /// `keep`: diagnostic codes the command shows in its output too (held in `Summary.diagnostics`).
    /// `roster`: each visit is checked against it (SPEC §1.4), its warnings going through the
    /// digest right after the file's own, so they are capped and counted like any other.
    func readSummaries(_ loaded: ChecklistSource.Loaded, walk: BackgroundWalk? = nil, quiet: Bool, keep: Set<DiagnosticCode> = [], roster: RosterCheck.Against? = nil,
                       progress: ProgressLine? = nil, onVisit: (VisitSummary) -> Void) throws -> VisitRun.Summary {
        var s = settings(progress: progress, walk: walk)
        s.keepCodes = keep
        let digest = self.digest(quiet: quiet)
        let summary = VisitRun.run(s, checklists: loaded, digest: digest) {
            roster?.check($0.summary, into: digest)
            onVisit($0.summary)
        }
        progress?.finish()
        try stopIfInvalid(summary, digest: digest, skipInvalid: skipInvalid, quiet: quiet)
        return summary
    }
}

extension InputOptions {
    /// Where the run's diagnostics go (SPEC §4): errors always; warnings none with --quiet,
    /// all with --all-warnings, else the first 20 and a count per code.
    func digest(quiet: Bool) -> DiagnosticDigest {
        DiagnosticDigest(warnings: quiet ? .none : allWarnings ? .all : .first(DiagnosticDigest.shownWarnings),
                         lang: Console.lang, write: Console.errorText)
    }
}

/// SPEC §4: the diagnostics were printed as they were found; close with the warning counts.
/// With any invalid input there is no result (exit 1), unless --skip-invalid, where the
/// invalid files are named in the output instead.
func stopIfInvalid(_ summary: VisitRun.Summary, digest: DiagnosticDigest, skipInvalid: Bool, quiet: Bool) throws {
    digest.finish()
    Console.notYAML(summary.notYAML, quiet: quiet)
    let n = summary.invalidFiles.count
    if summary.fatal || (n > 0 && !skipInvalid) {
        if !summary.fatal {
            Console.error("svcaudit: " + Console.t("\(n) 个文件无效，不出结果（请改正，或加 --skip-invalid 跳过无效文件）",
                "\(n) invalid file\(n == 1 ? "" : "s"): no result (fix \(n == 1 ? "it" : "them"), or pass --skip-invalid to leave \(n == 1 ? "it" : "them") out)"))
        }
        throw ExitCode(1)
    }
    if n > 0 {
        Console.error("svcaudit: " + Console.t("跳过了 \(n) 个无效文件：\(summary.invalidFiles.joined(separator: "、"))",
            "skipped \(n) invalid file\(n == 1 ? "" : "s"): \(summary.invalidFiles.joined(separator: ", "))"))
    }
}

import Foundation
import Testing

/// Output end to end: write errors on standard output, xlsx read back, `--help` formats,
/// terminal widths.
@Suite struct OutputCLITests {
    static let visit = "samples/visits/2026-07/BR0431-20260731-01.yaml"
    /// Every command that writes a result, with arguments that make it write one.
    static let commands: [[String]] = [
        ["checklists", "list"], ["checklists", "show", "counter"], ["validate", "samples/visits"], ["new", "--branch", "BR0421"],
        ["score", "samples/visits"], ["explain", visit], ["rank", "samples/visits"], ["report", "samples/visits"],
        ["rectify", "samples/visits", "--as-of", "2026-10-01"], ["history", "E1006", "samples/visits"],
        ["coverage", "samples/visits", "--roster", "samples/roster", "--policy", "samples/policy.yaml", "--period", "2026-Q3"],
        ["inspectors", "samples/visits"],
    ]

    /// Runs the binary with standard output on `fd` (already open), returning code and stderr.
    static func run(_ args: [String], stdout fd: Int32) throws -> (code: Int32, stderr: String) {
        let p = Process()
        p.executableURL = CLI.binary
        p.arguments = args
        p.currentDirectoryURL = CLI.root
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        env.removeValue(forKey: "SVCAUDIT_LANG")
        p.environment = env
        p.standardOutput = FileHandle(fileDescriptor: fd, closeOnDealloc: false)
        let err = Pipe()
        p.standardError = err
        try p.run()
        let data = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// A full disk: one line on stderr and exit 1, never a crash (signal 4, exit 132 before).
    @Test(arguments: commands)
    func devFullIsOneLineAndExitOne(args: [String]) throws {
        let fd = open("/dev/full", O_WRONLY)
        try #require(fd >= 0)
        defer { close(fd) }
        let r = try Self.run(args, stdout: fd)
        #expect(r.code == 1, "\(args): \(r.stderr)")
        let lines = r.stderr.split(separator: "\n").filter { $0.contains("标准输出") }
        #expect(lines.count == 1, "\(args): \(r.stderr)")
        #expect(r.stderr.contains("无法写入标准输出：No space left on device"), "\(args): \(r.stderr)")
        #expect(!r.stderr.contains("Fatal error") && !r.stderr.contains("backtrace"))
    }

    /// A closed pipe (`| head` gone): exit 1 quietly, no message, no crash.
    @Test(arguments: commands)
    func closedPipeEndsQuietly(args: [String]) throws {
        var fds: [Int32] = [0, 0]
        try #require(pipe(&fds) == 0)
        close(fds[0])
        defer { close(fds[1]) }
        let r = try Self.run(args, stdout: fds[1])
        #expect(r.code == 1, "\(args): \(r.stderr)")
        #expect(!r.stderr.contains("标准输出") && !r.stderr.contains("Fatal error"), "\(args): \(r.stderr)")
    }

    /// `--output` on a full device is reported the same way.
    @Test func outputToDevFull() throws {
        let r = try CLI.run(["rank", "samples/visits", "--output", "/dev/full"])
        #expect(r.code == 1)
        #expect(r.stderr.contains("/dev/full") && r.stderr.split(separator: "\n").count == 1, "\(r.stderr)")
    }

    /// xlsx read back with openpyxl: sheet names, frozen header, ids as text, dates as dates,
    /// numbers as numbers, and the same bytes on every run.
    @Test func xlsxReadBack() throws {
        let dir = try TempDir()
        let a = dir.path("rectify.xlsx"), b = dir.path("again.xlsx")
        #expect(try CLI.run(["rectify", "samples/visits", "--as-of", "2026-10-01", "--format", "xlsx", "--output", a]).code == 0)
        Thread.sleep(forTimeInterval: 1.1)
        #expect(try CLI.run(["rectify", "samples/visits", "--as-of", "2026-10-01", "--format", "xlsx", "--output", b]).code == 0)
        #expect(FileManager.default.contents(atPath: a) == FileManager.default.contents(atPath: b), "byte-identical")
        let script = """
            import openpyxl, sys, datetime
            wb = openpyxl.load_workbook(sys.argv[1])
            print("sheets", "|".join(wb.sheetnames))
            ws = wb.worksheets[0]
            print("freeze", ws.freeze_panes)
            head = [c.value for c in ws[1]]
            row = {h: c for h, c in zip(head, ws[2])}
            print("branch", row["网点"].data_type, row["网点"].value)
            print("date", row["日期"].is_date, row["日期"].value.date().isoformat())
            print("status", row["状态"].value)
            n = [c for c in ws.iter_rows(min_row=2) if c[head.index("逾期天数")].value is not None][0][head.index("逾期天数")]
            print("overdue", n.data_type, type(n.value).__name__)
            print("empty", ws.cell(row=2, column=head.index("整改期限") + 1).value)
            """
        let py = try Self.python(script, a)
        #expect(py.contains("sheets 整改清单|各网点整改情况"), "\(py)")
        #expect(py.contains("freeze A2"))
        #expect(py.contains("branch s BR0421"))
        #expect(py.contains("date True 2026-07-03"))
        #expect(py.contains("status 已整改"))
        #expect(py.contains("overdue n int"))
        #expect(py.contains("empty None"), "a missing date is an empty cell")
    }

    /// Ids keep their leading zeros: 工号 00012345 is text in xlsx.
    @Test func xlsxKeepsLeadingZeros() throws {
        let dir = try TempDir()
        let text = try String(contentsOfFile: CLI.root.appendingPathComponent(Self.visit).path, encoding: .utf8)
        try dir.write("v.yaml", text.replacingOccurrences(of: "E1010", with: "00012345"))
        let out = dir.path("score.xlsx")
        let r = try CLI.run(["score", dir.path("v.yaml"), "--format", "xlsx", "--output", out])
        #expect(r.code == 0, "\(r.stderr)")
        let py = try Self.python("""
            import openpyxl, sys
            wb = openpyxl.load_workbook(sys.argv[1])
            ws = wb["员工得分"]
            head = [c.value for c in ws[1]]
            ids = [r[head.index("工号")] for r in ws.iter_rows(min_row=2)]
            print([ (c.value, c.data_type) for c in ids if c.value == "00012345" ])
            print("score", [r[head.index("得分")].data_type for r in ws.iter_rows(min_row=2)][0])
            """, out)
        #expect(py.contains("('00012345', 's')"), "\(py)")
        #expect(py.contains("score n"))
    }

    static func python(_ script: String, _ arg: String) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", "-c", script, arg]
        let out = Pipe()
        p.standardOutput = out
        p.standardError = out
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    /// `--help` lists the formats the command offers, and only those.
    @Test func helpListsOnlyTheFormatsOffered() throws {
        let validate = try CLI.run(["validate", "--help"]).stdout
        #expect(validate.contains("table (aligned text, the default)") && validate.contains("json (the canonical model)"))
        #expect(!validate.contains("xlsx (") && !validate.contains("csv (one table"))
        let report = try CLI.run(["report", "--help"]).stdout.replacingOccurrences(of: "\n", with: " ")
            .replacingOccurrences(of: "  ", with: " ")
        for f in ["table", "json", "csv", "markdown", "html", "xlsx"] { #expect(report.contains("\(f) ("), "\(f)") }
        #expect(report.contains("--table"))
        #expect(try CLI.run(["validate", "samples/visits", "--format", "xlsx"]).code == 64)
    }

    /// `--width N`: every table line fits, nothing is cut; piped output without it is not wrapped.
    @Test(arguments: [80, 120, 160])
    func tablesFitTheWidth(width: Int) throws {
        for args in [["rank", "samples/visits", "--policy", "samples/policy.yaml", "--period", "2026-Q3"], ["score", "samples/visits"],
                     ["report", "samples/visits", "--period", "2026-Q3"], ["rectify", "samples/visits", "--as-of", "2026-10-01"],
                     ["history", "E1006", "samples/visits"], ["checklists", "show", "counter"]]
                     .flatMap { [$0, $0 + ["--lang", "en"]] } {
            let r = try CLI.run(args + ["--width", String(width)])
            #expect(r.code == 0)
            let wide = r.stdout.split(separator: "\n").filter { Self.columns(String($0)) > width }
            // Only tables whose unbreakable columns (ids, dates, numbers) alone exceed the width may.
            // At 80 the score table's unbreakable columns (ids, dates, five checklist scores) do not fit.
            if width >= 120 { #expect(wide.isEmpty, "\(args) at \(width): \(wide.first ?? "")") }
            // "……" is a quotation's own omission (a 依据 quoting a seed), not a cut.
            #expect(!r.stdout.replacingOccurrences(of: "……", with: "").contains("…"), "\(args): nothing is cut")
        }
        // The English score tables are wider: at 120 the columns that may go are left out, and said so.
        let en = try CLI.run(["score", "samples/visits", "--lang", "en", "--width", "120"]).stdout
        #expect(en.contains("(not shown at this width: Method, Inspector; --format csv has every column)"))
        #expect(!(try CLI.run(["score", "samples/visits", "--width", "120"]).stdout.contains("未显示")))
        let piped = try CLI.run(["rectify", "samples/visits", "--as-of", "2026-10-01"])
        #expect(piped.stdout.split(separator: "\n").contains { Self.columns(String($0)) > 160 }, "piped output is not wrapped")
    }

    /// Display columns: CJK and fullwidth characters count two.
    static func columns(_ s: String) -> Int {
        s.unicodeScalars.reduce(0) { n, u in
            let v = u.value
            let wide = (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
                || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE6F).contains(v) || (0xFF01...0xFF60).contains(v)
                || (0xFFE0...0xFFE6).contains(v) || (0x20000...0x3FFFD).contains(v)
            return n + (wide ? 2 : 1)
        }
    }
}

/// Goldens for the formats the other suites do not pin, so every command's every format is
/// covered by one (xlsx as bytes: the workbook is byte-identical run to run).
@Suite struct EveryFormatGoldenTests {
    static let cases: [([String], String)] = [
        (["rectify", "samples/visits", "--as-of", "2026-10-01", "--status", "overdue", "--format", "html"], "rectify-overdue.html"),
        (["rectify", "samples/visits", "--as-of", "2026-10-01", "--status", "overdue", "--format", "markdown"], "rectify-overdue.md"),
        (["rectify", "samples/visits", "--as-of", "2026-10-01", "--status", "overdue"], "rectify-overdue.txt"),
        (["report", "samples/visits", "--period", "2026-Q3", "--policy", "samples/policy.yaml", "--issuer", "嘉兴分行运营管理部", "--format", "html"], "report-q3.html"),
        (["history", "E1006", "samples/visits", "--format", "html"], "history-E1006.html"),
        (["history", "E1006", "samples/visits", "--format", "csv"], "history-E1006.csv"),
        (["history", "E1006", "samples/visits", "--format", "csv", "--table", "deductions"], "history-E1006-deductions.csv"),
        (["inspectors", "samples/visits"], "inspectors.txt"),
        (["inspectors", "samples/visits", "--format", "json"], "inspectors.json"),
        (["inspectors", "samples/visits", "--format", "csv"], "inspectors.csv"),
        (["inspectors", "samples/visits", "--format", "markdown"], "inspectors.md"),
        (["inspectors", "samples/visits", "--format", "html"], "inspectors.html"),
        (["explain", OutputCLITests.visit, "--format", "csv"], "explain-BR0431-20260731-01.csv"),
        (["explain", OutputCLITests.visit, "--format", "html"], "explain-BR0431-20260731-01.html"),
        (["checklists", "list", "--format", "csv"], "checklists-list.csv"),
        (["checklists", "list", "--format", "json"], "checklists-list.json"),
        (["checklists", "list", "--format", "html"], "checklists-list.html"),
        (["checklists", "show", "counter", "--format", "markdown"], "checklists-show-counter.md"),
        (["validate", "samples/visits", "--format", "json"], "validate-samples.json"),
        (["rank", "samples/visits", "--policy", "samples/policy.yaml", "--period", "2026-Q3", "--format", "xlsx"], "rank-q3.xlsx"),
    ]

    @Test(arguments: cases)
    func golden(args: [String], name: String) throws {
        let r = try CLI.run(args)
        #expect(r.code == 0, "\(args): \(r.stderr)")
        try Golden.check(r.stdoutData, name)
    }
}

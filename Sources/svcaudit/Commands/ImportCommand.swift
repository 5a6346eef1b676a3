import ArgumentParser
import Foundation
import SVCAuditCore

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Turn a 检查底稿 workbook (.xlsx or .csv) into visit files, one per visit.",
        discussion: """
        The layout is the one `svcaudit new --format xlsx` writes (SPEC §1.6): a header row of
        检查编号 网点编号 网点名称 上级机构 分行 日期 检查人 方式 工号 姓名 岗位 (or their English names
        id branch branch_name …), then one column per item id (C01, E07, …) and optional C01备注 /
        C01整改期限 columns. Rows with the same 检查编号 (or the same branch, date and inspector) are
        one visit; the row with no 工号 holds the branch's items. Each visit is written to DIR as
        <检查编号>.yaml; an existing file is never replaced unless --force (exit 1, naming it).
        Every problem is named by file, sheet, row and column. Then run `svcaudit validate DIR`.
        """
    )

    @Argument(help: ArgumentHelp("The workbook: .xlsx, or .csv in the same layout.", valueName: "file"))
    var file: String

    @Option(name: .long, help: ArgumentHelp("Folder to write the visit files to (made when missing).", valueName: "dir"))
    var out: String

    @Flag(name: .long, help: "Replace visit files that exist already.")
    var force = false

    @OptionGroup var source: ChecklistOptions

    @Option(help: "Message language: zh or en (default: $SVCAUDIT_LANG, else zh).") var lang: Language?

    func run() throws {
        let loaded = try source.loadOrExit(quiet: false)
        var diags = DiagnosticList(file: file)
        let sheet: WorkbookSheet
        switch WorkbookSheet.read(file) {
        case .failure(let e):
            diags.error(.importNoSheet, ["reason": e.reason], at: .start)
            Console.diagnostics(diags.items, quiet: false)
            throw ExitCode(1)
        case .success(let s):
            sheet = s
        }
        let visits = WorkbookImport.visits(sheet, file: file, catalog: loaded.catalog, diags: &diags)
        // Nothing is written when any visit is broken or any file would be replaced.
        var targets: [(String, String)] = []
        for v in visits {
            let path = (out as NSString).appendingPathComponent(WorkbookImport.fileName(v))
            if !force, FileManager.default.fileExists(atPath: path) {
                diags.error(.importExists, ["path": .text(path)], at: .start)
            }
            targets.append((path, v.render(catalog: loaded.catalog)))
        }
        Console.diagnostics(diags.items, quiet: false)
        if diags.hasErrors { throw ExitCode(1) }
        do {
            try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
            for (path, text) in targets { try AtomicWriter.write(text, to: path) }
        } catch {
            Console.error("svcaudit: \(Console.describe(error))")
            throw ExitCode(1)
        }
        Console.error("svcaudit: " + Console.t("已写入 \(targets.count) 个检查记录文件到 \(out)；请运行 svcaudit validate \(out)",
                                               "wrote \(targets.count) visit file\(targets.count == 1 ? "" : "s") to \(out); next: svcaudit validate \(out)"))
    }
}

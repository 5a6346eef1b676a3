#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Finds and loads the checklists (SPEC §3): `--checklists DIR`, else `$SVCAUDIT_CHECKLISTS`,
/// else `./checklists`, else `../share/svcaudit/checklists` beside the executable.
public enum ChecklistSource {
    public struct Loaded: Sendable {
        public var directory: String?
        public var catalog: ChecklistCatalog
        public var diagnostics: [Diagnostic]
        /// The files read (device and inode), so a checklist met again among PATHS, under
        /// any name or link, is not read twice.
        public var files: Set<FileID>
    }

    public static func locate(explicit: String?, environment: [String: String], executablePath: String?) -> String? {
        if let explicit { return explicit }
        if let env = environment["SVCAUDIT_CHECKLISTS"], !env.isEmpty { return env }
        if isDirectory("checklists") { return "checklists" }
        if let exe = executablePath {
            let binDir = (realPath(exe) ?? exe).split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
            let shared = binDir + "/../share/svcaudit/checklists"
            if isDirectory(shared) { return shared }
        }
        return nil
    }

    public static func load(directory: String?, limits: YAMLLimits = .default) -> Loaded {
        guard let directory else {
            let d = Diagnostic(file: "checklists", mark: .start, severity: .error, code: .noChecklists, args: ["reason": .phrase(
                "找不到检查表文件夹：请用 --checklists DIR 指定，或设置 SVCAUDIT_CHECKLISTS，或在有 ./checklists 的目录下运行",
                "none found: pass --checklists DIR, set SVCAUDIT_CHECKLISTS, or run where ./checklists exists")])
            return Loaded(directory: nil, catalog: ChecklistCatalog([]), diagnostics: [d], files: [])
        }
        var diags: [Diagnostic] = []
        guard isDirectory(directory) else {
            diags.append(FileDiscovery.pathError(directory, .phrase("检查表文件夹不存在，或不是文件夹", "the checklist directory does not exist or is not a directory")))
            return Loaded(directory: directory, catalog: ChecklistCatalog([]), diagnostics: diags, files: [])
        }
        let found = FileDiscovery.expand([directory])
        diags += found.diagnostics
        var loaded: [Checklist] = []
        var ids = Set<FileID>()
        var roles = RoleCatalog()
        var visitFiles: [String] = []
        for file in found.files {
            if let id = FileID(path: file) { ids.insert(id) }
            var list = DiagnosticList(file: file)
            if file.split(separator: "/").last.map(String.init) == RoleLoader.fileName {
                roles = loadRoles(file, limits: limits, diags: &list)
            } else if let root = SourceFile.tree(file, limits: limits, diags: &list) {
                // A folder of visit files given as --checklists: say so once, not once per file.
                if FileKind.detect(root) == .visit { visitFiles.append(file); continue }
                if let c = ChecklistLoader.load(root, file: file, diags: &list) { loaded.append(c) }
            }
            diags += list.items
        }
        if !visitFiles.isEmpty {
            diags.append(Diagnostic(file: directory, mark: .start, severity: .error, code: .wrongFolder,
                args: ["path": .text(directory), "found": .phrase("检查记录（\(visitFiles.count) 个，如 \(visitFiles[0])）", "visit files (\(visitFiles.count), e.g. \(visitFiles[0]))"),
                       "expected": .phrase("检查表", "checklists"),
                       "fix": .phrase("：--checklists 要指向检查表文件夹（如 checklists），检查记录放在命令后面", ": --checklists takes the folder of checklists (e.g. checklists); visit files go after the command")]))
            if loaded.isEmpty { return Loaded(directory: directory, catalog: ChecklistCatalog([]), diagnostics: diags, files: ids) }
        }
        let catalog = ChecklistCatalog(loaded, roles: roles, diagnostics: &diags)
        if catalog.checklists.isEmpty, !diags.contains(where: { $0.severity == .error }) {
            diags.append(Diagnostic(file: directory, mark: .start, severity: .error, code: .noChecklists,
                                    args: ["reason": .phrase("'\(directory)' 里没有检查表文件（*.yaml）", "no checklist files (*.yaml) in '\(directory)'")]))
        }
        return Loaded(directory: directory, catalog: catalog, diagnostics: diags, files: ids)
    }

    /// Reads `roles.yaml`; a broken one reports its problems and leaves role ids as written.
    static func loadRoles(_ file: String, limits: YAMLLimits, diags: inout DiagnosticList) -> RoleCatalog {
        guard let root = SourceFile.tree(file, limits: limits, diags: &diags) else { return RoleCatalog() }
        return RoleLoader.load(root, file: file, diags: &diags)
    }

    /// Reads and loads one checklist file.
    public static func loadOne(_ file: String, limits: YAMLLimits = .default, diags: inout DiagnosticList) -> Checklist? {
        guard let root = SourceFile.tree(file, limits: limits, diags: &diags) else { return nil }
        return ChecklistLoader.load(root, file: file, diags: &diags)
    }

    static func isDirectory(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR
    }

    static func realPath(_ path: String) -> String? {
        guard let p = realpath(path, nil) else { return nil }
        defer { free(p) }
        return String(cString: p)
    }
}

/// A file's identity on this machine: the same for every path or link that leads to it.
public struct FileID: Hashable, Sendable {
    public let device: UInt64
    public let inode: UInt64

    init(_ st: stat) {
        device = UInt64(st.st_dev)
        inode = UInt64(st.st_ino)
    }

    public init?(path: String) {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        self.init(st)
    }
}

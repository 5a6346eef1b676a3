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
            let d = Diagnostic(file: "checklists", mark: .start, severity: .error, code: "no-checklists",
                message: "no checklists found: pass --checklists DIR, set SVCAUDIT_CHECKLISTS, or run where ./checklists exists")
            return Loaded(directory: nil, catalog: ChecklistCatalog([]), diagnostics: [d], files: [])
        }
        var diags: [Diagnostic] = []
        guard isDirectory(directory) else {
            diags.append(FileDiscovery.pathError(directory, "checklist directory '\(directory)' does not exist or is not a directory"))
            return Loaded(directory: directory, catalog: ChecklistCatalog([]), diagnostics: diags, files: [])
        }
        let found = FileDiscovery.expand([directory])
        diags += found.diagnostics
        var loaded: [Checklist] = []
        var ids = Set<FileID>()
        for file in found.files {
            if let id = FileID(path: file) { ids.insert(id) }
            var list = DiagnosticList(file: file)
            if let c = loadOne(file, limits: limits, diags: &list) { loaded.append(c) }
            diags += list.items
        }
        let catalog = ChecklistCatalog(loaded, diagnostics: &diags)
        if catalog.checklists.isEmpty, !diags.contains(where: { $0.severity == .error }) {
            diags.append(Diagnostic(file: directory, mark: .start, severity: .error, code: "no-checklists",
                                    message: "no checklist files (*.yaml) in '\(directory)'"))
        }
        return Loaded(directory: directory, catalog: catalog, diagnostics: diags, files: ids)
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

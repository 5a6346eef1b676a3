/// Reads `--policy FILE` (SPEC §1.3) into a `Policy`, with every problem as a diagnostic.
public enum PolicyFile {
    public static func load(_ path: String, roles: RoleCatalog = RoleCatalog(), limits: YAMLLimits = .default) -> (policy: Policy?, diagnostics: [Diagnostic]) {
        var diags = DiagnosticList(file: path)
        switch FileReader.read(path, maxBytes: limits.maxFileBytes) {
        case .failure(let e):
            diags.error(e.code, e.args, at: .start)
            return (nil, diags.items)
        case .success(let bytes):
            let (root, errors) = YAMLReader.parse(bytes, limits: limits)
            errors.forEach { diags.append($0) }
            guard let root else { return (nil, diags.items) }
            let policy = PolicyLoader.load(root, file: path, roles: roles, diags: &diags)
            return (diags.hasErrors ? nil : policy, diags.items)
        }
    }
}

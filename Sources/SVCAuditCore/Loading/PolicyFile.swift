/// Reads `--policy FILE` (SPEC §1.3) into a `Policy`, with every problem as a diagnostic.
public enum PolicyFile {
    public static func load(_ path: String, roles: RoleCatalog = RoleCatalog(), limits: YAMLLimits = .default) -> (policy: Policy?, diagnostics: [Diagnostic]) {
        var diags = DiagnosticList(file: path)
        guard let root = SourceFile.tree(path, limits: limits, diags: &diags) else { return (nil, diags.items) }
        let policy = PolicyLoader.load(root, file: path, roles: roles, diags: &diags)
        return (diags.hasErrors ? nil : policy, diags.items)
    }
}

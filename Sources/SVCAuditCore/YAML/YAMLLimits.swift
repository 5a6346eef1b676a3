/// Hard limits of the YAML reader. A visit file is a few KB; these leave generous room for
/// real files while making sure no input can exhaust memory or recursion.
public struct YAMLLimits: Sendable {
    public var maxFileBytes: Int = 8 << 20        // 8 MiB
    public var maxDepth: Int = 64                 // nesting of lists and mappings
    public var maxNodes: Int = 500_000            // scalars + collections in one file
    public var maxScalarBytes: Int = 64 << 10     // 64 KiB for one value

    public init() {}
    public static let `default` = YAMLLimits()
}

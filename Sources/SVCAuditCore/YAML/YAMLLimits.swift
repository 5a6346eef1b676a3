/// Hard limits on one input file. A visit file is a few KB with a handful of employees and
/// about 60 answers; these leave generous room for real files while making sure no input can
/// exhaust memory or recursion. The first four are the YAML reader's; the counts are checked
/// by `VisitLoader` on the node tree.
public struct YAMLLimits: Sendable {
    public var maxFileBytes: Int = 8 << 20        // 8 MiB
    public var maxDepth: Int = 64                 // nesting of lists and mappings
    public var maxNodes: Int = 500_000            // scalars + collections in one file
    public var maxScalarBytes: Int = 64 << 10     // 64 KiB for one value
    public var maxStaff: Int = 500                // employees in one visit's 'staff' list
    public var maxAnswers: Int = 2_000            // answers in one 'results' mapping

    public init() {}
    public static let `default` = YAMLLimits()
}

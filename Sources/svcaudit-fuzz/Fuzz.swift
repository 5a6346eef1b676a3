import SVCAuditCore

/// libFuzzer entry point: every input goes through the streaming visit reader and the YAML
/// node layer and, when it parses, through the checklist, visit and policy loaders and the
/// scorer. Differential: whenever the streaming fast path takes an input, the full path must
/// load it without a diagnostic and score it to the same summary, or the target traps.
/// Built only by `make fuzz` (`-sanitize=fuzzer,address`); any crash, hang or sanitizer
/// report is a bug.
private let catalog: ChecklistCatalog = {
    let dir = ProcessInfo_env("SVCAUDIT_CHECKLISTS") ?? "checklists"
    return ChecklistSource.load(directory: dir).catalog
}()

private func ProcessInfo_env(_ name: String) -> String? {
    getenv(name).map { String(cString: $0) }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let fast = VisitStreamReader.read(bytes, file: "fuzz.yaml", catalog: catalog, limits: .default)
    let (root, errors) = YAMLReader.parse(bytes)
    guard let root else {
        if fast != nil { fatalError("fast path took a file the YAML reader rejects") }
        return 0
    }
    var diags = DiagnosticList(file: "fuzz.yaml")
    _ = ChecklistLoader.load(root, file: "fuzz.yaml", diags: &diags)
    _ = PolicyLoader.load(root, file: "fuzz.yaml", diags: &diags)
    var visitDiags = DiagnosticList(file: "fuzz.yaml")
    let visit = VisitLoader.load(root, file: "fuzz.yaml", catalog: catalog, diags: &visitDiags)
    let score = visit.map { Scorer(catalog: catalog).score($0) }
    if let fast {
        guard errors.isEmpty, visitDiags.items.isEmpty, FileKind.detect(root) == .visit, let score else {
            fatalError("fast path took a file the full path reports: \(errors.map { $0.message(.en) } + visitDiags.items.map { $0.message(.en) })")
        }
        if VisitSummary(score, catalog: catalog) != fast { fatalError("fast and full paths disagree") }
    }
    return 0
}

@_silgen_name("LLVMFuzzerRunDriver")
private func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt) -> CInt

/// SwiftPM links executables with their entry point renamed to `<target>_main`.
@_cdecl("svcaudit_fuzz_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var c = argc
    var v = argv
    return LLVMFuzzerRunDriver(&c, &v) { data, size in fuzz(data, size) }
}

#if canImport(Glibc)
import Glibc
#endif

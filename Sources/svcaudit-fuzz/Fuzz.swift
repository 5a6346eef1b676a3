import SVCAuditCore

/// libFuzzer entry point: every input goes through the one visit reader (summary and
/// item-by-item detail), the YAML node layer, and the checklist and policy loaders. The two
/// views of a visit come from one scoring run and must agree, or the target traps. Built
/// only by `make fuzz` (`-sanitize=fuzzer,address`); any crash, hang or sanitizer report is a bug.
private let catalog: ChecklistCatalog = {
    let dir = getenv("SVCAUDIT_CHECKLISTS").map { String(cString: $0) } ?? "checklists"
    return ChecklistSource.load(directory: dir).catalog
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    var plain = DiagnosticList(file: "fuzz.yaml"), full = DiagnosticList(file: "fuzz.yaml")
    let a = VisitReader.read(bytes, file: "fuzz.yaml", catalog: catalog, diags: &plain)
    let b = VisitReader.read(bytes, file: "fuzz.yaml", catalog: catalog, detail: true, diags: &full)
    if plain.items != full.items { fatalError("the detail changed the diagnostics") }
    switch (a, b) {
    case (.visit(let s1, _), .visit(let s2, let d)):
        if s1 != s2 || d?.summary != s2 { fatalError("summary and detail disagree") }
        if s1 == nil, !plain.hasErrors { fatalError("an invalid visit without an error") }
    case (.notAVisit, .notAVisit):
        break
    default:
        fatalError("the detail changed the outcome")
    }
    if let root = YAMLReader.parse(bytes).root {
        var diags = DiagnosticList(file: "fuzz.yaml")
        _ = ChecklistLoader.load(root, file: "fuzz.yaml", diags: &diags)
        _ = PolicyLoader.load(root, file: "fuzz.yaml", diags: &diags)
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

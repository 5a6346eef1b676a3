import SVCAuditCore

/// libFuzzer entry point: every input goes through the YAML node layer and, when it parses,
/// through the checklist, visit and policy loaders and the scorer. Built only by `make fuzz`
/// (`-sanitize=fuzzer,address`); any crash, hang or sanitizer report is a bug.
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
    let (root, _) = YAMLReader.parse(bytes)
    guard let root else { return 0 }
    var diags = DiagnosticList(file: "fuzz.yaml")
    _ = ChecklistLoader.load(root, file: "fuzz.yaml", diags: &diags)
    _ = PolicyLoader.load(root, file: "fuzz.yaml", diags: &diags)
    if let v = VisitLoader.load(root, file: "fuzz.yaml", catalog: catalog, diags: &diags) {
        _ = Scorer(catalog: catalog).score(v)
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

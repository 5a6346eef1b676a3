// swift-tools-version:6.0
import Foundation
import PackageDescription

let package = Package(
    name: "svcaudit",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "svcaudit", targets: ["svcaudit"]),
        .library(name: "SVCAuditCore", targets: ["SVCAuditCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // Unzips .xlsx workbooks for `svcaudit import` (the sheet XML is read with Foundation's XMLParser).
        .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
    ],
    targets: [
        // libyaml through its C API (pkg-config yaml-0.1, Debian libyaml-dev).
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
        ),
        // libxlsxwriter through its C API (pkg-config xlsxwriter, Debian libxlsxwriter-dev): xlsx output.
        .systemLibrary(
            name: "CXLSXWriter",
            pkgConfig: "xlsxwriter",
            providers: [.apt(["libxlsxwriter-dev"]), .brew(["libxlsxwriter"])]
        ),
        // The domain: YAML node tree, models, loading and validation, scoring,
        // ranking, report models and renderers.
        .target(
            name: "SVCAuditCore",
            dependencies: ["CYAML", "CXLSXWriter", .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
        // A thin swift-argument-parser layer over SVCAuditCore.
        .executableTarget(
            name: "svcaudit",
            dependencies: [
                "SVCAuditCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Writes realistic visit files for `make bench` and tests; not installed.
        .executableTarget(
            name: "svcaudit-gen",
            dependencies: ["SVCAuditCore"]
        ),
        .testTarget(
            name: "SVCAuditCoreTests",
            dependencies: ["SVCAuditCore"]
        ),
        // End-to-end runs of the built binary on samples/ and fixtures, with golden outputs.
        .testTarget(
            name: "SVCAuditCLITests",
            dependencies: ["svcaudit", "svcaudit-gen"],
            // Read from the source tree by path (CLI.swift), not bundled as resources.
            exclude: ["Golden", "Scripts"]
        ),
    ],
    swiftLanguageModes: [.v5]
)

// The libFuzzer target over the YAML layer and the loaders exists only for `make fuzz`
// (SVCAUDIT_FUZZ=1, -sanitize=fuzzer,address): its entry point hands over to libFuzzer's
// driver, which an ordinary build does not link.
if ProcessInfo.processInfo.environment["SVCAUDIT_FUZZ"] == "1" {
    package.targets.append(
        .executableTarget(
            name: "svcaudit-fuzz",
            dependencies: ["SVCAuditCore"],
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]
        )
    )
}

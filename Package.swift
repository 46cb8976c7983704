// swift-tools-version: 6.1
//
// Folio: a Swift notebook report generator. The target graph follows DESIGN.md:
// folio → FolioReport → FolioEngine → FolioNotebook, FolioModels, FolioPlot → FolioMath.
import PackageDescription

let package = Package(
    name: "Folio",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "folio", targets: ["folio"]),
        .library(name: "FolioMath", targets: ["FolioMath"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/swiftlang/swift-syntax", exact: "603.0.1"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    ],
    targets: [
        // System libraries from Debian (see `make setup`).
        .systemLibrary(name: "CCairo", pkgConfig: "cairo-ft"),
        .systemLibrary(name: "CLapack"),
        .systemLibrary(name: "CZlib"),
        .systemLibrary(name: "CCmark"),

        // Libraries, bottom up.
        .target(name: "FolioMath", dependencies: ["CLapack"]),
        .target(name: "CNetworkKernels"),
        .target(name: "FolioModels", dependencies: ["FolioMath", "CZlib", "CNetworkKernels"]),
        .target(name: "FolioPlot", dependencies: ["FolioMath", "CCairo", "CZlib"]),
        .target(name: "FolioNotebook", dependencies: [.product(name: "Yams", package: "Yams")]),
        .target(
            name: "FolioEngine",
            dependencies: [
                "FolioNotebook", "FolioModels", "FolioPlot", "FolioMath",
                .product(name: "SwiftSyntax", package: "swift-syntax"),
                .product(name: "SwiftParser", package: "swift-syntax"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            // The interpreter's scopes are classes mutated in place on every assignment;
            // run-time exclusivity checks on them cost ~8% of a scalar loop (measured with
            // Benchmarks/cells). Compile-time exclusivity checking stays on.
            // Release builds only: the debug build that `swift test` runs keeps the run-time
            // checks, so the test suite still catches an overlapping access.
            swiftSettings: [.unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))]
        ),
        .target(
            name: "FolioReport",
            dependencies: [
                "FolioEngine", "FolioNotebook", "FolioPlot",
                "CCmark",
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "SwiftSyntax", package: "swift-syntax"),
                .product(name: "SwiftParser", package: "swift-syntax"),
            ]
        ),

        // The command-line tool.
        .executableTarget(
            name: "folio",
            dependencies: [
                "FolioReport", "FolioEngine", "FolioNotebook", "FolioMath",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        // `make bench`: prints one JSON object per line.
        .executableTarget(
            name: "FolioBenchmarks",
            dependencies: ["FolioMath", "FolioModels", "FolioPlot", "FolioEngine", "FolioReport", "FolioNotebook"],
            path: "Benchmarks/FolioBenchmarks"
        ),

        // Tests: one target per module.
        .testTarget(name: "FolioMathTests", dependencies: ["FolioMath"]),
        .testTarget(name: "FolioModelsTests", dependencies: ["FolioModels", "FolioMath"]),
        .testTarget(name: "FolioPlotTests", dependencies: ["FolioPlot"], resources: [.copy("Baselines")]),
        .testTarget(name: "FolioNotebookTests", dependencies: ["FolioNotebook"]),
        .testTarget(
            name: "FolioReportTests", dependencies: ["FolioReport", "FolioEngine", "FolioNotebook"],
            exclude: ["Schemas"]  // read through #filePath by JupyterExportTests
        ),
        .testTarget(
            name: "FolioEngineTests",
            dependencies: ["FolioEngine", "FolioNotebook"],
            resources: [.copy("Fixtures")]
        ),
    ]
)

// `make fuzz` (FOLIO_FUZZ=1, built with -sanitize=fuzzer): the libFuzzer harness of the parse
// + lint path. libFuzzer supplies `main`, so the target exists only in fuzz builds.
if Context.environment["FOLIO_FUZZ"] != nil {
    package.targets.append(
        .executableTarget(
            name: "FolioFuzz", dependencies: ["FolioEngine", "FolioNotebook"], path: "Tests/Fuzz/Harness",
            // No Swift `main`: libFuzzer's drives the harness.
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]))
}

// swift-tools-version:6.1
import PackageDescription

// libFuzzer targets for kb's parsers, analyzer and index reader: a package of its own, so
// that the fuzz build compiles KBIndex and KBSearch only (never the server's dependencies)
// and the fuzzer flags never reach the main build. Build and run through `Tests/Fuzz/run`.

// Swift 6 language mode throughout, as in the main package.
let swiftSettings: [SwiftSetting] = [
    // SE-0335: `any` spelled out for existential types.
    .enableUpcomingFeature("ExistentialAny"),
    // SE-0409: access-level modifiers on imports.
    .enableUpcomingFeature("InternalImportsByDefault"),
]

/// One libFuzzer executable: `fuzz-<name>` in `Sources/fuzz-<name>/`.
func fuzzTarget(_ name: String, _ dependencies: [Target.Dependency]) -> Target {
    .executableTarget(name: "fuzz-\(name)", dependencies: ["FuzzSupport"] + dependencies, swiftSettings: swiftSettings)
}

let kbIndex = Target.Dependency.product(name: "KBIndex", package: "kb")
let kbSearch = Target.Dependency.product(name: "KBSearch", package: "kb")

let package = Package(
    name: "kb-fuzz",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "kb", path: "../..")
    ],
    targets: [
        // What several targets share: `require`, article invariants, scratch files, the sample
        // index, checksum sealing.
        .target(
            name: "FuzzSupport",
            dependencies: [kbIndex],
            swiftSettings: swiftSettings
        ),
        fuzzTarget("article-parser", [kbIndex]),
        fuzzTarget("json-lines", [kbIndex]),
        fuzzTarget("analyzer", [kbIndex]),
        fuzzTarget("query-parser", [kbIndex, kbSearch]),
        fuzzTarget("index-reader", [kbIndex, kbSearch]),
    ]
)

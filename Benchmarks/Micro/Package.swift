// swift-tools-version:6.1
import PackageDescription

// kb's micro-benchmarks (README.md), a package of its own so that the main build never
// builds ordo-one/benchmark. `swift package benchmark` runs them.
//
// kb is named explicitly: a path dependency's identity is its folder's name, which depends
// on where the repository is checked out.

// Swift 6 language mode, with the main package's upcoming features.
let swiftSettings: [SwiftSetting] = [
    // SE-0335: `any` spelled out for existential types.
    .enableUpcomingFeature("ExistentialAny"),
    // SE-0409: access-level modifiers on imports.
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "kb-micro",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "kb", path: "../.."),
        // The MallocInterposer trait (the default on Swift 6.3) counts allocations by
        // preloading ordo-one/malloc-interposer: no jemalloc to install. Naming the trait
        // leaves out the default RuntimeInterposer trait (ARC counters), which is not used.
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        // Corpora, query lists, expectations and the measured workloads, shared by the
        // benchmarks and kb-micro-record.
        .target(
            name: "MicroSupport",
            dependencies: [
                .product(name: "KBIndex", package: "kb"),
                .product(name: "KBSearch", package: "kb"),
            ],
            swiftSettings: swiftSettings
        ),
        // Records Expectations/<corpus>.tsv.
        .executableTarget(
            name: "kb-micro-record",
            dependencies: [
                "MicroSupport",
                .product(name: "KBIndex", package: "kb"),
                .product(name: "KBSearch", package: "kb"),
            ],
            swiftSettings: swiftSettings
        ),
        // The benchmarks. The plugin finds executable targets under Benchmarks/.
        .executableTarget(
            name: "KBMicro",
            dependencies: [
                "MicroSupport",
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "KBIndex", package: "kb"),
                .product(name: "KBSearch", package: "kb"),
            ],
            path: "Benchmarks/KBMicro",
            swiftSettings: swiftSettings,
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ]
)

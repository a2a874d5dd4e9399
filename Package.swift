// swift-tools-version:6.1
import PackageDescription

// Swift 6 language mode throughout (strict concurrency checking: SE-0337, SE-0412).
let swiftSettings: [SwiftSetting] = [
    // SE-0335: `any` spelled out for existential types.
    .enableUpcomingFeature("ExistentialAny"),
    // SE-0409: access-level modifiers on imports.
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "kb",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "KBIndex", targets: ["KBIndex"]),
        .library(name: "KBSearch", targets: ["KBSearch"]),
        .executable(name: "kb", targets: ["kb-cli"]),
        .executable(name: "kb-server", targets: ["kb-server"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        // Already in Hummingbird's graph; kb-server names them for a channel handler below the
        // router (MalformedRequestHandler) and NIO's thread pool (CPUWork).
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.3"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.35.2"),
    ],
    targets: [
        // libxml2 through pkg-config; Debian: apt-get install libxml2-dev.
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        // Core: analysis, article parsing, index format, writer, reader. Foundation + libxml2 only.
        .target(
            name: "KBIndex",
            dependencies: ["CLibXML2"],
            exclude: [
                "Analysis/Data/stopwords-snowball.txt.LICENSE",
                "Analysis/Data/stopwords-snowball.txt.README.md",
                "Analysis/Data/portuguese.rslp.LICENSE",
                "Analysis/Data/portuguese.rslp.NOTICE",
                "Analysis/Data/portuguese.rslp.README.md",
            ],
            resources: [
                .embedInCode("Analysis/Data/stopwords-snowball.txt"),
                .embedInCode("Analysis/Data/informal-spellings.txt"),
                .embedInCode("Analysis/Data/portuguese.rslp"),
            ],
            swiftSettings: swiftSettings
        ),
        // Queries, ranking, snippets, suggestions. Depends on the core only.
        .target(
            name: "KBSearch",
            dependencies: ["KBIndex"],
            resources: [
                .embedInCode("Suggestions/Data/ticket-filler-words.txt"),
                .embedInCode("Synonyms/Data/synonyms-pt.txt"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "kb-cli",
            dependencies: [
                "KBIndex",
                "KBSearch",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings
        ),
        // The HTTP server. The customer's search page (Public/) is embedded in the binary.
        .executableTarget(
            name: "kb-server",
            dependencies: [
                "KBIndex",
                "KBSearch",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
            ],
            resources: [
                .embedInCode("Public/index.html"),
                .embedInCode("Public/app.js"),
                .embedInCode("Public/style.css"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "KBTestSupport",
            dependencies: ["KBIndex"],
            path: "Tests/KBTestSupport",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "KBIndexTests",
            dependencies: ["KBIndex", "KBTestSupport"],
            exclude: ["Fixtures"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "KBSearchTests",
            dependencies: ["KBSearch", "KBIndex", "KBTestSupport"],
            exclude: ["Fixtures"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "KBServerTests",
            dependencies: [
                .byName(name: "kb-server"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                "KBTestSupport",
            ],
            exclude: ["Fixtures"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "KBCLITests",
            dependencies: ["KBTestSupport"],
            swiftSettings: swiftSettings
        ),
    ]
)

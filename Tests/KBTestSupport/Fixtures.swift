public import Foundation

/// Locations of the repository's fixtures and sample articles, found from this source
/// file's path (tests do not use SwiftPM resources).
public enum Fixtures {
    /// The repository root.
    public static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // KBTestSupport
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()

    /// `Tests/<target>/Fixtures`: each test target keeps its own fixtures.
    public static func directory(of target: String = "KBIndexTests") -> URL {
        repositoryRoot.appendingPathComponent("Tests/\(target)/Fixtures")
    }

    /// `Articles/`, the sample knowledge base.
    public static let articles: URL = repositoryRoot.appendingPathComponent("Articles")

    /// The URL of `Tests/<target>/Fixtures/<path>`.
    public static func url(_ path: String, in target: String = "KBIndexTests") -> URL {
        directory(of: target).appendingPathComponent(path)
    }

    /// The UTF-8 text of `Tests/<target>/Fixtures/<path>`.
    public static func text(_ path: String, in target: String = "KBIndexTests") throws -> String {
        try String(contentsOf: url(path, in: target), encoding: .utf8)
    }

    /// A new empty temporary folder; the caller removes it.
    public static func makeTemporaryDirectory(_ prefix: String = "kb-test") throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("\(prefix)-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

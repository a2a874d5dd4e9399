public import Foundation

/// Where the micro-benchmark package finds the repository's sample articles and its own
/// committed query lists and expectations: from this source file's path, so that the
/// benchmark executables work from any current folder (they do not use SwiftPM resources).
public enum MicroPaths {
    /// `Benchmarks/Micro`, the micro-benchmark package.
    public static let package: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // MicroSupport
        .deletingLastPathComponent()  // Sources
        .deletingLastPathComponent()

    /// The kb repository that holds the package (two folders up: `Benchmarks/Micro`).
    public static let repository: URL = package.deletingLastPathComponent().deletingLastPathComponent()

    /// `Articles/`, the sample knowledge base.
    public static let articles: URL = repository.appendingPathComponent("Articles", isDirectory: true)

    /// `Queries/<name>.tsv`, a committed query list.
    public static func queries(_ name: String) -> URL {
        package.appendingPathComponent("Queries/\(name).tsv")
    }

    /// `Expectations/<corpus>.tsv`, the recorded results for one corpus.
    public static func expectations(_ corpus: CorpusKind) -> URL {
        package.appendingPathComponent("Expectations/\(corpus.rawValue).tsv")
    }

    /// A new empty folder under the system's temporary folder; the caller removes it.
    public static func makeTemporaryFolder(_ prefix: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("\(prefix)-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

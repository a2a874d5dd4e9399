import Foundation
import KBTestSupport

/// The HTML fixtures of the article tests (`Tests/KBIndexTests/Fixtures/html`), and
/// temporary folders for tests that need files on disk.
enum ArticleFixtures {
    /// The URL of HTML fixture `name` (for example `metadata.html`).
    static func url(_ name: String) -> URL {
        Fixtures.url("html/\(name)")
    }

    /// Runs `body` with a new, empty folder under the system's temporary directory, and
    /// removes the folder afterwards.
    static func withTemporaryFolder<Result>(_ body: (URL) throws -> Result) throws -> Result {
        let folder = try Fixtures.makeTemporaryDirectory("kb-article-test")
        defer {
            // Give back permissions a test may have removed, so that everything can be deleted.
            if let enumerator = FileManager.default.enumerator(atPath: folder.path) {
                for case let item as String in enumerator {
                    chmod(folder.appendingPathComponent(item).path, 0o755)
                }
            }
            try? FileManager.default.removeItem(at: folder)
        }
        return try body(folder)
    }

    /// Writes `contents` to `path` under `folder`, creating intermediate folders.
    @discardableResult
    static func write(_ contents: some Sequence<UInt8>, to path: String, in folder: URL) throws -> URL {
        let url = folder.appendingPathComponent(path, isDirectory: false)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(contents).write(to: url)
        return url
    }
}

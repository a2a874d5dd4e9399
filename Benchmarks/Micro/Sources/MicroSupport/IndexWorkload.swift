public import Foundation
public import KBIndex

/// Index builds and opens, each returning an ``IndexTally`` of the index it made or opened.
public enum IndexWorkload {
    /// Builds an index from the article files under `folder` as `kb index` does (list, read,
    /// parse, analyze, write, fsync, rename), without the reindex cache.
    ///
    /// - Parameter jobs: parsing threads; the benchmark uses one, for a per-core figure that
    ///   does not depend on what else the machine runs.
    public static func build(
        from folder: URL, parser: ArticleParserOptions, to destination: URL, jobs: Int
    ) throws -> IndexTally {
        let options = IndexBuildOptions(parser: parser, jobs: jobs, usesCache: false)
        let summary = try IndexBuilder(options: options).build(from: folder, to: destination).summary
        return IndexTally(documents: summary.documentCount, terms: summary.termCount, postings: summary.postingCount)
    }

    /// Writes already analyzed articles with an ``IndexWriter`` (postings, norms, stored
    /// fields, term dictionary, fsync): the writer's share of a build.
    public static func write(_ articles: [AnalyzedArticle], to destination: URL) throws -> IndexTally {
        let writer = try IndexWriter(
            options: IndexWriterOptions(temporaryDirectory: destination.deletingLastPathComponent()))
        for article in articles { try writer.add(article) }
        let summary = try writer.write(to: destination)
        return IndexTally(documents: summary.documentCount, terms: summary.termCount, postings: summary.postingCount)
    }

    /// Opens the index at `path` (and verifies every checksum when asked, as the server does
    /// before it swaps an index in). Postings are not known to the reader and count as 0.
    public static func open(_ path: String, verifyChecksums: Bool) throws -> IndexTally {
        let reader = try IndexReader.open(path: path, verifyChecksums: verifyChecksums)
        return IndexTally(documents: reader.documentCount, terms: reader.metadata.termCount, postings: 0)
    }
}

/// An index of a corpus, built once (with every core) for the query and open benchmarks.
public struct BenchmarkIndex: Sendable {
    /// The index file.
    public let path: String
    /// What was built.
    public let tally: IndexTally

    /// Builds the index of `corpus` as `kb.idx` in `folder` (where the synthetic corpus's
    /// files are written too).
    public init(_ corpus: BenchmarkCorpus, in folder: URL) throws {
        let destination = folder.appendingPathComponent("kb.idx")
        path = destination.path
        tally = try IndexWorkload.build(
            from: try corpus.folder(writingInto: folder), parser: corpus.parserOptions, to: destination,
            jobs: IndexBuildOptions.defaultJobs)
    }
}

/// A temporary folder made in a benchmark's setup and removed in its teardown, which does
/// not see what the setup returned (or by ``removeAll()`` when a run stops early).
public final class ScratchFolder: @unchecked Sendable {
    private static let registryLock = NSLock()
    nonisolated(unsafe) private static var registry: [ScratchFolder] = []
    private let lock = NSLock()
    private var url: URL?

    /// Creates the holder; the folder is made by ``make()``.
    public init() {
        Self.registryLock.withLock { Self.registry.append(self) }
    }

    /// Makes a new empty folder under the system's temporary folder.
    public func make() throws -> URL {
        let folder = try MicroPaths.makeTemporaryFolder("kb-micro")
        lock.withLock { url = folder }
        return folder
    }

    /// Removes the folder, if one was made.
    public func remove() {
        let folder = lock.withLock { () -> URL? in
            defer { url = nil }
            return url
        }
        if let folder { try? FileManager.default.removeItem(at: folder) }
    }

    /// Removes the folders of every holder, for a run that stops before its teardowns.
    public static func removeAll() {
        for scratch in registryLock.withLock({ registry }) { scratch.remove() }
    }
}

import Foundation

/// How ``IndexBuilder`` reads articles and builds the index.
public struct IndexBuildOptions: Sendable {
    /// How text is analyzed (recorded in the index).
    public var analyzer: AnalyzerOptions
    /// BM25F field settings (recorded in the index).
    public var fields: [FieldSettings]
    /// How HTML is parsed (content selector, size limit).
    public var parser: ArticleParserOptions
    /// How many threads parse and analyze articles.
    public var jobs: Int
    /// The writer's memory budget for postings, in bytes.
    public var memoryBudget: Int
    /// How many files are parsed per batch handed to the writer.
    public var batchSize: Int
    /// Whether the reindex cache `<index>.cache` is read and written, so that files unchanged
    /// since the last build are not parsed again. The index is the same either way.
    public var usesCache: Bool
    /// JSON Lines exports larger than this many bytes are streamed: decoded and analyzed a
    /// chunk of lines at a time, so memory stays bounded however large the file, and not kept
    /// in the reindex cache. The index is the same either way.
    public var streamingThreshold: Int

    /// Lines decoded and analyzed together when streaming: enough to keep every thread busy,
    /// few enough that memory stays small (a few MiB of articles).
    var streamingChunkLines = 2_048

    /// 32 MiB (some ten thousand articles), the default ``streamingThreshold``.
    public static let defaultStreamingThreshold = 32 << 20

    /// Creates options; the defaults use every core.
    public init(
        analyzer: AnalyzerOptions = .default,
        fields: [FieldSettings] = FieldSettings.defaults,
        parser: ArticleParserOptions = ArticleParserOptions(),
        jobs: Int = IndexBuildOptions.defaultJobs,
        memoryBudget: Int = IndexWriterOptions.defaultMemoryBudget,
        batchSize: Int = 256,
        usesCache: Bool = true,
        streamingThreshold: Int = IndexBuildOptions.defaultStreamingThreshold
    ) {
        self.analyzer = analyzer
        self.fields = fields
        self.parser = parser
        self.jobs = max(1, jobs)
        self.memoryBudget = memoryBudget
        self.batchSize = max(1, batchSize)
        self.usesCache = usesCache
        self.streamingThreshold = max(0, streamingThreshold)
    }

    /// The number of active processors.
    public static var defaultJobs: Int { ProcessInfo.processInfo.activeProcessorCount }
}

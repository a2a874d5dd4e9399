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

    /// Creates options; the defaults use every core.
    public init(
        analyzer: AnalyzerOptions = .default,
        fields: [FieldSettings] = FieldSettings.defaults,
        parser: ArticleParserOptions = ArticleParserOptions(),
        jobs: Int = IndexBuildOptions.defaultJobs,
        memoryBudget: Int = IndexWriterOptions.defaultMemoryBudget,
        batchSize: Int = 256,
        usesCache: Bool = true
    ) {
        self.analyzer = analyzer
        self.fields = fields
        self.parser = parser
        self.jobs = max(1, jobs)
        self.memoryBudget = memoryBudget
        self.batchSize = max(1, batchSize)
        self.usesCache = usesCache
    }

    /// The number of active processors.
    public static var defaultJobs: Int { ProcessInfo.processInfo.activeProcessorCount }
}

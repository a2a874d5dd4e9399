/// What an index build did: for `kb index`'s summary and the server's reindex log.
public struct IndexBuildReport: Sendable {
    /// Articles indexed.
    public var indexedCount: Int
    /// Articles and files skipped, each with its reason, in input order.
    public var skipped: [SkippedArticle]
    /// What the writer wrote.
    public var summary: IndexWriteSummary
    /// Wall-clock seconds for the whole build.
    public var seconds: Double
    /// Source files whose results came from the reindex cache (unchanged since the last build).
    public var reusedFileCount: Int
    /// Source files parsed and analyzed (new, changed, or every file without a cache).
    public var parsedFileCount: Int
    /// Whether a valid reindex cache of a previous build with the same analysis was found.
    public var usedCache: Bool

    /// Creates a report.
    public init(
        indexedCount: Int, skipped: [SkippedArticle], summary: IndexWriteSummary, seconds: Double,
        reusedFileCount: Int = 0, parsedFileCount: Int = 0, usedCache: Bool = false
    ) {
        self.indexedCount = indexedCount
        self.skipped = skipped
        self.summary = summary
        self.seconds = seconds
        self.reusedFileCount = reusedFileCount
        self.parsedFileCount = parsedFileCount
        self.usedCache = usedCache
    }
}

/// How far a build has come, reported after each batch.
public struct IndexBuildProgress: Sendable {
    /// Files parsed so far.
    public var processedFiles: Int
    /// Files found.
    public var totalFiles: Int
    /// Articles indexed so far.
    public var indexedCount: Int
    /// Articles skipped so far.
    public var skippedCount: Int
}

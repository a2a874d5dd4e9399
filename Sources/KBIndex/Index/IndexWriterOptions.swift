public import Foundation

/// How an ``IndexWriter`` builds an index: the analysis and field settings it records in
/// `META`, and the resources it may use.
public struct IndexWriterOptions: Sendable {
    /// The analysis the articles were made with, recorded in `META` so that queries are
    /// analyzed the same way.
    public var analyzer: AnalyzerOptions
    /// BM25F settings of the three fields, in ``IndexField`` order; they fix the block-max
    /// impacts in the postings.
    public var fields: [FieldSettings]
    /// Bytes the in-memory postings may hold before they are written to a sorted run on disk.
    /// The output does not depend on it; only speed and memory use do.
    public var memoryBudget: Int
    /// Folder for the build's temporary files (stored fields, sorted runs). `nil` means the
    /// system's temporary folder (`TMPDIR`); `kb index` passes the index's own folder, so
    /// that the temporary files are on the same disk as the index.
    public var temporaryDirectory: URL?
    /// Threads that may compress stored fields at the end of the build (at least 1). The
    /// output does not depend on it.
    public var threads: Int

    /// 512 MiB, the default ``memoryBudget``.
    public static let defaultMemoryBudget = 512 << 20

    /// Creates options; the defaults are kb's default analysis and field settings.
    public init(
        analyzer: AnalyzerOptions = .default,
        fields: [FieldSettings] = FieldSettings.defaults,
        memoryBudget: Int = IndexWriterOptions.defaultMemoryBudget,
        temporaryDirectory: URL? = nil,
        threads: Int = 1
    ) {
        self.analyzer = analyzer
        self.fields = fields
        self.memoryBudget = memoryBudget
        self.temporaryDirectory = temporaryDirectory
        self.threads = max(1, threads)
    }
}

/// Everything that changes what parsing and analysis make of an article file, as one string
/// stored in the reindex cache: a cache written under another key is ignored whole.
///
/// It covers the analyzer options, the parser options (content selector, size limit, summary
/// length, hidden elements) and kb's producer version, which stands for the parser's and the
/// analyzer's code. BM25F field settings are not part of it: they do not change the analyzed
/// articles, only how the writer scores them.
enum IndexBuildCacheKey {
    /// The key for `options`.
    static func make(_ options: IndexBuildOptions) -> String {
        let analyzer = options.analyzer
        let parser = options.parser
        return [
            "producer=\(KBVersion.producer)",
            "stemmer=\(analyzer.stemmer.rawValue)",
            "stopWords=\(analyzer.removesStopWords)",
            "foldAccents=\(analyzer.foldsAccents)",
            "informal=\(analyzer.normalizesInformalSpellings)",
            "content=\(parser.contentSelector.map { "some:\($0.description)" } ?? "none")",
            "maxFileSize=\(parser.maximumFileSize)",
            "maxSummary=\(parser.maximumSummaryLength)",
            "hidden=\(parser.includesHiddenElements)",
        ].joined(separator: "\n")
    }
}

public import KBIndex

/// One result: a document, its score and its stored fields.
public struct SearchHit: Sendable {
    /// The doc id inside the index.
    public var document: Int
    /// The ranking score (higher is better; comparable within one result list only).
    public var score: Double
    /// The article's stored fields.
    public var article: StoredDocument
}

/// The answer to a ``SearchRequest``.
public struct SearchResults: Sendable {
    /// The query as parsed.
    public var query: Query
    /// Number of matching documents (0 when not counted).
    public var total: Int
    /// The requested window of hits, best first.
    public var hits: [SearchHit]
    /// The index terms the query searched (stemmed, completed, corrected): what snippets
    /// highlight.
    public var matchedTerms: Set<String>
    /// Number of matching documents per category (when counted).
    public var categoryCounts: [String: Int]
    /// A corrected query to offer ("Você quis dizer …"), when the query found little and a
    /// correction finds more.
    public var didYouMean: String?
}

/// The JSON body of a search or suggestion response, shared by `kb search --json` and
/// `kb-server`'s `GET /search` so that both print exactly the same shape:
/// `{query, total, took_ms, hits: [{id, title, url, category, product, summary, snippet, score}],
/// did_you_mean?, facets?}`.
public struct SearchResponse: Sendable, Codable, Hashable {
    /// One hit.
    public struct Hit: Sendable, Codable, Hashable {
        /// The article id.
        public var id: String
        /// The title.
        public var title: String
        /// The portal URL (absolute `http(s)` only, ``LinkableURL``), or null.
        public var url: String?
        /// The category, or null.
        public var category: String?
        /// The product, or null.
        public var product: String?
        /// The summary.
        public var summary: String
        /// The best passage, HTML-escaped, matched words in `<mark>`.
        public var snippet: String
        /// The ranking score.
        public var score: Double

        /// Creates a hit.
        public init(
            id: String, title: String, url: String?, category: String?, product: String?, summary: String,
            snippet: String, score: Double
        ) {
            self.id = id
            self.title = title
            self.url = url
            self.category = category
            self.product = product
            self.summary = summary
            self.snippet = snippet
            self.score = score
        }
    }

    /// Facet counts.
    public struct Facets: Sendable, Codable, Hashable {
        /// Matching documents per category.
        public var category: [String: Int]

        /// Creates facets.
        public init(category: [String: Int]) {
            self.category = category
        }
    }

    /// The query text as received.
    public var query: String
    /// Number of matching documents.
    public var total: Int
    /// Time spent searching, in milliseconds.
    public var tookMilliseconds: Double
    /// The hits, best first.
    public var hits: [Hit]
    /// A corrected query, when the query found little.
    public var didYouMean: String?
    /// Facet counts, when requested.
    public var facets: Facets?

    /// Creates a response.
    public init(
        query: String, total: Int, tookMilliseconds: Double, hits: [Hit], didYouMean: String? = nil,
        facets: Facets? = nil
    ) {
        self.query = query
        self.total = total
        self.tookMilliseconds = tookMilliseconds
        self.hits = hits
        self.didYouMean = didYouMean
        self.facets = facets
    }

    enum CodingKeys: String, CodingKey {
        case query, total, hits, facets
        case tookMilliseconds = "took_ms"
        case didYouMean = "did_you_mean"
    }
}

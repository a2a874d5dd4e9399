/// The stored fields of one document, as the `STOR` section keeps them.
public struct StoredDocument: Sendable, Hashable, Codable {
    /// The article id.
    public var id: String
    /// The title.
    public var title: String
    /// The portal URL, or empty.
    public var url: String
    /// The category, or empty.
    public var category: String
    /// The product, or empty.
    public var product: String
    /// The tags.
    public var tags: [String]
    /// The summary.
    public var summary: String
    /// The update date (ISO 8601), or empty.
    public var updated: String
    /// The headings' text.
    public var headings: [String]
    /// The body text, one block per line.
    public var body: String

    /// The stored form of `article`.
    public init(_ article: Article) {
        id = article.id
        title = article.title
        url = article.url ?? ""
        category = article.category ?? ""
        product = article.product ?? ""
        tags = article.tags
        summary = article.summary
        updated = article.updated ?? ""
        headings = article.headings
        body = article.body
    }

    /// Creates a stored document from its parts.
    public init(
        id: String, title: String, url: String, category: String, product: String, tags: [String],
        summary: String, updated: String, headings: [String], body: String
    ) {
        self.id = id
        self.title = title
        self.url = url
        self.category = category
        self.product = product
        self.tags = tags
        self.summary = summary
        self.updated = updated
        self.headings = headings
        self.body = body
    }
}

/// One help article, as the indexer sees it: identity, metadata and the text of its fields.
///
/// Articles come from HTML files (``ArticleParser``) or from JSON Lines exports
/// (``JSONLinesArticleReader``). Text fields hold plain text: markup removed, entities
/// decoded, whitespace collapsed. In ``body`` each block of the page (paragraph, list
/// item, table cell, heading) ends with a newline, so that the analyzer can keep phrases
/// from running across block boundaries.
public struct Article: Sendable, Hashable, Codable {
    /// Stable identifier; defaults to the file's path relative to the articles folder,
    /// extension included (`conta/redefinir-senha.html`), or `kb:id` when the page sets it.
    public var id: String
    /// The title, from `<title>` or else the first `<h1>`.
    public var title: String
    /// The text of each `h1`–`h3` heading of the main content, in document order.
    public var headings: [String]
    /// All visible text of the main content (headings included), one block per line.
    public var body: String
    /// A short description: `<meta name="description">`, or else the first paragraph.
    public var summary: String
    /// Where the article lives on the portal (`kb:url`), if known.
    public var url: String?
    /// The category (`kb:category`), if any.
    public var category: String?
    /// The product the article is about (`kb:product`), if any.
    public var product: String?
    /// Free tags (`kb:tags`, comma separated in the page).
    public var tags: [String]
    /// Last update, as an ISO 8601 date (`2026-10-02`) or date-time, if known.
    public var updated: String?
    /// The links of the main content to other pages of the knowledge base, in document order.
    /// Their text is indexed under the page they point to (see ``ArticleLink``).
    public var links: [ArticleLink]

    /// Creates an article from its parts.
    public init(
        id: String,
        title: String,
        headings: [String] = [],
        body: String,
        summary: String = "",
        url: String? = nil,
        category: String? = nil,
        product: String? = nil,
        tags: [String] = [],
        updated: String? = nil,
        links: [ArticleLink] = []
    ) {
        self.id = id
        self.title = title
        self.headings = headings
        self.body = body
        self.summary = summary
        self.url = url
        self.category = category
        self.product = product
        self.tags = tags
        self.updated = updated
        self.links = links
    }
}

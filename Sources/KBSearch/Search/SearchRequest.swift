/// What a search asks for: the query text, the result window, filters and options.
public struct SearchRequest: Sendable, Hashable {
    /// The query as typed.
    public var text: String
    /// How many hits to return (at most ``maximumLimit``).
    public var limit: Int
    /// How many hits to skip (at most ``maximumOffset``).
    public var offset: Int
    /// Only articles of this category.
    public var category: String?
    /// Only articles of this product.
    public var product: String?
    /// Only articles having every one of these tags.
    public var tags: [String]
    /// Whether the last word is completed as a prefix (search as you type).
    public var prefixLastWord: Bool
    /// Whether words of 5+ characters also match index terms one or two edits away.
    public var typoTolerance: Bool
    /// Whether to count every match (``SearchResults/total``) and the category facets.
    public var countsMatches: Bool

    /// The largest ``limit`` accepted.
    public static let maximumLimit = 100
    /// The largest ``offset`` accepted.
    public static let maximumOffset = 1_000

    /// Creates a request; `limit` and `offset` are clamped to their documented ranges.
    public init(
        _ text: String, limit: Int = 10, offset: Int = 0, category: String? = nil, product: String? = nil,
        tags: [String] = [], prefixLastWord: Bool = true, typoTolerance: Bool = true, countsMatches: Bool = true
    ) {
        self.text = text
        self.limit = min(max(limit, 0), Self.maximumLimit)
        self.offset = min(max(offset, 0), Self.maximumOffset)
        self.category = category
        self.product = product
        self.tags = tags
        self.prefixLastWord = prefixLastWord
        self.typoTolerance = typoTolerance
        self.countsMatches = countsMatches
    }
}

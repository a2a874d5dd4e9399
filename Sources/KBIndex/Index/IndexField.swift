/// The searchable fields of an article, in index order. BM25F weighs title above headings
/// above body.
public enum IndexField: Int, CaseIterable, Sendable, Codable {
    /// The article's title.
    case title = 0
    /// The `h1`–`h3` headings.
    case headings = 1
    /// The body text, without the text of links to other articles (that text describes
    /// the page the link points to, and counts there, in ``anchors``).
    case body = 2
    /// The text of the links that point to the article from other articles of the knowledge
    /// base (anchor text). It is indexed, not stored.
    case anchors = 3

    /// Number of fields (4).
    public static let count = 4

    /// The field's name in the index metadata.
    public var name: String {
        switch self {
        case .title: return "title"
        case .headings: return "headings"
        case .body: return "body"
        case .anchors: return "anchors"
        }
    }
}

/// The BM25F settings of one field, fixed when the index is built (the block-max impacts
/// in the postings depend on them).
public struct FieldSettings: Sendable, Hashable, Codable {
    /// The field's name (`title`, `headings`, `body`).
    public var name: String
    /// BM25F weight: how many body occurrences one occurrence in this field is worth.
    public var weight: Double
    /// BM25F length normalization `b` for this field, in 0...1.
    public var lengthNormalization: Double

    /// Creates settings.
    public init(name: String, weight: Double, lengthNormalization: Double) {
        self.name = name
        self.weight = weight
        self.lengthNormalization = lengthNormalization
    }

    /// kb's default field settings, in field order: weights title 5, headings 2, body 1,
    /// anchors 5; `b` 0.75 for title, headings and anchors, 0.5 for the body. Chosen on the
    /// development sets (see `Benchmarks/RELEVANCE.md`).
    public static let defaults: [FieldSettings] = [
        FieldSettings(name: "title", weight: 5.0, lengthNormalization: 0.75),
        FieldSettings(name: "headings", weight: 2.0, lengthNormalization: 0.75),
        FieldSettings(name: "body", weight: 1.0, lengthNormalization: 0.5),
        FieldSettings(name: "anchors", weight: 5.0, lengthNormalization: 0.75),
    ]
}

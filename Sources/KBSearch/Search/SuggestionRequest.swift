/// A ticket form's request for articles that may answer the ticket being written.
public struct SuggestionRequest: Sendable, Hashable {
    /// The ticket subject ("Assunto") as typed so far.
    public var subject: String
    /// The ticket description ("Descrição"), if any.
    public var description: String?
    /// At most this many suggestions (1...``maximumLimit``).
    public var limit: Int

    /// The largest ``limit`` accepted.
    public static let maximumLimit = 20

    /// Creates a request; `limit` is clamped to 1...``maximumLimit``.
    public init(subject: String, description: String? = nil, limit: Int = 5) {
        self.subject = subject
        self.description = description
        self.limit = min(max(limit, 1), Self.maximumLimit)
    }
}

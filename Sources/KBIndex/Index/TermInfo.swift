/// One entry of the term dictionary: a term and where its postings and positions are.
public struct TermInfo: Sendable, Hashable {
    /// The term.
    public var term: String
    /// Number of documents containing the term in any field.
    public var documentFrequency: Int
    /// Offset of the term's postings inside the `POST` section.
    public var postingsOffset: Int
    /// Offset of the term's positions inside the `POSN` section.
    public var positionsOffset: Int

    /// Creates an entry.
    public init(term: String, documentFrequency: Int, postingsOffset: Int, positionsOffset: Int) {
        self.term = term
        self.documentFrequency = documentFrequency
        self.postingsOffset = postingsOffset
        self.positionsOffset = positionsOffset
    }
}

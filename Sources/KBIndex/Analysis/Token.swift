/// One term produced by the ``Analyzer``, with where it came from.
///
/// Offsets are UTF-8 byte offsets into the analyzed text, so that snippets can highlight
/// the original words. The term of a compound's whole (`e-mail` → `email`) shares the
/// position of its first part.
public struct Token: Sendable, Hashable {
    /// The normalized term: lowercased, folded and stemmed as the analyzer is configured.
    public var term: String
    /// Word position in the text, counting stop words (a phrase query needs the gaps).
    public var position: Int
    /// UTF-8 byte offset of the first byte of the source word.
    public var startOffset: Int
    /// UTF-8 byte offset just past the last byte of the source word.
    public var endOffset: Int

    /// Creates a token.
    public init(term: String, position: Int, startOffset: Int, endOffset: Int) {
        self.term = term
        self.position = position
        self.startOffset = startOffset
        self.endOffset = endOffset
    }
}

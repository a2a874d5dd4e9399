/// How a ``QueryParser`` reads the search box.
public struct QueryParserOptions: Sendable, Hashable {
    /// Whether the last word is marked as a prefix (``Query/Clause/isPrefix``) while the user
    /// is still typing it: the input does not end with whitespace and its last clause is a
    /// plain, non-excluded word ending in a letter, digit or combining mark.
    public var prefixLastWord: Bool = true
    /// How many characters (grapheme clusters) of the input are read; the rest is dropped,
    /// preferably at a word boundary. Zero or less reads nothing.
    public var maximumCharacters: Int = QueryParser.defaultMaximumCharacters
    /// How many clauses are kept; further clauses are dropped. Zero or less keeps none.
    public var maximumClauses: Int = QueryParser.defaultMaximumClauses

    /// Creates options; the defaults suit a search box.
    public init(
        prefixLastWord: Bool = true,
        maximumCharacters: Int = QueryParser.defaultMaximumCharacters,
        maximumClauses: Int = QueryParser.defaultMaximumClauses
    ) {
        self.prefixLastWord = prefixLastWord
        self.maximumCharacters = maximumCharacters
        self.maximumClauses = maximumClauses
    }
}

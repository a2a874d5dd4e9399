/// The tunable constants of query handling, with kb's defaults. Each default was measured
/// on the development sets (see `Benchmarks/RELEVANCE.md`).
public struct SearchSettings: Sendable, Hashable {
    /// BM25's term-frequency saturation.
    public var k1: Double = BM25.defaultK1
    /// Boost of a prefix completion relative to the word as typed.
    public var prefixBoost: Double = 0.8
    /// A word being typed is completed only from this many characters on.
    public var minimumPrefixCharacters = 2
    /// At most this many dictionary terms are read to complete a prefix.
    public var prefixScanLimit = 512
    /// At most this many completions (the most frequent) are searched.
    public var maximumPrefixExpansions = 16
    /// Boost of a typo correction, per edit: `typoBoost^edits`.
    public var typoBoost: Double = 0.5
    /// At most this many typo corrections (the closest, then the most frequent) per word.
    public var maximumTypoExpansions = 8
    /// The synonym groups applied at query time.
    public var synonyms = SynonymList.standard
    /// Boost of a synonym relative to the word as typed.
    public var synonymBoost: Double = 0.8
    /// How many first-phase results the exact pruned search keeps for re-ranking (proximity,
    /// title match, title score).
    public var rerankDepth = 30
    /// Term-proximity re-ranking (strength 0 turns it off).
    public var proximity = TermProximity()
    /// Exponent of the coordination factor applied when re-ranking: a document matching m of
    /// a query's n clauses has its score multiplied by `(m/n)^coordination` (0 turns it off).
    public var coordination = 0.0
    /// Strength of the title-match bonus applied when re-ranking: a document gains
    /// `titleMatch · c · Σ clause weights`, where `c` is the share of its title's words that
    /// the query matches (1 when the query holds the whole title). 0 turns it off.
    public var titleMatch = 0.1
    /// Weight of the title's own BM25 score, added when re-ranking: each word of the query
    /// found in an article's title adds `titleScore · weight · saturation(tf · lengthFactor)`
    /// computed on the title alone. BM25F saturates a word's title and body occurrences
    /// together, so a long body that repeats a word leaves little for the title to add; this
    /// gives the title its own say, like engines that score each field apart. 0 turns it off.
    public var titleScore = 0.4

    /// kb's defaults.
    public init() {}
}

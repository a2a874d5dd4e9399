import KBIndex

/// A query turned into clause scorers over one index, ready for a collector.
struct SearchPlan {
    /// Clauses that rank (optional words and phrases), in the order their scores are summed.
    var optional: [ClauseScorer]
    /// Clauses every result must match.
    var required: [ClauseScorer]
    /// Clauses no result may match.
    var excluded: [ClauseScorer]
    /// When false, the query cannot match anything (a required word is not in the index).
    var canMatch: Bool
    /// The index terms the plan searches, for highlighting.
    var terms: Set<String>
    /// Words of the query that matched no index term (for "did you mean").
    var unmatchedWords: [String]
    /// The positions in the query of the optional words that matched no index term.
    var unmatchedClauses: [Int]
    /// For each word that matched only through typo correction, its best correction (an
    /// index term).
    var corrections: [String: String]

    /// Whether the plan ranks nothing (only exclusions, or nothing at all).
    var isEmpty: Bool { optional.isEmpty && required.isEmpty }
}

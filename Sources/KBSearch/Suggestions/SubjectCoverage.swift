import KBIndex

/// How much of a ticket's wording an article covers: the confidence of a suggestion.
///
/// Each word of the ticket weighs `boost · idf`; a word the index does not know at all weighs
/// the idf of a term in no document (the rarest possible), and so does a word the index knows
/// only through a typo correction, because a ticket about something
/// the knowledge base never mentions ("boleto", "estorno") should not be answered by the
/// articles that share its common words. The confidence of an article is the weight of the
/// words it contains over the weight of all the words.
struct SubjectCoverage {
    private var clauses: [(cursors: [PostingsCursor], weight: Double)] = []
    private let totalWeight: Double

    init(plan: SearchPlan, boosts: [Double], searcher: Searcher) throws(IndexFormatError) {
        var total = 0.0
        let unknownIDF = searcher.bm25.idf(documentFrequency: 0)
        for clause in plan.optional + plan.required {
            let weight = clause.terms.map(\.weight).max() ?? 0
            var cursors: [PostingsCursor] = []
            for term in clause.terms { cursors.append(try searcher.reader.postings(for: term.cursor.term)) }
            clauses.append((cursors, weight))
            // A word found only through a typo correction may be a word the knowledge base
            // never uses ("carro" corrected to "caro"): it weighs as an unknown word, and a
            // matching correction covers only its own, smaller weight.
            total += clause.isCorrection ? clause.boost * unknownIDF : weight
        }
        for index in plan.unmatchedClauses { total += boosts[index] * unknownIDF }
        totalWeight = total
    }

    /// The share of the ticket's weight that `document` contains, in 0...1. Documents must be
    /// asked for in any order (cursors are re-created when a document lies behind them).
    mutating func confidence(of document: Int) throws(IndexFormatError) -> Double {
        guard totalWeight > 0 else { return 0 }
        var covered = 0.0
        for index in clauses.indices {
            var matched = false
            for term in clauses[index].cursors.indices {
                if clauses[index].cursors[term].document > document {
                    // Ranked order is not doc order: start this term again.
                    clauses[index].cursors[term] = try clauses[index].cursors[term].restarted()
                }
                if try clauses[index].cursors[term].advance(to: document) == document { matched = true }
            }
            if matched { covered += clauses[index].weight }
        }
        return covered / totalWeight
    }
}

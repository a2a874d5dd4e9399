import KBIndex

/// How much of a ticket's wording an article covers: the confidence of a suggestion.
///
/// Each word of the ticket weighs `boost · idf`; a word the index does not know at all weighs
/// the idf of a term in no document (the rarest possible), and so does a word the index knows
/// only through a typo correction, because a ticket about something
/// the knowledge base never mentions ("boleto", "estorno") should not be answered by the
/// articles that share its common words. The confidence of an article is the weight of the
/// words it contains over the weight of all the words.
///
/// Coverage counts the words the customer typed, not the clauses the planner made of them:
/// "wi-fi" is searched as "wifi", "wi" and "fi", and "e-mail" as "email", "mail" and the
/// synonym "correio eletrônico" twice, but each is one word of the ticket. A word weighs as
/// much as its heaviest clause and is covered as far as its heaviest matching clause goes;
/// a synonym of several words ("nf" for "nota fiscal") covers each word of its run.
struct SubjectCoverage {
    /// A clause's cursors (its alternatives), its weight and the ticket words it stands for.
    private var clauses: [(cursors: [PostingsCursor], weight: Double, words: Range<Int>)] = []
    /// The weight of each word of the ticket (0 for a word that analyzes to nothing).
    private let wordWeights: [Double]
    private let totalWeight: Double
    /// The covered weight of each word for the document being measured, reused between calls.
    private var covered: [Double]

    init(plan: SearchPlan, boosts: [Double], searcher: Searcher) throws(IndexFormatError) {
        let unknownIDF = searcher.bm25.idf(documentFrequency: 0)
        var weights = [Double](repeating: 0, count: boosts.count)
        for clause in plan.optional + plan.required {
            let weight = clause.terms.map(\.weight).max() ?? 0
            var cursors: [PostingsCursor] = []
            for term in clause.terms { cursors.append(try searcher.reader.postings(for: term.cursor.term)) }
            let words = clause.queryClauses.clamped(to: weights.indices)
            clauses.append((cursors, weight, words))
            // A synonym of several words covers them but does not weigh for them.
            guard words.count == 1 else { continue }
            // A word found only through a typo correction may be a word the knowledge base
            // never uses ("carro" corrected to "caro"): it weighs as an unknown word, and a
            // matching correction covers only its own, smaller weight.
            let wordWeight = clause.isCorrection ? clause.boost * unknownIDF : weight
            weights[words.lowerBound] = max(weights[words.lowerBound], wordWeight)
        }
        // A word (or a part of a word) in no document weighs as the rarest term.
        for index in plan.unmatchedClauses where weights.indices.contains(index) {
            weights[index] = max(weights[index], boosts[index] * unknownIDF)
        }
        wordWeights = weights
        totalWeight = weights.reduce(0, +)
        covered = [Double](repeating: 0, count: weights.count)
    }

    /// The share of the ticket's weight that `document` contains, in 0...1. Documents must be
    /// asked for in any order (cursors are re-created when a document lies behind them).
    mutating func confidence(of document: Int) throws(IndexFormatError) -> Double {
        guard totalWeight > 0 else { return 0 }
        for index in covered.indices { covered[index] = 0 }
        for index in clauses.indices {
            var matched = false
            for term in clauses[index].cursors.indices {
                if clauses[index].cursors[term].document > document {
                    // Ranked order is not doc order: start this term again.
                    clauses[index].cursors[term] = try clauses[index].cursors[term].restarted()
                }
                if try clauses[index].cursors[term].advance(to: document) == document { matched = true }
            }
            guard matched else { continue }
            for word in clauses[index].words {
                covered[word] = max(covered[word], min(clauses[index].weight, wordWeights[word]))
            }
        }
        return covered.reduce(0, +) / totalWeight
    }
}

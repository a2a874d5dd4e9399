import Foundation
import KBIndex

/// The second ranking phase: re-scores the first phase's best documents with
/// ``TermProximity`` and sorts them again.
struct ProximityReranker {
    let reader: IndexReader
    let bm25: BM25
    let proximity: TermProximity
    /// Exponent of the coordination factor `(matched clauses / clauses)^c` (0: off).
    let coordination: Double

    /// One clause's terms (alternatives) and its weight.
    struct Clause {
        var terms: [TermInfo]
        var weight: Double
    }

    /// The clauses of `plan` that rank (optional and required), with their weights.
    static func clauses(of plan: SearchPlan) -> [Clause] {
        (plan.optional + plan.required).flatMap { clause -> [Clause] in
            switch clause.kind {
            case .word:
                let weight = clause.terms.map(\.weight).max() ?? 0
                return [Clause(terms: clause.terms.map(\.cursor.term), weight: weight)]
            case .phrase:
                // A phrase's words are already adjacent; each still pairs with other clauses.
                return clause.terms.map { Clause(terms: [$0.cursor.term], weight: $0.weight) }
            }
        }
    }

    /// Re-ranks `candidates` (any order) and returns them best first.
    func rerank(_ candidates: [ScoredDocument], clauses: [Clause]) throws(IndexFormatError) -> [ScoredDocument] {
        guard clauses.count > 1, proximity.strength > 0 || coordination > 0, !candidates.isEmpty else {
            return candidates.sorted { $0.ranksBefore($1) }
        }
        var cursors: [[PostingsCursor]] = []
        for clause in clauses {
            var list: [PostingsCursor] = []
            for term in clause.terms { list.append(try reader.postings(for: term)) }
            cursors.append(list)
        }
        let weights = clauses.map(\.weight)
        var result: [ScoredDocument] = []
        result.reserveCapacity(candidates.count)
        // One position list per clause and field, emptied for each candidate but keeping its
        // capacity: the lists are allocated for the first candidates only, not for every one.
        var positions = [[[Int]]](
            repeating: [[Int]](repeating: [], count: IndexField.count), count: clauses.count)
        for candidate in candidates.sorted(by: { $0.document < $1.document }) {
            for clause in positions.indices {
                for field in 0..<IndexField.count { positions[clause][field].removeAll(keepingCapacity: true) }
            }
            for clause in cursors.indices {
                for term in cursors[clause].indices
                where try cursors[clause][term].advance(to: candidate.document) == candidate.document {
                    try cursors[clause][term].forEachPosition { field, position in
                        positions[clause][field.rawValue].append(position)
                    }
                }
                if cursors[clause].count > 1 {
                    for field in 0..<IndexField.count { positions[clause][field].sort() }
                }
            }
            let bonus = proximity.bonus(
                positions: positions, weights: weights, fieldWeights: bm25.weights, k1: bm25.k1)
            var score = candidate.score + bonus
            if coordination > 0 {
                let matched = positions.reduce(0) { $0 + ($1.contains { !$0.isEmpty } ? 1 : 0) }
                score *= pow(Double(matched) / Double(clauses.count), coordination)
            }
            result.append(ScoredDocument(document: candidate.document, score: score))
        }
        return result.sorted { $0.ranksBefore($1) }
    }
}

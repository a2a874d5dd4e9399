import Foundation
import KBIndex

/// The second ranking phase: re-scores the first phase's best documents with
/// ``TermProximity``, the title match and the coordination factor of ``SearchSettings``, and
/// sorts them again.
struct ProximityReranker {
    let reader: IndexReader
    let bm25: BM25
    let proximity: TermProximity
    /// Exponent of the coordination factor `(matched clauses / clauses)^c` (0: off).
    let coordination: Double
    /// Strength of the title-match bonus (``SearchSettings/titleMatch``; 0: off).
    let titleMatch: Double

    /// A re-ranker with the settings' proximity, coordination and title match.
    init(reader: IndexReader, bm25: BM25, settings: SearchSettings) {
        self.reader = reader
        self.bm25 = bm25
        proximity = settings.proximity
        coordination = settings.coordination
        titleMatch = settings.titleMatch
    }

    /// Whether re-ranking changes anything.
    var isActive: Bool { proximity.strength > 0 || coordination > 0 || titleMatch > 0 }

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
        let usesPairs = clauses.count > 1 && (proximity.strength > 0 || coordination > 0)
        guard usesPairs || titleMatch > 0, !clauses.isEmpty, !candidates.isEmpty else {
            return candidates.sorted { $0.ranksBefore($1) }
        }
        var cursors: [[PostingsCursor]] = []
        for clause in clauses {
            var list: [PostingsCursor] = []
            for term in clause.terms { list.append(try reader.postings(for: term)) }
            cursors.append(list)
        }
        let weights = clauses.map(\.weight)
        let titleMatchScale = titleMatch * weights.reduce(0, +)
        let title = IndexField.title.rawValue
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
            var score = candidate.score
            if usesPairs {
                score += proximity.bonus(
                    positions: positions, weights: weights, fieldWeights: bm25.weights, k1: bm25.k1)
            }
            if titleMatchScale > 0 {
                let titleLength = reader.fieldLength(.title, of: candidate.document)
                let matched = positions.reduce(0) { $0 + $1[title].count }
                if titleLength > 0 && matched > 0 {
                    score += titleMatchScale * min(1, Double(matched) / Double(titleLength))
                }
            }
            if coordination > 0 {
                let matched = positions.reduce(0) { $0 + ($1.contains { !$0.isEmpty } ? 1 : 0) }
                score *= pow(Double(matched) / Double(clauses.count), coordination)
            }
            result.append(ScoredDocument(document: candidate.document, score: score))
        }
        return result.sorted { $0.ranksBefore($1) }
    }
}

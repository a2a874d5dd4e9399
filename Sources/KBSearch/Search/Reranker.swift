import Foundation
import KBIndex

/// The second ranking phase: re-scores the first phase's best documents from the positions of
/// the query's words — ``TermProximity``, the title match, the title's own score and the
/// coordination factor of ``SearchSettings`` — and sorts them again.
struct Reranker {
    let reader: IndexReader
    let bm25: BM25
    let proximity: TermProximity
    /// Exponent of the coordination factor `(matched clauses / clauses)^c` (0: off).
    let coordination: Double
    /// Strength of the title-match bonus (``SearchSettings/titleMatch``; 0: off).
    let titleMatch: Double
    /// Weight of the title-only BM25 score (``SearchSettings/titleScore``; 0: off).
    let titleScore: Double

    /// A re-ranker with the settings' proximity, coordination, title match and title score.
    init(reader: IndexReader, bm25: BM25, settings: SearchSettings) {
        self.reader = reader
        self.bm25 = bm25
        proximity = settings.proximity
        coordination = settings.coordination
        titleMatch = settings.titleMatch
        titleScore = settings.titleScore
    }

    /// Whether re-ranking changes anything.
    var isActive: Bool { proximity.strength > 0 || coordination > 0 || titleMatch > 0 || titleScore > 0 }

    /// One clause's terms (alternatives) and its weight.
    struct Clause {
        var terms: [TermInfo]
        var weight: Double
    }

    /// What re-ranking adds to one document's first-phase score.
    struct Adjustment: Equatable {
        /// The term-proximity bonus.
        var proximity = 0.0
        /// The title-match bonus.
        var titleMatch = 0.0
        /// The title's own BM25 score, weighted.
        var titleScore = 0.0
        /// The coordination factor, applied last.
        var coordinationFactor = 1.0

        /// The final score of a document whose first-phase score is `score`.
        func applied(to score: Double) -> Double {
            (score + proximity + titleMatch + titleScore) * coordinationFactor
        }
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
        let adjustments = try self.adjustments(of: candidates.map(\.document), clauses: clauses)
        return zip(candidates, adjustments).map { candidate, adjustment in
            ScoredDocument(document: candidate.document, score: adjustment.applied(to: candidate.score))
        }.sorted { $0.ranksBefore($1) }
    }

    /// What re-ranking adds to each of `documents` (any order), in the same order.
    func adjustments(of documents: [Int], clauses: [Clause]) throws(IndexFormatError) -> [Adjustment] {
        let usesPairs = clauses.count > 1 && (proximity.strength > 0 || coordination > 0)
        guard usesPairs || titleMatch > 0 || titleScore > 0, !clauses.isEmpty else {
            return [Adjustment](repeating: Adjustment(), count: documents.count)
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
        var result = [Adjustment](repeating: Adjustment(), count: documents.count)
        // One position list per clause and field, emptied for each document but keeping its
        // capacity: the lists are allocated for the first documents only, not for every one.
        var positions = [[[Int]]](
            repeating: [[Int]](repeating: [], count: IndexField.count), count: clauses.count)
        // Cursors only move forward: visit the documents in id order.
        for slot in documents.indices.sorted(by: { documents[$0] < documents[$1] }) {
            let document = documents[slot]
            for clause in positions.indices {
                for field in 0..<IndexField.count { positions[clause][field].removeAll(keepingCapacity: true) }
            }
            for clause in cursors.indices {
                for term in cursors[clause].indices where try cursors[clause][term].advance(to: document) == document {
                    try cursors[clause][term].forEachPosition { field, position in
                        positions[clause][field.rawValue].append(position)
                    }
                }
                if cursors[clause].count > 1 {
                    for field in 0..<IndexField.count { positions[clause][field].sort() }
                }
            }
            var adjustment = Adjustment()
            if usesPairs {
                adjustment.proximity = proximity.bonus(
                    positions: positions, weights: weights, fieldWeights: bm25.weights, k1: bm25.k1)
            }
            let titleLength = reader.fieldLength(.title, of: document)
            if titleMatchScale > 0 && titleLength > 0 {
                let matched = positions.reduce(0) { $0 + $1[title].count }
                adjustment.titleMatch = titleMatchScale * min(1, Double(matched) / Double(titleLength))
            }
            if titleScore > 0 && titleLength > 0 {
                // BM25 of the title alone: a word of the title saturates on its own, not within
                // the document's joint frequency where a long body has already saturated it.
                let lengthFactor = bm25.lengthFactor(title, length: titleLength)
                var score = 0.0
                for clause in positions.indices where !positions[clause][title].isEmpty {
                    let frequency = Double(positions[clause][title].count)
                    score += weights[clause] * bm25.saturation(frequency * lengthFactor)
                }
                adjustment.titleScore = titleScore * score
            }
            if coordination > 0 {
                let matched = positions.reduce(0) { $0 + ($1.contains { !$0.isEmpty } ? 1 : 0) }
                adjustment.coordinationFactor = pow(Double(matched) / Double(clauses.count), coordination)
            }
            result[slot] = adjustment
        }
        return result
    }
}

public import KBIndex

/// Term-proximity re-ranking: documents where the query's words occur close together score
/// higher (BM25TP: Rasolofo and Savoy, "Term proximity scoring for keyword-based retrieval
/// systems", ECIR 2003).
///
/// For every pair of query clauses (i, j) and every field f, each occurrence of i that has an
/// occurrence of j within ``window`` positions adds `w_f / d²` to the pair's accumulator
/// `acc(i,j)`, `d` being the distance to the nearest occurrence of j (stop words count, so
/// "senha do portal" has distance 2). The bonus is
///
///     Σ_{i<j}  min(weight_i, weight_j) · acc(i,j) · (k1 + 1) / (k1 + acc(i,j))
///
/// — the same saturation as BM25, with each clause's weight `boost · idf`. The final score
/// is `bm25 + strength · bonus`.
public struct TermProximity: Sendable, Hashable {
    /// Occurrences farther apart than this many positions do not count.
    public var window: Int
    /// How much the proximity bonus weighs against BM25.
    public var strength: Double

    /// Creates the scorer.
    public init(window: Int = 8, strength: Double = 1.0) {
        self.window = window
        self.strength = strength
    }

    /// The proximity bonus of one document, given each clause's positions per field and
    /// weight.
    func bonus(positions: [[[Int]]], weights: [Double], fieldWeights: [Double], k1: Double) -> Double {
        var total = 0.0
        let count = positions.count
        guard count > 1 else { return 0 }
        for first in 0..<count {
            for second in (first + 1)..<count {
                var accumulated = 0.0
                for field in 0..<IndexField.count {
                    let near = positions[first][field]
                    let far = positions[second][field]
                    if near.isEmpty || far.isEmpty { continue }
                    accumulated += fieldWeights[field] * pairScore(near, far)
                }
                if accumulated > 0 {
                    total += min(weights[first], weights[second]) * accumulated * (k1 + 1) / (k1 + accumulated)
                }
            }
        }
        return strength * total
    }

    /// `Σ 1/d²` over the occurrences in `near` that have an occurrence of `far` within the
    /// window, `d` the distance to the nearest one. Both lists are sorted.
    private func pairScore(_ near: [Int], _ far: [Int]) -> Double {
        var score = 0.0
        var index = 0
        for position in near {
            while index < far.count && far[index] < position { index += 1 }
            var distance = Int.max
            if index < far.count { distance = far[index] - position }
            if index > 0 { distance = min(distance, position - far[index - 1]) }
            if distance >= 1 && distance <= window {
                score += 1 / Double(distance * distance)
            }
        }
        return score
    }
}

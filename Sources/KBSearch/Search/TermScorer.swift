import KBIndex

/// One index term that a query clause matches: its posting cursor and score weights.
struct TermScorer {
    /// The term's postings.
    var cursor: PostingsCursor
    /// How much the clause trusts this term: 1 for the word as typed, less for prefix
    /// completions and typo corrections.
    let boost: Double
    /// `boost · idf`.
    let weight: Double
    /// The largest score this term can give any document.
    let upperBound: Double
    private let fieldWeights: (Double, Double, Double, Double)

    /// Relative slack added to bounds computed from the index's Float32 impacts, so that a
    /// bound is never below a score computed in Double.
    static let boundSlack = 1e-6

    init(cursor: PostingsCursor, boost: Double, bm25: BM25) {
        self.cursor = cursor
        self.boost = boost
        weight = boost * bm25.idf(documentFrequency: cursor.term.documentFrequency)
        fieldWeights = (bm25.weights[0], bm25.weights[1], bm25.weights[2], bm25.weights[3])
        upperBound = weight * bm25.saturation(Double(cursor.maxImpact) * (1 + Self.boundSlack))
    }

    /// The term's BM25F pseudo-frequency in the cursor's current document.
    @inline(__always)
    func pseudoFrequency(_ lengths: DocumentLengths) -> Double {
        fieldWeights.0 * Double(cursor.frequency(in: .title)) * lengths.title
            + fieldWeights.1 * Double(cursor.frequency(in: .headings)) * lengths.headings
            + fieldWeights.2 * Double(cursor.frequency(in: .body)) * lengths.body
            + fieldWeights.3 * Double(cursor.frequency(in: .anchors)) * lengths.anchors
    }

    /// The term's score in the cursor's current document.
    @inline(__always)
    func score(_ lengths: DocumentLengths, bm25: BM25) -> Double {
        weight * bm25.saturation(pseudoFrequency(lengths))
    }

    /// The largest score the term can give a document of the block that holds `target`.
    @inline(__always)
    func blockUpperBound(at target: Int, bm25: BM25) -> Double {
        let block = cursor.block(containing: target)
        guard block < cursor.blockCount else { return 0 }
        return weight * bm25.saturation(Double(cursor.maxImpact(ofBlock: block)) * (1 + Self.boundSlack))
    }
}

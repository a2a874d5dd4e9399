import Foundation

/// The five measures `kb eval` and the reference script, `evaluate.py`, report, for one query
/// or averaged over queries. Relevance is binary (see ``Qrels``).
///
/// For one query with ranking d₁, d₂, … (see ``TRECRun``) and relevant set R:
///
/// - nDCG@10 = DCG@10 / IDCG@10, where DCG@10 = Σ 1 / log₂(i + 1) over the positions i ≤ 10
///   whose document is in R (gain 1 for every relevant document, whatever its grade), and
///   IDCG@10 = Σ 1 / log₂(i + 1) for i = 1 … min(10, |R|).
/// - MRR@10: 1 / i for the first position i ≤ 10 holding a relevant document, else 0 (the mean
///   over queries is the mean reciprocal rank).
/// - P@1: 1 if d₁ is relevant, else 0.
/// - Recall@k = |R ∩ {d₁ … d_k}| / |R|, for k = 10 and 100 (distinct documents).
///
/// Every measure is 0 for a query with no results.
public struct RelevanceFigures: Sendable, Hashable {
    /// Normalized discounted cumulative gain at rank 10, binary gains.
    public var ndcgAt10: Double
    /// Reciprocal rank of the first relevant document within the top 10 (MRR@10 once averaged).
    public var reciprocalRankAt10: Double
    /// Precision at rank 1.
    public var precisionAt1: Double
    /// Recall at rank 10.
    public var recallAt10: Double
    /// Recall at rank 100.
    public var recallAt100: Double

    /// Creates figures.
    public init(
        ndcgAt10: Double, reciprocalRankAt10: Double, precisionAt1: Double, recallAt10: Double,
        recallAt100: Double
    ) {
        self.ndcgAt10 = ndcgAt10
        self.reciprocalRankAt10 = reciprocalRankAt10
        self.precisionAt1 = precisionAt1
        self.recallAt10 = recallAt10
        self.recallAt100 = recallAt100
    }

    /// The measures' names as `evaluate.py` prints them, in its order.
    public static let labels = ["ndcg@10", "mrr@10", "p@1", "recall@10", "recall@100"]

    /// The values in the order of ``labels``.
    public var values: [Double] {
        [ndcgAt10, reciprocalRankAt10, precisionAt1, recallAt10, recallAt100]
    }

    /// `ndcg@10=0.5123 mrr@10=… recall@100=…`: `evaluate.py`'s rendering, each value with 4
    /// decimals (correctly rounded, as Python's `f"{v:.4f}"`).
    public var formatted: String {
        zip(Self.labels, values).map { "\($0)=\(Self.decimal($1))" }.joined(separator: " ")
    }

    /// `value` with 4 decimals. glibc's and Python's conversions are both exact on the binary
    /// value, then round half to even, so they print the same digits.
    static func decimal(_ value: Double) -> String {
        String(format: "%.4f", value)
    }
}

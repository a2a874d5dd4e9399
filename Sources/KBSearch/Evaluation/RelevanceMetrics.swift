import Foundation

/// Computes nDCG@10, MRR@10, P@1, Recall@10 and Recall@100 of a run against qrels, exactly as
/// the reference script `/work/shared/eval/evaluate.py` does (the figures agree to its 4
/// printed decimals, and in practice to the last bit).
///
/// The conventions, all `evaluate.py`'s (trec_eval's, for binary relevance):
///
/// - **Binary relevance.** A document is relevant when a qrels line gives it a grade of at
///   least ``minimumGrade``, 1 by default (`evaluate.py`: grade > 0). Graded judgments give no
///   extra gain: a grade-2 page counts as much as a grade-1 page. See ``Qrels``.
/// - **Which queries are averaged.** Every query with at least one relevant document, whether
///   or not the run has results for it: a query with no results scores 0 on every measure.
///   Queries without a relevant document (only grade-0 lines, or no qrels line at all, such as
///   the no-answer tickets) are not averaged, even if the run has results for them.
/// - **Ranking.** The run's own ranks are ignored: each query's documents are ordered by score
///   descending, ties by document id ascending in code-point order. Duplicate documents are
///   kept and take a place each. See ``TRECRun``.
/// - **Formulas**, for one query: see ``RelevanceFigures``. Gains are 1, the discount of
///   position i is 1 / log₂(i + 1), the ideal ranking puts min(10, |R|) relevant documents
///   first, and recalls count distinct documents in the top k.
/// - **Means.** Each measure is summed over the evaluated queries in qrels order and divided by
///   their number. With no evaluated query there is no mean.
public struct RelevanceMetrics: Sendable {
    /// The depth of nDCG and MRR, and the first recall depth.
    public static let cutoff = 10
    /// The depth of the second recall.
    public static let deepRecallCutoff = 100

    /// The lowest grade that makes a document relevant.
    public var minimumGrade: Int

    /// Creates an evaluator. `minimumGrade` 1 (the default) is `evaluate.py`'s binary relevance;
    /// 2 scores only direct answers in the ticket set, like `evaluate.py` on the qrels filtered
    /// with `awk '$4 >= 2'`.
    public init(minimumGrade: Int = 1) {
        self.minimumGrade = minimumGrade
    }

    /// The figures of `run` against `qrels`.
    public func evaluate(_ run: TRECRun, against qrels: Qrels) -> RelevanceReport {
        let relevanceSets = qrels.relevanceSets(minimumGrade: minimumGrade)
        let queries = relevanceSets.map { entry in
            let ranking = run.rankedDocumentIDs(for: entry.queryID)
            return RelevanceReport.Query(
                queryID: entry.queryID.text, relevantCount: entry.documentIDs.count,
                retrievedCount: ranking.count,
                figures: Self.figures(ranking: ranking, relevant: entry.documentIDs))
        }
        let evaluated = Set(relevanceSets.map(\.queryID))
        let unscored = run.queryIDs.filter { !evaluated.contains(ExactIdentifier($0)) }
        return RelevanceReport(queries: queries, unscoredRunQueryIDs: unscored)
    }

    /// The figures of one ranking against a non-empty relevant set, summing in the order
    /// `evaluate.py` sums (position by position), so that the results match to the last bit.
    static func figures(ranking: [ExactIdentifier], relevant: Set<ExactIdentifier>) -> RelevanceFigures {
        let top = ranking.prefix(cutoff)
        var discountedGain = 0.0
        var reciprocalRank = 0.0
        for (offset, documentID) in top.enumerated() where relevant.contains(documentID) {
            discountedGain += 1 / log2(Double(offset + 2))
            if reciprocalRank == 0 { reciprocalRank = 1 / Double(offset + 1) }
        }
        var idealGain = 0.0
        for offset in 0..<min(cutoff, relevant.count) {
            idealGain += 1 / log2(Double(offset + 2))
        }
        let precisionAtOne: Double = ranking.first.map { relevant.contains($0) ? 1 : 0 } ?? 0
        return RelevanceFigures(
            ndcgAt10: discountedGain / idealGain,
            reciprocalRankAt10: reciprocalRank,
            precisionAt1: precisionAtOne,
            recallAt10: recall(of: ranking.prefix(cutoff), relevant: relevant),
            recallAt100: recall(of: ranking.prefix(deepRecallCutoff), relevant: relevant))
    }

    /// |relevant ∩ top| / |relevant|, counting distinct documents.
    private static func recall(of top: ArraySlice<ExactIdentifier>, relevant: Set<ExactIdentifier>) -> Double {
        Double(relevant.intersection(top).count) / Double(relevant.count)
    }
}

import Testing

@testable import KBSearch

@Suite("RelevanceReport: means and text output")
struct RelevanceReportTests {
    private static let report = RelevanceReport(
        queries: [
            .init(
                queryID: "dt001", relevantCount: 2, retrievedCount: 100,
                figures: .init(ndcgAt10: 1, reciprocalRankAt10: 1, precisionAt1: 1, recallAt10: 1, recallAt100: 1)),
            .init(
                queryID: "dt002", relevantCount: 4, retrievedCount: 0,
                figures: .init(ndcgAt10: 0, reciprocalRankAt10: 0, precisionAt1: 0, recallAt10: 0, recallAt100: 0)),
            .init(
                queryID: "dt003", relevantCount: 1, retrievedCount: 7,
                figures: .init(
                    ndcgAt10: 0.5, reciprocalRankAt10: 1.0 / 3, precisionAt1: 0, recallAt10: 0.09375,
                    recallAt100: 0.25)),
        ], unscoredRunQueryIDs: ["dt004", "dt013"])

    @Test("The means are the sums divided by the number of queries")
    func means() throws {
        let mean = try #require(Self.report.mean)
        let oneThird: Double = 1.0 / 3
        let expectedReciprocalRank: Double = (1 + oneThird) / 3
        #expect(mean.ndcgAt10 == 0.5)
        #expect(mean.reciprocalRankAt10 == expectedReciprocalRank)
        #expect(mean.recallAt100 == 1.25 / 3.0)
        #expect(Self.report.queryCount == 3)
    }

    @Test("The summary line is evaluate.py's")
    func summaryLine() {
        #expect(
            Self.report.summaryLine(runName: "runs/bm25.trec")
                == "runs/bm25.trec queries=3 ndcg@10=0.5000 mrr@10=0.4444 p@1=0.3333 recall@10=0.3646 recall@100=0.4167"
        )
        #expect(RelevanceReport(queries: []).summaryLine(runName: "r") == "r queries=0 ")
    }

    @Test("Four decimals rounded as Python rounds them: exact binary value, ties to even")
    func rounding() {
        #expect(RelevanceFigures.decimal(0.03125) == "0.0312")
        #expect(RelevanceFigures.decimal(0.09375) == "0.0938")
        #expect(RelevanceFigures.decimal(0.00005) == "0.0001")  // just above one half in binary
        #expect(RelevanceFigures.decimal(0.99995) == "1.0000")
        #expect(RelevanceFigures.decimal(2.5e-5) == "0.0000")
    }

    @Test("The per-query table, then the unscored queries, then the summary")
    func table() {
        #expect(
            Self.report.formatted(runName: "r", includingQueries: true) == """
                query  relevant  retrieved  ndcg@10  mrr@10     p@1  recall@10  recall@100
                dt001         2        100   1.0000  1.0000  1.0000     1.0000      1.0000
                dt002         4          0   0.0000  0.0000  0.0000     0.0000      0.0000
                dt003         1          7   0.5000  0.3333  0.0000     0.0938      0.2500
                not scored (no relevant judgment), 2 run queries: dt004 dt013
                r queries=3 ndcg@10=0.5000 mrr@10=0.4444 p@1=0.3333 recall@10=0.3646 recall@100=0.4167

                """)
        #expect(Self.report.formatted(runName: "r") == Self.report.summaryLine(runName: "r") + "\n")
    }
}

import Foundation
import Testing

@testable import KBSearch

/// Hand-computed cases for every measure and every convention of `evaluate.py`.
@Suite("RelevanceMetrics: nDCG@10, MRR@10, P@1, Recall@10, Recall@100")
struct RelevanceMetricsTests {
    /// 1 / log₂(3), the discount of rank 2.
    private static let rank2 = 1 / log2(3.0)

    /// Evaluates a run given as `query document score` lines against qrels lines.
    private func evaluate(
        qrels: String, run: String, minimumGrade: Int = 1
    ) throws -> RelevanceReport {
        let run = try TRECRun(
            parsing: run.split(separator: "\n").map { line in
                let fields = line.split(separator: " ")
                return "\(fields[0]) Q0 \(fields[1]) 0 \(fields[2]) test"
            }.joined(separator: "\n"))
        return RelevanceMetrics(minimumGrade: minimumGrade).evaluate(run, against: try Qrels(parsing: qrels))
    }

    private func figures(_ report: RelevanceReport, _ queryID: String) throws -> RelevanceFigures {
        try #require(report.queries.first { $0.queryID == queryID }).figures
    }

    private func expectClose(_ actual: Double, _ expected: Double, _ comment: Comment? = nil) {
        #expect(abs(actual - expected) < 1e-12, comment)
    }

    @Test("Binary judgments: relevant at ranks 2 and 4 of 4")
    func binary() throws {
        let report = try evaluate(
            qrels: "q 0 a 1\nq 0 b 1", run: "q x 4\nq a 3\nq y 2\nq b 1")
        let figures = try figures(report, "q")
        // DCG = 1/log2(3) + 1/log2(5) = 0.63093 + 0.43068; IDCG = 1 + 1/log2(3) = 1.63093.
        expectClose(figures.ndcgAt10, (Self.rank2 + 1 / log2(5.0)) / (1 + Self.rank2))
        #expect(abs(figures.ndcgAt10 - 0.650920) < 1e-6)
        #expect(figures.reciprocalRankAt10 == 0.5)
        #expect(figures.precisionAt1 == 0)
        #expect(figures.recallAt10 == 1)
        #expect(figures.recallAt100 == 1)
    }

    @Test("Graded judgments count as binary: grades 1, 2 and 3 give the same gain, 0 none")
    func graded() throws {
        let report = try evaluate(
            qrels: "q 0 a 3\nq 0 b 1\nq 0 c 0", run: "q c 3\nq b 2\nq a 1")
        let figures = try figures(report, "q")
        // Ranks 2 and 3 relevant: DCG = 1/log2(3) + 1/log2(4) = 1.13093; IDCG = 1.63093.
        expectClose(figures.ndcgAt10, (Self.rank2 + 0.5) / (1 + Self.rank2))
        #expect(abs(figures.ndcgAt10 - 0.693426) < 1e-6)
        #expect(figures.reciprocalRankAt10 == 0.5)
        #expect(figures.precisionAt1 == 0)
        #expect(report.queries[0].relevantCount == 2)
    }

    @Test("A minimum grade of 2 keeps only the direct answers")
    func minimumGrade() throws {
        let report = try evaluate(
            qrels: "q 0 a 2\nq 0 b 1\nr 0 c 1", run: "q b 2\nq a 1", minimumGrade: 2)
        #expect(report.queries.map(\.queryID) == ["q"])  // r has no grade-2 page
        let figures = try figures(report, "q")
        expectClose(figures.ndcgAt10, Self.rank2)
        #expect(figures.reciprocalRankAt10 == 0.5)
    }

    @Test("Equal scores are ranked by document id, whatever the file's order and ranks")
    func ties() throws {
        let report = try evaluate(qrels: "q 0 b 1", run: "q b 1.0\nq a 1")
        let figures = try figures(report, "q")
        #expect(figures.precisionAt1 == 0)
        #expect(figures.reciprocalRankAt10 == 0.5)
        expectClose(figures.ndcgAt10, Self.rank2)
    }

    @Test("A query without results, and one absent from the run, score zero and count")
    func queriesWithoutResults() throws {
        let report = try evaluate(qrels: "q 0 a 1\nr 0 b 1", run: "q a 1")
        #expect(report.queryCount == 2)
        #expect(
            try figures(report, "r")
                == RelevanceFigures(
                    ndcgAt10: 0, reciprocalRankAt10: 0, precisionAt1: 0, recallAt10: 0, recallAt100: 0))
        #expect(report.queries[1].retrievedCount == 0)
        let mean = try #require(report.mean)
        #expect(mean.values == [0.5, 0.5, 0.5, 0.5, 0.5])
    }

    @Test("Queries without a relevant judgment are not averaged, even with results")
    func unjudgedQueries() throws {
        let report = try evaluate(
            qrels: "z 0 a 0\nq 0 a 1", run: "z a 1\nnoanswer b 2\nq a 1")
        #expect(report.queries.map(\.queryID) == ["q"])
        #expect(report.unscoredRunQueryIDs == ["z", "noanswer"])
        #expect(try #require(report.mean).values == [1, 1, 1, 1, 1])
    }

    @Test("A duplicate in the run takes two places: nDCG above 1, recall counts it once")
    func duplicates() throws {
        let report = try evaluate(qrels: "q 0 a 1\nq 0 b 1", run: "q a 2\nq a 1\nq x 0.5")
        let figures = try figures(report, "q")
        #expect(report.queries[0].retrievedCount == 3)
        // Ranks 1 and 2 both hold a: DCG = 1 + 1/log2(3) = IDCG for two relevant documents.
        expectClose(figures.ndcgAt10, 1)
        #expect(figures.recallAt10 == 0.5)

        let single = try evaluate(qrels: "q 0 a 1", run: "q a 2\nq a 1")
        expectClose(try self.figures(single, "q").ndcgAt10, 1 + Self.rank2)  // 1.63093
    }

    @Test("Cut-offs: nDCG and MRR stop at 10, the ideal ranking at 10 relevant documents")
    func cutoffs() throws {
        let judged = (1...12).map { "q 0 d\($0 + 10) 1" }.joined(separator: "\n")
        // The 12 relevant documents at ranks 1–12 (ids d11…d22 sort in score order).
        let allFirst = (1...12).map { "q d\($0 + 10) \(200 - $0)" }.joined(separator: "\n")
        let first = try figures(try evaluate(qrels: judged, run: allFirst), "q")
        expectClose(first.ndcgAt10, 1)
        expectClose(first.recallAt10, 10.0 / 12)
        #expect(first.recallAt100 == 1)

        // One relevant document, at rank 11: nothing within 10, found within 100.
        let eleventh = (1...10).map { "q x\($0 + 10) \(200 - $0)" }.joined(separator: "\n") + "\nq d11 1"
        let late = try figures(try evaluate(qrels: "q 0 d11 1", run: eleventh), "q")
        #expect(late.values == [0, 0, 0, 0, 1])

        // At rank 101: outside Recall@100 too.
        let hundredFirst = (1...100).map { "q x\($0 + 100) \(1000 - $0)" }.joined(separator: "\n") + "\nq d11 1"
        let lost = try figures(try evaluate(qrels: "q 0 d11 1", run: hundredFirst), "q")
        #expect(lost.recallAt100 == 0)
    }

    @Test("Ids match scalar by scalar, as in Python: a decomposed é is another document")
    func exactIdentifiers() throws {
        let report = try evaluate(qrels: "q 0 caf\u{E9} 1", run: "q cafe\u{301} 2\nq caf\u{E9} 1")
        #expect(try figures(report, "q").reciprocalRankAt10 == 0.5)
    }

    @Test("Means are taken over queries in qrels order, counting the first relevant line")
    func meansAndOrder() throws {
        let report = try evaluate(
            qrels: "b 0 x 0\na 0 x 1\nb 0 y 1\nc 0 z 1", run: "a x 1\nb y 1\nb q 2")
        #expect(report.queries.map(\.queryID) == ["a", "b", "c"])
        let mean = try #require(report.mean)
        expectClose(mean.ndcgAt10, (1 + Self.rank2) / 3)
        expectClose(mean.reciprocalRankAt10, 1.5 / 3)
        expectClose(mean.precisionAt1, 1.0 / 3)
        expectClose(mean.recallAt10, 2.0 / 3)
    }

    @Test("No evaluated query: no mean")
    func noQueries() throws {
        let report = try evaluate(qrels: "q 0 a 0", run: "q a 1")
        #expect(report.queryCount == 0)
        #expect(report.mean == nil)
    }
}

import Foundation
import KBTestSupport
import Testing

@testable import KBSearch

/// Agreement with the reference script `evaluate.py` on seeded random runs and a hand-made
/// edge-case run, whose expected figures were computed once with it (see
/// `Fixtures/eval/README.md`).
@Suite("Agreement with evaluate.py on the committed fixtures")
struct EvaluationAgreementTests {
    private static let runs = ["run-1.txt", "run-2.txt", "run-3.txt", "run-edge.txt"]

    private struct Variant: CustomStringConvertible, Sendable {
        /// The qrels file read.
        var qrelsFile: String
        /// The threshold passed to `RelevanceMetrics`.
        var minimumGrade: Int
        /// The qrels file `evaluate.py` was run with.
        var referenceQrelsFile: String
        var description: String { "\(qrelsFile), minimum grade \(minimumGrade)" }
    }

    private static let variants = [
        Variant(qrelsFile: "qrels.txt", minimumGrade: 1, referenceQrelsFile: "qrels.txt"),
        Variant(qrelsFile: "qrels-grade2.txt", minimumGrade: 1, referenceQrelsFile: "qrels-grade2.txt"),
        Variant(qrelsFile: "qrels.txt", minimumGrade: 2, referenceQrelsFile: "qrels-grade2.txt"),
    ]

    /// One row of `expected-full.tsv`.
    private struct ExpectedRow {
        var qrelsFile: String
        var runFile: String
        var queryID: String
        var queryCount: Int
        var values: [Double]
    }

    private static func report(_ variant: Variant, _ runFile: String) throws -> RelevanceReport {
        let qrels = try Qrels(contentsOf: Fixtures.url("eval/\(variant.qrelsFile)", in: "KBSearchTests"))
        let run = try TRECRun(contentsOf: Fixtures.url("eval/\(runFile)", in: "KBSearchTests"))
        return RelevanceMetrics(minimumGrade: variant.minimumGrade).evaluate(run, against: qrels)
    }

    private static func expectedRows() throws -> [ExpectedRow] {
        let text = try Fixtures.text("eval/expected-full.tsv", in: "KBSearchTests")
        return try text.split(separator: "\n").dropFirst().map { line in
            let fields = line.split(separator: "\t").map(String.init)
            try #require(fields.count == 9)
            return ExpectedRow(
                qrelsFile: fields[0], runFile: fields[1], queryID: fields[2],
                queryCount: try #require(Int(fields[3])),
                values: try fields[4...].map { try #require(Double($0)) })
        }
    }

    @Test("The summary lines are evaluate.py's output, character for character", arguments: variants)
    private func summaryLines(_ variant: Variant) throws {
        let expected = try Fixtures.text("eval/expected.txt", in: "KBSearchTests")
            .split(separator: "\n").map(String.init)
        try #require(expected.count == 2 * Self.runs.count)
        let block = variant.referenceQrelsFile == "qrels.txt" ? 0 : 1
        for (index, runFile) in Self.runs.enumerated() {
            let report = try Self.report(variant, runFile)
            #expect(report.summaryLine(runName: runFile) == expected[block * Self.runs.count + index])
        }
    }

    @Test("Means and per-query figures agree with evaluate.py at full precision", arguments: variants)
    private func fullPrecision(_ variant: Variant) throws {
        let rows = try Self.expectedRows().filter { $0.qrelsFile == variant.referenceQrelsFile }
        for runFile in Self.runs {
            let report = try Self.report(variant, runFile)
            let expected = rows.filter { $0.runFile == runFile }
            let means = try #require(expected.first { $0.queryID == "*" })
            #expect(report.queryCount == means.queryCount, "\(runFile)")
            let perQuery = expected.filter { $0.queryID != "*" }
            #expect(report.queries.map(\.queryID) == perQuery.map(\.queryID), "\(runFile): queries and their order")
            Self.expectClose(try #require(report.mean).values, means.values, "\(runFile) means")
            for (query, row) in zip(report.queries, perQuery) {
                Self.expectClose(query.figures.values, row.values, "\(runFile) \(row.queryID)")
            }
        }
    }

    private static func expectClose(_ actual: [Double], _ expected: [Double], _ context: String) {
        #expect(actual.count == expected.count)
        for (label, (value, reference)) in zip(RelevanceFigures.labels, zip(actual, expected)) {
            #expect(abs(value - reference) <= 1e-12, "\(context) \(label): \(value), evaluate.py \(reference)")
        }
    }

    @Test("The edge-case run's skipped lines and unscored queries")
    func edgeRunDetails() throws {
        let run = try TRECRun(contentsOf: Fixtures.url("eval/run-edge.txt", in: "KBSearchTests"))
        #expect(run.skippedLines == [15, 16])
        let report = try Self.report(Self.variants[0], "run-edge.txt")
        #expect(report.unscoredRunQueryIDs == ["q10"])
        #expect(report.queries.map(\.queryID) == ["q1", "q2", "q4", "q5", "q6", "q7", "q8", "q9"])
    }
}

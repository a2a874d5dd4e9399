import Foundation
import KBTestSupport
import Testing

@testable import KBSearch

@Suite("TRECRun: reading and writing runs")
struct TRECRunTests {
    private func documentIDs(_ run: TRECRun, _ queryID: String) -> [String] {
        run.ranking(for: queryID).map(\.documentID)
    }

    @Test("Ranks by score descending, then document id; ignores Q0, ranks and tags")
    func ranking() throws {
        let run = try TRECRun(
            parsing: """
                q1 Q0 c 1 1.5 tag
                q1 Q0 b 2 2 tag
                q2 Q0 x 1 1 tag
                q1 Q0 a 3 1.5
                q1 Q0 d 4 1.50 other
                """)
        #expect(documentIDs(run, "q1") == ["b", "a", "c", "d"])
        #expect(run.queryIDs == ["q1", "q2"])
        #expect(run.ranking(for: "q1").first == .init(documentID: "b", score: 2))
        #expect(run.ranking(for: "absent").isEmpty)
    }

    @Test("Ids with equal scores sort by code point, as Python's sorted() does")
    func codePointOrder() throws {
        let run = try TRECRun(
            parsing: "q Q0 b 1 0 t\nq Q0 B 1 0 t\nq Q0 \u{E9} 1 0 t\nq Q0 e\u{301} 1 0 t\nq Q0 _ 1 0 t")
        #expect(documentIDs(run, "q") == ["B", "_", "b", "e\u{301}", "\u{E9}"])
    }

    @Test("Keeps duplicates; skips lines with fewer than five fields and remembers them")
    func duplicatesAndShortLines() throws {
        let run = try TRECRun(parsing: "q Q0 a 1 2 t\nq Q0 a 2 2 t\n\n   \nq Q0 b 3\nq\nq Q0 c 4 1\n")
        #expect(documentIDs(run, "q") == ["a", "a", "c"])
        #expect(run.skippedLines == [5, 6])
    }

    @Test("Line ends and white space as Python reads them")
    func layout() throws {
        let run = try TRECRun(parsing: "q\tQ0\u{A0}a 1\u{3000}1 t\rq Q0 b 2 3 t\r\nq Q0 c 3 2 t\u{85}q Q0 z")
        #expect(documentIDs(run, "q") == ["b", "c", "a"])
        #expect(run.skippedLines.isEmpty)
    }

    @Test(
        "Scores are read as Python's float() reads them",
        arguments: [
            ("1", 1.0), ("1.", 1), (".5", 0.5), ("-2.5e-3", -0.0025), ("1E+02", 100), ("1_000.5", 1000.5),
            ("inf", .infinity), ("-Infinity", -.infinity), ("+0", 0), ("\u{664}\u{662}", 42),
            ("0.1000000000000000055511151231257827", 0.1),
        ])
    func scoreSpellings(_ spelling: String, _ score: Double) throws {
        let run = try TRECRun(parsing: "q Q0 a 1 \(spelling) t")
        #expect(run.ranking(for: "q").first?.score == score)
    }

    @Test(
        "A score that is not a number is rejected with its line",
        arguments: [
            "high", "0x1p3", "1__0", "1_", "_1", ".", "e5", "1e", "1.5.2", "--1", "1,5",
        ])
    func invalidScores(_ spelling: String) {
        #expect(throws: EvaluationInputError(file: "r.trec", line: 2, kind: .invalidScore(spelling))) {
            try TRECRun(parsing: "q Q0 a 1 1 t\nq Q0 b 2 \(spelling) t", file: "r.trec")
        }
    }

    @Test("A NaN score is rejected: it cannot be ranked")
    func nanScore() {
        #expect(throws: EvaluationInputError(line: 1, kind: .scoreIsNaN("-NaN"))) {
            try TRECRun(parsing: "q Q0 a 1 -NaN t")
        }
    }

    @Test("Writes ranks 1…n in the given order and shortest round-trip scores")
    func writes() throws {
        let text = try TRECRun.format(
            [
                (queryID: "q1", documents: [(documentID: "text/a.html", score: 12.5), (documentID: "b", score: 0.1)]),
                (queryID: "q2", documents: []),
                (queryID: "q3", documents: [(documentID: "c", score: 1e-5)]),
            ], tag: "bm25")
        #expect(
            text == """
                q1 Q0 text/a.html 1 12.5 bm25
                q1 Q0 b 2 0.1 bm25
                q3 Q0 c 1 1e-05 bm25

                """)
        #expect(try TRECRun.lines(queryID: "q", documents: [(documentID: "d", score: 3)]) == ["q Q0 d 1 3.0 kb"])
    }

    @Test("Refuses to write ids or tags that would break the format, and NaN scores")
    func unwritable() {
        #expect(throws: EvaluationInputError(kind: .unwritableField(.documentID, value: "a b", queryID: "q"))) {
            try TRECRun.lines(queryID: "q", documents: [(documentID: "a b", score: 1)])
        }
        #expect(throws: EvaluationInputError(kind: .unwritableField(.queryID, value: "", queryID: ""))) {
            try TRECRun.lines(queryID: "", documents: [])
        }
        #expect(throws: EvaluationInputError(kind: .unwritableField(.runTag, value: "my\ttag", queryID: "q"))) {
            try TRECRun.lines(queryID: "q", documents: [], tag: "my\ttag")
        }
        #expect(throws: EvaluationInputError(kind: .unwritableScore(queryID: "q", documentID: "d"))) {
            try TRECRun(rankedLists: [(queryID: "q", documents: [(documentID: "d", score: .nan)])])
        }
    }

    @Test("In memory, a run is what writing and reading it back gives (seeded random scores)")
    func roundTrip() throws {
        let seed: UInt64 = 0x5EED_0E7A
        var generator = SeededGenerator(seed: seed)
        var lists: [(queryID: String, documents: [(documentID: String, score: Double)])] = []
        for query in 0..<20 {
            let documents = (0..<Int.random(in: 0...30, using: &generator)).map { _ in
                let score: Double =
                    switch Int.random(in: 0..<4, using: &generator) {
                    case 0: Double(bitPattern: generator.next() & 0x7FEF_FFFF_FFFF_FFFF)  // any finite size
                    case 1: Double(Int.random(in: -3...3, using: &generator))  // ties
                    case 2: -Double.random(in: 0..<1, using: &generator)
                    default: Double.random(in: 0..<100, using: &generator)
                    }
                return (documentID: "doc/\(Int.random(in: 0..<40, using: &generator)).html", score: score)
            }
            lists.append((queryID: "q\(query)", documents: documents))
        }
        let inMemory = try TRECRun(rankedLists: lists)
        let reread = try TRECRun(parsing: TRECRun.format(lists))
        #expect(inMemory.queryIDs == reread.queryIDs, "seed \(seed)")
        for list in lists {
            #expect(inMemory.ranking(for: list.queryID) == reread.ranking(for: list.queryID), "seed \(seed)")
        }
    }
}

import Foundation
import KBTestSupport
import Testing

@testable import KBSearch

@Suite("Qrels: TREC relevance judgments")
struct QrelsTests {
    @Test("Parses 'query 0 document grade' lines; the second field and extra fields are ignored")
    func parses() throws {
        let qrels = try Qrels(parsing: "q1 0 a.html 2\nq1 X b.html 0 extra\r\n\nq2\t0\tc.html\t1\n")
        #expect(
            qrels.judgments == [
                .init(queryID: "q1", documentID: "a.html", grade: 2),
                .init(queryID: "q1", documentID: "b.html", grade: 0),
                .init(queryID: "q2", documentID: "c.html", grade: 1),
            ])
        #expect(qrels.queryIDs == ["q1", "q2"])
    }

    @Test(
        "Grades are read as Python's int() reads them",
        arguments: [
            ("+1", 1), ("-1", -1), ("007", 7), ("1_0", 10), ("\u{663}", 3), ("99999999999999999999", Int.max),
        ])
    func gradeSpellings(_ spelling: String, _ grade: Int) throws {
        let qrels = try Qrels(parsing: "q 0 d \(spelling)")
        #expect(qrels.judgments.first?.grade == grade)
    }

    @Test("Binary relevance: any grade above 0; repeated and conflicting lines; order of queries")
    func relevance() throws {
        let qrels = try Qrels(
            parsing: """
                z 0 a 0
                q 0 a 2
                q 0 a 2
                q 0 b 0
                z 0 b 1
                q 0 c 1
                q 0 c 0
                n 0 a 0
                n 0 b -3
                """)
        let relevant = qrels.relevantDocuments()
        #expect(relevant.map(\.queryID) == ["q", "z"])  // order of the first relevant line
        #expect(relevant[0].documentIDs == ["a", "c"])
        #expect(relevant[1].documentIDs == ["b"])
        #expect(qrels.relevantDocuments(minimumGrade: 2).map(\.queryID) == ["q"])
        #expect(qrels.grades(for: "q") == ["a": 2, "b": 0, "c": 1])  // highest grade wins
        #expect(qrels.grades(for: "missing").isEmpty)
        #expect(qrels.queryIDs == ["z", "q", "n"])
    }

    @Test("Lines with fewer than four fields are rejected with their line number")
    func missingFields() {
        #expect(throws: EvaluationInputError(file: "x.qrels", line: 3, kind: .missingQrelsFields(found: 3))) {
            try Qrels(parsing: "q 0 a 1\n\nq 0 b\n", file: "x.qrels")
        }
    }

    @Test("A grade that is not a whole number is rejected", arguments: ["1.0", "high", "1__0", "_1", "", "0x1"])
    func invalidGrades(_ grade: String) {
        let text = "q 0 a 1\r\nq 0 b \(grade.isEmpty ? "x" : grade)"
        let expected = grade.isEmpty ? "x" : grade
        #expect(throws: EvaluationInputError(line: 2, kind: .invalidGrade(expected))) {
            try Qrels(parsing: text)
        }
    }

    @Test("Files: read as UTF-8, errors name the file")
    func files() throws {
        let directory = try Fixtures.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let good = directory.appendingPathComponent("good.qrels")
        try Data("q 0 caf\u{E9} 1\n".utf8).write(to: good)
        #expect(try Qrels(contentsOf: good).judgments.first?.documentID == "caf\u{E9}")

        let latin1 = directory.appendingPathComponent("latin1.qrels")
        try Data([0x71, 0x20, 0x30, 0x20, 0x63, 0xE9, 0x20, 0x31]).write(to: latin1)
        #expect(throws: EvaluationInputError(file: "latin1.qrels", kind: .notUTF8)) {
            try Qrels(contentsOf: latin1, name: "latin1.qrels")
        }
        let missing = directory.appendingPathComponent("missing.qrels")
        #expect(throws: EvaluationInputError(file: missing.path, kind: .fileNotFound)) {
            try Qrels(contentsOf: missing)
        }
    }
}

import Testing

@testable import KBSearch

@Suite("QueryFile: 'query-id<TAB>text' files")
struct QueryFileTests {
    @Test("Reads ids and texts; skips blank lines; counts every line; ignores a byte-order mark")
    func parses() throws {
        let file = try QueryFile(
            parsing: "\u{FEFF}dt001\tnúmero de palavras\r\n\n  \ndt002\t  pdf com sneha \ndt003\t\ndt004\ta\tb")
        #expect(
            file.queries == [
                .init(id: "dt001", text: "número de palavras", line: 1),
                .init(id: "dt002", text: "pdf com sneha", line: 4),
                .init(id: "dt003", text: "", line: 5),
                .init(id: "dt004", text: "a\tb", line: 6),
            ])
    }

    @Test("A line without a tab is an error naming its line")
    func missingTab() {
        let error = EvaluationInputError(file: "q.tsv", line: 3, kind: .missingTab)
        #expect(throws: error) {
            try QueryFile(parsing: "q1\tum\n\nq2 dois\n", file: "q.tsv")
        }
        #expect(error.description == "q.tsv:3: a query line is 'query-id<TAB>query text', but this line has no tab")
    }

    @Test("Empty, spaced and repeated query ids are errors")
    func badIDs() {
        #expect(throws: EvaluationInputError(line: 2, kind: .emptyQueryID)) {
            try QueryFile(parsing: "q1\tum\n\tdois")
        }
        #expect(throws: EvaluationInputError(line: 1, kind: .whitespaceInQueryID("q 1"))) {
            try QueryFile(parsing: "q 1\tum")
        }
        #expect(throws: EvaluationInputError(line: 3, kind: .duplicateQueryID("q1", firstLine: 1))) {
            try QueryFile(parsing: "q1\tum\nq2\tdois\nq1\ttrês")
        }
    }
}

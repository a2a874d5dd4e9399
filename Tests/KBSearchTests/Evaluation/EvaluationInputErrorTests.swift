import Testing

@testable import KBSearch

@Suite("EvaluationInputError: messages")
struct EvaluationInputErrorTests {
    @Test("Descriptions name the file and line when known")
    func locations() {
        let kind = EvaluationInputError.Kind.invalidGrade("x")
        let message = "the grade (fourth field) must be a whole number such as 0, 1 or 2, not 'x'"
        #expect(EvaluationInputError(file: "a.qrels", line: 4, kind: kind).description == "a.qrels:4: \(message)")
        #expect(EvaluationInputError(line: 4, kind: kind).description == "line 4: \(message)")
        #expect(EvaluationInputError(file: "a.qrels", kind: kind).description == "a.qrels: \(message)")
        #expect(EvaluationInputError(kind: kind).description == message)
    }

    /// A kind of error and the message it must give.
    struct MessageCase: Sendable, CustomStringConvertible {
        var kind: EvaluationInputError.Kind
        var message: String
        init(_ kind: EvaluationInputError.Kind, _ message: String) {
            self.kind = kind
            self.message = message
        }
        var description: String { message }
    }

    private static let messageCases: [MessageCase] = [
        MessageCase(.fileNotFound, "no such file; check the path"),
        MessageCase(.notUTF8, "the file is not UTF-8 text; save it as UTF-8"),
        MessageCase(.unreadableFile(reason: "permission denied"), "cannot read the file: permission denied"),
        MessageCase(
            .missingQrelsFields(found: 3),
            "a qrels line has four fields separated by white space, 'query-id 0 document-id grade', "
                + "but this one has 3"
        ),
        MessageCase(
            .invalidScore("abc"),
            "the score (fifth field, 'query-id Q0 document-id rank score tag') must be a decimal number "
                + "such as 12.5 or 1e-3, not 'abc'"
        ),
        MessageCase(
            .scoreIsNaN("nan"),
            "the score 'nan' is not a number (NaN), so the line cannot be ranked; give the document a real "
                + "score or leave it out"
        ),
        MessageCase(.emptyQueryID, "the query id before the tab is empty; a query line is 'query-id<TAB>query text'"),
        MessageCase(
            .whitespaceInQueryID("a b"),
            "the query id 'a b' contains white space, which TREC runs and qrels use to separate fields; "
                + "remove it or use another character such as '_'"
        ),
        MessageCase(
            .duplicateQueryID("q1", firstLine: 2),
            "the query id 'q1' is already used at line 2; every query needs its own id"
        ),
        MessageCase(
            .unwritableField(.documentID, value: "a b", queryID: "q"),
            "cannot write the document id 'a b' (query 'q') into a TREC run: its fields are separated by "
                + "white space, so each must be non-empty and contain none"
        ),
        MessageCase(
            .unwritableField(.runTag, value: "", queryID: "q"),
            "cannot write an empty run tag (query 'q') into a TREC run: its fields are separated by "
                + "white space, so each must be non-empty and contain none"
        ),
        MessageCase(
            .unwritableScore(queryID: "q", documentID: "d"),
            "cannot write the score of document 'd' (query 'q') into a TREC run: it is NaN, which cannot "
                + "be ranked"
        ),
    ]

    @Test("Every kind says what is wrong", arguments: messageCases)
    func messages(_ messageCase: MessageCase) {
        #expect(EvaluationInputError(kind: messageCase.kind).description == messageCase.message)
    }
}

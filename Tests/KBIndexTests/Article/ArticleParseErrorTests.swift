import Testing

@testable import KBIndex

@Suite struct ArticleParseErrorTests {
    @Test(arguments: [
        (ArticleParseError(path: "conta/x.html", reason: .empty), "conta/x.html: skipped: the file is empty."),
        (
            ArticleParseError(path: "img/logo.html", reason: .binary),
            "img/logo.html: skipped: the file looks binary, not text (NUL or control bytes near its start)."
        ),
        (
            ArticleParseError(path: "big.html", reason: .tooLarge(size: 12_582_912, limit: 10_485_760)),
            "big.html: skipped: the file is 12,582,912 bytes, over the size limit of 10,485,760 bytes."
        ),
        (
            ArticleParseError(path: "exports/a.jsonl", line: 3, reason: .tooLarge(size: 2_048, limit: 1_000)),
            "exports/a.jsonl:3: skipped: the line is 2,048 bytes, over the size limit of 1,000 bytes."
        ),
        (
            ArticleParseError(path: "deep.html", reason: .tooDeep(limit: 256)),
            "deep.html: skipped: markup nested deeper than 256 levels."
        ),
        (ArticleParseError(path: "fotos.html", reason: .noText), "fotos.html: skipped: no text found in the page."),
        (
            ArticleParseError(path: "exports/a.jsonl", line: 4, reason: .noText),
            "exports/a.jsonl:4: skipped: no text found in the article body."
        ),
        (
            ArticleParseError(path: "fechado.html", reason: .unreadable("Permission denied")),
            "fechado.html: skipped: cannot read it: Permission denied."
        ),
        (
            ArticleParseError(
                path: "exports/a.jsonl", line: 7, reason: .invalidJSON("Invalid value around character 12.")),
            "exports/a.jsonl:7: skipped: invalid JSON: Invalid value around character 12."
        ),
        (
            ArticleParseError(path: "exports/a.jsonl", line: 12, reason: .missingField("title")),
            "exports/a.jsonl:12: skipped: missing required field \"title\"."
        ),
        (
            ArticleParseError(
                path: "exports/a.jsonl", line: 2, reason: .invalidField(name: "tags", expected: "an array of strings")),
            "exports/a.jsonl:2: skipped: field \"tags\" must be an array of strings."
        ),
    ])
    func describesEachReasonAsASentence(error: ArticleParseError, expected: String) {
        #expect(error.description == expected)
        #expect("\(error)" == expected)
    }

    @Test func smallSizesAreNotGrouped() {
        let error = ArticleParseError(path: "a.html", reason: .tooLarge(size: 999, limit: 100))
        #expect(error.description == "a.html: skipped: the file is 999 bytes, over the size limit of 100 bytes.")
    }

    @Test func equalityComparesPathLineAndReason() {
        #expect(ArticleParseError(path: "a", reason: .empty) == ArticleParseError(path: "a", reason: .empty))
        #expect(ArticleParseError(path: "a", reason: .empty) != ArticleParseError(path: "b", reason: .empty))
        #expect(ArticleParseError(path: "a", line: 1, reason: .empty) != ArticleParseError(path: "a", reason: .empty))
        #expect(ArticleParseError(path: "a", reason: .empty) != ArticleParseError(path: "a", reason: .noText))
    }
}

import Foundation
import Testing

@testable import KBIndex

@Suite struct JSONLinesArticleReaderTests {
    let reader = JSONLinesArticleReader()

    private static let goodLine = #"""
        {"id": "conta/senha", "title": "Redefinir a senha", "body": "<h1>Redefinir</h1><p>Abra <b>Conta</b> &amp; toque em <i>Senha</i>.</p><h2>Dicas</h2><p>Use 8 caracteres.</p><script>x()</script>", "url": "https://ajuda.exemplo.com.br/conta/senha", "category": "Conta", "product": "App", "tags": ["senha", " login ", ""], "updated_at": "2026-10-02T10:00:00Z", "extra": {"ignored": true}}
        """#

    @Test func readsAllFieldsOfAGoodLine() throws {
        let results = reader.articles(fromJSONLines: Self.goodLine, path: "exports/a.jsonl")
        #expect(results.count == 1)
        let article = try #require(try? results[0].get())
        #expect(
            article
                == Article(
                    id: "conta/senha",
                    title: "Redefinir a senha",
                    headings: ["Redefinir", "Dicas"],
                    body: "Redefinir\nAbra Conta & toque em Senha.\nDicas\nUse 8 caracteres.\n",
                    summary: "Abra Conta & toque em Senha.",
                    url: "https://ajuda.exemplo.com.br/conta/senha",
                    category: "Conta",
                    product: "App",
                    tags: ["senha", "login"],
                    updated: "2026-10-02T10:00:00Z"
                )
        )
    }

    @Test func acceptsIntegerIdCommaSeparatedTagsAndPlainTextBody() throws {
        let line =
            #"{"id": 360012345678, "title": "Boleto", "body": "Pague até o vencimento.", "tags": "boleto, pagamento ,,", "url": null}"#
        let article = try reader.article(fromLine: Array(line.utf8), path: "a.jsonl", line: 1)
        #expect(article.id == "360012345678")
        #expect(article.tags == ["boleto", "pagamento"])
        #expect(article.body == "Pague até o vencimento.\n")
        #expect(article.url == nil)
    }

    @Test func emptyTitleFallsBackToFirstHeading() throws {
        let line = #"{"id": "x", "title": " ", "body": "<h1>Do corpo</h1><p>Texto.</p>"}"#
        #expect(try reader.article(fromLine: Array(line.utf8), path: "a.jsonl", line: 1).title == "Do corpo")
    }

    @Test func badLinesAreReportedAndOtherLinesStillYieldArticles() {
        let text = [
            #"{"id": "1", "title": "Um", "body": "<p>Primeiro.</p>"}"#,
            "",
            #"{"id": "2", "body": "<p>Sem título.</p>"}"#,
            "   ",
            #"{"id": "3", "title": "Três", "body": "<p>Terceiro.</p>""#,
            #"{"id": "4", "title": "Quatro", "body": "<p>Quarto.</p>"}"#,
            #"["não", "é", "objeto"]"#,
            #"{"id": "6", "title": "Seis", "body": "<script>só()</script>"}"#,
            #"{"id": "7", "title": 7, "body": "<p>x</p>"}"#,
            #"{"id": "8", "title": "Oito", "body": "<p>x</p>", "tags": [1, 2]}"#,
            #"{"id": "", "title": "Nove", "body": "<p>x</p>"}"#,
            #"{"id": "10", "title": "Dez", "body": "<p>Décimo.</p>"}"# + "\r",
        ].joined(separator: "\n")
        let results = reader.articles(fromJSONLines: text, path: "exports/a.jsonl")
        let articles = results.compactMap { try? $0.get().id }
        #expect(articles == ["1", "4", "10"])
        let errors = results.compactMap { result -> ArticleParseError? in
            if case .failure(let error) = result { return error }
            return nil
        }
        #expect(errors.map(\.line) == [3, 5, 7, 8, 9, 10, 11])
        #expect(errors.allSatisfy { $0.path == "exports/a.jsonl" })
        #expect(errors[0].description == "exports/a.jsonl:3: skipped: missing required field \"title\".")
        guard case .invalidJSON = errors[1].reason else {
            Issue.record("expected invalidJSON, got \(errors[1].reason)")
            return
        }
        #expect(errors[2].reason == .invalidJSON("each line must hold one JSON object"))
        #expect(errors[3].reason == .noText)
        #expect(errors[4].reason == .invalidField(name: "title", expected: "a string"))
        #expect(
            errors[5].reason == .invalidField(name: "tags", expected: "an array of strings or a comma-separated string")
        )
        #expect(errors[6].reason == .invalidField(name: "id", expected: "a non-empty string or an integer"))
    }

    @Test(arguments: ["id", "title", "body"])
    func reportsEachMissingRequiredField(field: String) {
        var object = ["id": "1", "title": "T", "body": "<p>b</p>"]
        object[field] = nil
        let line = String(decoding: try! JSONSerialization.data(withJSONObject: object), as: UTF8.self)
        let results = reader.articles(fromJSONLines: line, path: "a.jsonl")
        #expect(results.count == 1)
        if case .failure(let error) = results[0] {
            #expect(error == ArticleParseError(path: "a.jsonl", line: 1, reason: .missingField(field)))
        } else {
            Issue.record("line without \(field) was accepted")
        }
    }

    @Test(arguments: ["", "   ", "<p> </p>", "<!-- só comentário -->"])
    func bodyWithoutTextIsReported(body: String) {
        let line = #"{"id": "1", "title": "T", "body": "\#(body)"}"#
        let results = reader.articles(fromJSONLines: line, path: "a.jsonl")
        #expect(results.map(Self.error) == [ArticleParseError(path: "a.jsonl", line: 1, reason: .noText)])
    }

    @Test func nullRequiredFieldCountsAsMissing() {
        let results = reader.articles(
            fromJSONLines: #"{"id": "1", "title": null, "body": "<p>b</p>"}"#, path: "a.jsonl")
        #expect(results.count == 1)
        if case .failure(let error) = results.first {
            #expect(error.reason == .missingField("title"))
        }
    }

    @Test func syntaxErrorCarriesTheDecodersDetails() {
        let results = reader.articles(fromJSONLines: #"{"id": "1", "title": }"#, path: "a.jsonl")
        guard case .failure(let error) = results.first, case .invalidJSON(let details) = error.reason else {
            Issue.record("expected invalid JSON, got \(results)")
            return
        }
        #expect(!details.isEmpty)
        #expect(error.description.hasPrefix("a.jsonl:1: skipped: invalid JSON: "))
    }

    @Test func lineOverTheSizeLimitIsSkippedAlone() {
        let reader = JSONLinesArticleReader(parser: ArticleParser(options: ArticleParserOptions(maximumFileSize: 200)))
        let long =
            #"{"id": "1", "title": "Longo", "body": "<p>"# + String(repeating: "palavra ", count: 50) + #"</p>"}"#
        let short = #"{"id": "2", "title": "Curto", "body": "<p>Ok.</p>"}"#
        let results = reader.articles(fromJSONLines: long + "\n" + short, path: "a.jsonl")
        #expect(results.count == 2)
        if case .failure(let error) = results[0] {
            #expect(
                error
                    == ArticleParseError(path: "a.jsonl", line: 1, reason: .tooLarge(size: long.utf8.count, limit: 200))
            )
        } else {
            Issue.record("the long line was accepted")
        }
        #expect((try? results[1].get().id) == "2")
    }

    @Test func readsFileInChunksAcrossLineBoundaries() throws {
        try ArticleFixtures.withTemporaryFolder { folder in
            let lines = (1...2_000).map {
                #"{"id": "\#($0)", "title": "Artigo \#($0)", "body": "<p>Texto número \#($0).</p>"}"#
            }
            let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array(lines.joined(separator: "\n").utf8)
            let url = try ArticleFixtures.write(bytes, to: "grande.jsonl", in: folder)
            let results = reader.articles(contentsOf: url, path: "grande.jsonl")
            let ids = results.compactMap { try? $0.get().id }
            #expect(ids == (1...2_000).map(String.init))
            #expect(try results[1_999].get().body == "Texto número 2000.\n")
        }
    }

    @Test func emptyAndBlankFilesAreReportedOnce() throws {
        try ArticleFixtures.withTemporaryFolder { folder in
            let empty = try ArticleFixtures.write([], to: "vazio.jsonl", in: folder)
            let blank = try ArticleFixtures.write(Array("\n  \n\n".utf8), to: "branco.jsonl", in: folder)
            #expect(
                reader.articles(contentsOf: empty, path: "vazio.jsonl").map(Self.error)
                    == [ArticleParseError(path: "vazio.jsonl", reason: .empty)])
            #expect(
                reader.articles(contentsOf: blank, path: "branco.jsonl").map(Self.error)
                    == [ArticleParseError(path: "branco.jsonl", reason: .empty)])
        }
    }

    @Test func binaryFileIsReportedOnce() throws {
        try ArticleFixtures.withTemporaryFolder { folder in
            let url = try ArticleFixtures.write(
                [0x1F, 0x8B, 0x08, 0x00, 0x00, 0x00, 0x00, 0x0A, 0x00, 0x0A], to: "x.jsonl", in: folder)
            #expect(
                reader.articles(contentsOf: url, path: "x.jsonl").map(Self.error)
                    == [ArticleParseError(path: "x.jsonl", reason: .binary)])
        }
    }

    @Test func missingFileIsReportedWithSystemMessage() {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("kb-no-such-\(UUID().uuidString).jsonl")
        #expect(
            reader.articles(contentsOf: url, path: "sumiu.jsonl").map(Self.error)
                == [ArticleParseError(path: "sumiu.jsonl", reason: .unreadable("No such file or directory"))])
    }

    private static func error(_ result: Result<Article, ArticleParseError>) -> ArticleParseError? {
        if case .failure(let error) = result { return error }
        return nil
    }
}

import Foundation
import KBIndex
import KBTestSupport
import Testing

@testable import KBSearch

/// A word that analyzes to several terms ("Err:502", "A1:A10") ranks as its parts typed apart.
@Suite struct WordPartsTests {
    static let articles: [Article] = [
        Article(
            id: "codigos.html", title: "Códigos de erro do Calc",
            body: "Err:502 indica um argumento inválido. Err:504 indica um erro na lista de parâmetros."),
        Article(
            id: "macros.html", title: "Tratamento de erros em macros",
            body: "Use On Error e a variável Err. Err guarda o código; Err é zerado por Resume. Teste Err."),
        Article(
            id: "somar.html", title: "Somar um intervalo",
            body: "Digite =SOMA(A1:A10) para somar as células de A1 até A10."),
        Article(id: "outro.html", title: "Outro assunto", body: "Nada sobre códigos aqui."),
        Article(id: "mais.html", title: "Mais um assunto", body: "Texto qualquer de exemplo."),
    ]

    static let index = TestIndex.fixture(articles)

    let searcher = Searcher(reader: WordPartsTests.index.reader)

    private func hits(_ text: String) throws -> [(id: String, score: Double)] {
        try searcher.search(SearchRequest(text, prefixLastWord: false)).hits.map { ($0.article.id, $0.score) }
    }

    @Test func aWordOfSeveralPartsScoresAsItsPartsTypedApart() throws {
        let joined = try hits("Err:502")
        let apart = try hits("Err 502")
        #expect(joined.map(\.id) == apart.map(\.id))
        for (one, other) in zip(joined, apart) { #expect(abs(one.score - other.score) < 1e-9) }
    }

    @Test func thePageWithEveryPartRanksFirst() throws {
        // "macros.html" says "Err" five times but never "502": the page with both parts wins.
        #expect(try hits("Err:502").first?.id == "codigos.html")
        #expect(try hits("erro A1:A10").first?.id == "somar.html")
    }

    @Test func anExcludedWordKeepsItsPartsTogether() throws {
        // "-Err:502" excludes the pages with any of its terms, as before; it is not split into
        // an exclusion and an optional word.
        let ids = try hits("codigos -Err:502").map(\.id)
        #expect(!ids.contains("codigos.html"))
        #expect(ids.contains("outro.html"))
    }
}

import Foundation
import KBIndex
import KBTestSupport
import Testing

@testable import KBSearch

/// The confidence of a suggestion counts the words the customer typed, however many clauses
/// the planner makes of them.
@Suite struct SubjectCoverageTests {
    static let articles: [Article] = [
        Article(id: "wifi.html", title: "Rede", body: "Conecte o computador ao Wi-Fi da sala."),
        Article(id: "correio.html", title: "Correio", body: "Envie o documento por correio eletrônico."),
        Article(id: "nf.html", title: "Vendas", body: "Emita a NF da venda."),
        Article(id: "outro.html", title: "Outro assunto", body: "Texto sem relação com o resto."),
        Article(id: "mais.html", title: "Mais um assunto", body: "Outro texto qualquer de exemplo."),
    ]

    static let index = TestIndex.fixture(articles)

    let searcher: Searcher = {
        var settings = SearchSettings()
        settings.synonyms = SynonymList(groups: [["e-mail", "email", "correio eletrônico"], ["nf", "nota fiscal"]])
        return Searcher(reader: SubjectCoverageTests.index.reader, settings: settings)
    }()

    /// The confidence of the article `id` for `subject`.
    private func confidence(_ subject: String, of id: String) throws -> Double {
        let (query, boosts) = searcher.suggestionQuery(
            SuggestionRequest(subject: subject, limit: 5), settings: SuggestionSettings())
        let plan = try searcher.makePlan(
            query, request: SearchRequest(subject, prefixLastWord: false), boosts: boosts)
        var coverage = try SubjectCoverage(plan: plan, boosts: boosts, searcher: searcher)
        let document = try #require(try searcher.reader.document(withArticleID: id))
        return try coverage.confidence(of: document)
    }

    /// The weight of a word in `documentFrequency` articles, and of an unknown word.
    private func idf(_ documentFrequency: Int) -> Double {
        searcher.bm25.idf(documentFrequency: documentFrequency)
    }

    @Test func aWordOfSeveralPartsIsOneWord() throws {
        // "wi-fi" is searched as "wifi", "wi" and "fi" (each in one article): one word, as
        // heavy as one term in one article, next to the unknown "boleto".
        let expected = idf(1) / (idf(1) + idf(0))
        #expect(abs(try confidence("wi-fi boleto", of: "wifi.html") - expected) < 1e-9)
    }

    @Test func aSynonymCoversItsWordWithoutWeighingAgain() throws {
        // "e-mail" is "email", "mail" and the phrase "correio eletrônico" (twice): the article
        // has only the phrase, which covers the word up to the phrase's own weight.
        let word = idf(0)  // "email" and "mail" are in no article
        let phrase = SearchSettings().synonymBoost * idf(1)
        let expected = min(word, phrase) / (word + idf(0))
        #expect(abs(try confidence("e-mail boleto", of: "correio.html") - expected) < 1e-9)
    }

    @Test func aSynonymOfSeveralWordsCoversEachOfThem() throws {
        // "nota fiscal" is in no article; its synonym "nf" is, and covers both words as far
        // as its weight goes.
        let nf = SearchSettings().synonymBoost * idf(1)
        let expected = (2 * min(nf, idf(0))) / (2 * idf(0))
        #expect(abs(try confidence("nota fiscal", of: "nf.html") - expected) < 1e-9)
        #expect(try confidence("nota fiscal", of: "outro.html") == 0)
    }
}

import Foundation
import KBIndex
import KBTestSupport
import Testing

@testable import KBSearch

/// The second ranking phase: each adjustment against the formula worked out by hand from the
/// index's statistics, and the order it produces.
@Suite struct RerankerTests {
    static let articles: [Article] = [
        Article(id: "envelope.html", title: "Envelope", body: "Escolha o formato e imprima."),
        Article(
            id: "carta.html", title: "Assistente de carta",
            body:
                "A carta pode ir num envelope. O envelope leva o endereço; imprima o envelope depois da carta e confira o envelope."
        ),
        Article(
            id: "etiquetas.html", title: "Envelopes e etiquetas",
            body: "Envelope grande, envelope pequeno, envelope pardo: cada envelope e cada envelope tem sua etiqueta."),
        Article(id: "outro.html", title: "Outro assunto", body: "Texto sem relação com o resto."),
        Article(id: "mais.html", title: "Mais um assunto", body: "Outro texto qualquer de exemplo."),
    ]

    static let index = TestIndex.fixture(articles)

    var reader: IndexReader { Self.index.reader }

    /// A searcher with only the named adjustment turned on.
    private func searcher(proximity: Double = 0, titleMatch: Double = 0, titleScore: Double = 0) -> Searcher {
        var settings = SearchSettings()
        settings.proximity = TermProximity(window: 8, strength: proximity)
        settings.titleMatch = titleMatch
        settings.titleScore = titleScore
        return Searcher(reader: reader, settings: settings)
    }

    private func adjustment(_ text: String, of id: String, in searcher: Searcher) throws -> Reranker.Adjustment {
        let plan = try searcher.makePlan(QueryParser().parse(text), request: SearchRequest(text, prefixLastWord: false))
        let document = try #require(try reader.document(withArticleID: id))
        let reranker = Reranker(reader: reader, bm25: searcher.bm25, settings: searcher.settings)
        return try #require(try reranker.adjustments(of: [document], clauses: Reranker.clauses(of: plan)).first)
    }

    /// `boost · idf` of a word's term, the weight of its clause.
    private func weight(_ word: String, in searcher: Searcher) throws -> Double {
        let term = try #require(reader.analyzer.terms(in: word).first)
        let info = try #require(try reader.terms.lookup(term))
        return searcher.bm25.idf(documentFrequency: info.documentFrequency)
    }

    @Test func titleScoreIsTheTitlesOwnBM25() throws {
        let searcher = searcher(titleScore: 0.4)
        let document = try #require(try reader.document(withArticleID: "envelope.html"))
        let lengthFactor = searcher.bm25.lengthFactor(
            IndexField.title.rawValue, length: reader.fieldLength(.title, of: document))
        // One word, once in a one-word title: 0.4 · w · saturation(1 · lengthFactor).
        let expected = try 0.4 * weight("envelope", in: searcher) * searcher.bm25.saturation(lengthFactor)
        let found = try adjustment("envelope", of: "envelope.html", in: searcher)
        #expect(abs(found.titleScore - expected) < 1e-9)
        #expect(found.proximity == 0 && found.titleMatch == 0 && found.coordinationFactor == 1)
        // Words outside the title add nothing to it.
        #expect(try adjustment("endereço", of: "carta.html", in: searcher).titleScore == 0)
    }

    @Test func titleMatchIsTheShareOfTheTitleMatched() throws {
        let searcher = searcher(titleMatch: 0.1)
        // "Assistente de carta" indexes two words; "carta" holds half of them.
        let weights = try weight("carta", in: searcher)
        let found = try adjustment("carta", of: "carta.html", in: searcher)
        #expect(abs(found.titleMatch - 0.1 * weights * 0.5) < 1e-9)
        let whole = try adjustment("envelope", of: "envelope.html", in: searcher)
        #expect(abs(whole.titleMatch - 0.1 * (try weight("envelope", in: searcher))) < 1e-9)
    }

    @Test func proximityRewardsAdjacentWords() throws {
        let searcher = searcher(proximity: 1)
        let found = try adjustment("imprima envelope", of: "carta.html", in: searcher)
        // "imprima o envelope": distance 2 counting the stop word, 1/d² = 0.25, from each side's
        // nearest occurrence; the body's weight is 1. Pair accumulator: "imprima" → 0.25.
        let accumulated = 0.25
        let k1 = searcher.bm25.k1
        let expected =
            try min(weight("imprima", in: searcher), weight("envelope", in: searcher)) * accumulated * (k1 + 1)
            / (k1 + accumulated)
        #expect(abs(found.proximity - expected) < 1e-9)
        #expect(try adjustment("imprima endereço", of: "envelope.html", in: searcher).proximity == 0)
    }

    @Test func theTitleScoreLiftsThePageTheTitleNames() throws {
        // The labels page has "envelope" in its longer title and five times in its body; the
        // envelope page says it once, in its one-word title. BM25F alone prefers the repetition.
        let plain = try searcher().search(SearchRequest("envelope", prefixLastWord: false)).hits.map(\.article.id)
        #expect(plain.first == "etiquetas.html")
        let titled = try searcher(titleScore: 0.4).search(SearchRequest("envelope", prefixLastWord: false)).hits
        #expect(titled.first?.article.id == "envelope.html")
    }

    @Test func explanationListsEveryAdjustment() throws {
        let searcher = Searcher(reader: reader)
        let request = SearchRequest("imprima envelope", prefixLastWord: false)
        let explanation = try #require(try searcher.explain(request, articleID: "carta.html"))
        let hit = try #require(try searcher.search(request).hits.first { $0.article.id == "carta.html" })
        let sum =
            explanation.bm25Score + explanation.proximityBonus + explanation.titleMatchBonus + explanation.titleScore
        #expect(abs(sum * explanation.coordinationFactor - hit.score) < 1e-9)
        #expect(explanation.proximityBonus > 0)
        #expect(explanation.text.contains("title score"))
    }
}

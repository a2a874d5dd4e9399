import Foundation
import KBIndex
import KBTestSupport
import Testing

@testable import KBSearch

/// The confidence gate of ticket suggestions.
@Suite struct SubjectSuggesterTests {
    /// "toner", "gaveta" and "bandeja" each occur in two articles, so they weigh the same. The
    /// toner page names one of them in its title and ranks first for a subject with all three;
    /// the tray page covers all three in its body.
    static let articles: [Article] = [
        Article(id: "toner.html", title: "Toner", body: "Como trocar o cartucho da impressora."),
        Article(
            id: "bandeja.html", title: "Papel atolado",
            body: "Verifique o toner, abra a gaveta de papel e retire a bandeja."),
        Article(id: "gaveta.html", title: "Gaveta de dinheiro", body: "A gaveta abre na venda."),
        Article(id: "mesa.html", title: "Mesa de apoio", body: "Uma bandeja para o café."),
        Article(id: "outro.html", title: "Outro assunto", body: "Texto sem relação com o resto."),
        Article(id: "mais.html", title: "Mais um assunto", body: "Outro texto qualquer de exemplo."),
    ]

    static let index = TestIndex.fixture(articles)

    let searcher = Searcher(reader: SubjectSuggesterTests.index.reader)
    let subject = "toner gaveta bandeja"

    private func suggestions(depth: Int) throws -> [String] {
        var settings = SuggestionSettings()
        settings.confidenceDepth = depth
        return try searcher.suggest(SuggestionRequest(subject: subject, limit: 5), settings: settings).hits
            .map(\.article.id)
    }

    @Test func anArticleBelowTheFirstCanCarryTheTicket() throws {
        let ranked = try searcher.search(SearchRequest(subject, prefixLastWord: false)).hits.map(\.article.id)
        try #require(ranked.prefix(2) == ["toner.html", "bandeja.html"])
        // The toner page covers a third of the subject, below the 0.35 threshold; the tray page
        // covers all of it. Judged by the first article alone, the ticket gets nothing.
        #expect(try suggestions(depth: 1).isEmpty)
        let shown = try suggestions(depth: SuggestionSettings().confidenceDepth)
        #expect(shown.prefix(2) == ["toner.html", "bandeja.html"])
    }

    @Test func aSubjectNoArticleCoversGetsNothingAtAnyDepth() throws {
        var settings = SuggestionSettings()
        settings.confidenceDepth = 5
        let hits = try searcher.suggest(
            SuggestionRequest(subject: "toner boleto estorno", limit: 5), settings: settings)
        #expect(hits.hits.isEmpty)
    }
}

import Foundation
import KBIndex
import KBTestSupport
import Testing

@testable import KBSearch

/// End-to-end behaviour of the searcher over a small hand-made knowledge base.
@Suite struct SearcherTests {
    static let articles: [Article] = [
        Article(
            id: "senha.html", title: "Como redefinir a senha esquecida",
            body: "Na tela de login clique em Esqueci minha senha e siga o link enviado por e-mail.",
            category: "Conta", product: "Portal", tags: ["senha", "login"]),
        Article(
            id: "imprimir.html", title: "Imprimir frente e verso",
            body:
                "Para imprimir frente e verso escolha a impressora e marque a opção duplex. A impressão sai nos dois lados.",
            category: "Impressão", product: "Writer", tags: ["impressora"]),
        Article(
            id: "relatorio.html", title: "Configuração do relatório mensal",
            body: "Abra as configurações do relatório e escolha o período. O relatório mostra as vendas do mês.",
            category: "Relatórios", product: "Writer", tags: ["relatório"]),
        Article(
            id: "anexos.html", title: "Anexar arquivos ao chamado",
            body:
                "Arraste o arquivo para o chamado ou use o clipe. O anexo pode ter até 40 MB. <script>alert(1)</script>",
            category: "Chamados", product: "Portal", tags: ["anexo"]),
        Article(
            id: "nota.html", title: "Emitir nota fiscal eletrônica",
            body: "A nota fiscal é emitida no menu Faturamento. Confira os dados do cliente antes de emitir.",
            category: "Faturamento", product: "ERP", tags: ["fiscal"]),
    ]

    static let index = TestIndex.fixture(articles)

    let searcher = Searcher(reader: SearcherTests.index.reader)

    private func ids(_ text: String, prefix: Bool = false, category: String? = nil) throws -> [String] {
        try searcher.search(SearchRequest(text, category: category, prefixLastWord: prefix)).hits.map(\.article.id)
    }

    @Test func findsArticlesWithoutAccentsAndInOtherForms() throws {
        #expect(try ids("configuracao relatorios").first == "relatorio.html")
        #expect(try ids("IMPRESSAO").first == "imprimir.html")
    }

    @Test(arguments: [
        ("configuraçao", "relatorio.html"),
        ("imprmir frente", "imprimir.html"),
        ("relatorio", "relatorio.html"),
        ("esquceci senha", "senha.html"),
    ])
    func toleratesTypos(query: String, expected: String) throws {
        #expect(try ids(query).first == expected, "\(query)")
    }

    @Test func offersACorrection() throws {
        let results = try searcher.search(SearchRequest("imprmir frente e verso"))
        #expect(results.didYouMean == "imprimir frente e verso")
        #expect(try searcher.search(SearchRequest("imprimir")).didYouMean == nil)
    }

    @Test func completesTheLastWordWhileTyping() throws {
        #expect(try ids("impr", prefix: true).first == "imprimir.html")
        #expect(try ids("impr", prefix: false).isEmpty)
    }

    @Test func phrasesAreRequiredAndExclusionsExclude() throws {
        #expect(try ids("\"nota fiscal\"") == ["nota.html"])
        #expect(try ids("\"fiscal nota\"").isEmpty)
        #expect(!(try ids("relatório -mensal").contains("relatorio.html")))
    }

    @Test func filtersByCategory() throws {
        #expect(try ids("arquivo chamado senha", category: "Conta") == ["senha.html"])
        #expect(try ids("senha", category: "Nenhuma").isEmpty)
    }

    @Test func countsMatchesAndCategories() throws {
        let results = try searcher.search(SearchRequest("chamado senha", prefixLastWord: false))
        #expect(results.total == 2)
        #expect(results.categoryCounts == ["Conta": 1, "Chamados": 1])
    }

    @Test func anythingTypedParses() throws {
        for text in ["", "\"", "-", "😀😀", String(repeating: "senha ", count: 2_000), "((()))", "a -"] {
            _ = try searcher.search(SearchRequest(text))
        }
    }

    @Test func snippetsEscapeArticleMarkup() throws {
        let results = try searcher.search(SearchRequest("anexo clipe"))
        let hit = try #require(results.hits.first)
        let snippet = SnippetGenerator(analyzer: searcher.reader.analyzer)
            .snippet(for: hit.article.body, matching: results.matchedTerms)
        #expect(snippet.html.contains("&lt;script&gt;"))
        #expect(!snippet.html.contains("<script>"))
        #expect(snippet.html.contains("<mark>"))
    }

    @Test func suggestsForATicketSubjectAndStaysSilentForNonsense() throws {
        let answered = try searcher.suggest(
            SuggestionRequest(subject: "bom dia, esqueci minha senha do portal, urgente"))
        #expect(answered.hits.first?.article.id == "senha.html")
        let nonsense = try searcher.suggest(SuggestionRequest(subject: "xkcd qwrtz plonk"))
        #expect(nonsense.hits.isEmpty)
    }

    @Test func relatedArticlesExcludeTheArticleItself() throws {
        let related = try #require(try searcher.related(to: "relatorio.html", limit: 3))
        #expect(!related.map(\.article.id).contains("relatorio.html"))
        #expect(try searcher.related(to: "missing.html") == nil)
    }

    @Test func explanationAddsUpToTheScore() throws {
        let request = SearchRequest("imprimir frente verso", prefixLastWord: false)
        let explanation = try #require(try searcher.explain(request, articleID: "imprimir.html"))
        let results = try searcher.search(request)
        let hit = try #require(results.hits.first { $0.article.id == "imprimir.html" })
        #expect(abs(explanation.score - hit.score) < 1e-9)
        #expect(abs(explanation.clauses.reduce(0) { $0 + $1.score } - explanation.bm25Score) < 1e-9)
        #expect(explanation.matches)
        #expect(explanation.text.contains("title: tf 1"))
    }

    @Test func searchesSynonyms() throws {
        #expect(try ids("password").first == "senha.html")
        #expect(try ids("emitir nf").first == "nota.html")
    }
}

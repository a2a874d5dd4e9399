import Foundation
import KBTestSupport
import Testing

/// `kb parse`: articles as the indexer sees them, as JSON.
@Suite struct ParseCommandTests {
    /// The JSON of one parsed article (optional keys are absent when the article has none).
    struct ParsedArticle: Decodable, Equatable {
        var id: String
        var title: String
        var headings: [String]
        var body: String
        var summary: String
        var url: String?
        var category: String?
        var product: String?
        var tags: [String]
        var updated: String?
    }

    private static let article = "conta/redefinir-senha.html"

    @Test func printsOneArticleAsAJSONObjectWithItsPathAsId() throws {
        let path = "Articles/\(Self.article)"
        let output = try kb("parse", path, in: Fixtures.repositoryRoot)
        #expect(output.status == 0, "\(output)")
        #expect(output.stderr == "")

        let parsed = try JSONDecoder().decode(ParsedArticle.self, from: Data(output.stdout.utf8))
        #expect(parsed.id == path)
        #expect(parsed.title == "Como redefinir a senha esquecida")
        #expect(parsed.category == "Conta e acesso")
        #expect(parsed.product == "Portal do Cliente")
        #expect(parsed.tags == ["senha", "esqueci minha senha", "redefinir", "recuperar acesso", "login"])
        #expect(parsed.updated == "2026-04-02")
        #expect(parsed.url == nil)
        #expect(parsed.summary.hasPrefix("Use a opção Esqueci minha senha"))
        #expect(parsed.headings.first == "Como redefinir a senha esquecida")
        #expect(parsed.headings.contains("Passo a passo"))
        #expect(parsed.body.hasPrefix("Como redefinir a senha esquecida\nEsqueceu a senha do Portal do Cliente?"))
        #expect(!parsed.body.contains("<"), "markup left in the body")
    }

    @Test func rootMakesIdsRelativeToIt() throws {
        let absolute = Fixtures.articles.appendingPathComponent(Self.article).path
        for root in ["Articles", "Articles/", Fixtures.articles.path] {
            let output = try kb("parse", "--root", root, absolute, in: Fixtures.repositoryRoot)
            #expect(output.status == 0, "\(output)")
            let parsed = try JSONDecoder().decode(ParsedArticle.self, from: Data(output.stdout.utf8))
            #expect(parsed.id == Self.article, "--root \(root)")
        }
    }

    @Test func aFileOutsideTheRootKeepsItsFullPath() throws {
        let absolute = Fixtures.articles.appendingPathComponent(Self.article).path
        let output = try kb("parse", "--root", Fixtures.articles.appendingPathComponent("chamados").path, absolute)
        #expect(output.status == 0, "\(output)")
        let parsed = try JSONDecoder().decode(ParsedArticle.self, from: Data(output.stdout.utf8))
        #expect(parsed.id == absolute)
    }

    @Test func severalFilesGiveAnArrayInTheOrderGiven() throws {
        let output = try kb(
            "parse", "--root", "Articles", "Articles/chamados/abrir-chamado.html", "Articles/\(Self.article)",
            in: Fixtures.repositoryRoot)
        #expect(output.status == 0, "\(output)")
        let parsed = try JSONDecoder().decode([ParsedArticle].self, from: Data(output.stdout.utf8))
        #expect(parsed.map(\.id) == ["chamados/abrir-chamado.html", Self.article])
        #expect(parsed.map(\.category) == ["Chamados", "Conta e acesso"])
    }

    @Test func aMissingFileExitsWith1AndNamesThePathAndReason() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let missing = folder.path("nao-existe.html")
        let output = try kb("parse", missing)
        #expect(output.status == 1, "\(output)")
        #expect(output.errorLines.count == 1)
        let line = try #require(output.errorLines.first)
        #expect(line.hasPrefix("\(missing): skipped: cannot read it: "))
        #expect(line.contains("No such file"))
    }

    @Test func aBrokenFileDoesNotHideTheOthers() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let good = try folder.copyArticle(Self.article, to: "boa.html")
        let empty = try folder.write("", to: "vazia.html")
        let output = try kb("parse", "--root", folder.url.path, empty, good)
        #expect(output.status == 1, "\(output)")
        #expect(output.errorLines == ["vazia.html: skipped: the file is empty."])
        let parsed = try JSONDecoder().decode([ParsedArticle].self, from: Data(output.stdout.utf8))
        #expect(parsed.map(\.id) == ["boa.html"])
    }

    @Test func contentPicksTheMainElementOfPagesWithoutMain() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let page = try folder.write(
            """
            <!DOCTYPE html>
            <html lang="pt-BR"><head><meta charset="utf-8"><title>Página sem main</title></head>
            <body>
            <div class="lateral"><p>Menu lateral com atalhos</p></div>
            <div id="texto"><h2>Conteúdo</h2><p>Texto principal do artigo.</p></div>
            </body></html>
            """, to: "pagina.html")

        let whole = try kb("parse", page)
        #expect(whole.status == 0, "\(whole)")
        let wholeArticle = try JSONDecoder().decode(ParsedArticle.self, from: Data(whole.stdout.utf8))
        #expect(wholeArticle.body.contains("Menu lateral com atalhos"))

        let selected = try kb("parse", "--content", "#texto", page)
        #expect(selected.status == 0, "\(selected)")
        let selectedArticle = try JSONDecoder().decode(ParsedArticle.self, from: Data(selected.stdout.utf8))
        #expect(selectedArticle.title == "Página sem main")
        #expect(selectedArticle.body == "Conteúdo\nTexto principal do artigo.\n")
        #expect(selectedArticle.headings == ["Conteúdo"])
    }

    @Test func anInvalidContentSelectorIsAUsageError() throws {
        let output = try kb("parse", "--content", "##", "Articles/\(Self.article)", in: Fixtures.repositoryRoot)
        #expect(output.status == KBProcess.usageError, "\(output)")
        #expect(output.stdout == "")
        #expect(output.stderr.contains("Error: --content: invalid content selector \"##\""))
    }

    @Test func aJSONLinesExportGivesAnArrayAndReportsItsBadLines() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let export = try folder.write(
            """
            {"id": "faq/senha", "title": "Trocar a senha", "body": "<p>Abra <b>Conta</b> e escolha Trocar senha.</p>", \
            "url": "https://ajuda.example/faq/senha", "category": "Conta", "product": "App", "tags": ["senha"]}
            {"id": 7, "body": "<p>Sem título</p>"}
            {"id": "faq/boleto", "title": "Segunda via do boleto", "body": "<p>Baixe o boleto.</p>", \
            "tags": "boleto, financeiro"}

            """, to: "export.jsonl")
        let output = try kb("parse", "--root", folder.url.path, export)
        #expect(output.status == 1, "\(output)")
        #expect(output.errorLines == ["export.jsonl:2: skipped: missing required field \"title\"."])

        let parsed = try JSONDecoder().decode([ParsedArticle].self, from: Data(output.stdout.utf8))
        #expect(
            parsed == [
                ParsedArticle(
                    id: "faq/senha", title: "Trocar a senha", headings: [],
                    body: "Abra Conta e escolha Trocar senha.\n",
                    summary: "Abra Conta e escolha Trocar senha.", url: "https://ajuda.example/faq/senha",
                    category: "Conta", product: "App", tags: ["senha"], updated: nil),
                ParsedArticle(
                    id: "faq/boleto", title: "Segunda via do boleto", headings: [], body: "Baixe o boleto.\n",
                    summary: "Baixe o boleto.", url: nil, category: nil, product: nil, tags: ["boleto", "financeiro"],
                    updated: nil),
            ])
    }
}

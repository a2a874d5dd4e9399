import Foundation
import KBTestSupport
import Testing

@testable import KBIndex

@Suite struct ArticleLinkTests {
    private func target(_ href: String, base: String? = nil, id: String = "conta/senha.html", url: String? = nil)
        -> String?
    {
        ArticleLink.target(of: href, baseHref: base, articleID: id, articleURL: url)
    }

    @Test func relativeLinksResolveAgainstTheArticlePath() {
        #expect(target("login.html") == "conta/login.html")
        #expect(target("../fiscal/nota fiscal.html#passo-2") == "fiscal/nota fiscal.html")
        #expect(target("./login.html?aba=1") == "conta/login.html")
        #expect(target("/fiscal/nfe.html") == "fiscal/nfe.html")
    }

    @Test func baseHrefAboveTheFolderIsClampedAtItsRoot() {
        // LibreOffice's help: <base href="../../"> and links that name the language folder.
        let resolved = target("pt-BR/text/shared/guide/x.html", base: "../../", id: "text/shared/main0108.html")
        #expect(resolved == "pt-BR/text/shared/guide/x.html")
    }

    @Test func linksThatCannotReachAnotherArticleAreNotLinks() {
        #expect(target("#passo-2") == nil)
        #expect(target("senha.html#topo") == nil)  // the page itself
        #expect(target("mailto:suporte@example.com") == nil)
        #expect(target("javascript:alert(1)") == nil)
        #expect(target("https://outro.example.com/ajuda") == nil)  // no URL of its own: another site
        #expect(target("") == nil)
    }

    @Test func absoluteLinksToTheArticlesOwnHostAreKept() {
        let url = "https://ajuda.example.com/artigos/42-senha"
        #expect(
            target("https://AJUDA.example.com/artigos/7-login#x", url: url)
                == "https://AJUDA.example.com/artigos/7-login")
        #expect(target("/artigos/7-login", url: url) == "https://ajuda.example.com/artigos/7-login")
        #expect(target("https://outro.example.com/artigos/7", url: url) == nil)
        #expect(target("#x", url: url) == nil)
        #expect(target(url + "#passo", url: url) == nil)
    }

    @Test func urlKeyDropsTheFragmentAndRejectsOtherSchemes() {
        #expect(ArticleLink.urlKey("https://ajuda.example.com/a#b") == "https://ajuda.example.com/a")
        #expect(ArticleLink.urlKey("https://ajuda.example.com/ação") == "https://ajuda.example.com/a%C3%A7%C3%A3o")
        #expect(ArticleLink.urlKey("ftp://ajuda.example.com/a") == nil)
        #expect(ArticleLink.urlKey("artigos/a") == nil)
    }

    @Test func parserKeepsInternalLinksWithTheirTextAndBodyRange() throws {
        let html = """
            <html><head><title>Senha</title><base href="../"></head><body>
            <h2><a href="conta/login.html">Entrar na conta</a></h2>
            <p>Veja <a href="fiscal/nfe.html#emitir">como emitir a  <b>nota</b></a> ou
            <a href="https://outro.example.com/">o site</a> e <a href="#topo">o topo</a>.</p>
            </body></html>
            """
        let article = try ArticleParser().parse(html: html, path: "conta/senha.html")
        #expect(article.links.map(\.target) == ["conta/login.html", "fiscal/nfe.html"])
        #expect(article.links.map(\.text) == ["Entrar na conta", "como emitir a nota"])
        let body = Array(article.body.utf8)
        for link in article.links {
            let text = String(decoding: body[link.bodyRange], as: UTF8.self)
            #expect(text.trimmingCharacters(in: .whitespacesAndNewlines) == link.text)
        }
    }

    @Test func jsonLinesArticlesResolveLinksAgainstTheirURL() throws {
        let line = """
            {"id": "42", "title": "Senha", "url": "https://ajuda.example.com/artigos/42", \
            "body": "<p>Antes, <a href=\\"/artigos/7\\">entre na conta</a>.</p>"}
            """
        let folder = try Fixtures.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("export.jsonl")
        try Data(line.utf8).write(to: file)
        let articles = JSONLinesArticleReader(parser: ArticleParser()).articles(contentsOf: file, path: "export.jsonl")
        let article = try #require(try articles.first?.get())
        #expect(
            article.links == [
                ArticleLink(
                    target: "https://ajuda.example.com/artigos/7", text: "entre na conta",
                    bodyRange: article.links.first?.bodyRange ?? 0..<0)
            ])
    }
}

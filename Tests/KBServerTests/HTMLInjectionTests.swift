import Foundation
import Hummingbird
import HummingbirdTesting
import KBSearch
import KBTestSupport
import Testing

@testable import kb_server

/// An article whose every field carries markup that tries to run script (`<script>`,
/// `<img onerror>`, `"><svg onload>`, a `javascript:` URL, a fake `</mark>`) comes out of the
/// API as plain text, except the snippet, which is escaped HTML whose only elements are `<mark>`.
@Suite("HTML in articles stays text")
struct HTMLInjectionTests {
    static let hostileID = "conta/injecao.html"

    /// The hostile article (`Fixtures/hostile-articles/`, also used by the browser test).
    /// Entities (`&lt;script&gt;`) are how markup ends up in an article's *text*; real elements
    /// (`<script>`, `<img>`) are dropped by the parser.
    static let hostileArticles = Fixtures.directory(of: "KBServerTests").appendingPathComponent("hostile-articles")

    /// A plain article on the same subject, so that related articles and rankings have company.
    static let plainArticle = """
        <!DOCTYPE html>
        <html lang="pt-BR"><head><meta charset="utf-8"><title>Como trocar a senha do portal</title>
        <meta name="kb:category" content="Conta e acesso"><meta name="kb:url" content="https://ajuda.example/senha">
        </head><body><main><h1>Como trocar a senha do portal</h1>
        <p>Abra o perfil, clique em trocar senha e confirme a senha nova.</p></main></body></html>
        """

    /// A folder holding the two articles.
    static func makeArticles() throws -> URL {
        let folder = try Fixtures.makeTemporaryDirectory("kb-html-injection")
        let conta = folder.appendingPathComponent("conta")
        try FileManager.default.createDirectory(at: conta, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: hostileArticles.appendingPathComponent(hostileID), to: folder.appendingPathComponent(hostileID))
        try plainArticle.write(to: conta.appendingPathComponent("trocar-senha.html"), atomically: true, encoding: .utf8)
        return folder
    }

    /// Runs `body` against a server over the two articles.
    static func withServer(_ body: @escaping @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        let articles = try makeArticles()
        defer { try? FileManager.default.removeItem(at: articles) }
        let server = try TestServer(articles: articles)
        defer { server.remove() }
        try await server.test(.router, body)
    }

    /// The problems of an API snippet: any element but `<mark>`, or an unescaped `"` or `'`.
    static func snippetProblems(_ snippet: String) -> [String] {
        var problems: [String] = []
        for match in snippet.matches(of: /<[^>]*>?/) where match.output != "<mark>" && match.output != "</mark>" {
            problems.append("markup \(match.output)")
        }
        let text = snippet.replacing("<mark>", with: "").replacing("</mark>", with: "")
        for character in ["<", ">", "\"", "'"] where text.contains(character) {
            problems.append("unescaped \(character)")
        }
        if snippet.components(separatedBy: "<mark>").count != snippet.components(separatedBy: "</mark>").count {
            problems.append("unbalanced <mark>")
        }
        return problems
    }

    @Test(arguments: [
        "/search?q=senha+onerror+svg", "/search?q=trocar+senha+perfil", "/search?q=pronto+nova+vale+hora+mark",
        "/search?q=script", "/search?q=alert", "/suggest?subject=trocar+senha+perfil+onerror",
        "/suggest?subject=senha+script+alert+svg+onload",
    ])
    func snippetsAreEscapedExceptMark(uri: String) async throws {
        try await Self.withServer { client in
            try await client.execute(uri: uri, method: .get) { response in
                #expect(response.status == .ok, "\(uri)")
                let body = try JSONDecoder().decode(SearchResponse.self, from: Data(response.body.readableBytesView))
                let hit = try #require(body.hits.first { $0.id == Self.hostileID }, "\(uri): no hostile hit")
                #expect(Self.snippetProblems(hit.snippet).isEmpty, "\(uri): \(hit.snippet)")
                #expect(
                    hit.snippet.contains("&lt;"), "\(uri): the article's markup-like text is missing: \(hit.snippet)")
                #expect(hit.title == "Senha <script>alert('titulo')</script> \"><svg onload=alert(1)>")
                #expect(hit.summary == "Resumo da senha <img src=x onerror=alert('resumo')>")
                #expect(hit.category == "Conta <script>alert('categoria')</script>")
                #expect(hit.product == "\"><svg onload=alert('produto')>")
                #expect(hit.url == nil, "\(uri): a javascript: URL was given out")
                let plain = body.hits.first { $0.id == "conta/trocar-senha.html" }
                #expect(plain == nil || plain?.url == "https://ajuda.example/senha")
            }
        }
    }

    @Test func markupInTheBodyIsEscapedEvenWhenItSpellsMark() async throws {
        try await Self.withServer { client in
            try await client.execute(uri: "/search?q=pronto+nova+vale+hora", method: .get) { response in
                let body = try JSONDecoder().decode(SearchResponse.self, from: Data(response.body.readableBytesView))
                let hit = try #require(body.hits.first { $0.id == Self.hostileID })
                let text = hit.snippet.replacing("<mark>", with: "").replacing("</mark>", with: "")
                #expect(text.contains("&lt;/mark&gt;&lt;mark&gt;"), "\(hit.snippet)")
            }
            try await client.execute(uri: "/search?q=perfil+onerror", method: .get) { response in
                let body = try JSONDecoder().decode(SearchResponse.self, from: Data(response.body.readableBytesView))
                let hit = try #require(body.hits.first { $0.id == Self.hostileID })
                let text = hit.snippet.replacing("<mark>", with: "").replacing("</mark>", with: "")
                #expect(text.contains("&lt;img src=x onerror=alert(&#39;corpo&#39;)&gt;"), "\(hit.snippet)")
                #expect(text.contains("&amp;lt;b&amp;gt;"), "an entity in the text is escaped again: \(hit.snippet)")
            }
        }
    }

    @Test func articleFieldsArePlainTextAndTheURLIsLeftOut() async throws {
        try await Self.withServer { client in
            try await client.execute(uri: "/articles/" + Self.hostileID, method: .get) { response in
                #expect(response.status == .ok)
                let article = try JSONDecoder().decode(
                    ArticleResponse.self, from: Data(response.body.readableBytesView))
                #expect(article.title == "Senha <script>alert('titulo')</script> \"><svg onload=alert(1)>")
                #expect(
                    article.headings == [
                        "Senha <script>alert('h1')</script>", "\"><svg onload=alert('h2')> Trocar a senha",
                    ])
                #expect(article.tags == ["senha", "<img src=x onerror=alert('tag')>"])
                #expect(article.body.contains("<img src=x onerror=alert('corpo')>"))
                #expect(!article.body.contains("script real") && !article.body.contains("img real"))
                #expect(article.url == nil)
                #expect(response.headers[.xContentTypeOptions] == "nosniff")
                #expect(response.headers[.contentType] == "application/json; charset=utf-8")
            }
            try await client.execute(uri: "/articles/conta/trocar-senha.html/related", method: .get) { response in
                #expect(response.status == .ok)
                let related = try JSONDecoder().decode(
                    RelatedArticlesResponse.self, from: Data(response.body.readableBytesView))
                let hit = try #require(related.hits.first { $0.id == Self.hostileID })
                #expect(Self.snippetProblems(hit.snippet).isEmpty, "\(hit.snippet)")
                #expect(hit.url == nil)
            }
        }
    }

    @Test func theSnippetCheckCatchesMarkup() {
        #expect(Self.snippetProblems("a <mark>b</mark> &lt;c&gt;").isEmpty)
        #expect(
            Self.snippetProblems("a <img src=x onerror=alert(1)>") == [
                "markup <img src=x onerror=alert(1)>", "unescaped <", "unescaped >",
            ])
        #expect(Self.snippetProblems("<mark>a") == ["unbalanced <mark>"])
        #expect(Self.snippetProblems("it's") == ["unescaped '"])
    }
}

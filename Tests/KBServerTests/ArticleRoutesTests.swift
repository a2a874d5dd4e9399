import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import kb_server

@Suite("GET /articles/{id} and /articles/{id}/related")
struct ArticleRoutesTests {
    @Test(arguments: ["/articles/conta/redefinir-senha.html", "/articles/conta%2Fredefinir-senha.html"])
    func returnsTheStoredArticle(uri: String) async throws {
        let server = try TestServer()
        defer { server.remove() }
        try await server.test { client in
            try await client.execute(uri: uri, method: .get) { response in
                #expect(response.status == .ok)
                let article = try JSONDecoder().decode(
                    ArticleResponse.self, from: Data(response.body.readableBytesView))
                #expect(article.id == "conta/redefinir-senha.html")
                #expect(article.title == "Como redefinir a senha esquecida")
                #expect(article.category == "Conta e acesso")
                #expect(article.tags.contains("senha"))
                #expect(article.updated == "2026-04-02")
                #expect(article.body.contains("Esqueceu a senha"))
            }
        }
    }

    @Test(arguments: [
        "/articles/conta/nao-existe.html", "/articles/nada", "/articles/conta/redefinir-senha.html/extra",
        "/articles/conta/nao-existe.html/related",
    ])
    func answers404ForAnUnknownArticle(uri: String) async throws {
        let server = try TestServer()
        defer { server.remove() }
        try await server.test { client in
            try await client.execute(uri: uri, method: .get) { response in
                #expect(response.status == .notFound)
                #expect(response.errorCode == "article_not_found", "\(response.text)")
            }
        }
    }

    @Test(arguments: ["/articles/conta/%C3%28.html", "/articles/conta/%2", "/articles/%C3%28/related"])
    func answers400ForABadlyEncodedID(uri: String) async throws {
        let server = try TestServer()
        defer { server.remove() }
        try await server.test { client in
            try await client.execute(uri: uri, method: .get) { response in
                #expect(response.status == .badRequest)
                #expect(response.errorCode == "invalid_encoding")
            }
        }
    }

    @Test func returnsRelatedArticles() async throws {
        let server = try TestServer()
        defer { server.remove() }
        try await server.test { client in
            try await client.execute(uri: "/articles/conta/redefinir-senha.html/related?limit=3", method: .get) {
                response in
                #expect(response.status == .ok, "\(response.text)")
                let related = try JSONDecoder().decode(
                    RelatedArticlesResponse.self, from: Data(response.body.readableBytesView))
                #expect(related.id == "conta/redefinir-senha.html")
                #expect((1...3).contains(related.hits.count))
                #expect(!related.hits.contains { $0.id == "conta/redefinir-senha.html" })
            }
        }
    }

    @Test(arguments: ["limit=0", "limit=21", "limit=abc"])
    func rejectsABadRelatedLimit(query: String) async throws {
        let server = try TestServer()
        defer { server.remove() }
        try await server.test { client in
            try await client.execute(uri: "/articles/conta/redefinir-senha.html/related?\(query)", method: .get) {
                response in
                #expect(response.status == .badRequest)
                #expect(response.errorCode == "invalid_parameter")
            }
        }
    }
}

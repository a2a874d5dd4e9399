import Foundation
import Hummingbird
import HummingbirdTesting
import KBTestSupport
import Testing

@testable import kb_server

@Suite("POST /admin/reindex")
struct AdminRoutesTests {
    @Test func doesNotExistWithoutAConfiguredToken() async throws {
        let server = try TestServer()
        defer { server.remove() }
        try await server.test { client in
            try await client.execute(
                uri: "/admin/reindex", method: .post, headers: [.authorization: "Bearer anything"]
            ) { response in
                #expect(response.status == .notFound)
                #expect(response.errorCode == "not_found")
            }
        }
    }

    @Test(arguments: [
        nil, "Bearer wrong", "Bearer s3cret-but-longer", "Bearer s3cre", "Basic czNjcmV0", "s3cret", "Bearer ",
    ])
    func refusesAMissingOrWrongToken(authorization: String?) async throws {
        let server = try TestServer { $0.adminToken = "s3cret" }
        defer { server.remove() }
        var fields: HTTPFields = [:]
        if let authorization { fields[.authorization] = authorization }
        let headers = fields
        try await server.test { client in
            try await client.execute(uri: "/admin/reindex", method: .post, headers: headers) { response in
                #expect(response.status == .unauthorized)
                #expect(response.errorCode == "unauthorized")
                #expect(response.headers[.wwwAuthenticate]?.hasPrefix("Bearer") == true)
            }
        }
        #expect(server.holder.metrics.reloads.value(["admin"]) == 0)
    }

    @Test func rebuildsFromTheArticlesFolderAndSwaps() async throws {
        // The articles folder holds only the "conta" articles: the rebuilt index is smaller.
        let articles = try Fixtures.makeTemporaryDirectory("kb-server-articles")
        defer { try? FileManager.default.removeItem(at: articles) }
        try FileManager.default.copyItem(
            at: Fixtures.articles.appendingPathComponent("conta"), to: articles.appendingPathComponent("conta"))
        let server = try TestServer {
            $0.adminToken = "s3cret"
            $0.articlesPath = articles.path
        }
        defer { server.remove() }
        let before = server.holder.current.reader.documentCount
        try await server.test { client in
            try await client.execute(
                uri: "/admin/reindex", method: .post, headers: [.authorization: "bearer s3cret"]
            ) { response in
                #expect(response.status == .ok, "\(response.text)")
                let summary = try JSONDecoder().decode(
                    ReindexResponse.self, from: Data(response.body.readableBytesView))
                #expect(summary.indexed == 11)
                #expect(summary.documents == 11)
                #expect(summary.skipped == 0)
            }
            try await client.execute(uri: "/healthz", method: .get) { response in
                let health = try JSONDecoder().decode(HealthResponse.self, from: Data(response.body.readableBytesView))
                #expect(health.index.documents == 11)
            }
            try await client.execute(uri: "/articles/chamados/abrir-chamado.html", method: .get) { response in
                #expect(response.status == .notFound)
            }
        }
        #expect(before == 46)
        #expect(server.holder.metrics.reloads.value(["admin"]) == 1)
    }

    @Test func keepsServingWhenTheRebuildFails() async throws {
        let server = try TestServer {
            $0.adminToken = "s3cret"
            $0.articlesPath = "/nonexistent/kb-articles"
        }
        defer { server.remove() }
        try await server.test { client in
            try await client.execute(
                uri: "/admin/reindex", method: .post, headers: [.authorization: "Bearer s3cret"]
            ) { response in
                #expect(response.status == .internalServerError)
                #expect(response.errorCode == "reindex_failed")
                #expect(!response.text.contains("/nonexistent"))
            }
            try await client.execute(uri: "/search?q=senha", method: .get) { response in
                #expect(response.status == .ok)
            }
        }
        #expect(server.holder.current.reader.documentCount == 46)
    }
}

@Suite struct AdminTokenTests {
    @Test func acceptsOnlyTheExactBearerToken() throws {
        let token = try #require(AdminToken("s3cret"))
        #expect(token.authorizes("Bearer s3cret"))
        #expect(token.authorizes("BEARER s3cret"))
        #expect(!token.authorizes("Bearer s3cret "))
        #expect(!token.authorizes("Bearer S3cret"))
        #expect(!token.authorizes("Bearer s3cre"))
        #expect(!token.authorizes("Bearer"))
        #expect(!token.authorizes("Bearers3cret"))
        #expect(!token.authorizes(nil))
        #expect(!token.authorizes("Bearer " + String(repeating: "s", count: 256 + 6)))
    }

    @Test func isOffWithoutASecret() {
        #expect(AdminToken(nil) == nil)
        #expect(AdminToken("") == nil)
    }
}

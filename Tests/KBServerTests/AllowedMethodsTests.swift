import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import kb_server

@Suite("405 for a known path asked with another method")
struct AllowedMethodsTests {
    @Test(arguments: [
        ("/search?q=senha", HTTPRequest.Method.delete, "GET, HEAD"),
        ("/search", .post, "GET, HEAD"),
        ("/suggest", .put, "GET, HEAD, POST"),
        ("/articles/conta/redefinir-senha.html", .patch, "GET, HEAD"),
        ("/articles/conta/redefinir-senha.html/related", .post, "GET, HEAD"),
        ("/healthz", .options, "GET, HEAD"),
        ("/", .trace, "GET, HEAD"),
        ("/admin/reindex", .get, "POST"),
    ])
    func answers405WithAllow(uri: String, method: HTTPRequest.Method, allow: String) async throws {
        let server = try TestServer { $0.adminToken = "s3cret" }
        defer { server.remove() }
        try await server.test { client in
            try await client.execute(uri: uri, method: method) { response in
                #expect(response.status == .methodNotAllowed, "\(method) \(uri)")
                #expect(response.headers[.allow] == allow, "\(method) \(uri)")
                #expect(response.errorCode == "method_not_allowed")
            }
        }
    }

    @Test func unknownPathsAndTheHiddenAdminRouteStay404() async throws {
        let server = try TestServer()
        defer { server.remove() }
        try await server.test { client in
            try await client.execute(uri: "/nothing", method: .delete) { #expect($0.status == .notFound) }
            try await client.execute(uri: "/admin/reindex", method: .get) { #expect($0.status == .notFound) }
            try await client.execute(uri: "/articles", method: .delete) { #expect($0.status == .notFound) }
        }
    }

    @Test(arguments: [
        ("/articles/**", "/articles/a", true), ("/articles/**", "/articles/a/b/related", true),
        ("/articles/**", "/articles", false), ("/search", "/search", true), ("/search", "/search/x", false),
        ("/", "/", true), ("/", "/x", false), ("/static/app.js", "/static/app.js", true),
    ])
    func matchesRouteTemplates(template: String, path: String, matches: Bool) {
        let segments = path.split(separator: "/", omittingEmptySubsequences: true)
        #expect(AllowedMethods.matches(RouterPath(template), segments) == matches)
    }
}

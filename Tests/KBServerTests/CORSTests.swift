import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import kb_server

@Suite("CORS for the portal's origin")
struct CORSTests {
    static let portal = "https://portal.example.com"

    @Test func allowsTheConfiguredOriginOnly() async throws {
        let server = try TestServer { $0.corsOrigin = Self.portal }
        defer { server.remove() }
        try await server.test { client in
            try await client.execute(
                uri: "/suggest?subject=senha", method: .get, headers: [.origin: Self.portal]
            ) { response in
                #expect(response.headers[.accessControlAllowOrigin] == Self.portal)
                #expect(response.headers[.vary]?.contains("Origin") == true)
            }
            try await client.execute(
                uri: "/suggest?subject=senha", method: .get, headers: [.origin: "https://evil.example.com"]
            ) { response in
                #expect(response.headers[.accessControlAllowOrigin] == nil)
            }
            try await client.execute(uri: "/suggest?subject=senha", method: .get) { response in
                #expect(response.headers[.accessControlAllowOrigin] == nil)
            }
        }
    }

    @Test func answersThePreflightOfAJSONPost() async throws {
        let server = try TestServer { $0.corsOrigin = Self.portal }
        defer { server.remove() }
        try await server.test { client in
            try await client.execute(
                uri: "/suggest", method: .options,
                headers: [
                    .origin: Self.portal, .accessControlRequestMethod: "POST",
                    .accessControlRequestHeaders: "content-type",
                ]
            ) { response in
                #expect(response.status == .noContent || response.status == .ok)
                #expect(response.headers[.accessControlAllowOrigin] == Self.portal)
                #expect(response.headers[.accessControlAllowMethods]?.contains("POST") == true)
                #expect(response.headers[.accessControlAllowHeaders]?.lowercased().contains("content-type") == true)
            }
        }
    }

    @Test func errorResponsesCarryTheHeaderToo() async throws {
        let server = try TestServer { $0.corsOrigin = Self.portal }
        defer { server.remove() }
        try await server.test { client in
            try await client.execute(uri: "/suggest", method: .get, headers: [.origin: Self.portal]) { response in
                #expect(response.status == .badRequest)
                #expect(response.headers[.accessControlAllowOrigin] == Self.portal)
            }
        }
    }

    @Test func sendsNoCORSHeadersWhenNoOriginIsConfigured() async throws {
        let server = try TestServer()
        defer { server.remove() }
        try await server.test { client in
            try await client.execute(uri: "/search?q=senha", method: .get, headers: [.origin: Self.portal]) {
                response in
                #expect(response.headers[.accessControlAllowOrigin] == nil)
            }
        }
    }
}

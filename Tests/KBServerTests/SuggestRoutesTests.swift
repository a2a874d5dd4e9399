import Foundation
import Hummingbird
import HummingbirdTesting
import KBSearch
import Testing

@testable import kb_server

@Suite("GET and POST /suggest")
struct SuggestRoutesTests {
    @Test func suggestsFromTheQueryString() async throws {
        let server = try TestServer()
        defer { server.remove() }
        try await server.test { client in
            try await client.execute(uri: "/suggest?subject=esqueci+minha+senha&limit=3", method: .get) { response in
                #expect(response.status == .ok, "\(response.text)")
                let body = try JSONDecoder().decode(SearchResponse.self, from: Data(response.body.readableBytesView))
                #expect(body.query == "esqueci minha senha")
                #expect((1...3).contains(body.hits.count))
                #expect(body.facets == nil)
            }
        }
    }

    @Test func suggestsFromAJSONBody() async throws {
        let server = try TestServer()
        defer { server.remove() }
        let body = try JSONSerialization.data(withJSONObject: [
            "subject": "esqueci minha senha", "description": "não consigo entrar no portal", "limit": 2,
        ])
        try await server.test { client in
            try await client.execute(
                uri: "/suggest", method: .post, headers: [.contentType: "application/json; charset=utf-8"],
                body: ByteBuffer(bytes: body)
            ) { response in
                #expect(response.status == .ok, "\(response.text)")
                let decoded = try JSONDecoder().decode(SearchResponse.self, from: Data(response.body.readableBytesView))
                #expect(decoded.query == "esqueci minha senha")
                #expect((1...2).contains(decoded.hits.count))
            }
        }
    }

    /// A description far longer than a URL can carry (60 KB) goes in the body.
    @Test func acceptsADescriptionTooLongForAURL() async throws {
        let server = try TestServer()
        defer { server.remove() }
        let description = String(repeating: "Quando tento entrar no portal aparece senha inválida. ", count: 1_100)
        let body = try JSONSerialization.data(withJSONObject: ["subject": "senha inválida", "description": description])
        #expect(body.count > ServerConfiguration.maximumURILength)
        #expect(body.count <= ServerConfiguration.maximumBodySize)
        try await server.test { client in
            try await client.execute(
                uri: "/suggest", method: .post, headers: [.contentType: "application/json"],
                body: ByteBuffer(bytes: body)
            ) { response in
                #expect(response.status == .ok, "\(response.text.prefix(200))")
                let decoded = try JSONDecoder().decode(SearchResponse.self, from: Data(response.body.readableBytesView))
                #expect(decoded.hits.count <= SearchRoutes<BasicRequestContext>.defaultSuggestionLimit)
            }
        }
    }

    @Test(arguments: [
        ("/suggest", "missing_parameter"),
        ("/suggest?description=senha", "missing_parameter"),
        ("/suggest?subject=senha&limit=0", "invalid_parameter"),
        ("/suggest?subject=senha&limit=21", "invalid_parameter"),
        ("/suggest?subject=senha&limit=x", "invalid_parameter"),
        ("/suggest?subject=" + String(repeating: "a", count: 2_049), "parameter_too_long"),
        ("/suggest?subject=%C3%28", "invalid_encoding"),
    ])
    func rejectsBadQueryStrings(uri: String, code: String) async throws {
        let server = try TestServer()
        defer { server.remove() }
        try await server.test { client in
            try await client.execute(uri: uri, method: .get) { response in
                #expect(response.status == .badRequest, "\(uri)")
                #expect(response.errorCode == code, "\(uri): \(response.text)")
            }
        }
    }

    @Test(arguments: [
        ("{\"subject\": ", "invalid_json"),
        ("not json", "invalid_json"),
        ("[]", "invalid_json"),
        ("{}", "invalid_json"),
        ("{\"subject\": 42}", "invalid_json"),
        ("{\"subject\": \"senha\", \"limit\": \"5\"}", "invalid_json"),
        ("{\"subject\": \"senha\", \"limit\": 0}", "invalid_parameter"),
        ("{\"subject\": \"senha\", \"limit\": 21}", "invalid_parameter"),
        ("{\"subject\": \"" + String(repeating: "a", count: 2_049) + "\"}", "parameter_too_long"),
    ])
    func rejectsBadBodies(body: String, code: String) async throws {
        let server = try TestServer()
        defer { server.remove() }
        try await server.test { client in
            try await client.execute(
                uri: "/suggest", method: .post, headers: [.contentType: "application/json"],
                body: ByteBuffer(string: body)
            ) { response in
                #expect(response.status == .badRequest, "\(body.prefix(40))")
                #expect(response.errorCode == code, "\(body.prefix(40)): \(response.text)")
            }
        }
    }

    @Test func rejectsInvalidUTF8InTheBody() async throws {
        let server = try TestServer()
        defer { server.remove() }
        let bytes = Array("{\"subject\": \"".utf8) + [0xC3, 0x28] + Array("\"}".utf8)
        try await server.test { client in
            try await client.execute(
                uri: "/suggest", method: .post, headers: [.contentType: "application/json"],
                body: ByteBuffer(bytes: bytes)
            ) { response in
                #expect(response.status == .badRequest)
                #expect(response.errorCode == "invalid_json")
            }
        }
    }

    @Test(arguments: [nil, "text/plain", "application/x-www-form-urlencoded", "application/jsonp"])
    func rejectsBodiesThatAreNotDeclaredAsJSON(contentType: String?) async throws {
        let server = try TestServer()
        defer { server.remove() }
        var fields: HTTPFields = [:]
        if let contentType { fields[.contentType] = contentType }
        let headers = fields
        try await server.test { client in
            try await client.execute(
                uri: "/suggest", method: .post, headers: headers, body: ByteBuffer(string: "{\"subject\": \"senha\"}")
            ) { response in
                #expect(response.status == .unsupportedMediaType)
                #expect(response.errorCode == "unsupported_media_type")
            }
        }
    }

    @Test func rejectsABodyOver64KB() async throws {
        let server = try TestServer()
        defer { server.remove() }
        let description = String(repeating: "a", count: 64 * 1024)
        let body = "{\"subject\": \"senha\", \"description\": \"\(description)\"}"
        try await server.test { client in
            try await client.execute(
                uri: "/suggest", method: .post, headers: [.contentType: "application/json"],
                body: ByteBuffer(string: body)
            ) { response in
                #expect(response.status == .contentTooLarge)
                #expect(response.errorCode == "body_too_large")
            }
        }
    }
}

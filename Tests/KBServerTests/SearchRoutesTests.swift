import Foundation
import Hummingbird
import HummingbirdTesting
import KBSearch
import KBTestSupport
import Testing

@testable import kb_server

@Suite("GET /search")
struct SearchRoutesTests {
    @Test func returnsHitsTotalAndFacets() async throws {
        let server = try TestServer()
        defer { server.remove() }
        try await server.test { client in
            try await client.execute(uri: "/search?q=senha&limit=3", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "application/json; charset=utf-8")
                let body = try JSONDecoder().decode(SearchResponse.self, from: Data(response.body.readableBytesView))
                #expect(body.query == "senha")
                #expect(body.hits.count == 3)
                #expect(body.total >= 3)
                #expect(body.hits.allSatisfy { !$0.id.isEmpty && !$0.title.isEmpty })
                #expect(body.hits.first?.snippet.contains("<mark>") == true)
                let facets = try #require(body.facets)
                #expect(facets.category.values.reduce(0, +) == body.total)
            }
        }
    }

    @Test func pagesWithLimitAndOffset() async throws {
        let server = try TestServer()
        defer { server.remove() }
        try await server.test { client in
            let all = try await client.execute(uri: "/search?q=senha&limit=4", method: .get) {
                try JSONDecoder().decode(SearchResponse.self, from: Data($0.body.readableBytesView))
            }
            let page = try await client.execute(uri: "/search?q=senha&limit=2&offset=2", method: .get) {
                try JSONDecoder().decode(SearchResponse.self, from: Data($0.body.readableBytesView))
            }
            #expect(page.hits.map(\.id) == all.hits.dropFirst(2).map(\.id))
        }
    }

    @Test func filtersByCategoryProductAndRepeatedTags() async throws {
        let server = try TestServer()
        defer { server.remove() }
        try await server.test { client in
            let category = try await client.execute(
                uri: "/search?q=senha&category=Conta+e+acesso&product=Portal%20do%20Cliente", method: .get
            ) { try JSONDecoder().decode(SearchResponse.self, from: Data($0.body.readableBytesView)) }
            #expect(!category.hits.isEmpty)
            #expect(category.hits.allSatisfy { $0.category == "Conta e acesso" && $0.product == "Portal do Cliente" })
            let oneTag = try await client.execute(uri: "/search?q=senha&tag=senha", method: .get) {
                try JSONDecoder().decode(SearchResponse.self, from: Data($0.body.readableBytesView))
            }
            let twoTags = try await client.execute(uri: "/search?q=senha&tag=senha&tag=login", method: .get) {
                try JSONDecoder().decode(SearchResponse.self, from: Data($0.body.readableBytesView))
            }
            #expect(twoTags.total >= 1)
            #expect(twoTags.total < oneTag.total)
            #expect(Set(twoTags.hits.map(\.id)).isSubset(of: Set(oneTag.hits.map(\.id))))
        }
    }

    @Test func prefixFalseTurnsOffLastWordCompletion() async throws {
        let server = try TestServer()
        defer { server.remove() }
        try await server.test { client in
            let completed = try await client.execute(uri: "/search?q=redefin", method: .get) {
                try JSONDecoder().decode(SearchResponse.self, from: Data($0.body.readableBytesView))
            }
            let exact = try await client.execute(uri: "/search?q=redefin&prefix=false", method: .get) {
                try JSONDecoder().decode(SearchResponse.self, from: Data($0.body.readableBytesView))
            }
            #expect(completed.total > exact.total)
        }
    }

    @Test func decodesPlusAsSpaceAndUTF8Escapes() async throws {
        let server = try TestServer()
        defer { server.remove() }
        try await server.test { client in
            try await client.execute(uri: "/search?q=n%C3%A3o+consigo%20entrar", method: .get) { response in
                #expect(response.status == .ok)
                let body = try JSONDecoder().decode(SearchResponse.self, from: Data(response.body.readableBytesView))
                #expect(body.query == "não consigo entrar")
            }
        }
    }

    @Test func emptyQueryFindsNothing() async throws {
        let server = try TestServer()
        defer { server.remove() }
        try await server.test { client in
            try await client.execute(uri: "/search?q=", method: .get) { response in
                #expect(response.status == .ok)
                let body = try JSONDecoder().decode(SearchResponse.self, from: Data(response.body.readableBytesView))
                #expect(body.hits.isEmpty)
            }
        }
    }

    @Test func acceptsAQueryOfExactlyTheMaximumLength() async throws {
        let server = try TestServer()
        defer { server.remove() }
        let query = String(repeating: "senha ", count: 2_048 / 6) + String(repeating: "x", count: 2_048 % 6)
        #expect(query.utf8.count == 2_048)
        try await server.test { client in
            try await client.execute(uri: "/search?q=\(query.replacing(" ", with: "+"))", method: .get) { response in
                #expect(response.status == .ok)
            }
            // The limit counts characters, as openapi.yaml's maxLength does: 2,048 "ã" is 4 KB.
            try await client.execute(uri: "/search?q=" + String(repeating: "%C3%A3", count: 2_048), method: .get) {
                #expect($0.status == .ok)
            }
        }
    }

    /// Every kind of bad input is a 400 with a JSON error, never a 500.
    @Test(arguments: [
        ("/search", "missing_parameter"),
        ("/search?limit=5", "missing_parameter"),
        ("/search?q=" + String(repeating: "a", count: 2_049), "parameter_too_long"),
        ("/search?q=" + String(repeating: "%C3%A3", count: 2_049), "parameter_too_long"),
        ("/search?q=senha&limit=-1", "invalid_parameter"),
        ("/search?q=senha&limit=abc", "invalid_parameter"),
        ("/search?q=senha&limit=", "invalid_parameter"),
        ("/search?q=senha&limit=0", "invalid_parameter"),
        ("/search?q=senha&limit=101", "invalid_parameter"),
        ("/search?q=senha&limit=1.5", "invalid_parameter"),
        ("/search?q=senha&limit=%2B5", "invalid_parameter"),
        ("/search?q=senha&limit=99999999999999999999999", "invalid_parameter"),
        ("/search?q=senha&offset=-1", "invalid_parameter"),
        ("/search?q=senha&offset=1001", "invalid_parameter"),
        ("/search?q=senha&offset=ten", "invalid_parameter"),
        ("/search?q=senha&prefix=maybe", "invalid_parameter"),
        ("/search?q=%C3%28", "invalid_encoding"),
        ("/search?q=%FF", "invalid_encoding"),
        ("/search?q=%ZZ", "invalid_encoding"),
        ("/search?q=abc%", "invalid_encoding"),
        ("/search?q=abc%4", "invalid_encoding"),
        ("/search?q%C3%28=senha", "invalid_encoding"),
        ("/search?q=senha&category=" + String(repeating: "c", count: 257), "parameter_too_long"),
        ("/search?q=senha" + String(repeating: "&tag=a", count: 17), "invalid_parameter"),
    ])
    func rejectsBadInput(uri: String, code: String) async throws {
        let server = try TestServer()
        defer { server.remove() }
        try await server.test { client in
            try await client.execute(uri: uri, method: .get) { response in
                #expect(response.status == .badRequest, "\(uri)")
                #expect(response.errorCode == code, "\(uri): \(response.text)")
                #expect(response.headers[.contentType] == "application/json; charset=utf-8")
            }
        }
    }

    @Test func randomQueriesNeverFail() async throws {
        var generator = SeededGenerator(seed: 20_261_124)
        let server = try TestServer()
        defer { server.remove() }
        let queries = (0..<200).map { _ in RandomText.make(using: &generator, maximumLength: 60) }
        try await server.test { client in
            for query in queries {
                let encoded = query.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
                try await client.execute(uri: "/search?q=\(encoded)&limit=5", method: .get) { response in
                    #expect(response.status == .ok, "seed 20261124, query \(query.debugDescription)")
                }
            }
        }
    }
}

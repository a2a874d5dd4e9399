import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import kb_server

/// Real responses checked against `openapi.yaml`: the status is documented for the operation,
/// the content type is the documented one, and a JSON body matches the documented schema.
@Suite("openapi.yaml")
struct OpenAPIConformanceTests {
    /// One request and the path template it exercises.
    struct Exchange: Sendable, CustomStringConvertible {
        var template: String
        var method: HTTPRequest.Method
        var uri: String
        var headers: HTTPFields = [:]
        var body: String?

        var description: String { "\(method) \(uri.prefix(80))" }
    }

    static let exchanges: [Exchange] = [
        Exchange(template: "/search", method: .get, uri: "/search?q=senha&limit=3"),
        Exchange(template: "/search", method: .get, uri: "/search?q=xyzzy"),
        Exchange(template: "/search", method: .get, uri: "/search?q=senah"),
        Exchange(
            template: "/search", method: .get, uri: "/search?q=senha&category=Conta+e+acesso&tag=senha&prefix=false"),
        Exchange(template: "/search", method: .get, uri: "/search"),
        Exchange(template: "/search", method: .get, uri: "/search?q=senha&limit=500"),
        Exchange(template: "/search", method: .get, uri: "/search?q=%C3%28"),
        Exchange(template: "/search", method: .get, uri: "/search?q=" + String(repeating: "a", count: 17_000)),
        Exchange(template: "/suggest", method: .get, uri: "/suggest?subject=esqueci+minha+senha"),
        Exchange(template: "/suggest", method: .get, uri: "/suggest?subject=senha&limit=50"),
        Exchange(
            template: "/suggest", method: .post, uri: "/suggest", headers: [.contentType: "application/json"],
            body: "{\"subject\": \"não consigo anexar arquivo\", \"description\": \"o anexo tem 50 MB\"}"),
        Exchange(
            template: "/suggest", method: .post, uri: "/suggest", headers: [.contentType: "application/json"],
            body: "{\"subject\": \"senha\", \"description\": null, \"limit\": null}"),
        Exchange(
            template: "/suggest", method: .post, uri: "/suggest", headers: [.contentType: "application/json"],
            body: "{\"subject\": "),
        Exchange(
            template: "/suggest", method: .post, uri: "/suggest", headers: [.contentType: "text/plain"],
            body: "senha"),
        Exchange(
            template: "/suggest", method: .post, uri: "/suggest", headers: [.contentType: "application/json"],
            body: String(repeating: " ", count: 70_000)),
        Exchange(template: "/articles/{id}", method: .get, uri: "/articles/conta/redefinir-senha.html"),
        Exchange(template: "/articles/{id}", method: .get, uri: "/articles/portal/projetos.html"),
        Exchange(template: "/articles/{id}", method: .get, uri: "/articles/conta/nao-existe.html"),
        Exchange(template: "/articles/{id}", method: .get, uri: "/articles/%C3%28"),
        Exchange(template: "/articles/{id}/related", method: .get, uri: "/articles/conta/redefinir-senha.html/related"),
        Exchange(template: "/articles/{id}/related", method: .get, uri: "/articles/nao-existe.html/related"),
        Exchange(template: "/healthz", method: .get, uri: "/healthz"),
        Exchange(template: "/metrics", method: .get, uri: "/metrics"),
        Exchange(template: "/admin/reindex", method: .post, uri: "/admin/reindex"),
        Exchange(
            template: "/admin/reindex", method: .post, uri: "/admin/reindex",
            headers: [.authorization: "Bearer s3cret"]),
        Exchange(template: "/", method: .get, uri: "/"),
        Exchange(template: "/static/app.js", method: .get, uri: "/static/app.js"),
        Exchange(template: "/static/style.css", method: .get, uri: "/static/style.css"),
        Exchange(template: "/favicon.ico", method: .get, uri: "/favicon.ico"),
    ]

    @Test func documentsEveryEndpointTheServerHas() throws {
        let document = try OpenAPIDocument.load()
        #expect(Set(document.paths) == Set(Self.exchanges.map(\.template)))
        #expect(document.root["openapi"]?.string == "3.1.0")
    }

    @Test(arguments: exchanges)
    func responsesMatchTheSchemas(exchange: Exchange) async throws {
        let document = try OpenAPIDocument.load()
        let server = try TestServer { $0.adminToken = "s3cret" }
        defer { server.remove() }
        try await server.test { client in
            try await client.execute(
                uri: exchange.uri, method: exchange.method, headers: exchange.headers,
                body: exchange.body.map { ByteBuffer(string: $0) }
            ) { response in
                let status = response.status.code
                guard let documented = document.response(exchange.template, exchange.method.rawValue, status: status)
                else {
                    Issue.record("\(exchange): status \(status) is not documented")
                    return
                }
                guard let content = documented["content"] else {
                    #expect(response.body.readableBytes == 0, "\(exchange): undocumented body")
                    return
                }
                let mediaType = try #require(response.headers[.contentType]).split(separator: ";").first.map(
                    String.init)
                let entry = try #require(
                    content[mediaType ?? ""], "\(exchange): \(mediaType ?? "none") is not documented")
                guard mediaType == "application/json", let schema = entry["schema"] else { return }
                let value = try JSONDecoder().decode(JSONValue.self, from: Data(response.body.readableBytesView))
                let problems = document.problems(value, schema)
                #expect(problems.isEmpty, "\(exchange): \(problems.joined(separator: "; "))")
            }
        }
    }

    @Test func theValidatorCatchesWrongResponses() throws {
        let document = try OpenAPIDocument.load()
        let schema = YAMLSubset.Node.mapping([("$ref", .scalar("#/components/schemas/SearchResponse"))])
        let wrong = try JSONDecoder().decode(
            JSONValue.self,
            from: Data(
                #"{"query": 1, "total": 2, "hits": [{"id": "a"}], "extra": true, "did_you_mean": "senha"}"#.utf8))
        let problems = document.problems(wrong, schema)
        #expect(problems.contains("$.query: integer is not string"))
        #expect(problems.contains("$: the required property \"took_ms\" is missing"))
        #expect(problems.contains("$.hits[0]: the required property \"title\" is missing"))
        #expect(problems.contains("$: the property \"extra\" is not documented"))
        #expect(!problems.contains { $0.hasPrefix("$.did_you_mean") })
    }
}

@Suite struct YAMLSubsetTests {
    @Test func readsTheSubset() throws {
        let node = try YAMLSubset.parse(
            """
            # comment
            a: 1
            'b': "two: 2"
            list:
              - x
              - name: y
                in: 'it''s'
            flow: [string, "null"]
            nested:
              deeper:
                leaf: true
            """)
        #expect(node["a"]?.string == "1")
        #expect(node["b"]?.string == "two: 2")
        #expect(node["flow"]?.strings == ["string", "null"])
        #expect(node["nested"]?["deeper"]?["leaf"]?.string == "true")
        guard case .list(let items) = node["list"] else {
            Issue.record("not a list")
            return
        }
        #expect(items.count == 2)
        #expect(items[1]["in"]?.string == "it's")
    }

    @Test(arguments: ["a: {b: 1}", "a: &x 1", "a: |\n  text", "a:\n\tb: 1", "a: 1\na: 2", "a: 1\n   b: 2"])
    func rejectsWhatIsOutsideTheSubset(text: String) {
        #expect(throws: YAMLSubset.Error.self) { try YAMLSubset.parse(text) }
    }
}

import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import kb_server

@Suite struct RequestLoggingMiddlewareTests {
    @Test func logsOneLinePerRequestWithoutTheQueryText() async throws {
        let server = try TestServer()
        defer { server.remove() }
        let secrets = ["joao.silva@example.com", "123.456.789-00", "Maria Souza", "pedido 998877"]
        try await server.test { client in
            try await client.execute(
                uri: "/search?q=joao.silva%40example.com+cpf+123.456.789-00", method: .get
            ) { _ in }
            try await client.execute(uri: "/suggest?subject=Maria+Souza+senha&description=pedido+998877", method: .get)
            { _ in }
            try await client.execute(
                uri: "/suggest", method: .post, headers: [.contentType: "application/json"],
                body: ByteBuffer(string: "{\"subject\": \"Maria Souza\", \"description\": \"pedido 998877\"}")
            ) { _ in }
            try await client.execute(uri: "/search?q=" + String(repeating: "Maria+", count: 1_000), method: .get) { _ in
            }
            try await client.execute(uri: "/search?q=Maria%C3%28", method: .get) { _ in }
        }
        let log = server.log.text
        let lines = log.split(separator: "\n").filter { $0.hasPrefix("info") }
        #expect(lines.count == 5, "\(log)")
        #expect(lines.contains { $0.contains("GET /search 200") })
        #expect(lines.contains { $0.contains("GET /suggest ") })
        #expect(lines.contains { $0.contains("POST /suggest ") })
        #expect(lines.contains { $0.contains("GET /search 400") })
        #expect(lines.allSatisfy { $0.contains(" ms") })
        for secret in secrets + ["Maria", "joao", "q=", "subject="] {
            #expect(!log.contains(secret), "the log contains \(secret): \(log)")
        }
    }
}

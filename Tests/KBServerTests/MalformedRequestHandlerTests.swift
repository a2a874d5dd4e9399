import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import kb_server

/// What NIO's HTTP parser refuses gets kb's JSON error from a live server, not a bare 400.
@Suite("Malformed requests")
struct MalformedRequestHandlerTests {
    /// A raw request and the status and error code expected for it.
    struct Case: Sendable, CustomStringConvertible {
        var name: String
        var bytes: [UInt8]
        var status: Int
        var code: String

        var description: String { name }
    }

    static let cases: [Case] = [
        Case(
            name: "1 MB URL",
            bytes: Array("GET /search?q=\(String(repeating: "a", count: 1 << 20)) HTTP/1.1\r\n\r\n".utf8),
            status: 414, code: "uri_too_long"),
        Case(
            name: "40 KB URL",
            bytes: Array("GET /search?q=\(String(repeating: "a", count: 40_000)) HTTP/1.1\r\n\r\n".utf8),
            status: 414, code: "uri_too_long"),
        Case(
            name: "40 KB header",
            bytes: Array("GET /search?q=a HTTP/1.1\r\nX-Big: \(String(repeating: "a", count: 40_000))\r\n\r\n".utf8),
            status: 431, code: "headers_too_large"),
        Case(
            name: "200 header fields",
            bytes: Array(("GET /healthz HTTP/1.1\r\n" + (0..<200).map { "X-\($0): 1\r\n" }.joined() + "\r\n").utf8),
            status: 431, code: "headers_too_large"),
        Case(
            name: "raw bytes that are not UTF-8 in the URL",
            bytes: Array("GET /search?q=".utf8) + [0xFF, 0xFE] + Array(" HTTP/1.1\r\n\r\n".utf8),
            status: 400, code: "invalid_encoding"),
        Case(name: "not HTTP", bytes: Array("GARBAGE\r\n\r\n".utf8), status: 400, code: "malformed_request"),
        Case(
            name: "bad header name", bytes: Array("GET /healthz HTTP/1.1\r\nBad Header: 1\r\n\r\n".utf8),
            status: 400, code: "malformed_request"),
        Case(
            name: "bad chunk size",
            bytes: Array(
                "POST /suggest HTTP/1.1\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n"
                    .utf8),
            status: 400, code: "malformed_request"),
    ]

    @Test(arguments: cases)
    func answersWithAJSONErrorAndCloses(request: Case) async throws {
        let server = try TestServer { $0.port = 0 }
        defer { server.remove() }
        try await server.test(.live) { client in
            let port = try #require(client.port)
            let bytes = try await RawConnection.exchange(request.bytes, port: port)
            let response = try #require(RawResponse(bytes), "\(request): \(bytes.prefix(200))")
            #expect(response.status == request.status, "\(request)")
            #expect(response.errorCode == request.code, "\(request): \(String(decoding: response.body, as: UTF8.self))")
            #expect(response.headers["content-type"] == "application/json; charset=utf-8")
            #expect(response.headers["connection"] == "close", "\(request)")
            // The server is still fine.
            try await client.execute(uri: "/healthz", method: .get) { #expect($0.status == .ok) }
        }
    }

    @Test func countsTheRefusals() async throws {
        let server = try TestServer { $0.port = 0 }
        defer { server.remove() }
        try await server.test(.live) { client in
            let port = try #require(client.port)
            _ = try await RawConnection.exchange(Array("GARBAGE\r\n\r\n".utf8), port: port)
            try await client.execute(uri: "/metrics", method: .get) { response in
                #expect(response.text.contains("kb_http_requests_rejected_total{reason=\"malformed_request\"} 1"))
            }
        }
    }

    @Test func pipelinedRequestsAreStillAnswered() async throws {
        let server = try TestServer { $0.port = 0 }
        defer { server.remove() }
        try await server.test(.live) { client in
            let port = try #require(client.port)
            let request =
                "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\nGET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
            let text = String(
                decoding: try await RawConnection.exchange(Array(request.utf8), port: port), as: UTF8.self)
            #expect(text.components(separatedBy: "HTTP/1.1 200 OK").count == 3, "\(text.prefix(300))")
        }
    }

    @Test(arguments: [
        (0, "/search?q=a", "headers_too_large"), (20_000, "/search?q=a", "uri_too_long"),
    ])
    func tellsALongRequestLineFromLongHeaders(requestLinePadding: Int, path: String, code: String) {
        let (_, error) = MalformedRequestHandler.answer(
            to: .headerOverflow, requestLineLength: path.utf8.count + requestLinePadding)
        #expect(error.code == code)
    }
}

import Foundation
import Hummingbird
import Testing

@testable import kb_server

@Suite struct JSONBodyTests {
    /// A chunked body (no Content-Length, so the limits middleware cannot see its size) is cut
    /// at 64 KB where it is read.
    @Test func cutsAChunkedBodyAt64KB() async throws {
        let chunk = ByteBuffer(repeating: UInt8(ascii: "a"), count: 16 * 1024)
        let request = Request(
            head: HTTPRequest(
                method: .post, scheme: "http", authority: "localhost", path: "/suggest",
                headerFields: [.contentType: "application/json"]),
            body: RequestBody(asyncSequence: ChunkSequence(chunk: chunk, count: 5)))
        await #expect(throws: APIError.bodyTooLarge) {
            try await JSONBody.decode(SuggestionBody.self, from: request)
        }
    }

    @Test func decodesABodyUnderTheLimit() async throws {
        let request = Request(
            head: HTTPRequest(
                method: .post, scheme: "http", authority: "localhost", path: "/suggest",
                headerFields: [.contentType: "Application/JSON ; charset=utf-8"]),
            body: RequestBody(buffer: ByteBuffer(string: "{\"subject\": \"senha\", \"limit\": 3}")))
        let body = try await JSONBody.decode(SuggestionBody.self, from: request)
        #expect(body.subject == "senha")
        #expect(body.limit == 3)
        #expect(body.description == nil)
    }
}

/// `count` copies of `chunk`, as a streamed body.
private struct ChunkSequence: AsyncSequence, Sendable {
    let chunk: ByteBuffer
    let count: Int

    struct AsyncIterator: AsyncIteratorProtocol {
        let chunk: ByteBuffer
        var remaining: Int

        mutating func next() async -> ByteBuffer? {
            guard remaining > 0 else { return nil }
            remaining -= 1
            return chunk
        }
    }

    func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(chunk: chunk, remaining: count)
    }
}

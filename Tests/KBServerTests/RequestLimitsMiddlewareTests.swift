import Foundation
import Hummingbird
import HummingbirdTesting
import Synchronization
import Testing

@testable import kb_server

@Suite struct RequestLimitsMiddlewareTests {
    /// A gate that handlers wait on until the test opens it.
    final class Gate: Sendable {
        private let state = Mutex<(open: Bool, waiting: [CheckedContinuation<Void, Never>], arrived: Int)>(
            (false, [], 0))

        var arrived: Int { state.withLock { $0.arrived } }

        func wait() async {
            await withCheckedContinuation { continuation in
                let resumeNow = state.withLock { state in
                    state.arrived += 1
                    if state.open { return true }
                    state.waiting.append(continuation)
                    return false
                }
                if resumeNow { continuation.resume() }
            }
        }

        func open() {
            let waiting = state.withLock { state in
                state.open = true
                defer { state.waiting = [] }
                return state.waiting
            }
            for continuation in waiting { continuation.resume() }
        }
    }

    @Test func answers503WithRetryAfterOverTheConcurrencyCap() async throws {
        let metrics = ServerMetrics()
        let gate = Gate()
        let router = Router()
        router.add(middleware: ErrorMiddleware())
        router.add(middleware: RequestLimitsMiddleware(maximumConcurrentRequests: 2, metrics: metrics))
        router.get("/slow") { _, _ in
            await gate.wait()
            return "done"
        }
        try await Application(router: router).test(.router) { client in
            try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
                for _ in 0..<2 {
                    group.addTask { try await client.execute(uri: "/slow", method: .get).status }
                }
                while gate.arrived < 2 { try await Task.sleep(for: .milliseconds(5)) }
                try await client.execute(uri: "/slow", method: .get) { response in
                    #expect(response.status == .serviceUnavailable)
                    #expect(response.headers[.retryAfter] == "1")
                    #expect(response.errorCode == "overloaded")
                }
                gate.open()
                for try await status in group { #expect(status == .ok) }
            }
            // The slots are free again.
            try await client.execute(uri: "/slow", method: .get) { #expect($0.status == .ok) }
        }
        #expect(metrics.rejected.value(["concurrency"]) == 1)
    }

    @Test func healthChecksAndScrapesAreNotCapped() async throws {
        let server = try TestServer { $0.maximumConcurrentRequests = 0 }
        defer { server.remove() }
        try await server.test { client in
            try await client.execute(uri: "/search?q=senha", method: .get) { response in
                #expect(response.status == .serviceUnavailable)
                #expect(response.headers[.retryAfter] == "1")
            }
            try await client.execute(uri: "/healthz", method: .get) { #expect($0.status == .ok) }
            try await client.execute(uri: "/metrics", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("kb_http_requests_rejected_total{reason=\"concurrency\"} 1"))
            }
        }
    }

    @Test func rejectsAURIOver16KB() async throws {
        let server = try TestServer()
        defer { server.remove() }
        try await server.test { client in
            try await client.execute(
                uri: "/search?q=senha&description=" + String(repeating: "a", count: 16 * 1024), method: .get
            ) { response in
                #expect(response.status == .uriTooLong)
                #expect(response.errorCode == "uri_too_long")
            }
        }
    }

    @Test func rejectsADeclaredBodyOver64KBBeforeReadingIt() async throws {
        let server = try TestServer()
        defer { server.remove() }
        try await server.test { client in
            try await client.execute(
                uri: "/search?q=senha", method: .get,
                body: ByteBuffer(repeating: 0x20, count: 64 * 1024 + 1)
            ) { response in
                #expect(response.status == .contentTooLarge)
                #expect(response.errorCode == "body_too_large")
            }
        }
        #expect(server.holder.metrics.rejected.value(["body_too_large"]) == 1)
    }

    /// A client that sends its body slowly holds no request slot: others are served meanwhile,
    /// and it gets 408 and a closed connection when the body timeout passes.
    @Test func slowBodiesGet408AndHoldNoSlot() async throws {
        let server = try TestServer {
            $0.port = 0
            $0.maximumConcurrentRequests = 1
            $0.bodyTimeout = .milliseconds(500)
        }
        defer { server.remove() }
        try await server.test(.live) { client in
            let port = try #require(client.port)
            let head = "POST /suggest HTTP/1.1\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"
            async let slow = RawConnection.exchange(Array(head.utf8), port: port)
            try await Task.sleep(for: .milliseconds(150))
            try await client.execute(uri: "/search?q=senha", method: .get) { #expect($0.status == .ok) }
            let response = try #require(RawResponse(try await slow))
            #expect(response.status == 408)
            #expect(response.errorCode == "body_timeout")
            #expect(response.headers["connection"] == "close")
        }
        #expect(server.holder.metrics.rejected.value(["body_timeout"]) == 1)
    }

    @Test func aChunkedBodyOver64KBIsRefused() async throws {
        let server = try TestServer { $0.port = 0 }
        defer { server.remove() }
        try await server.test(.live) { client in
            let port = try #require(client.port)
            let chunk = String(repeating: "a", count: 70_000)
            let request =
                "POST /suggest HTTP/1.1\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n"
                + "Connection: close\r\n\r\n" + String(chunk.utf8.count, radix: 16) + "\r\n" + chunk + "\r\n0\r\n\r\n"
            let response = try #require(RawResponse(try await RawConnection.exchange(Array(request.utf8), port: port)))
            #expect(response.status == 413)
            #expect(response.errorCode == "body_too_large")
        }
    }

    /// A live server closes a connection that sends half a request head and then nothing.
    @Test func closesConnectionsThatStaySilent() async throws {
        let server = try TestServer {
            $0.idleTimeout = .milliseconds(300)
            $0.port = 0
        }
        defer { server.remove() }
        try await server.test(.live) { client in
            let port = try #require(client.port)
            let start = ContinuousClock.now
            let closed = try RawConnection.sendsHalfARequestAndWaitsForClose(port: port, timeoutSeconds: 5)
            #expect(closed)
            #expect(ContinuousClock.now - start < .seconds(3))
        }
    }
}

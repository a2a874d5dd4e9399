import Hummingbird
import Synchronization

/// Refuses requests the server should not start on: more than
/// ``ServerConfiguration/maximumConcurrentRequests`` at once (503 with `Retry-After`), a
/// declared body over ``ServerConfiguration/maximumBodySize`` (413), a request target over
/// ``ServerConfiguration/maximumURILength`` (414), and a body that does not arrive within
/// ``ServerConfiguration/bodyTimeout`` (408, then the connection is closed).
///
/// A request's body is read into memory (at most the size limit) before the request takes a
/// slot, so clients that send their bodies slowly hold their own connection only, never a slot
/// of the concurrency cap. Bodies without a `Content-Length` (chunked) are cut at the same size.
/// `/healthz` and `/metrics` do not count against the concurrency cap.
struct RequestLimitsMiddleware<Context: RequestContext>: RouterMiddleware {
    /// Requests in progress, shared by every copy of the middleware.
    final class Counter: Sendable {
        let value = Atomic<Int>(0)
    }

    /// The concurrency cap.
    let maximumConcurrentRequests: Int
    /// How long a body may take to arrive.
    let bodyTimeout: Duration
    /// Where refusals are counted.
    let metrics: ServerMetrics
    private let inFlight = Counter()
    private static var exemptPaths: Set<String> { ["/healthz", "/metrics"] }

    /// Creates the middleware.
    init(maximumConcurrentRequests: Int, bodyTimeout: Duration = .seconds(10), metrics: ServerMetrics) {
        self.maximumConcurrentRequests = maximumConcurrentRequests
        self.bodyTimeout = bodyTimeout
        self.metrics = metrics
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        if (request.head.path?.utf8.count ?? 0) > ServerConfiguration.maximumURILength {
            metrics.rejected.increment(["uri_too_long"])
            throw APIError.uriTooLong
        }
        if let length = request.headers[.contentLength].flatMap({ Int($0) }),
            length > ServerConfiguration.maximumBodySize
        {
            metrics.rejected.increment(["body_too_large"])
            throw APIError.bodyTooLarge
        }
        var request = request
        if Self.hasBody(request) {
            request.body = RequestBody(buffer: try await readBody(of: request))
        }
        // Health checks and scrapes are cheap and must answer precisely when the server is busy.
        if Self.exemptPaths.contains(request.uri.path) {
            return try await next(request, context)
        }
        let (_, count) = inFlight.value.wrappingAdd(1, ordering: .relaxed)
        defer { inFlight.value.wrappingSubtract(1, ordering: .relaxed) }
        guard count <= maximumConcurrentRequests else {
            metrics.rejected.increment(["concurrency"])
            throw APIError.overloaded
        }
        return try await next(request, context)
    }

    /// Whether `request` announces a body (a non-zero `Content-Length`, or chunked).
    static func hasBody(_ request: Request) -> Bool {
        if request.headers[.transferEncoding] != nil { return true }
        guard let length = request.headers[.contentLength] else { return false }
        return length != "0"
    }

    /// The whole body of `request`, read within ``bodyTimeout``.
    ///
    /// - Throws: ``APIError`` 413 when it is larger than the limit, 408 when it is late.
    private func readBody(of request: Request) async throws -> ByteBuffer {
        let body = request.body
        let timeout = bodyTimeout
        let buffer: ByteBuffer?
        do {
            buffer = try await withThrowingTaskGroup(of: ByteBuffer?.self) { group in
                group.addTask { try await body.collect(upTo: ServerConfiguration.maximumBodySize) }
                group.addTask {
                    try await Task.sleep(for: timeout)
                    return nil
                }
                // The first to finish wins; cancelling the reader ends the connection's input.
                defer { group.cancelAll() }
                return try await group.next() ?? nil
            }
        } catch let error as any HTTPResponseError where error.status == .contentTooLarge {
            metrics.rejected.increment(["body_too_large"])
            throw APIError.bodyTooLarge
        }
        guard let buffer else {
            metrics.rejected.increment(["body_timeout"])
            throw APIError.bodyTimeout(timeout)
        }
        return buffer
    }
}

import Hummingbird
import Synchronization

/// Refuses requests the server should not start on: more than
/// ``ServerConfiguration/maximumConcurrentRequests`` at once (503 with `Retry-After`), a
/// declared body over ``ServerConfiguration/maximumBodySize`` (413) and a request target
/// over ``ServerConfiguration/maximumURILength`` (414).
///
/// Bodies without a `Content-Length` (chunked) are cut at the same size where they are read.
/// `/healthz` and `/metrics` do not count against the concurrency cap.
struct RequestLimitsMiddleware<Context: RequestContext>: RouterMiddleware {
    /// Requests in progress, shared by every copy of the middleware.
    final class Counter: Sendable {
        let value = Atomic<Int>(0)
    }

    /// The concurrency cap.
    let maximumConcurrentRequests: Int
    /// Where refusals are counted.
    let metrics: ServerMetrics
    private let inFlight = Counter()
    private static var exemptPaths: Set<String> { ["/healthz", "/metrics"] }

    /// Creates the middleware.
    init(maximumConcurrentRequests: Int, metrics: ServerMetrics) {
        self.maximumConcurrentRequests = maximumConcurrentRequests
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
}

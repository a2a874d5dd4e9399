import Hummingbird

/// Counts requests and records their latency per route template (`/articles/{id}`, never the
/// raw path, so the number of series stays fixed).
struct RequestMetricsMiddleware<Context: RequestContext>: RouterMiddleware {
    /// Where requests are counted.
    let metrics: ServerMetrics

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        let start = ContinuousClock.now
        let status: Int
        do {
            let response = try await next(request, context)
            status = response.status.code
            record(request, status: status, since: start, context: context)
            return response
        } catch {
            status = (error as? any HTTPResponseError)?.status.code ?? 500
            record(request, status: status, since: start, context: context)
            throw error
        }
    }

    private func record(_ request: Request, status: Int, since start: ContinuousClock.Instant, context: Context) {
        let route = Self.route(of: request, endpoint: context.endpointPath)
        let seconds = (ContinuousClock.now - start).milliseconds / 1e3
        metrics.requests.increment([route, request.method.rawValue, String(status)])
        metrics.latency.observe(seconds, [route])
    }

    /// The route template that answered `request`, as the API documents it.
    static func route(of request: Request, endpoint: String?) -> String {
        switch endpoint {
        case nil, "NotFound": "unmatched"
        case "/articles/**": request.uri.path.hasSuffix("/related") ? "/articles/{id}/related" : "/articles/{id}"
        case let path?: path
        }
    }
}

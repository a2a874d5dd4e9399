import Foundation
import Hummingbird

/// `GET /healthz` (is an index loaded, which one) and `GET /metrics` (Prometheus).
struct HealthRoutes<Context: RequestContext>: Sendable {
    /// The index being served.
    let holder: SearcherHolder

    /// Adds the routes to `router`.
    func register(in router: Router<Context>) {
        router.get("/healthz") { _, _ in try health() }
        router.get("/metrics") { _, _ in metrics() }
    }

    /// The health document: the server always has an index once it listens.
    func health() throws -> Response {
        let snapshot = holder.current
        let reader = snapshot.reader
        let response = HealthResponse(
            status: "ok",
            index: .init(
                documents: reader.documentCount, builtAt: reader.buildDate.iso8601,
                loadedAt: snapshot.loadedAt.iso8601, sizeBytes: reader.fileSize))
        return try JSONResponse.make(response, headers: [.cacheControl: "no-store"])
    }

    /// The metrics in the text exposition format 0.0.4.
    func metrics() -> Response {
        let text = holder.metrics.exposition(index: holder.current)
        return Response(
            status: .ok,
            headers: [.contentType: MetricsText.contentType, .cacheControl: "no-store"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }
}

import Hummingbird
import Logging

/// Logs one line per request at info level: method, path, status and time.
///
/// The path is logged without its query string, and nothing else of the request is: customers
/// type personal data (names, e-mail addresses, order numbers) into queries and ticket
/// subjects.
struct RequestLoggingMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        let start = ContinuousClock.now
        let path = request.uri.path
        do {
            let response = try await next(request, context)
            log(request, path: path, status: response.status.code, since: start, context: context)
            return response
        } catch {
            // Only errors thrown outside ErrorMiddleware get here; Hummingbird answers them.
            let status = (error as? any HTTPResponseError)?.status.code ?? 500
            log(request, path: path, status: status, since: start, context: context)
            throw error
        }
    }

    private func log(
        _ request: Request, path: String, status: Int, since start: ContinuousClock.Instant, context: Context
    ) {
        let milliseconds = (ContinuousClock.now - start).milliseconds
        context.logger.info(
            "\(request.method.rawValue) \(path) \(status) \(String(format: "%.1f", milliseconds)) ms")
    }
}

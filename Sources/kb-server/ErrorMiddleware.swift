import Hummingbird

/// Turns every error thrown below it (routes, limits, Hummingbird's "no route") into kb's
/// JSON error response, through ``APIError/init(_:logger:)``: clients never see a bare status
/// or an internal message.
struct ErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        do {
            return try await next(request, context)
        } catch {
            return try APIError(error, logger: context.logger).response(from: request, context: context)
        }
    }
}

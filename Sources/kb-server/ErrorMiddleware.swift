import Hummingbird

/// Turns every error thrown below it (routes, limits, Hummingbird's "no route") into kb's
/// JSON error response, through ``APIError/init(_:logger:)``: clients never see a bare status
/// or an internal message.
///
/// A path that exists but was asked with another method answers 405 with `Allow` rather than
/// the router's 404 (``AllowedMethods``).
struct ErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    /// The methods of every registered path; empty until the routes are registered.
    let allowedMethods: AllowedMethods

    /// Creates the middleware; `allowedMethods` may be filled after it is added to the router.
    init(allowedMethods: AllowedMethods = AllowedMethods()) {
        self.allowedMethods = allowedMethods
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        do {
            return try await next(request, context)
        } catch {
            var apiError = APIError(error, logger: context.logger)
            if apiError == .routeNotFound, let allowed = allowedMethods.methods(forPath: request.uri.path),
                !allowed.contains(request.method)
            {
                apiError = .methodNotAllowed(allowed: allowed)
            }
            return try apiError.response(from: request, context: context)
        }
    }
}

import Foundation
import Hummingbird
import KBIndex

/// `POST /admin/reindex`: rebuilds the index from the articles folder and swaps it in.
///
/// Registered only when an admin token is configured (`KB_ADMIN_TOKEN`); otherwise the
/// route does not exist and answers 404 like any unknown path.
struct AdminRoutes<Context: RequestContext>: Sendable {
    /// The index being served.
    let holder: SearcherHolder
    /// The token callers must present.
    let token: AdminToken
    /// The articles to index.
    let articles: URL
    /// How articles are parsed.
    let parserOptions: ArticleParserOptions

    /// Adds the routes to `router`.
    func register(in router: Router<Context>) {
        router.post("/admin/reindex") { request, _ in try await reindex(request) }
    }

    /// Checks the bearer token, rebuilds, reloads and says what was indexed.
    func reindex(_ request: Request) async throws -> Response {
        guard token.authorizes(request.headers[.authorization]) else { throw APIError.unauthorized }
        let summary = try await holder.rebuild(from: articles, parserOptions: parserOptions)
        return try JSONResponse.make(summary, headers: [.cacheControl: "no-store"])
    }
}

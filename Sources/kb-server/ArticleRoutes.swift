import Foundation
import Hummingbird
import KBIndex
import KBSearch

/// `GET /articles/{id}` and `GET /articles/{id}/related`.
///
/// Article ids are relative paths with slashes (`conta/redefinir-senha.html`), so one
/// recursive wildcard route takes everything after `/articles/`: a path ending in `/related`
/// asks for the related articles of the id before it. Each segment is percent-decoded (an id
/// that itself ends in `/related` is reached by encoding that slash as `%2F`).
struct ArticleRoutes<Context: RequestContext>: Sendable {
    /// The index being served.
    let holder: SearcherHolder

    /// The default number of related articles.
    static var defaultRelatedLimit: Int { 5 }
    /// The largest number of related articles.
    static var maximumRelatedLimit: Int { 20 }

    private static var prefix: String { "/articles/" }
    private static var relatedSuffix: String { "/related" }

    /// Adds the routes to `router`.
    func register(in router: Router<Context>) {
        router.get("/articles/**") { request, _ in
            let path = request.uri.path.dropFirst(Self.prefix.count)
            if path.hasSuffix(Self.relatedSuffix) {
                let id = try Self.articleID(path.dropLast(Self.relatedSuffix.count))
                return try await CPUWork.run { try related(id, request: request) }
            }
            let id = try Self.articleID(path)
            return try await CPUWork.run { try article(id) }
        }
    }

    /// The stored fields and text of article `id`.
    func article(_ id: String) throws -> Response {
        let reader = holder.current.reader
        guard let document = try reader.document(withArticleID: id) else { throw APIError.articleNotFound(id) }
        return try JSONResponse.make(ArticleResponse(try reader.storedDocument(document)))
    }

    /// The articles most similar to article `id`.
    func related(_ id: String, request: Request) throws -> Response {
        let parameters = try QueryParameters(request.uri.query)
        let limit = try parameters.integer(
            "limit", in: 1...Self.maximumRelatedLimit, default: Self.defaultRelatedLimit)
        let snapshot = holder.current
        let start = ContinuousClock.now
        guard let hits = try snapshot.searcher.related(to: id, limit: limit) else {
            throw APIError.articleNotFound(id)
        }
        let response = RelatedArticlesResponse(
            id: id, tookMilliseconds: (ContinuousClock.now - start).milliseconds,
            hits: hits.map { hit in
                let article = hit.article
                let snippet = snapshot.snippets.snippet(
                    for: article.body, matching: [], fallback: article.summary.isEmpty ? nil : article.summary)
                return SearchResponse.Hit(
                    id: article.id, title: article.title, url: LinkableURL.filter(article.url),
                    category: article.category.isEmpty ? nil : article.category,
                    product: article.product.isEmpty ? nil : article.product, summary: article.summary,
                    snippet: snippet.html, score: hit.score)
            })
        return try JSONResponse.make(response)
    }

    /// The article id in a raw path: percent-decoded, `+` kept as is.
    private static func articleID(_ rawPath: Substring) throws(APIError) -> String {
        guard let id = PercentDecoding.decode(rawPath.utf8, plusIsSpace: false) else { throw APIError.invalidEncoding }
        return id
    }
}

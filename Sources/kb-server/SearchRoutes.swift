import Foundation
import Hummingbird
import KBSearch

/// `GET /search`, `GET /suggest` and `POST /suggest`: decode the parameters, call the
/// ``Searcher`` of the current index snapshot, encode ``SearchResponse`` (the computing on
/// ``CPUWork``'s threads).
struct SearchRoutes<Context: RequestContext>: Sendable {
    /// The index being served.
    let holder: SearcherHolder

    /// At most this many `tag` parameters.
    static var maximumTags: Int { 16 }
    /// The longest category, product or tag accepted, in characters (Unicode scalars).
    static var maximumFilterLength: Int { 256 }
    /// The default number of suggestions.
    static var defaultSuggestionLimit: Int { 5 }

    /// Adds the routes to `router`.
    func register(in router: Router<Context>) {
        router.get("/search") { request, _ in try await CPUWork.run { try search(request) } }
        router.get("/suggest") { request, _ in try await CPUWork.run { try suggest(query: request) } }
        router.post("/suggest") { request, _ in try await suggest(body: request) }
    }

    /// `GET /search?q=&limit=&offset=&category=&product=&tag=&prefix=`.
    func search(_ request: Request) throws -> Response {
        let parameters = try QueryParameters(request.uri.query)
        let text = try parameters.requiredText("q", maximumCharacters: ServerConfiguration.maximumQueryLength)
        let limit = try parameters.integer("limit", in: 1...SearchRequest.maximumLimit, default: 10)
        let offset = try parameters.integer("offset", in: 0...SearchRequest.maximumOffset, default: 0)
        let prefix = try parameters.boolean("prefix", default: true)
        let tags = try parameters.all("tag").compactMap { tag throws(APIError) in try Self.filter("tag", tag) }
        guard tags.count <= Self.maximumTags else {
            throw APIError.invalidParameter("tag", expected: "given at most \(Self.maximumTags) times")
        }
        let searchRequest = SearchRequest(
            text, limit: limit, offset: offset, category: try Self.filter("category", parameters.first("category")),
            product: try Self.filter("product", parameters.first("product")), tags: tags, prefixLastWord: prefix,
            countsMatches: true)
        let snapshot = holder.current
        let start = ContinuousClock.now
        let results = try snapshot.searcher.search(searchRequest)
        let response = SearchResponse(
            results, queryText: text, tookMilliseconds: (ContinuousClock.now - start).milliseconds,
            snippets: snapshot.snippets, includesFacets: true, didYouMean: results.didYouMean)
        return try JSONResponse.make(response)
    }

    /// `GET /suggest?subject=&description=&limit=`.
    func suggest(query request: Request) throws -> Response {
        let parameters = try QueryParameters(request.uri.query)
        let subject = try parameters.requiredText(
            "subject", maximumCharacters: ServerConfiguration.maximumQueryLength)
        let description = try parameters.optionalText(
            "description", maximumCharacters: ServerConfiguration.maximumBodySize)
        let limit = try parameters.integer(
            "limit", in: 1...SuggestionRequest.maximumLimit, default: Self.defaultSuggestionLimit)
        return try suggest(SuggestionRequest(subject: subject, description: description, limit: limit))
    }

    /// `POST /suggest` with `{"subject": "...", "description": "...", "limit": 5}`, for
    /// descriptions too long for a URL.
    func suggest(body request: Request) async throws -> Response {
        let body = try await JSONBody.decode(SuggestionBody.self, from: request)
        try QueryParameters.check("subject", body.subject, maximumCharacters: ServerConfiguration.maximumQueryLength)
        let limit = body.limit ?? Self.defaultSuggestionLimit
        guard (1...SuggestionRequest.maximumLimit).contains(limit) else {
            throw APIError.invalidParameter("limit", expected: "an integer from 1 to \(SuggestionRequest.maximumLimit)")
        }
        let suggestion = SuggestionRequest(subject: body.subject, description: body.description, limit: limit)
        return try await CPUWork.run { try suggest(suggestion) }
    }

    private func suggest(_ suggestion: SuggestionRequest) throws -> Response {
        let snapshot = holder.current
        let start = ContinuousClock.now
        let results = try snapshot.searcher.suggest(suggestion)
        let response = SearchResponse(
            results, queryText: suggestion.subject, tookMilliseconds: (ContinuousClock.now - start).milliseconds,
            snippets: snapshot.snippets, includesFacets: false, didYouMean: results.didYouMean)
        return try JSONResponse.make(response)
    }

    /// A filter value (`category`, `product`, `tag`), bounded in length; empty means none.
    private static func filter(_ name: String, _ value: String?) throws(APIError) -> String? {
        guard let value, !value.isEmpty else { return nil }
        try QueryParameters.check(name, value, maximumCharacters: maximumFilterLength)
        return value
    }
}

import Foundation
import KBIndex
import KBSearch

/// The JSON body of every error: `{"error": {"code": "...", "message": "..."}}`.
struct ErrorResponse: Codable, Sendable, Equatable {
    /// The error itself.
    struct Detail: Codable, Sendable, Equatable {
        /// A stable, machine-readable code (`missing_parameter`, `article_not_found`, ...).
        var code: String
        /// A sentence for people, saying what was wrong and how to fix it.
        var message: String
    }

    /// The error.
    var error: Detail
}

/// The body of `POST /suggest`: `{"subject": "...", "description": "...", "limit": 5}`.
struct SuggestionBody: Decodable, Sendable {
    /// The ticket subject as typed.
    var subject: String
    /// The ticket description, if any.
    var description: String?
    /// How many suggestions (1...20, default 5).
    var limit: Int?
}

/// `GET /articles/{id}`: an article's stored fields and text. Like the hits of
/// ``SearchResponse``, optional fields the article lacks are left out of the JSON, and so is
/// a URL that is not `http(s)`. Text fields are plain text, never HTML: clients insert them
/// as text.
struct ArticleResponse: Codable, Sendable, Equatable {
    /// The article id (a relative path).
    var id: String
    /// The title.
    var title: String
    /// The portal URL: absolute `http(s)` only (``LinkableURL``), or absent.
    var url: String?
    /// The category.
    var category: String?
    /// The product.
    var product: String?
    /// The tags.
    var tags: [String]
    /// The summary.
    var summary: String
    /// ISO 8601 date of the last update.
    var updated: String?
    /// The headings' text.
    var headings: [String]
    /// The body text, one block per line.
    var body: String

    /// The response for `document`; empty optional fields are left out.
    init(_ document: StoredDocument) {
        id = document.id
        title = document.title
        url = LinkableURL.filter(document.url)
        category = document.category.isEmpty ? nil : document.category
        product = document.product.isEmpty ? nil : document.product
        tags = document.tags
        summary = document.summary
        updated = document.updated.isEmpty ? nil : document.updated
        headings = document.headings
        body = document.body
    }
}

/// `GET /articles/{id}/related`: the articles most similar to one article.
struct RelatedArticlesResponse: Codable, Sendable, Equatable {
    /// The article the others relate to.
    var id: String
    /// Time spent, in milliseconds.
    var tookMilliseconds: Double
    /// The related articles, best first (the hit shape of `/search`).
    var hits: [SearchResponse.Hit]

    enum CodingKeys: String, CodingKey {
        case id, hits
        case tookMilliseconds = "took_ms"
    }
}

/// `GET /healthz`: whether an index is loaded, and which.
struct HealthResponse: Codable, Sendable, Equatable {
    /// The index being served.
    struct Index: Codable, Sendable, Equatable {
        /// Number of documents.
        var documents: Int
        /// When the index file was written (ISO 8601).
        var builtAt: String
        /// When this server loaded it (ISO 8601).
        var loadedAt: String
        /// The file size in bytes.
        var sizeBytes: Int

        enum CodingKeys: String, CodingKey {
            case documents
            case builtAt = "built_at"
            case loadedAt = "loaded_at"
            case sizeBytes = "size_bytes"
        }
    }

    /// `ok` when an index is loaded (the server never runs without one).
    var status: String
    /// The index.
    var index: Index
}

/// `POST /admin/reindex`: what the rebuild did.
struct ReindexResponse: Codable, Sendable, Equatable {
    /// Articles indexed.
    var indexed: Int
    /// Articles skipped (unreadable, duplicate ids); the server log lists them.
    var skipped: Int
    /// Documents in the index now served.
    var documents: Int
    /// Time spent building and loading, in milliseconds.
    var tookMilliseconds: Double

    enum CodingKeys: String, CodingKey {
        case indexed, skipped, documents
        case tookMilliseconds = "took_ms"
    }
}

extension Date {
    /// The date as ISO 8601 with seconds, in UTC.
    var iso8601: String {
        ISO8601DateFormatter().string(from: self)
    }
}

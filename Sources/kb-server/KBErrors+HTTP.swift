import Hummingbird
import KBIndex
import KBSearch
import Logging
import NIOHTTP1

/// An error answered to the client: an HTTP status and the JSON body
/// `{"error": {"code", "message"}}`.
///
/// This file is the only place where errors become HTTP statuses: bad input is 400 (408, 413,
/// 414, 415 and 431 for the request's pace, size and type), an unknown article 404, a known
/// path asked with another method 405, an index that cannot be read 503, and anything else
/// 500 with no internals (the details go to the log).
struct APIError: Error, HTTPResponseError, Sendable, Equatable {
    /// The HTTP status.
    var status: HTTPResponse.Status
    /// A stable, machine-readable code.
    var code: String
    /// A sentence for people.
    var message: String
    /// Extra response headers (`Retry-After`, `WWW-Authenticate`).
    var headers: HTTPFields = [:]

    /// The JSON error response.
    func response(from request: Request, context: some RequestContext) throws -> Response {
        try JSONResponse.make(
            ErrorResponse(error: .init(code: code, message: message)), status: status, headers: headers)
    }
}

// MARK: - Bad input (400, 408, 413, 414, 415, 431)

extension APIError {
    /// A required query parameter is absent.
    static func missingParameter(_ name: String) -> APIError {
        APIError(
            status: .badRequest, code: "missing_parameter", message: "The query parameter \"\(name)\" is required.")
    }

    /// A parameter is not what the endpoint accepts.
    static func invalidParameter(_ name: String, expected: String) -> APIError {
        APIError(
            status: .badRequest, code: "invalid_parameter", message: "The parameter \"\(name)\" must be \(expected).")
    }

    /// A text parameter is longer than accepted.
    static func parameterTooLong(_ name: String, maximumCharacters: Int) -> APIError {
        APIError(
            status: .badRequest, code: "parameter_too_long",
            message: "The parameter \"\(name)\" is longer than \(maximumCharacters) characters; shorten it.")
    }

    /// The query string or path is not valid percent-encoded UTF-8.
    static let invalidEncoding = APIError(
        status: .badRequest, code: "invalid_encoding",
        message: "The URL is not valid percent-encoded UTF-8 (RFC 3986); encode the text as UTF-8 before escaping it.")

    /// The JSON body cannot be decoded.
    static func invalidJSON(_ detail: String) -> APIError {
        APIError(status: .badRequest, code: "invalid_json", message: "The request body is not valid JSON: \(detail)")
    }

    /// The body is larger than accepted.
    static let bodyTooLarge = APIError(
        status: .contentTooLarge, code: "body_too_large",
        message: "The request body is larger than \(ServerConfiguration.maximumBodySize / 1024) KB.")

    /// The request target is longer than accepted.
    static let uriTooLong = APIError(
        status: .uriTooLong, code: "uri_too_long",
        message:
            "The URL is longer than \(ServerConfiguration.maximumURILength / 1024) KB; send long descriptions with POST /suggest."
    )

    /// The request line and header fields together are larger than accepted.
    static let headersTooLarge = APIError(
        status: .requestHeaderFieldsTooLarge, code: "headers_too_large",
        message:
            "The request line and header fields are larger than \(ServerConfiguration.maximumHeaderSize / 1024) KB or more than \(ServerConfiguration.maximumHeaderFieldCount) fields; send fewer or shorter headers."
    )

    /// The bytes received are not an HTTP/1.1 request (RFC 9112): a bad request line, header
    /// or chunk. The connection is closed after this answer.
    static let malformedRequest = APIError(
        status: .badRequest, code: "malformed_request",
        message:
            "The request is not well-formed HTTP/1.1 (RFC 9112); check the request line, headers and body framing.",
        headers: [.connection: "close"])

    /// The body did not arrive within `timeout` (a slow or stalled client); the connection is
    /// closed after this answer.
    static func bodyTimeout(_ timeout: Duration) -> APIError {
        let milliseconds = Int(timeout.milliseconds.rounded())
        let limit = milliseconds % 1000 == 0 ? "\(milliseconds / 1000) s" : "\(milliseconds) ms"
        return APIError(
            status: .requestTimeout, code: "body_timeout",
            message: "The request body did not arrive within \(limit); send the whole body at once.",
            headers: [.connection: "close"])
    }

    /// The body is not JSON.
    static let unsupportedMediaType = APIError(
        status: .unsupportedMediaType, code: "unsupported_media_type",
        message: "Send the body as JSON with the header Content-Type: application/json.")
}

// MARK: - Not found, authorization, capacity

extension APIError {
    /// No route matches.
    static let routeNotFound = APIError(
        status: .notFound, code: "not_found", message: "There is no such endpoint; see openapi.yaml for the API.")

    /// No article has the requested id.
    static func articleNotFound(_ id: String) -> APIError {
        APIError(status: .notFound, code: "article_not_found", message: "No article has the id \"\(id)\".")
    }

    /// The path exists but does not take the request's method.
    static func methodNotAllowed(allowed: [HTTPRequest.Method]) -> APIError {
        let list = allowed.map(\.rawValue).joined(separator: ", ")
        return APIError(
            status: .methodNotAllowed, code: "method_not_allowed",
            message: "This endpoint takes \(list) only.", headers: [.allow: list])
    }

    /// The admin token is missing or wrong.
    static let unauthorized = APIError(
        status: .unauthorized, code: "unauthorized",
        message: "Send the admin token as \"Authorization: Bearer <token>\" (KB_ADMIN_TOKEN).",
        headers: [.wwwAuthenticate: "Bearer realm=\"kb-admin\""])

    /// Too many requests are being handled.
    static let overloaded = APIError(
        status: .serviceUnavailable, code: "overloaded",
        message: "The server is handling too many requests; retry in a second.", headers: [.retryAfter: "1"])

    /// The index cannot be read.
    static let indexUnavailable = APIError(
        status: .serviceUnavailable, code: "index_unavailable",
        message: "The search index cannot be read right now; retry later.", headers: [.retryAfter: "5"])

    /// Anything unexpected: no internals.
    static let internalError = APIError(
        status: .internalServerError, code: "internal_error",
        message: "Something went wrong on the server; retry later.")

    /// Rebuilding the index failed (details in the log, not in the response).
    static let reindexFailed = APIError(
        status: .internalServerError, code: "reindex_failed",
        message: "Rebuilding the index failed; the previous index is still served. See the server log.")
}

// MARK: - Mapping

extension APIError {
    /// The client-facing form of `error`, logging what the client does not see.
    init(_ error: any Error, logger: Logger) {
        switch error {
        case let error as APIError:
            self = error
        case let error as IndexFormatError:
            logger.error("The index cannot be read: \(error)")
            self = .indexUnavailable
        case let error as IndexRebuildError:
            logger.error("Reindexing failed: \(error)")
            self = .reindexFailed
        case is DecodingError:
            self = .invalidJSON("it does not match the expected shape")
        case is HTTPParserError:
            // A broken body (a bad chunk size) found while reading it.
            self = .malformedRequest
        case let error as any HTTPResponseError:
            // Hummingbird's own: no route (404), body over the limit (413, NIOTooManyBytesError).
            self = Self.fromStatus(error.status)
        case is CancellationError:
            self = APIError(
                status: .serviceUnavailable, code: "cancelled", message: "The request was cancelled; retry.")
        default:
            logger.error("Unexpected error: \(String(reflecting: type(of: error)))")
            self = .internalError
        }
    }

    /// Hummingbird's own errors (no route, body too large) in kb's shape.
    private static func fromStatus(_ status: HTTPResponse.Status) -> APIError {
        switch status {
        case .notFound: .routeNotFound
        case .contentTooLarge: .bodyTooLarge
        case .methodNotAllowed:
            APIError(
                status: .methodNotAllowed, code: "method_not_allowed",
                message: "This endpoint does not take that method.")
        case .unsupportedMediaType: .unsupportedMediaType
        default:
            APIError(
                status: status, code: status.reasonPhrase.lowercased().replacing(" ", with: "_"),
                message: status.reasonPhrase + ".")
        }
    }
}

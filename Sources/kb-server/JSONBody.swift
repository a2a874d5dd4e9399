import Foundation
import Hummingbird

/// Reads a request's JSON body: checks the content type, collects at most
/// ``ServerConfiguration/maximumBodySize`` bytes and decodes, with errors that say what to fix.
enum JSONBody {
    /// The body of `request` decoded as `type`.
    ///
    /// - Throws: ``APIError`` 415 when the body is not declared as JSON, 413 when it is too
    ///   large, 400 when it is not valid JSON or lacks a field.
    static func decode<Value: Decodable>(_ type: Value.Type, from request: Request) async throws -> Value {
        let mediaType = request.headers[.contentType]?.split(separator: ";").first?
            .trimmingCharacters(in: .whitespaces).lowercased()
        guard mediaType == "application/json" else { throw APIError.unsupportedMediaType }
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: ServerConfiguration.maximumBodySize)
        } catch let error as any HTTPResponseError where error.status == .contentTooLarge {
            throw APIError.bodyTooLarge
        }
        do {
            return try JSONDecoder().decode(Value.self, from: Data(buffer.readableBytesView))
        } catch let error as DecodingError {
            throw APIError.invalidJSON(explanation(error))
        }
    }

    /// What is wrong, naming the field but never echoing the body.
    private static func explanation(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            context.codingPath.map(\.stringValue).joined(separator: ".")
        }
        switch error {
        case .keyNotFound(let key, _):
            return "the field \"\(key.stringValue)\" is required."
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return "the field \"\(path(context))\" has the wrong type."
        case .dataCorrupted(let context) where !context.codingPath.isEmpty:
            return "the field \"\(path(context))\" is invalid."
        default:
            return "it is not well-formed JSON (RFC 8259) in UTF-8."
        }
    }
}

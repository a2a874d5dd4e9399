import Foundation
import Hummingbird

/// Encodes API values as JSON responses: UTF-8, keys sorted (the same bytes as
/// `kb search --json`), slashes left unescaped, and `nosniff` so that no browser renders a
/// body (which echoes the query) as HTML.
enum JSONResponse {
    /// The content type of every API response.
    static let contentType = "application/json; charset=utf-8"

    /// A response with `value` as its JSON body.
    static func make(_ value: some Encodable, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) throws
        -> Response
    {
        let (fields, body) = try encode(value, headers: headers)
        return Response(status: status, headers: fields, body: ResponseBody(byteBuffer: body))
    }

    /// The header fields and body bytes of a JSON response with `value` as its body, for
    /// callers below the router (``MalformedRequestHandler``).
    static func encode(_ value: some Encodable, headers: HTTPFields = [:]) throws -> (HTTPFields, ByteBuffer) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(value)
        var fields = headers
        fields[.contentType] = contentType
        fields[.xContentTypeOptions] = "nosniff"
        fields[.contentLength] = String(data.count)
        return (fields, ByteBuffer(bytes: data))
    }
}

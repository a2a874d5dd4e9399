import Hummingbird
import NIOCore
import NIOHTTP1
import NIOHTTPTypes

/// Answers bytes that are not an acceptable HTTP/1.1 request head with kb's JSON error, where
/// Hummingbird would answer a bare `400` with no body: a request line over
/// ``ServerConfiguration/maximumURILength`` is 414 `uri_too_long`, header fields over
/// ``ServerConfiguration/maximumHeaderSize`` or ``ServerConfiguration/maximumHeaderFieldCount``
/// are 431 `headers_too_large`, a URL with bytes that may not appear in one is 400
/// `invalid_encoding`, and anything else NIO's parser refuses is 400 `malformed_request`.
/// After the answer the server stops sending (`Connection: close`, output shut down) and drops
/// whatever else the client sends until it closes, or until the idle timeout does: closing at
/// once, with unread bytes (the rest of a 1 MB URL), would reset the connection and the client
/// would lose the answer.
///
/// It sits after Hummingbird's HTTP codec (`HTTP1Channel.Configuration.additionalChannelHandlers`)
/// and puts a ``RequestLineMeter`` in front of the decoder. Errors that come while a request is
/// being answered (a broken chunked body) go on to Hummingbird unchanged, which closes the
/// connection.
final class MalformedRequestHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    private let meter = RequestLineMeter()
    private let metrics: ServerMetrics
    /// Request heads read whose response has not ended.
    private var requestsInProgress = 0
    private var answered = false

    /// Creates the handler for one connection; refusals are counted in `metrics`.
    init(metrics: ServerMetrics) {
        self.metrics = metrics
    }

    func handlerAdded(context: ChannelHandlerContext) {
        try? context.pipeline.syncOperations.addHandler(meter, position: .first)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if case .head = unwrapInboundIn(data) { requestsInProgress += 1 }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        if case .end = unwrapOutboundIn(data) { requestsInProgress -= 1 }
        context.write(data, promise: promise)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        if answered, error is HTTPParserError || error is ByteToMessageDecoderError {
            return  // what the client sends after the answer: dropped
        }
        guard let parserError = error as? HTTPParserError, requestsInProgress == 0 else {
            context.fireErrorCaught(error)
            return
        }
        answered = true
        let (reason, apiError) = Self.answer(to: parserError, requestLineLength: meter.requestLineLength)
        metrics.rejected.increment([reason])
        var headers: HTTPFields = [.connection: "close"]
        let body: ByteBuffer
        do {
            (headers, body) = try JSONResponse.encode(
                ErrorResponse(error: .init(code: apiError.code, message: apiError.message)), headers: headers)
        } catch {
            body = ByteBuffer()
            headers[.contentLength] = "0"
        }
        context.write(
            wrapOutboundOut(.head(HTTPResponse(status: apiError.status, headerFields: headers))), promise: nil)
        context.write(wrapOutboundOut(.body(body)), promise: nil)
        context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
        context.close(mode: .output, promise: nil)
    }

    /// The metrics reason and the error answered for `error`.
    static func answer(to error: HTTPParserError, requestLineLength: Int) -> (String, APIError) {
        switch error {
        case .headerOverflow where requestLineLength > ServerConfiguration.maximumURILength:
            ("uri_too_long", .uriTooLong)
        case .headerOverflow:
            ("headers_too_large", .headersTooLarge)
        case .invalidURL:
            ("malformed_request", .invalidEncoding)
        default:
            ("malformed_request", .malformedRequest)
        }
    }
}

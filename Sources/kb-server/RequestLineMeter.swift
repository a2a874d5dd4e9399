import NIOCore

/// Measures the request line of the request being received, from the raw bytes, so that a
/// request whose head is too large can be told apart: a long request line (a huge URL) is 414,
/// long or many header fields are 431.
///
/// NIO's HTTP decoder reports both as one error (`headerOverflow`), after the decoder, where
/// the bytes are gone; ``MalformedRequestHandler`` puts this handler in front of the decoder
/// and reads ``requestLineLength`` when that error comes. A request line is the first line
/// after the start of the connection or after a blank line (the end of a head). For pipelined
/// requests whose bodies contain blank lines this is an estimate; it only chooses between
/// two error codes.
final class RequestLineMeter: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer

    /// Bytes in the current line so far, without its line break.
    private var lineLength = 0
    /// Lines seen since the last blank line; 0 while in a request line.
    private var lineIndex = 0
    /// The length of the last request line that ended.
    private var lastRequestLineLength = 0

    /// The length in bytes of the request line being received or, until the next one starts,
    /// of the last one.
    var requestLineLength: Int {
        lineIndex == 0 && lineLength > 0 ? lineLength : lastRequestLineLength
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        unwrapInboundIn(data).withUnsafeReadableBytes { bytes in
            for byte in bytes { observe(byte) }
        }
        context.fireChannelRead(data)
    }

    private func observe(_ byte: UInt8) {
        switch byte {
        case UInt8(ascii: "\n"):
            if lineIndex == 0 { lastRequestLineLength = lineLength }
            // An empty line ends a head (or precedes a request), so a request line is next.
            lineIndex = lineLength == 0 ? 0 : lineIndex + 1
            lineLength = 0
        case UInt8(ascii: "\r"):
            break
        default:
            lineLength += 1
        }
    }
}

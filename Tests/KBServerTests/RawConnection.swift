import Foundation

@testable import kb_server

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A blocking TCP client for what HTTP clients cannot do: send half a request and stall, or
/// send bytes that are not HTTP at all.
enum RawConnection {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// Connects to 127.0.0.1:`port`, sends the start of a request head without finishing it,
    /// and returns whether the server closed the connection within `timeoutSeconds`.
    static func sendsHalfARequestAndWaitsForClose(port: Int, timeoutSeconds: Int) throws -> Bool {
        let descriptor = try connected(port: port, timeoutSeconds: timeoutSeconds)
        defer { close(descriptor) }
        try sendAll(Array("GET /healthz HTTP/1.1\r\nHost: localhost\r\n".utf8), to: descriptor)
        var buffer = [UInt8](repeating: 0, count: 1024)
        while true {
            let count = recv(descriptor, &buffer, buffer.count, 0)
            if count == 0 { return true }  // orderly close
            if count < 0 { return errno == ECONNRESET }  // timeout (EAGAIN) means still open
        }
    }

    /// ``exchange(_:port:timeoutSeconds:)`` on a thread of its own: blocking calls must not
    /// hold one of the few threads of Swift's cooperative pool, which the server under test
    /// needs to answer.
    static func exchange(_ bytes: [UInt8], port: Int, timeoutSeconds: Int = 5) async throws -> [UInt8] {
        try await withCheckedThrowingContinuation { continuation in
            Thread {
                continuation.resume(
                    with: Result { try blockingExchange(bytes, port: port, timeoutSeconds: timeoutSeconds) })
            }.start()
        }
    }

    /// Sends `bytes` (any bytes, not necessarily HTTP) and returns everything the server sends
    /// back until it closes the connection or `timeoutSeconds` pass without a byte.
    static func blockingExchange(_ bytes: [UInt8], port: Int, timeoutSeconds: Int = 5) throws -> [UInt8] {
        let descriptor = try connected(port: port, timeoutSeconds: timeoutSeconds)
        defer { close(descriptor) }
        try sendAll(bytes, to: descriptor)
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 16 * 1024)
        while true {
            let count = recv(descriptor, &buffer, buffer.count, 0)
            if count <= 0 { return received }
            received += buffer[..<count]
        }
    }

    /// A blocking socket connected to 127.0.0.1:`port`, with a receive timeout.
    private static func connected(port: Int, timeoutSeconds: Int) throws -> Int32 {
        #if canImport(Glibc)
            let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
            let descriptor = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard descriptor >= 0 else { throw Failure(description: "socket() failed") }
        var timeout = timeval(tv_sec: timeoutSeconds, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard result == 0 else {
            close(descriptor)
            throw Failure(description: "connect() failed")
        }
        return descriptor
    }

    /// Sends all of `bytes`.
    private static func sendAll(_ bytes: [UInt8], to descriptor: Int32) throws {
        var sent = 0
        while sent < bytes.count {
            let count = bytes[sent...].withUnsafeBytes { send(descriptor, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { throw Failure(description: "send() failed after \(sent) bytes") }
            sent += count
        }
    }
}

/// An HTTP/1.1 response read off a raw connection: the status code, the header fields
/// (names lowercased) and the body.
struct RawResponse {
    var status: Int
    var headers: [String: String]
    var body: [UInt8]

    /// The first response in `bytes`, or nil when they do not hold a status line.
    init?(_ bytes: [UInt8]) {
        let text = String(decoding: bytes, as: UTF8.self)
        guard let end = text.range(of: "\r\n\r\n") else { return nil }
        let lines = text[..<end.lowerBound].components(separatedBy: "\r\n")
        let statusParts = lines[0].split(separator: " ")
        guard statusParts.count >= 2, let status = Int(statusParts[1]) else { return nil }
        self.status = status
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(
                in: .whitespaces)
        }
        self.headers = headers
        let bodyStart = text[..<end.upperBound].utf8.count
        let length = headers["content-length"].flatMap { Int($0) } ?? (bytes.count - bodyStart)
        body = Array(bytes[bodyStart..<min(bytes.count, bodyStart + length)])
    }

    /// The error code of a JSON error body.
    var errorCode: String? {
        let decoded = try? JSONDecoder().decode(ErrorResponse.self, from: Data(body))
        return decoded?.error.code
    }
}

import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads article files with POSIX calls, so that a failure carries the system's own message
/// ("Permission denied", "Is a directory") and a size limit is enforced before reading.
enum ArticleFileReader {
    /// The bytes of the file at `url`; files over `limit` bytes are refused unread.
    ///
    /// - Parameter path: the path reported in errors.
    static func readContents(of url: URL, path: String, limit: Int) throws(ArticleParseError) -> [UInt8] {
        let descriptor = try openFile(url, path: path)
        defer { close(descriptor) }

        var information = stat()
        let statusResult = fstat(descriptor, &information)
        let isRegularFile = statusResult == 0 && (information.st_mode & S_IFMT) == S_IFREG
        let announcedSize = isRegularFile ? Int(information.st_size) : 0
        if announcedSize > limit {
            throw ArticleParseError(path: path, reason: .tooLarge(size: announcedSize, limit: limit))
        }

        // One byte more than the limit tells a file that grew past it from one that fits exactly.
        var buffer = [UInt8](repeating: 0, count: min(max(announcedSize, 4096), limit) + 1)
        var count = 0
        while true {
            if count == buffer.count {
                if count > limit {
                    throw ArticleParseError(path: path, reason: .tooLarge(size: count, limit: limit))
                }
                buffer.append(contentsOf: repeatElement(0, count: min(buffer.count, limit + 1 - buffer.count)))
            }
            let received = buffer.withUnsafeMutableBytes { storage in
                read(descriptor, storage.baseAddress! + count, storage.count - count)
            }
            if received < 0 {
                if errno == EINTR { continue }
                throw ArticleParseError(path: path, reason: .unreadable(systemMessage(for: errno)))
            }
            if received == 0 { break }
            count += received
        }
        if count > limit {
            throw ArticleParseError(path: path, reason: .tooLarge(size: count, limit: limit))
        }
        buffer.removeSubrange(count...)
        return buffer
    }

    /// Reads the file at `url` from start to end in chunks of up to `chunkSize` bytes and
    /// hands each one to `body`, which returns `false` to stop early.
    ///
    /// - Parameter path: the path reported in errors.
    static func forEachChunk(
        of url: URL,
        path: String,
        chunkSize: Int = 1 << 16,
        _ body: (UnsafeBufferPointer<UInt8>) -> Bool
    ) throws(ArticleParseError) {
        let descriptor = try openFile(url, path: path)
        defer { close(descriptor) }
        var buffer = [UInt8](repeating: 0, count: chunkSize)
        while true {
            let received = buffer.withUnsafeMutableBytes { storage in
                read(descriptor, storage.baseAddress!, storage.count)
            }
            if received < 0 {
                if errno == EINTR { continue }
                throw ArticleParseError(path: path, reason: .unreadable(systemMessage(for: errno)))
            }
            if received == 0 { return }
            let keepGoing = buffer.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[..<received])) }
            if !keepGoing { return }
        }
    }

    /// The system's description of an `errno` value, such as "No such file or directory".
    static func systemMessage(for errorNumber: Int32) -> String {
        String(cString: strerror(errorNumber))
    }

    private static func openFile(_ url: URL, path: String) throws(ArticleParseError) -> Int32 {
        var openError: Int32 = 0
        let descriptor = url.withUnsafeFileSystemRepresentation { fileSystemPath -> Int32 in
            guard let fileSystemPath else {
                openError = ENOENT
                return -1
            }
            var result: Int32
            repeat {
                result = open(fileSystemPath, O_RDONLY | O_CLOEXEC)
            } while result < 0 && errno == EINTR
            if result < 0 { openError = errno }
            return result
        }
        guard descriptor >= 0 else {
            throw ArticleParseError(path: path, reason: .unreadable(systemMessage(for: openError)))
        }
        return descriptor
    }
}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A file written front to back through a buffer, with the running CRC-32C of the bytes
/// written since the last ``resetChecksum()``.
///
/// Used for the index file itself and for the build's temporary files. The descriptor is
/// closed by ``close()`` or, at the latest, when the object is released.
final class BufferedFileOutput {
    /// The file's path, for error messages.
    let path: String
    /// Bytes written so far (buffered or not): the offset of the next byte.
    private(set) var offset = 0
    /// The CRC-32C of the bytes written since the last ``resetChecksum()``.
    var checksum: UInt32 { crc.value }

    private var descriptor: Int32
    private let buffer: UnsafeMutableRawBufferPointer
    private var used = 0
    private var crc = CRC32C()
    private let tracksChecksum: Bool

    /// Creates (or truncates) the file at `path`. `tracksChecksum` turns on the CRC-32C.
    init(creating path: String, tracksChecksum: Bool = false, bufferSize: Int = 1 << 20) throws(IndexWriterError) {
        self.path = path
        self.tracksChecksum = tracksChecksum
        descriptor = try SystemCall.openFile(path, O_WRONLY | O_CREAT | O_TRUNC, operation: "create")
        buffer = .allocate(byteCount: bufferSize, alignment: 16)
    }

    deinit {
        if descriptor >= 0 { SystemCall.closeDescriptor(descriptor) }
        buffer.deallocate()
    }

    /// Starts a new checksum at the current offset.
    func resetChecksum() {
        crc = CRC32C()
    }

    /// Appends `bytes`.
    func write(_ bytes: UnsafeRawBufferPointer) throws(IndexWriterError) {
        guard !bytes.isEmpty else { return }
        if tracksChecksum { crc.update(bytes) }
        offset += bytes.count
        if used + bytes.count <= buffer.count {
            UnsafeMutableRawBufferPointer(rebasing: buffer[used..<used + bytes.count]).copyMemory(from: bytes)
            used += bytes.count
            return
        }
        try flush()
        if bytes.count >= buffer.count {
            try SystemCall.writeFully(descriptor, bytes, path: path)
        } else {
            UnsafeMutableRawBufferPointer(rebasing: buffer[0..<bytes.count]).copyMemory(from: bytes)
            used = bytes.count
        }
    }

    /// Appends `bytes`.
    func write(_ bytes: [UInt8]) throws(IndexWriterError) {
        try bytes.withUnsafeBytesThrowing { (bytes) throws(IndexWriterError) in try write(bytes) }
    }

    /// Appends zero bytes until ``offset`` is a multiple of `alignment`.
    func pad(toMultipleOf alignment: Int) throws(IndexWriterError) {
        let padding = (alignment - offset % alignment) % alignment
        guard padding > 0 else { return }
        let zeros = [UInt8](repeating: 0, count: padding)
        try write(zeros)
    }

    /// Appends the whole content of the file at `source`.
    func append(contentsOf source: String) throws(IndexWriterError) {
        try flush()
        let input = try SystemCall.openFile(source, O_RDONLY, operation: "open")
        defer { SystemCall.closeDescriptor(input) }
        while true {
            let count = try SystemCall.readSome(input, into: buffer, path: source)
            if count == 0 { break }
            let chunk = UnsafeRawBufferPointer(rebasing: buffer[0..<count])
            if tracksChecksum { crc.update(chunk) }
            offset += count
            try SystemCall.writeFully(descriptor, chunk, path: path)
        }
    }

    /// Writes the buffered bytes to the file.
    func flush() throws(IndexWriterError) {
        guard used > 0 else { return }
        let pending = UnsafeRawBufferPointer(rebasing: buffer[0..<used])
        used = 0
        try SystemCall.writeFully(descriptor, pending, path: path)
    }

    /// Flushes and closes the file.
    func close() throws(IndexWriterError) {
        guard descriptor >= 0 else { return }
        defer {
            SystemCall.closeDescriptor(descriptor)
            descriptor = -1
        }
        try flush()
    }
}

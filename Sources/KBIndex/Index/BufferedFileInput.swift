#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A file read front to back through a buffer: the reading side of the spill runs.
///
/// A read past the end of the file throws ``IndexWriterError/damagedTemporaryFile(path:detail:)``:
/// the writer only reads files it wrote itself.
final class BufferedFileInput {
    /// The file's path, for error messages.
    let path: String

    private var descriptor: Int32
    private let buffer: UnsafeMutableRawBufferPointer
    private var start = 0
    private var end = 0

    /// Opens the file at `path`.
    init(path: String, bufferSize: Int = 1 << 18) throws(IndexWriterError) {
        self.path = path
        descriptor = try SystemCall.openFile(path, O_RDONLY, operation: "open")
        buffer = .allocate(byteCount: bufferSize, alignment: 16)
    }

    deinit {
        if descriptor >= 0 { SystemCall.closeDescriptor(descriptor) }
        buffer.deallocate()
    }

    /// Closes the file; later reads fail.
    func close() {
        if descriptor >= 0 { SystemCall.closeDescriptor(descriptor) }
        descriptor = -1
    }

    /// The next byte.
    func readByte() throws(IndexWriterError) -> UInt8 {
        if start == end { try refill() }
        let byte = buffer[start]
        start += 1
        return byte
    }

    /// The next LEB128 `VarUInt`.
    func readVarUInt() throws(IndexWriterError) -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let byte = try readByte()
            guard shift < 64 else { throw damaged("a VarUInt is longer than 10 bytes") }
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return value }
            shift += 7
        }
    }

    /// Replaces the content of `bytes` with the next `count` bytes.
    func read(count: Int, into bytes: inout [UInt8]) throws(IndexWriterError) {
        bytes.removeAll(keepingCapacity: true)
        var remaining = count
        while remaining > 0 {
            if start == end { try refill() }
            let chunk = min(remaining, end - start)
            bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: buffer[start..<start + chunk]))
            start += chunk
            remaining -= chunk
        }
    }

    /// The error for a file that does not hold what the writer wrote.
    func damaged(_ detail: String) -> IndexWriterError {
        .damagedTemporaryFile(path: path, detail: detail)
    }

    private func refill() throws(IndexWriterError) {
        guard descriptor >= 0 else { throw damaged("read after close") }
        let count = try SystemCall.readSome(descriptor, into: buffer, path: path)
        guard count > 0 else { throw damaged("it ends early") }
        start = 0
        end = count
    }
}

/// Writes `NORM` (`FORMAT.md`, NORM): every document's field lengths, document-major, as
/// little-endian `UInt16`.
enum NormsEncoder {
    /// Writes `norms` (`norms[d × 3 + f]`) as the `NORM` section of `file`.
    static func write(_ norms: [UInt16], to file: IndexFileWriter) throws(IndexWriterError) {
        try file.beginSection(.norms)
        var chunk = BinaryWriter(capacity: 1 << 16)
        for length in norms {
            chunk.writeUInt16(length)
            if chunk.count >= 1 << 16 {
                try file.output.write(chunk.bytes)
                chunk = BinaryWriter(capacity: 1 << 16)
            }
        }
        try file.output.write(chunk.bytes)
        try file.endSection()
    }
}

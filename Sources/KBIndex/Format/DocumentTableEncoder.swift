/// Writes `DOCS` (`FORMAT.md`, DOCS): where each document starts in `STOR`, then the doc ids
/// sorted by article id in byte order.
///
/// ```
/// Documents --> StoredOffset: UInt64^(DocumentCount + 1), IDOrder: UInt32^DocumentCount
/// ```
enum DocumentTableEncoder {
    /// Writes the `DOCS` section of `file` from the `N + 1` stored offsets and the id order.
    static func write(storedOffsets: [UInt64], idOrder: [UInt32], to file: IndexFileWriter) throws(IndexWriterError) {
        precondition(storedOffsets.count == idOrder.count + 1, "one stored offset per document, plus the end")
        try file.beginSection(.documents)
        var chunk = BinaryWriter(capacity: 1 << 16)
        func flushIfFull() throws(IndexWriterError) {
            guard chunk.count >= 1 << 16 else { return }
            try file.output.write(chunk.bytes)
            chunk = BinaryWriter(capacity: 1 << 16)
        }
        for offset in storedOffsets {
            chunk.writeUInt64(offset)
            try flushIfFull()
        }
        for document in idOrder {
            chunk.writeUInt32(document)
            try flushIfFull()
        }
        try file.output.write(chunk.bytes)
        try file.endSection()
    }
}

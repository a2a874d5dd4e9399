/// The stored fields (`STOR`) of the documents added so far, appended to a temporary file as
/// they arrive (never all in memory), with where each document starts.
final class StoredFieldsSpool {
    /// The temporary file.
    let path: String
    /// `offsets[d]` is where document `d` starts; the last element is the length so far
    /// (so there are `documentCount + 1`): `DOCS`'s `StoredOffset`.
    private(set) var offsets: [UInt64] = [0]
    private let output: BufferedFileOutput

    /// Creates the spool file at `path`.
    init(path: String) throws(IndexWriterError) {
        self.path = path
        output = try BufferedFileOutput(creating: path)
    }

    /// Appends the next document.
    func append(_ document: StoredDocument) throws(IndexWriterError) {
        var writer = BinaryWriter(capacity: 256 + document.body.utf8.count)
        StoredDocumentEncoder.encode(document, into: &writer)
        try output.write(writer.bytes)
        offsets.append(UInt64(output.offset))
    }

    /// Flushes and closes the file, ready to be copied into the index.
    func finish() throws(IndexWriterError) {
        try output.close()
    }
}

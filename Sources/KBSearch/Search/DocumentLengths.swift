import KBIndex

/// The BM25F length factors of one document's fields, loaded once per candidate document
/// and shared by every clause that scores it.
struct DocumentLengths {
    private(set) var document = -1
    private(set) var title = 0.0
    private(set) var headings = 0.0
    private(set) var body = 0.0
    private(set) var anchors = 0.0

    /// Loads the factors of `document` unless they are already loaded.
    @inline(__always)
    mutating func load(_ document: Int, reader: IndexReader, bm25: BM25) {
        guard document != self.document else { return }
        self.document = document
        title = bm25.lengthFactor(0, length: reader.fieldLength(.title, of: document))
        headings = bm25.lengthFactor(1, length: reader.fieldLength(.headings, of: document))
        body = bm25.lengthFactor(2, length: reader.fieldLength(.body, of: document))
        anchors = bm25.lengthFactor(3, length: reader.fieldLength(.anchors, of: document))
    }
}

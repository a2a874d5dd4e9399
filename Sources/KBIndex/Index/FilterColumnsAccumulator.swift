/// The filter values of the documents added so far, for `FILT`: per column (category,
/// product, tag), each distinct value with the documents having it, in doc id order.
///
/// Values are compared by their bytes, exactly as stored (case-sensitive). An empty value
/// is an absent one and is not listed. A tag listed twice by one document counts once.
struct FilterColumnsAccumulator {
    /// One column: the distinct values and, per value id, its documents.
    struct Column {
        /// The values, numbered in order of first appearance.
        private(set) var values = ByteStringTable(initialCapacity: 64)
        /// `documents[valueID]`: the documents having the value, increasing.
        private(set) var documents: [[UInt32]] = []

        /// Records that `document` (not before any document added earlier) has `value`.
        mutating func add(_ value: String, document: UInt32) {
            var value = value
            guard !value.isEmpty else { return }
            let (id, inserted) = value.withUTF8 { values.intern(UnsafeRawBufferPointer($0)) }
            if inserted { documents.append([]) }
            if documents[id].last != document { documents[id].append(document) }
        }
    }

    /// The columns, in `FILT` order: category, product, tag.
    private(set) var columns = [Column](repeating: Column(), count: 3)

    /// Records the filter values of `document`.
    mutating func add(_ stored: StoredDocument, document: UInt32) {
        columns[0].add(stored.category, document: document)
        columns[1].add(stored.product, document: document)
        for tag in stored.tags {
            columns[2].add(tag, document: document)
        }
    }
}

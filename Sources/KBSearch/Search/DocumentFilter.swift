/// A set of doc ids, as a bitmap: the documents that pass the request's filters.
struct DocumentFilter: Sendable {
    private var words: [UInt64]

    /// An empty set over `documentCount` documents.
    init(documentCount: Int) {
        words = [UInt64](repeating: 0, count: (documentCount + 63) / 64)
    }

    /// The set of `documents`.
    init(documentCount: Int, documents: [Int]) {
        self.init(documentCount: documentCount)
        for document in documents { insert(document) }
    }

    mutating func insert(_ document: Int) {
        words[document >> 6] |= 1 << UInt64(document & 63)
    }

    @inline(__always)
    func contains(_ document: Int) -> Bool {
        let word = document >> 6
        return word < words.count && words[word] & (1 << UInt64(document & 63)) != 0
    }

    /// The intersection with `other`.
    func intersection(_ other: DocumentFilter) -> DocumentFilter {
        var result = self
        for index in result.words.indices { result.words[index] &= other.words[index] }
        return result
    }

    /// Number of documents in the set.
    var count: Int { words.reduce(0) { $0 + $1.nonzeroBitCount } }
}

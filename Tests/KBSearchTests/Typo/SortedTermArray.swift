@testable import KBSearch

/// An in-memory ``SortedTermSource``: terms sorted in byte order, a seek is a binary search.
struct SortedTermArray: SortedTermSource {
    /// The terms' UTF-8 bytes, ascending, distinct.
    let terms: [[UInt8]]
    /// The document frequency of each term.
    let documentFrequencies: [Int]

    /// A source holding `terms` (deduplicated), each with the frequency `documentFrequency`
    /// gives it.
    init(_ terms: some Sequence<String>, documentFrequency: (String) -> Int = { _ in 1 }) {
        var entries = terms.map { (bytes: Array($0.utf8), documentFrequency: documentFrequency($0)) }
        entries.sort { ByteStringOrder.precedes($0.bytes, $1.bytes) }
        var unique: [(bytes: [UInt8], documentFrequency: Int)] = []
        unique.reserveCapacity(entries.count)
        for entry in entries where unique.last?.bytes != entry.bytes {
            unique.append(entry)
        }
        self.terms = unique.map(\.bytes)
        self.documentFrequencies = unique.map(\.documentFrequency)
    }

    /// The terms as strings, in order.
    var strings: [String] { terms.map { String(decoding: $0, as: UTF8.self) } }

    /// The index of the first term ≥ `start`.
    func lowerBound(_ start: [UInt8]) -> Int {
        var low = 0
        var high = terms.count
        while low < high {
            let middle = (low + high) / 2
            if ByteStringOrder.precedes(terms[middle], start) { low = middle + 1 } else { high = middle }
        }
        return low
    }

    func forEachTerm(fromBytes start: [UInt8], _ body: ([UInt8], Int) throws -> Bool) throws {
        var index = lowerBound(start)
        while index < terms.count {
            guard try body(terms[index], documentFrequencies[index]) else { return }
            index += 1
        }
    }
}

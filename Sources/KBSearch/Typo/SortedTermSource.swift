/// A sorted set of terms that can be enumerated in byte order from any start.
///
/// This is all that ``TypoMatcher`` needs from a term dictionary: it walks the implicit trie
/// of the sorted terms and *seeks* (restarts the enumeration further on) past every prefix
/// that cannot lead to a match. A seek should cost a binary search plus a short scan, as in
/// the index's block-structured `TermDictionary`.
public protocol SortedTermSource {
    /// Calls `body` with each term ≥ `start` (byte order) and its document frequency, in order, until `body` returns false.
    ///
    /// - Parameters:
    ///   - start: Where to start; any byte string, not necessarily valid UTF-8 (the walk seeks
    ///     to the successor of a prefix, whose last byte was incremented).
    ///   - body: Receives each term's UTF-8 bytes and its document frequency; returns whether
    ///     to go on.
    func forEachTerm(fromBytes start: [UInt8], _ body: (_ term: [UInt8], _ documentFrequency: Int) throws -> Bool)
        throws
}

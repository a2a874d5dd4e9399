public import KBIndex

/// The index's term dictionary as a source for ``TypoMatcher``: a seek is a binary search of
/// the blocks' first terms plus a scan of one block of at most 32.
extension TermDictionary: SortedTermSource {
    /// Calls `body` with each term ≥ `start` (byte order) and its document frequency, in order, until `body` returns false.
    public func forEachTerm(
        fromBytes start: [UInt8], _ body: (_ term: [UInt8], _ documentFrequency: Int) throws -> Bool
    ) throws {
        var failure: (any Error)?
        try forEachTerm(fromBytes: start) { (entry: TermEntry) throws(IndexFormatError) -> Bool in
            do {
                return try body(entry.bytes, entry.documentFrequency)
            } catch {
                failure = error
                return false
            }
        }
        if let failure { throw failure }
    }
}

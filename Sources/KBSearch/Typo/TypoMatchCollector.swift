/// Keeps the best ``TypoMatcher/Match``es found so far (distance ascending, document
/// frequency descending, term ascending in byte order), at most a given number, and tells
/// the walk when a distance can no longer make the cut.
struct TypoMatchCollector {
    /// A match with the term still as bytes, which order as the terms' scalars do.
    private struct Candidate {
        var term: [UInt8]
        var distance: Int
        var documentFrequency: Int

        /// Whether `self` ranks before `other`.
        func ranks(before other: Candidate) -> Bool {
            if distance != other.distance { return distance < other.distance }
            if documentFrequency != other.documentFrequency { return documentFrequency > other.documentFrequency }
            return ByteStringOrder.precedes(term, other.term)
        }
    }

    /// The most matches kept.
    let capacity: Int
    private var candidates: [Candidate] = []
    /// How many candidates were found at each distance.
    private var countByDistance: [Int]

    /// A collector keeping at most `capacity` matches of distance `0...maximumDistance`.
    init(capacity: Int, maximumDistance: Int) {
        self.capacity = capacity
        countByDistance = [Int](repeating: 0, count: maximumDistance + 1)
    }

    /// Adds a match.
    mutating func add(term: [UInt8], distance: Int, documentFrequency: Int) {
        candidates.append(Candidate(term: term, distance: distance, documentFrequency: documentFrequency))
        countByDistance[distance] += 1
        if candidates.count / 2 >= capacity { trim() }
    }

    /// The largest distance, at most `limit`, that can still make the cut: once `capacity`
    /// matches are closer than some distance, no match at that distance can rank among them
    /// (Lucene's `FuzzyTermsEnum` lowers its edit distance the same way when its queue is full).
    func usefulLimit(atMost limit: Int) -> Int {
        var closer = 0
        for distance in 0..<limit {
            closer += countByDistance[distance]
            if closer >= capacity { return distance }
        }
        return limit
    }

    /// The kept matches, best first.
    mutating func results() -> [TypoMatcher.Match] {
        trim()
        return candidates.map {
            TypoMatcher.Match(
                term: String(decoding: $0.term, as: UTF8.self), distance: $0.distance,
                documentFrequency: $0.documentFrequency)
        }
    }

    /// Sorts the candidates and keeps the best `capacity`.
    private mutating func trim() {
        candidates.sort { $0.ranks(before: $1) }
        if candidates.count > capacity { candidates.removeSubrange(capacity...) }
    }
}

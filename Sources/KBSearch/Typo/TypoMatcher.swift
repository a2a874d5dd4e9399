/// Finds the index terms within a few typing errors of a query word: `imprmir` → `imprimir`,
/// `ferramnetas` → `ferramentas`, `configuraçao` → `configuração`.
///
/// Distance is the optimal-string-alignment distance in characters (Unicode scalars):
/// insertions, deletions, substitutions and transpositions of two adjacent characters
/// (Levenshtein 1966; Damerau 1964), see ``DamerauDistance``.
///
/// The search never scans the dictionary: it walks the implicit trie of the sorted terms
/// keeping one row of the distance table per character of the current term
/// (``EditDistanceTrieWalk``), and seeks past every prefix that can no longer match, as
/// Lucene's `FuzzyQuery` intersects the term dictionary with a Levenshtein automaton
/// (Schulz & Mihov 2002). On a dictionary of 200,000 Portuguese words it examines about
/// 0.2% of the terms for one edit and 2–6% for two.
public struct TypoMatcher: Sendable {
    /// A dictionary term close to the query word.
    public struct Match: Sendable, Hashable {
        /// The term.
        public var term: String
        /// Its distance from the query word (0 when it is the word itself).
        public var distance: Int
        /// Number of documents containing the term.
        public var documentFrequency: Int

        /// Creates a match.
        public init(term: String, distance: Int, documentFrequency: Int) {
            self.term = term
            self.distance = distance
            self.documentFrequency = documentFrequency
        }
    }

    /// The most matches returned: the best ones, distance ascending, then document frequency
    /// descending, then term ascending (byte order).
    public let maximumExpansions: Int

    /// Terms the walk may pass over inside one enumeration, with a byte comparison each,
    /// before it seeks instead (a ski-rental bound): a seek in the index's block dictionary
    /// costs a binary search and a block scan, about as much as reading 16 terms, and 16 was
    /// the fastest of 0, 4, 16 and 32 on it.
    let inlineSkipLimit: Int

    /// Edits allowed for a word of `characterCount` characters: 0 below 5, 1 for 5...8, 2 from 9.
    ///
    /// Short words get no tolerance: one edit away from a 4-letter word lie too many other
    /// words (`nota`: `rota`, `nata`, `note`).
    public static func maximumDistance(forWordOfLength characterCount: Int) -> Int {
        switch characterCount {
        case ..<5: 0
        case 5...8: 1
        default: 2
        }
    }

    /// A matcher returning at most `maximumExpansions` matches per word, which bounds the
    /// cost of the query that uses them.
    public init(maximumExpansions: Int = 50) {
        self.init(maximumExpansions: maximumExpansions, inlineSkipLimit: 16)
    }

    /// A matcher that also sets ``inlineSkipLimit`` (0 seeks at every dead prefix).
    init(maximumExpansions: Int, inlineSkipLimit: Int) {
        precondition(maximumExpansions >= 0, "maximumExpansions cannot be negative")
        precondition(inlineSkipLimit >= 0, "inlineSkipLimit cannot be negative")
        self.maximumExpansions = maximumExpansions
        self.inlineSkipLimit = inlineSkipLimit
    }

    /// The terms of `source` within `maximumDistance` edits of `word`, best first, at most
    /// ``maximumExpansions``.
    ///
    /// `word` is compared as given, scalar by scalar: pass it in the form the index's terms
    /// have (analyzed: lowercased, and accent-folded if the index folds). The word itself is
    /// included, at distance 0, when the dictionary contains it; callers that only want
    /// corrections drop it. `maximumDistance` is usually
    /// ``maximumDistance(forWordOfLength:)``; the cost grows quickly past 2.
    public func matches(for word: String, maximumDistance: Int, in source: some SortedTermSource) throws -> [Match] {
        var statistics = Statistics()
        return try matches(for: word, maximumDistance: maximumDistance, in: source, statistics: &statistics)
    }

    /// ``matches(for:maximumDistance:in:)``, also adding what the search cost to `statistics`.
    public func matches(
        for word: String, maximumDistance: Int, in source: some SortedTermSource, statistics: inout Statistics
    ) throws -> [Match] {
        let scalars = word.unicodeScalars.map(\.value)
        return try matches(
            forPrefixes: [scalars.count], of: scalars, maximumDistance: maximumDistance, in: source,
            statistics: &statistics)[0]
    }

    /// For each length in `lengths`, the terms of `source` within `maximumDistance` edits of
    /// `word`'s prefix of that length, best first, at most ``maximumExpansions`` each: the
    /// same as one ``matches(for:maximumDistance:in:)`` per prefix, in one walk (the walk's
    /// rows hold the distances to every prefix of the word).
    public func matches(
        forPrefixes lengths: [Int], of word: [UInt32], maximumDistance: Int, in source: some SortedTermSource,
        statistics: inout Statistics
    ) throws -> [[Match]] {
        precondition(maximumDistance >= 0, "the maximum distance cannot be negative")
        guard maximumExpansions > 0, let longest = lengths.max() else { return lengths.map { _ in [] } }
        var walk = EditDistanceTrieWalk(
            query: Array(word[..<longest]), limit: maximumDistance, acceptedLengths: lengths)
        var collectors = lengths.map { _ in
            TypoMatchCollector(capacity: maximumExpansions, maximumDistance: maximumDistance)
        }
        var start: [UInt8]? = []
        let inlineSkipLimit = self.inlineSkipLimit
        while let from = start {
            start = nil
            statistics.seeks += 1
            var target: [UInt8]?
            var skippedInARow = 0
            try source.forEachTerm(fromBytes: from) { term, documentFrequency in
                if let pending = target {
                    if ByteStringOrder.precedes(term, pending) {
                        statistics.termsSkipped += 1
                        skippedInARow += 1
                        if skippedInARow > inlineSkipLimit {
                            start = pending
                            return false
                        }
                        return true
                    }
                    target = nil
                }
                statistics.termsVisited += 1
                switch walk.visit(term) {
                case .match:
                    statistics.matchesFound += 1
                    var needed = 0
                    for (index, length) in lengths.enumerated() {
                        let distance = walk.distance(toPrefixOfLength: length)
                        if distance <= walk.limit {
                            collectors[index].add(term: term, distance: distance, documentFrequency: documentFrequency)
                        }
                        needed = max(needed, collectors[index].usefulLimit(atMost: walk.limit))
                    }
                    // Every prefix keeps the distances it can still use.
                    walk.lowerLimit(to: needed)
                case .noMatch:
                    break
                case .deadPrefix:
                    guard let next = walk.nextSeekTarget() else { return false }
                    target = next
                    skippedInARow = 0
                }
                return true
            }
        }
        return collectors.indices.map { collectors[$0].results() }
    }
}

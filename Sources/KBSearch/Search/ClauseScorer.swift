import KBIndex

/// One query clause as the collectors see it: a cursor over the documents it matches, with
/// its score and score bounds.
///
/// A *word* clause matches any of its terms (the word's terms, prefix completions, typo
/// corrections) and scores the best of them, so a document is not rewarded for containing
/// several spellings of one word. A *phrase* clause matches documents holding all its
/// terms at the phrase's relative positions in one field, and scores the sum of its terms.
struct ClauseScorer {
    enum Kind {
        case word
        /// Relative position of each term in the phrase (stop words leave gaps).
        case phrase(offsets: [Int])
    }

    /// The terms, each with its cursor.
    var terms: [TermScorer]
    let kind: Kind
    let occurrence: Query.Occurrence
    /// The largest score the clause can give any document.
    let upperBound: Double
    /// The current document (-1 before the first move, ``PostingsCursor/exhausted`` at the end).
    private(set) var document = -1
    /// A phrase's position lists, one per term and field, kept between candidate documents
    /// so that matching a phrase does not allocate them for every candidate.
    private var phrasePositions: [[Int]] = []

    /// Whether the clause's word is not in the index and the clause searches only its typo
    /// corrections.
    let isCorrection: Bool
    /// The clause's boost in its query (1, or less for filler and description words).
    let boost: Double
    /// The clauses of the parsed ``Query`` this scorer stands for: one word (or each part of a
    /// word of several parts, and a synonym of the word), or a run of words for a synonym of
    /// several words ("nf" for "nota fiscal"). Empty for clauses not planned from a query.
    let queryClauses: Range<Int>

    init(
        terms: [TermScorer], kind: Kind, occurrence: Query.Occurrence, isCorrection: Bool = false, boost: Double = 1,
        queryClauses: Range<Int> = 0..<0
    ) {
        self.terms = terms
        self.queryClauses = queryClauses
        self.isCorrection = isCorrection
        self.boost = boost
        self.kind = kind
        self.occurrence = occurrence
        switch kind {
        case .word: upperBound = terms.map(\.upperBound).max() ?? 0
        case .phrase: upperBound = terms.reduce(0) { $0 + $1.upperBound }
        }
    }

    /// The sum of the terms' document frequencies: the cost of walking the clause.
    var cost: Int { terms.reduce(0) { $0 + $1.cursor.term.documentFrequency } }

    /// Moves to the next document the clause matches.
    @discardableResult
    mutating func next() throws(IndexFormatError) -> Int {
        switch kind {
        case .word:
            var lowest = PostingsCursor.exhausted
            for index in terms.indices {
                if terms[index].cursor.document <= document {
                    try terms[index].cursor.next()
                }
                lowest = min(lowest, terms[index].cursor.document)
            }
            document = lowest
            return document
        case .phrase:
            return try advancePhrase(to: document + 1)
        }
    }

    /// Moves to the first matching document ≥ `target`; never moves backwards.
    @discardableResult
    mutating func advance(to target: Int) throws(IndexFormatError) -> Int {
        if document >= target { return document }
        switch kind {
        case .word:
            var lowest = PostingsCursor.exhausted
            for index in terms.indices {
                if terms[index].cursor.document < target {
                    try terms[index].cursor.advance(to: target)
                }
                lowest = min(lowest, terms[index].cursor.document)
            }
            document = lowest
            return document
        case .phrase:
            return try advancePhrase(to: target)
        }
    }

    /// The clause's score in the current document.
    @inline(__always)
    func score(_ lengths: DocumentLengths, bm25: BM25) -> Double {
        switch kind {
        case .word:
            var best = 0.0
            for term in terms where term.cursor.document == document {
                best = max(best, term.score(lengths, bm25: bm25))
            }
            return best
        case .phrase:
            var sum = 0.0
            for term in terms { sum += term.score(lengths, bm25: bm25) }
            return sum
        }
    }

    /// The largest score the clause can give a document in the blocks holding `target`.
    func blockUpperBound(at target: Int, bm25: BM25) -> Double {
        switch kind {
        case .word:
            var best = 0.0
            for term in terms where term.cursor.document != PostingsCursor.exhausted {
                best = max(best, term.blockUpperBound(at: target, bm25: bm25))
            }
            return best
        case .phrase:
            return terms.reduce(0) { $0 + $1.blockUpperBound(at: target, bm25: bm25) }
        }
    }

    /// The terms positioned on the current document (for highlighting and explanations).
    func matchedTerms() -> [TermScorer] {
        terms.filter { $0.cursor.document == document }
    }

    // MARK: - Phrases

    private mutating func advancePhrase(to target: Int) throws(IndexFormatError) -> Int {
        guard case .phrase(let offsets) = kind else { return document }
        var candidate = target
        while true {
            // Leapfrog until every term sits on the same document.
            var agreed = false
            while !agreed {
                agreed = true
                for index in terms.indices {
                    let reached = try terms[index].cursor.advance(to: candidate)
                    if reached == PostingsCursor.exhausted {
                        document = PostingsCursor.exhausted
                        return document
                    }
                    if reached != candidate {
                        candidate = reached
                        agreed = false
                    }
                }
            }
            if try positionsMatch(offsets) {
                document = candidate
                return document
            }
            candidate += 1
        }
    }

    /// Whether the terms occur at their phrase offsets in one field of the current document.
    private mutating func positionsMatch(_ offsets: [Int]) throws(IndexFormatError) -> Bool {
        if phrasePositions.count != terms.count * IndexField.count {
            phrasePositions = [[Int]](repeating: [], count: terms.count * IndexField.count)
        }
        for slot in phrasePositions.indices { phrasePositions[slot].removeAll(keepingCapacity: true) }
        for (index, term) in terms.enumerated() {
            try term.cursor.forEachPosition { field, position in
                phrasePositions[index * IndexField.count + field.rawValue].append(position)
            }
        }
        let positions = phrasePositions
        for field in 0..<IndexField.count {
            let first = positions[field]
            starts: for start in first {
                let origin = start - offsets[0]
                for index in 1..<terms.count {
                    let wanted = origin + offsets[index]
                    if !positions[index * IndexField.count + field].contains(wanted) { continue starts }
                }
                return true
            }
        }
        return false
    }
}

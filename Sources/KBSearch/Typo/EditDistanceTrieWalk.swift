/// The dynamic-programming state of a bounded edit-distance walk over the implicit trie of
/// a sorted term list: the technique of Lucene's `FuzzyQuery` (there through a Levenshtein
/// automaton, Schulz & Mihov 2002), done here with the rows of the distance table directly.
///
/// Row `d` holds the optimal-string-alignment distances (Levenshtein 1966; Damerau 1964)
/// between the term's first `d` characters and every prefix of the query. It depends only
/// on that prefix, so consecutive terms share the rows of their common prefix and each term
/// only computes rows for the characters after it. A row's minimum never decreases further
/// down (every cell is at least a cell of the row above, or a transposition's cell two rows
/// up + 1, which is at least the cell below it), so once it exceeds the limit no term with
/// the prefix can match: the prefix is *dead*, and ``nextSeekTarget()`` gives the smallest
/// byte string after it that may still match (as an automaton's "next string" would).
///
/// Only the diagonal band of each row is computed (Ukkonen 1985): cell `j` of row `d` is at
/// least `|d − j|`, so outside `d − limit...d + limit` it cannot be within the limit. The
/// cells just outside the band hold `limit + 1`, which stands for "too far" (every value the
/// walk compares is checked against the limit, and a cell within the limit is computed from
/// neighbours within it), so a row costs `2 × limit + 1` cells, not the query's length.
///
/// Characters are Unicode scalars decoded from the terms' UTF-8 (``TermScalarDecoder``);
/// byte order and scalar order agree, so the byte-ordered terms are a trie over scalars.
struct EditDistanceTrieWalk {
    /// What a term turned out to be.
    enum Outcome: Equatable {
        /// The term is within the limit.
        case match(distance: Int)
        /// The term is too far, but longer terms with the same prefix may match.
        case noMatch
        /// A prefix of the term is too far: so is every term that starts with it.
        case deadPrefix
    }

    /// The query's scalars.
    private let query: [UInt32]
    /// Cells per row: the query's length + 1.
    private let width: Int
    /// The deepest row the walk can need: a row at `query.count + limit + 1` is always dead.
    private let maximumDepth: Int
    /// The largest distance accepted; it may only shrink (see ``lowerLimit(to:)``).
    private(set) var limit: Int
    /// The lengths of the query prefixes a term may match (the whole query by default): a
    /// term matches when it is within the limit of any of them.
    private let acceptedLengths: [Int]

    /// Rows `0...maximumDepth`, each of `width` cells.
    private var rows: [Int]
    /// The minimum of each row.
    private var rowMinimum: [Int]
    /// `scalars[d]`: the term's scalar at depth `d` (1-based).
    private var scalars: [UInt32]
    /// `scalarEnd[d]`: the byte offset just past the scalar at depth `d`; `scalarEnd[0] == 0`.
    private var scalarEnd: [Int]
    /// `dependencyEnd[d]`: see ``TermScalarDecoder/Unit/dependencyEnd``.
    private var dependencyEnd: [Int]
    /// The current term's bytes.
    private var term: [UInt8] = []
    /// Rows `0...depth` are valid for `term`.
    private var depth = 0

    /// A walk for `query` accepting terms within `limit` edits of it, or, with
    /// `acceptedLengths`, of any of its prefixes of those lengths (one walk instead of one per
    /// prefix: the rows hold the distances to every prefix of the query).
    init(query: [UInt32], limit: Int, acceptedLengths: [Int]? = nil) {
        precondition(limit >= 0, "the maximum distance cannot be negative")
        let accepted = acceptedLengths ?? [query.count]
        precondition(accepted.allSatisfy { (0...query.count).contains($0) }, "prefix lengths out of range")
        self.acceptedLengths = accepted
        self.query = query
        self.width = query.count + 1
        self.maximumDepth = query.count + limit + 1
        self.limit = limit
        rows = [Int](repeating: 0, count: (maximumDepth + 1) * width)
        for j in 0..<width { rows[j] = j }
        rowMinimum = [Int](repeating: 0, count: maximumDepth + 1)
        scalars = [UInt32](repeating: 0, count: maximumDepth + 1)
        scalarEnd = [Int](repeating: 0, count: maximumDepth + 1)
        dependencyEnd = [Int](repeating: 0, count: maximumDepth + 1)
        term.reserveCapacity(64)
    }

    /// Accepts only terms within `newLimit` edits from now on (`newLimit` ≤ ``limit``).
    mutating func lowerLimit(to newLimit: Int) {
        limit = min(limit, newLimit)
    }

    /// Moves to `newTerm`, reusing the rows of the prefix it shares with the previous term
    /// (or seek target), and computes the rows of the rest until the end or a dead prefix.
    mutating func visit(_ newTerm: [UInt8]) -> Outcome {
        var common = 0
        let commonLimit = min(term.count, newTerm.count)
        while common < commonLimit && term[common] == newTerm[common] { common += 1 }
        var reused = 0
        while reused < depth && dependencyEnd[reused + 1] <= common {
            reused += 1
            if rowMinimum[reused] > limit {
                term.removeSubrange(common...)
                term.append(contentsOf: newTerm[common...])
                depth = reused
                return .deadPrefix
            }
        }
        term.removeSubrange(common...)
        term.append(contentsOf: newTerm[common...])
        depth = reused
        var position = scalarEnd[depth]
        let termLength = term.count
        while position < termLength {
            let unit = term.withUnsafeBufferPointer { TermScalarDecoder.unit(in: $0, at: position) }
            depth += 1
            scalars[depth] = unit.value
            scalarEnd[depth] = unit.end
            dependencyEnd[depth] = unit.dependencyEnd
            let minimum = fillRow(depth: depth, scalar: unit.value)
            rowMinimum[depth] = minimum
            if minimum > limit { return .deadPrefix }
            position = unit.end
        }
        let distance = acceptedDistance(atDepth: depth)
        return distance <= limit ? .match(distance: distance) : .noMatch
    }

    /// The distance between the current term (after ``visit(_:)`` returned a match or no
    /// match) and the query's prefix of `length` scalars, or more than ``limit``.
    func distance(toPrefixOfLength length: Int) -> Int {
        distance(atDepth: depth, prefixLength: length)
    }

    /// The smallest distance between the term's first `depth` scalars and an accepted query
    /// prefix, or more than the limit.
    @inline(__always)
    private func acceptedDistance(atDepth depth: Int) -> Int {
        var best = Int.max
        for length in acceptedLengths { best = min(best, distance(atDepth: depth, prefixLength: length)) }
        return best
    }

    /// Cell `length` of row `depth`, or `limit + 1` when it lies outside the row's band (so
    /// beyond the limit, and possibly stale).
    @inline(__always)
    private func distance(atDepth depth: Int, prefixLength length: Int) -> Int {
        abs(depth - length) <= limit ? rows[depth * width + length] : limit + 1
    }

    /// After ``Outcome/deadPrefix``: the smallest byte string that sorts after every term
    /// with the dead prefix and may still match, or nil when no further term can match. The
    /// walk moves to that string, so that the next term reuses its rows.
    ///
    /// Climbing from the dead prefix: when the parent's row minimum is below the limit, any
    /// next character may do, so the target is the successor of the dead prefix
    /// (``ByteStringOrder/successor(ofPrefix:)``). When it equals the limit, only a query
    /// character can extend the parent, so the target is the parent plus the smallest such
    /// character after the dead one whose row stays within the limit, extended while the
    /// same holds and the string is not a match itself (Lucene's `AutomatonTermsEnum.nextString`
    /// does the same on its automaton). When there is no such character, the parent is done
    /// too.
    mutating func nextSeekTarget() -> [UInt8]? {
        var level = depth
        while level > 0 {
            let parent = level - 1
            if rowMinimum[parent] > limit {
                level = parent
                continue
            }
            if rowMinimum[parent] < limit {
                let target = ByteStringOrder.successor(ofPrefix: term[0..<scalarEnd[level]])
                truncate(toDepth: parent)
                return target
            }
            if let viable = smallestViableScalar(atDepth: level, greaterThan: scalars[level]) {
                truncate(toDepth: parent)
                extend(with: viable.scalar, minimum: viable.minimum)
                while acceptedDistance(atDepth: depth) > limit && rowMinimum[depth] == limit,
                    let next = smallestViableScalar(atDepth: depth + 1, greaterThan: nil)
                {
                    extend(with: next.scalar, minimum: next.minimum)
                }
                return term
            }
            level = parent
        }
        return nil
    }

    /// The smallest scalar greater than `bound` (if any) that extends the current prefix of
    /// `depth - 1` scalars, whose row minimum equals the limit, with a row that stays within
    /// the limit; that row is left in row `depth`.
    ///
    /// When the parent's minimum is the limit, a child's cell can only stay within it through
    /// a match with the query character after a parent cell at the limit: `query[j]` where
    /// `parent[j] == limit`, and each of these does. (A transposition needs no other
    /// candidate: it takes `query[j - 2]` where `grandparent[j - 2] < limit`, and then
    /// `parent[j - 2] ≤ grandparent[j - 2] + 1 ≤ limit`.) So one pass over the parent row finds
    /// the smallest candidate, and only its row is computed.
    private mutating func smallestViableScalar(atDepth depth: Int, greaterThan bound: UInt32?) -> (
        scalar: UInt32, minimum: Int
    )? {
        let width = self.width
        let limit = self.limit
        // Candidates must be at least `lowest`; `none` (not a scalar) stands for no candidate.
        let lowest = bound.map { UInt64($0) + 1 } ?? 0
        let none = TermScalarDecoder.malformed
        let best: UInt32 = query.withUnsafeBufferPointer { query in
            rows.withUnsafeBufferPointer { rows in
                let parent = (depth - 1) * width
                var best = none
                // The parent row's band (other cells are stale or beyond the limit).
                let first = max(0, depth - 1 - limit)
                let last = min(width - 2, depth - 1 + limit)
                for j in stride(from: first, through: last, by: 1) where rows[parent + j] <= limit {
                    let candidate = query[j]
                    if UInt64(candidate) >= lowest && candidate < best { best = candidate }
                }
                return best
            }
        }
        guard best != none else { return nil }
        let minimum = fillRow(depth: depth, scalar: best)
        assert(minimum <= limit, "a candidate extension must stay within the limit")
        return (best, minimum)
    }

    /// Drops the current term's scalars past `newDepth`.
    private mutating func truncate(toDepth newDepth: Int) {
        depth = newDepth
        term.removeSubrange(scalarEnd[newDepth]...)
    }

    /// Appends `scalar`, whose row (of minimum `minimum`) is already in row `depth + 1`.
    private mutating func extend(with scalar: UInt32, minimum: Int) {
        depth += 1
        scalars[depth] = scalar
        appendUTF8(scalar)
        scalarEnd[depth] = term.count
        dependencyEnd[depth] = term.count
        rowMinimum[depth] = minimum
    }

    /// Appends the UTF-8 encoding of `scalar`, a query scalar, so a valid one, to `term`.
    @inline(__always)
    private mutating func appendUTF8(_ scalar: UInt32) {
        switch scalar {
        case ..<0x80:
            term.append(UInt8(scalar))
        case ..<0x800:
            term.append(UInt8(0xC0 | scalar >> 6))
            term.append(UInt8(0x80 | scalar & 0x3F))
        case ..<0x1_0000:
            term.append(UInt8(0xE0 | scalar >> 12))
            term.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            term.append(UInt8(0x80 | scalar & 0x3F))
        default:
            term.append(UInt8(0xF0 | scalar >> 18))
            term.append(UInt8(0x80 | scalar >> 12 & 0x3F))
            term.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            term.append(UInt8(0x80 | scalar & 0x3F))
        }
    }

    /// Computes row `depth` for a term whose scalar there is `scalar` (rows `depth - 1` and
    /// `depth - 2` and `scalars[depth - 1]` being the prefix's), and returns its minimum.
    ///
    /// Wagner–Fischer's recurrence with Damerau's transposition case: a cell is the least of
    /// the cell above + 1 (the term has an extra character), the cell to the left + 1 (the
    /// query has one), the cell above left + 0 or 1 (match or substitution), and, when the
    /// last two characters are the query's swapped, the cell two rows up, two columns left + 1.
    /// Only the band `depth - limit...depth + limit` is computed; the cells on either side of
    /// it are set to `limit + 1`, which is what the next row reads there.
    @inline(__always)
    private mutating func fillRow(depth: Int, scalar: UInt32) -> Int {
        let width = self.width
        let limit = self.limit
        let tooFar = limit + 1
        let previousScalar = depth > 1 ? scalars[depth - 1] : TermScalarDecoder.malformed
        return query.withUnsafeBufferPointer { query in
            rows.withUnsafeMutableBufferPointer { rows in
                let row = depth * width
                let parent = (depth - 1) * width
                let grandparent = (depth - 2) * width
                var first = depth - limit
                var minimum = tooFar
                if first <= 0 {
                    rows[row] = depth
                    minimum = depth
                    first = 1
                } else {
                    rows[row + first - 1] = tooFar
                }
                let last = min(width - 1, depth + limit)
                if first > last { return minimum }
                for j in first...last {
                    let queryScalar = query[j - 1]
                    var value = rows[parent + j - 1] + (queryScalar == scalar ? 0 : 1)
                    value = min(value, rows[parent + j] + 1, rows[row + j - 1] + 1)
                    if j > 1 && scalar == query[j - 2] && previousScalar == queryScalar {
                        value = min(value, rows[grandparent + j - 2] + 1)
                    }
                    rows[row + j] = value
                    minimum = min(minimum, value)
                }
                if last + 1 < width { rows[row + last + 1] = tooFar }
                return minimum
            }
        }
    }
}

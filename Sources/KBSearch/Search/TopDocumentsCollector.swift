import KBIndex

/// Finds the best-scoring documents of a ``SearchPlan``.
///
/// Three strategies, all exact (the same top k for the same plan):
/// - ``collectPruned`` — block-max MaxScore (Turtle and Flood, "Query evaluation:
///   strategies and optimizations", 1995; with Ding and Suel's block-max bounds, SIGIR
///   2011) for queries of optional clauses: clauses are sorted by their score bound; the
///   low-bound clauses whose bounds add up to no more than the current k-th score are
///   *non-essential* and only scored for documents found through the others, and a document
///   whose score plus the non-essential clauses' per-block bounds cannot beat the k-th score
///   is skipped without scoring them;
/// - ``collectConjunction`` for queries with required clauses: leapfrog over the required
///   clauses, then score the optional ones on each match;
/// - ``collectExhaustive`` scores every matching document (tests check the others against it).
///
/// Scores are summed over clauses in one fixed order whatever the strategy, so ties and
/// rounding come out the same.
struct TopDocumentsCollector {
    let reader: IndexReader
    let bm25: BM25
    let filter: DocumentFilter?

    /// Block-max MaxScore over the plan's optional clauses (no required clause).
    func collectPruned(_ plan: inout SearchPlan, capacity: Int) throws(IndexFormatError) -> [ScoredDocument] {
        precondition(plan.required.isEmpty, "use collectConjunction for required clauses")
        var clauses = plan.optional
        let count = clauses.count
        guard count > 0, capacity > 0 else { return [] }
        // Bounds sums: boundSum[i] = upper bounds of clauses 0..<i.
        var boundSum = [Double](repeating: 0, count: count + 1)
        for index in 0..<count { boundSum[index + 1] = boundSum[index] + clauses[index].upperBound }
        for index in clauses.indices { try clauses[index].next() }
        var top = TopK(capacity: capacity)
        var threshold = -Double.infinity
        var firstEssential = 0
        var scores = [Double](repeating: 0, count: count)
        var lengths = DocumentLengths()
        while true {
            var candidate = PostingsCursor.exhausted
            for index in firstEssential..<count { candidate = min(candidate, clauses[index].document) }
            if candidate == PostingsCursor.exhausted { break }
            if filter?.contains(candidate) ?? true {
                // Score the essential clauses, then the non-essential ones while they can
                // still lift the document above the threshold.
                for index in 0..<count { scores[index] = 0 }
                lengths.load(candidate, reader: reader, bm25: bm25)
                var partial = 0.0
                for index in firstEssential..<count where clauses[index].document == candidate {
                    let score = clauses[index].score(lengths, bm25: bm25)
                    scores[index] = score
                    partial += score
                }
                var competitive = true
                if firstEssential > 0 {
                    competitive = partial + boundSum[firstEssential] > threshold
                    if competitive {
                        var blockBound = 0.0
                        for index in 0..<firstEssential {
                            blockBound += clauses[index].blockUpperBound(at: candidate, bm25: bm25)
                        }
                        competitive = partial + blockBound > threshold
                    }
                    var index = firstEssential - 1
                    while competitive && index >= 0 {
                        if partial + boundSum[index + 1] <= threshold {
                            competitive = false
                        } else if try clauses[index].advance(to: candidate) == candidate {
                            let score = clauses[index].score(lengths, bm25: bm25)
                            scores[index] = score
                            partial += score
                        }
                        index -= 1
                    }
                }
                if competitive {
                    var total = 0.0
                    for score in scores { total += score }
                    if total > threshold || !top.isFull, try !isExcluded(candidate, &plan.excluded) {
                        top.insert(ScoredDocument(document: candidate, score: total))
                        if top.isFull {
                            threshold = top.threshold
                            while firstEssential < count && boundSum[firstEssential + 1] <= threshold {
                                firstEssential += 1
                            }
                        }
                    }
                }
            }
            for index in 0..<count where clauses[index].document == candidate {
                try clauses[index].next()
            }
        }
        plan.optional = clauses
        return top.sorted()
    }

    /// Leapfrog over the required clauses, scoring optional clauses on each match.
    func collectConjunction(_ plan: inout SearchPlan, capacity: Int) throws(IndexFormatError) -> [ScoredDocument] {
        guard !plan.required.isEmpty, capacity > 0 else { return [] }
        var required = plan.required
        var optional = plan.optional
        var top = TopK(capacity: capacity)
        var lengths = DocumentLengths()
        var candidate = try nextMatch(of: &required, from: try required[0].next())
        while candidate != PostingsCursor.exhausted {
            if filter?.contains(candidate) ?? true, try !isExcluded(candidate, &plan.excluded) {
                lengths.load(candidate, reader: reader, bm25: bm25)
                var total = 0.0
                for index in optional.indices where try optional[index].advance(to: candidate) == candidate {
                    total += optional[index].score(lengths, bm25: bm25)
                }
                for clause in required { total += clause.score(lengths, bm25: bm25) }
                top.insert(ScoredDocument(document: candidate, score: total))
            }
            candidate = try nextMatch(of: &required, from: try required[0].next())
        }
        plan.required = required
        plan.optional = optional
        return top.sorted()
    }

    /// Scores every document matching any optional clause (no pruning).
    func collectExhaustive(_ plan: inout SearchPlan, capacity: Int) throws(IndexFormatError) -> [ScoredDocument] {
        precondition(plan.required.isEmpty, "use collectConjunction for required clauses")
        var clauses = plan.optional
        guard !clauses.isEmpty, capacity > 0 else { return [] }
        for index in clauses.indices { try clauses[index].next() }
        var top = TopK(capacity: capacity)
        var lengths = DocumentLengths()
        while true {
            var candidate = PostingsCursor.exhausted
            for clause in clauses { candidate = min(candidate, clause.document) }
            if candidate == PostingsCursor.exhausted { break }
            var total = 0.0
            if filter?.contains(candidate) ?? true, try !isExcluded(candidate, &plan.excluded) {
                lengths.load(candidate, reader: reader, bm25: bm25)
                for clause in clauses where clause.document == candidate {
                    total += clause.score(lengths, bm25: bm25)
                }
                top.insert(ScoredDocument(document: candidate, score: total))
            }
            for index in clauses.indices where clauses[index].document == candidate {
                try clauses[index].next()
            }
        }
        plan.optional = clauses
        return top.sorted()
    }

    /// Counts the documents the plan matches, and calls `visit` with each (for totals and facets).
    func count(_ plan: SearchPlan, visit: (Int) -> Void = { _ in }) throws(IndexFormatError) -> Int {
        var plan = plan
        var matched = 0
        if plan.required.isEmpty {
            var clauses = plan.optional
            for index in clauses.indices { try clauses[index].next() }
            while true {
                var candidate = PostingsCursor.exhausted
                for clause in clauses { candidate = min(candidate, clause.document) }
                if candidate == PostingsCursor.exhausted { break }
                if filter?.contains(candidate) ?? true, try !isExcluded(candidate, &plan.excluded) {
                    matched += 1
                    visit(candidate)
                }
                for index in clauses.indices where clauses[index].document == candidate {
                    try clauses[index].next()
                }
            }
        } else {
            var required = plan.required
            var candidate = try nextMatch(of: &required, from: try required[0].next())
            while candidate != PostingsCursor.exhausted {
                if filter?.contains(candidate) ?? true, try !isExcluded(candidate, &plan.excluded) {
                    matched += 1
                    visit(candidate)
                }
                candidate = try nextMatch(of: &required, from: try required[0].next())
            }
        }
        return matched
    }

    /// The first document ≥ `candidate` that every clause of `required` matches (leapfrog:
    /// each clause advances to the latest document any of them reached).
    private func nextMatch(of required: inout [ClauseScorer], from candidate: Int) throws(IndexFormatError) -> Int {
        var candidate = candidate
        var agreed = false
        while !agreed && candidate != PostingsCursor.exhausted {
            agreed = true
            for index in required.indices {
                let reached = try required[index].advance(to: candidate)
                if reached != candidate {
                    candidate = reached
                    agreed = false
                    break
                }
            }
        }
        return candidate
    }

    private func isExcluded(_ document: Int, _ excluded: inout [ClauseScorer]) throws(IndexFormatError) -> Bool {
        for index in excluded.indices where try excluded[index].advance(to: document) == document {
            return true
        }
        return false
    }
}

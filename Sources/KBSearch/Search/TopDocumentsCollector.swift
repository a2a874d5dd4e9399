import KBIndex

/// Finds the best-scoring documents of a ``SearchPlan``.
///
/// Two strategies, both exact (the same top k for the same plan):
/// - ``collectPruned`` — block-max MaxScore (Turtle and Flood, "Query evaluation:
///   strategies and optimizations", 1995; with Ding and Suel's block-max bounds, SIGIR
///   2011) for queries of optional clauses: clauses are sorted by their score bound; the
///   low-bound clauses whose bounds add up to no more than the current k-th score are
///   *non-essential* and only scored for documents found through the others, and a document
///   whose score plus the non-essential clauses' per-block bounds cannot beat the k-th score
///   is skipped without scoring them;
/// - ``collectExhaustive`` scores every matching document: for queries with required clauses
///   (leapfrog over them, then the optional clauses on each match), and as the reference
///   the pruned strategy is tested against.
///
/// Scores are summed over clauses in one fixed order whatever the strategy, so ties and
/// rounding come out the same.
struct TopDocumentsCollector {
    let reader: IndexReader
    let bm25: BM25
    let filter: DocumentFilter?

    /// Block-max MaxScore over the plan's optional clauses (no required clause).
    func collectPruned(_ plan: inout SearchPlan, capacity: Int) throws(IndexFormatError) -> [ScoredDocument] {
        precondition(plan.required.isEmpty, "use collectExhaustive for required clauses")
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

    /// Scores every document the plan matches, without pruning: the strategy for queries
    /// with required clauses, and the reference the pruned strategy is tested against.
    func collectExhaustive(_ plan: inout SearchPlan, capacity: Int) throws(IndexFormatError) -> [ScoredDocument] {
        guard capacity > 0 else { return [] }
        var top = TopK(capacity: capacity)
        var lengths = DocumentLengths()
        try forEachMatch(&plan) { (document, optional, required) throws(IndexFormatError) in
            lengths.load(document, reader: reader, bm25: bm25)
            var total = 0.0
            for index in optional.indices where try optional[index].advance(to: document) == document {
                total += optional[index].score(lengths, bm25: bm25)
            }
            for clause in required { total += clause.score(lengths, bm25: bm25) }
            top.insert(ScoredDocument(document: document, score: total))
        }
        return top.sorted()
    }

    /// Counts the documents the plan matches, and calls `visit` with each (for totals and facets).
    func count(_ plan: SearchPlan, visit: (Int) -> Void = { _ in }) throws(IndexFormatError) -> Int {
        var plan = plan
        var matched = 0
        try forEachMatch(&plan) { (document, _, _) throws(IndexFormatError) in
            matched += 1
            visit(document)
        }
        return matched
    }

    /// Calls `body`, in doc id order, with each document the plan matches — every required
    /// clause (leapfrog), or any optional clause when nothing is required — that passes the
    /// filter and no excluded clause matches. `body` gets the optional clauses (those on the
    /// document can be advanced to it) and the required ones (all on it).
    private func forEachMatch(
        _ plan: inout SearchPlan,
        _ body: (_ document: Int, _ optional: inout [ClauseScorer], _ required: [ClauseScorer]) throws(IndexFormatError)
            -> Void
    ) throws(IndexFormatError) {
        var optional = plan.optional
        var required = plan.required
        defer {
            plan.optional = optional
            plan.required = required
        }
        if required.isEmpty {
            guard !optional.isEmpty else { return }
            for index in optional.indices { try optional[index].next() }
            while true {
                var candidate = PostingsCursor.exhausted
                for clause in optional { candidate = min(candidate, clause.document) }
                if candidate == PostingsCursor.exhausted { break }
                if filter?.contains(candidate) ?? true, try !isExcluded(candidate, &plan.excluded) {
                    try body(candidate, &optional, required)
                }
                for index in optional.indices where optional[index].document == candidate {
                    try optional[index].next()
                }
            }
        } else {
            var candidate = try nextMatch(of: &required, from: try required[0].next())
            while candidate != PostingsCursor.exhausted {
                if filter?.contains(candidate) ?? true, try !isExcluded(candidate, &plan.excluded) {
                    try body(candidate, &optional, required)
                }
                candidate = try nextMatch(of: &required, from: try required[0].next())
            }
        }
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

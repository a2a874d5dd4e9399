public import KBIndex

extension Searcher {
    /// The score of the article `articleID` for `request`, broken down by clause, term, field
    /// and factor; nil when no article has that id.
    public func explain(_ request: SearchRequest, articleID: String) throws(IndexFormatError) -> ScoreExplanation? {
        guard let document = try reader.document(withArticleID: articleID) else { return nil }
        let query = QueryParser().parse(request.text)
        var plan = try makePlan(query, request: request)
        var lengths = DocumentLengths()
        lengths.load(document, reader: reader, bm25: bm25)
        var clauses: [ScoreExplanation.ClausePart] = []
        var total = 0.0
        var matches = plan.canMatch && !plan.isEmpty
        for (required, list) in [(false, \SearchPlan.optional), (true, \SearchPlan.required)] {
            for index in plan[keyPath: list].indices {
                var clause = plan[keyPath: list][index]
                let reached = try clause.advance(to: document)
                plan[keyPath: list][index] = clause
                guard reached == document else {
                    if required { matches = false }
                    continue
                }
                var terms: [ScoreExplanation.TermPart] = []
                for term in clause.matchedTerms() {
                    terms.append(explain(term, document: document, lengths: lengths))
                }
                let score = clause.score(lengths, bm25: bm25)
                total += score
                let kind: String
                switch clause.kind {
                case .word: kind = required ? "required word" : "word"
                case .phrase: kind = "phrase"
                }
                clauses.append(ScoreExplanation.ClausePart(kind: kind, terms: terms, score: score))
            }
        }
        for index in plan.excluded.indices where try plan.excluded[index].advance(to: document) == document {
            matches = false
        }
        if let filter = try documentFilter(request), !filter.contains(document) { matches = false }
        let fresh = try makePlan(query, request: request)
        let reranker = Reranker(reader: reader, bm25: bm25, settings: settings)
        let adjustment =
            try reranker.adjustments(of: [document], clauses: Reranker.clauses(of: fresh)).first
            ?? Reranker.Adjustment()
        return ScoreExplanation(
            articleID: articleID, matches: matches, k1: bm25.k1, clauses: clauses, bm25Score: total,
            proximityBonus: adjustment.proximity, titleMatchBonus: adjustment.titleMatch,
            titleScore: adjustment.titleScore, coordinationFactor: adjustment.coordinationFactor,
            score: adjustment.applied(to: total))
    }

    private func explain(_ term: TermScorer, document: Int, lengths: DocumentLengths) -> ScoreExplanation.TermPart {
        let factors = [lengths.title, lengths.headings, lengths.body, lengths.anchors]
        var fields: [ScoreExplanation.FieldPart] = []
        for field in IndexField.allCases {
            let frequency = term.cursor.frequency(in: field)
            fields.append(
                ScoreExplanation.FieldPart(
                    field: field.name, frequency: frequency, length: reader.fieldLength(field, of: document),
                    averageLength: bm25.averageLengths[field.rawValue], weight: bm25.weights[field.rawValue],
                    lengthNormalization: bm25.lengthNormalizations[field.rawValue],
                    contribution: bm25.weights[field.rawValue] * Double(frequency) * factors[field.rawValue]))
        }
        let info = term.cursor.term
        return ScoreExplanation.TermPart(
            term: info.term, boost: term.boost, documentFrequency: info.documentFrequency,
            idf: bm25.idf(documentFrequency: info.documentFrequency), fields: fields,
            pseudoFrequency: term.pseudoFrequency(lengths), score: term.score(lengths, bm25: bm25))
    }
}

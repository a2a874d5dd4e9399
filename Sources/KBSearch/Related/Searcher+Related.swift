public import KBIndex

extension Searcher {
    /// How many of an article's strongest terms make its "more like this" query.
    static let relatedQueryTerms = 25

    /// Articles about the same subject as the article `articleID` ("Artigos relacionados"):
    /// a more-like-this query of the article's strongest terms — the title's and headings'
    /// terms counted like BM25F counts them, times idf — searched without the article itself.
    /// Returns nil when no article has that id.
    public func related(to articleID: String, limit: Int = 5) throws(IndexFormatError) -> [SearchHit]? {
        guard let document = try reader.document(withArticleID: articleID) else { return nil }
        let stored = try reader.storedDocument(document)
        var weights: [String: Double] = [:]
        let fieldTexts = [stored.title, stored.headings.joined(separator: "\n"), stored.body]
        for (field, text) in fieldTexts.enumerated() {
            for term in reader.analyzer.terms(in: text) { weights[term, default: 0] += bm25.weights[field] }
        }
        var scored: [(TermInfo, Double)] = []
        let commonLimit = max(2, reader.documentCount / 2)
        for (term, frequency) in weights {
            guard let info = try reader.terms.lookup(term), info.documentFrequency >= 2,
                info.documentFrequency <= commonLimit
            else { continue }
            scored.append((info, frequency.squareRoot() * bm25.idf(documentFrequency: info.documentFrequency)))
        }
        scored.sort { ($0.1, $1.0.term) > ($1.1, $0.0.term) }
        let chosen = scored.prefix(Self.relatedQueryTerms)
        guard let strongest = chosen.first?.1, strongest > 0 else { return [] }
        var plan = SearchPlan(
            optional: [], required: [], excluded: [], canMatch: true, terms: [], unmatchedWords: [],
            unmatchedClauses: [], corrections: [:])
        for (info, weight) in chosen {
            let scorer = TermScorer(cursor: try reader.postings(for: info), boost: weight / strongest, bm25: bm25)
            plan.optional.append(ClauseScorer(terms: [scorer], kind: .word, occurrence: .should))
            plan.terms.insert(info.term)
        }
        plan.optional.sort { $0.upperBound < $1.upperBound }
        var others = DocumentFilter(documentCount: reader.documentCount)
        for other in 0..<reader.documentCount where other != document { others.insert(other) }
        let collector = TopDocumentsCollector(reader: reader, bm25: bm25, filter: others)
        var hits: [SearchHit] = []
        for found in try collector.collectPruned(&plan, capacity: max(0, limit)) {
            hits.append(
                SearchHit(
                    document: found.document, score: found.score, article: try reader.storedDocument(found.document)))
        }
        return hits
    }
}

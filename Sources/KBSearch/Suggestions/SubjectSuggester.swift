public import KBIndex

extension Searcher {
    /// Articles that may answer the ticket being written, for the ticket form ("Estes artigos
    /// podem resolver seu problema"), called on every keystroke pause.
    ///
    /// Subjects are long, noisy and informal ("nao consigo imprimir frente e verso na
    /// impressora da recepção"), so every word is optional, query syntax is ignored, filler
    /// words weigh ``SuggestionSettings/fillerBoost`` and the description's words
    /// ``SuggestionSettings/descriptionBoost``; the last word is completed while it is being
    /// typed. The confidence of an article is the share of the ticket's words, weighted by
    /// rarity, that it contains (``SubjectCoverage``). A ticket gets suggestions only when one
    /// of its first ``SuggestionSettings/confidenceDepth`` articles reaches
    /// ``SuggestionSettings/minimumConfidence``, so a subject that the knowledge base does not
    /// answer gets nothing rather than noise; then every article whose confidence reaches
    /// `minimumConfidence × followerConfidenceRatio` is returned, in ranked order.
    public func suggest(
        _ request: SuggestionRequest, settings suggestion: SuggestionSettings = SuggestionSettings()
    ) throws(IndexFormatError) -> SearchResults {
        let (query, boosts) = suggestionQuery(request, settings: suggestion)
        let searchRequest = SearchRequest(request.subject, limit: request.limit, countsMatches: false)
        var plan = try makePlan(query, request: searchRequest, boosts: boosts)
        let coverage = try SubjectCoverage(plan: plan, boosts: boosts, searcher: self)
        let collector = TopDocumentsCollector(reader: reader, bm25: bm25, filter: nil)
        var hits: [SearchHit] = []
        if plan.canMatch, !plan.isEmpty {
            var coverage = coverage
            let ranked = try rank(&plan, collector: collector, wanted: request.limit)
            // The ticket is answered when one of the first articles covers enough of it; every
            // article shown must cover a share of the ticket too, but a smaller one.
            // Each article's confidence is computed once: the first ones' for the gate, the
            // others' only when the ticket passes it.
            var confidences: [Double] = []
            for scored in ranked.prefix(suggestion.confidenceDepth) {
                confidences.append(try coverage.confidence(of: scored.document))
            }
            if let best = confidences.max(), best >= suggestion.minimumConfidence {
                for scored in ranked.dropFirst(confidences.count) {
                    confidences.append(try coverage.confidence(of: scored.document))
                }
                let floor = suggestion.minimumConfidence * suggestion.followerConfidenceRatio
                for (scored, confidence) in zip(ranked, confidences) where confidence >= floor {
                    hits.append(
                        SearchHit(
                            document: scored.document, score: scored.score,
                            article: try reader.storedDocument(scored.document)))
                }
            }
        }
        return SearchResults(
            query: query, total: hits.count, hits: hits, matchedTerms: plan.terms, categoryCounts: [:],
            didYouMean: nil)
    }

    /// The subject's and the description's words as optional clauses, with their boosts.
    func suggestionQuery(_ request: SuggestionRequest, settings: SuggestionSettings) -> (Query, [Double]) {
        let analyzer = reader.analyzer
        var clauses: [Query.Clause] = []
        var boosts: [Double] = []
        var seen: Set<[String]> = []
        func add(_ parsed: Query, boost: Double, limit: Int) {
            var added = 0
            for clause in parsed.clauses {
                // Quotes and signs in a subject are punctuation, not query syntax.
                for (index, word) in clause.text.split(separator: " ").enumerated() {
                    guard added < limit else { return }
                    let terms = analyzer.terms(in: String(word))
                    guard !terms.isEmpty, seen.insert(terms).inserted else { continue }
                    let isLast = clause.isPrefix && index == clause.text.split(separator: " ").count - 1
                    clauses.append(Query.Clause(text: String(word), isPrefix: isLast))
                    boosts.append(Set(terms).isSubset(of: fillerTerms) ? boost * settings.fillerBoost : boost)
                    added += 1
                }
            }
        }
        add(QueryParser().parse(request.subject), boost: 1, limit: QueryParser.defaultMaximumClauses)
        if let description = request.description {
            let parser = QueryParser(options: QueryParserOptions(prefixLastWord: false))
            add(parser.parse(description), boost: settings.descriptionBoost, limit: settings.maximumDescriptionClauses)
        }
        return (Query(clauses: clauses), boosts)
    }

}

public import KBIndex

/// Searches one index: parses the query, plans it, finds the best documents with exact
/// block-max pruning, and loads the requested window of hits.
///
/// ```swift
/// let searcher = Searcher(reader: try IndexReader.open(path: "kb.idx"))
/// let results = try searcher.search(SearchRequest("nao consigo imprimir frente e verso"))
/// ```
///
/// A searcher is an immutable snapshot of one index (`Sendable`): share it between threads;
/// a reload makes a new one.
public struct Searcher: Sendable {
    /// The index.
    public let reader: IndexReader
    /// Query handling constants.
    public let settings: SearchSettings
    /// Scoring over the index's statistics.
    public let bm25: BM25
    private let parser = QueryParser()
    let synonyms: AnalyzedSynonyms
    /// The terms of the ticket filler words (``TicketFillerWords``), analyzed once rather
    /// than on every suggestion.
    let fillerTerms: Set<String>

    /// Creates a searcher over `reader`.
    public init(reader: IndexReader, settings: SearchSettings = SearchSettings()) {
        self.reader = reader
        self.settings = settings
        bm25 = BM25(metadata: reader.metadata, k1: settings.k1)
        synonyms = AnalyzedSynonyms(settings.synonyms, analyzer: reader.analyzer)
        fillerTerms = Set(TicketFillerWords.entries.flatMap { reader.analyzer.terms(in: $0) })
    }

    /// Runs `request`.
    public func search(_ request: SearchRequest) throws(IndexFormatError) -> SearchResults {
        let query = parser.parse(request.text)
        var plan = try makePlan(query, request: request)
        let filter = try documentFilter(request)
        let collector = TopDocumentsCollector(reader: reader, bm25: bm25, filter: filter)
        let wanted = request.offset + request.limit
        var total = 0
        var categoryCounts: [String: Int] = [:]
        if request.countsMatches, plan.canMatch, !plan.isEmpty {
            var matches = DocumentFilter(documentCount: reader.documentCount)
            total = try collector.count(try makePlan(query, request: request)) { matches.insert($0) }
            for category in reader.filters.values[FilterColumns.Column.category.rawValue] {
                let count = try reader.filters.documents(.category, category).reduce(0) {
                    $0 + (matches.contains($1) ? 1 : 0)
                }
                if count > 0 { categoryCounts[category] = count }
            }
        }
        let ranked = try rank(&plan, collector: collector, wanted: wanted)
        var hits: [SearchHit] = []
        for scored in ranked.dropFirst(request.offset) {
            hits.append(
                SearchHit(
                    document: scored.document, score: scored.score, article: try reader.storedDocument(scored.document)
                ))
        }
        return SearchResults(
            query: query, total: total, hits: hits, matchedTerms: plan.terms, categoryCounts: categoryCounts,
            didYouMean: try didYouMean(request.text, corrections: plan.corrections))
    }

    /// The ranked article ids and scores for `request`, without loading stored fields, facets
    /// or totals: the batch path of `kb search --queries` and `kb eval`.
    public func rankedArticleIDs(_ request: SearchRequest) throws(IndexFormatError) -> [(id: String, score: Double)] {
        var plan = try makePlan(parser.parse(request.text), request: request)
        let collector = TopDocumentsCollector(reader: reader, bm25: bm25, filter: try documentFilter(request))
        var ranked: [(id: String, score: Double)] = []
        for scored in try rank(&plan, collector: collector, wanted: request.offset + request.limit)
            .dropFirst(request.offset)
        {
            ranked.append((try reader.articleID(of: scored.document), scored.score))
        }
        return ranked
    }

    /// The best `capacity` documents for `request`, pruned or exhaustive (the two must agree;
    /// tests compare them).
    func topDocuments(_ request: SearchRequest, capacity: Int, pruned: Bool) throws(IndexFormatError)
        -> [ScoredDocument]
    {
        var plan = try makePlan(parser.parse(request.text), request: request)
        let collector = TopDocumentsCollector(reader: reader, bm25: bm25, filter: try documentFilter(request))
        return try collect(&plan, collector: collector, capacity: capacity, pruned: pruned)
    }

    /// Both ranking phases: exact pruned BM25F, then re-ranking (``Reranker``) of the best
    /// ``SearchSettings/rerankDepth`` documents; returns the best `wanted`. The re-ranked block
    /// is always the same depth, so pages of one query never overlap or skip a document.
    func rank(_ plan: inout SearchPlan, collector: TopDocumentsCollector, wanted: Int)
        throws(IndexFormatError) -> [ScoredDocument]
    {
        let reranker = Reranker(reader: reader, bm25: bm25, settings: settings)
        let depth = reranker.isActive ? settings.rerankDepth : 0
        let candidates = try collect(&plan, collector: collector, capacity: max(wanted, depth), pruned: true)
        guard reranker.isActive else { return candidates }
        let head = try reranker.rerank(Array(candidates.prefix(depth)), clauses: Reranker.clauses(of: plan))
        return Array((head + candidates.dropFirst(depth)).prefix(wanted))
    }

    func makePlan(_ query: Query, request: SearchRequest, boosts: [Double]? = nil) throws(IndexFormatError)
        -> SearchPlan
    {
        try QueryPlanner(reader: reader, bm25: bm25, settings: settings, synonyms: synonyms).plan(
            query, request: request, boosts: boosts)
    }

    func collect(
        _ plan: inout SearchPlan, collector: TopDocumentsCollector, capacity: Int, pruned: Bool
    ) throws(IndexFormatError) -> [ScoredDocument] {
        guard plan.canMatch, !plan.isEmpty, capacity > 0 else { return [] }
        return pruned && plan.required.isEmpty
            ? try collector.collectPruned(&plan, capacity: capacity)
            : try collector.collectExhaustive(&plan, capacity: capacity)
    }

    /// The documents that pass the request's filters, or nil when it has none.
    func documentFilter(_ request: SearchRequest) throws(IndexFormatError) -> DocumentFilter? {
        var filter: DocumentFilter?
        func restrict(_ column: FilterColumns.Column, _ value: String) throws(IndexFormatError) {
            let set = DocumentFilter(
                documentCount: reader.documentCount, documents: try reader.filters.documents(column, value))
            filter = filter.map { $0.intersection(set) } ?? set
        }
        if let category = request.category { try restrict(.category, category) }
        if let product = request.product { try restrict(.product, product) }
        for tag in request.tags { try restrict(.tag, tag) }
        return filter
    }
}

extension SearchResponse {
    /// The response for `results`: each hit with its stored fields and an HTML snippet of its
    /// body highlighting the matched terms; `didYouMean` defaults to the results' own. URLs
    /// that are not `http(s)` are left out (``LinkableURL``).
    public init(
        _ results: SearchResults, queryText: String, tookMilliseconds: Double, snippets: SnippetGenerator,
        includesFacets: Bool, didYouMean: String? = nil
    ) {
        let hits = results.hits.map { hit in
            let article = hit.article
            let snippet = snippets.snippet(for: article.body, matching: results.matchedTerms)
            return Hit(
                id: article.id, title: article.title, url: LinkableURL.filter(article.url),
                category: article.category.nilIfEmpty, product: article.product.nilIfEmpty,
                summary: article.summary, snippet: snippet.html, score: hit.score)
        }
        self.init(
            query: queryText, total: results.total, tookMilliseconds: tookMilliseconds, hits: hits,
            didYouMean: didYouMean ?? results.didYouMean,
            facets: includesFacets ? Facets(category: results.categoryCounts) : nil)
    }
}

extension String {
    /// nil for the empty string (stored fields keep absent values as "").
    var nilIfEmpty: String? { isEmpty ? nil : self }
}

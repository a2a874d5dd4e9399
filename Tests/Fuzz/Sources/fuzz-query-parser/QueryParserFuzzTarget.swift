import FuzzSupport
import KBIndex
import KBSearch

/// The query parser on arbitrary text, then the same text as a search, a ticket-subject
/// suggestion and a score explanation over a small index (``SampleIndex``): planning with
/// prefix completions, typo corrections and synonyms, pruned top-k collection, proximity
/// re-ranking, filters, snippets. The input's first byte picks the parser limits and the
/// request's limit, offset, category filter and switches.
///
/// Checks: the parser keeps its limits and clause rules, and parsing a query's description
/// gives its clauses back; a search over a valid index never throws and returns at most
/// `limit` distinct hits with finite, non-increasing scores, matching the filter, within the
/// match count; the best hit's explanation matches and gives its score; snippets highlight
/// inside their text and contain no markup but `<mark>`.
@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    let text = String(decoding: bytes, as: UTF8.self)
    let selector = Int(bytes.first ?? 0)

    checkParse(text, options: QueryParserOptions())
    checkParse(
        text,
        options: QueryParserOptions(
            prefixLastWord: selector & 1 == 0, maximumCharacters: selector % 48 - 2, maximumClauses: selector % 6 - 1))

    let request = SearchRequest(
        text, limit: 1 + selector % 8, offset: selector / 8 % 3,
        category: selector & 0x20 == 0 ? nil : SampleIndex.categories[selector % SampleIndex.categories.count],
        prefixLastWord: selector & 0x40 == 0, typoTolerance: selector & 0x80 == 0)
    do throws(IndexFormatError) {
        try checkSearch(request, results: try searcher.search(request))
        // Planning corrects every unknown word by walking the dictionary: the slow part, so
        // one input in four also runs as a ticket subject.
        if selector & 0x18 == 0x18 {
            let suggestions = try searcher.suggest(SuggestionRequest(subject: text, limit: 1 + selector % 5))
            checkHits(suggestions.hits, limit: 1 + selector % 5)
        }
    } catch {
        fatalError("a search over a valid index threw \(error)")
    }
    return 0
}

private let searcher = Searcher(reader: SampleIndex.open())
private let snippets = SnippetGenerator(analyzer: searcher.reader.analyzer, targetLength: 60)

/// The clause rules of ``QueryParser``'s documentation.
private func checkParse(_ text: String, options: QueryParserOptions) {
    let query = QueryParser(options: options).parse(text)
    require(query.clauses.count <= max(0, options.maximumClauses), "\(query.clauses.count) clauses")
    for (index, clause) in query.clauses.enumerated() {
        require(!clause.text.isEmpty, "empty clause")
        require(!clause.text.unicodeScalars.contains(where: isQuote), "quote in clause \(clause)")
        if clause.isPhrase {
            let words = clause.text.unicodeScalars.split(separator: " ", omittingEmptySubsequences: false)
            require(!words.contains(where: \.isEmpty), "phrase \(clause) with extra spaces")
            require(!words.contains(where: { $0.contains(where: isSeparator) }), "separator in phrase \(clause)")
        } else {
            require(!clause.text.unicodeScalars.contains(where: isSeparator), "word \(clause) with a separator")
        }
        if clause.isPrefix {
            require(options.prefixLastWord && !query.wasTruncated, "prefix while not typing: \(query)")
            require(index == query.clauses.count - 1, "prefix clause \(clause) is not the last one")
            require(!clause.isPhrase && clause.occurrence != .mustNot, "prefix clause \(clause)")
        }
    }
    // Documented round trip: without prefix marks, the description parses back to the clauses.
    var unmarked = query
    for index in unmarked.clauses.indices { unmarked.clauses[index].isPrefix = false }
    let reparsed = roundTripParser.parse(unmarked.description)
    require(
        reparsed.clauses == unmarked.clauses,
        "description \(String(reflecting: unmarked.description)) parses to \(reparsed), not \(unmarked)")
}

/// Reads any description whole: no character or clause limit, no prefix.
private let roundTripParser = QueryParser(
    options: QueryParserOptions(prefixLastWord: false, maximumCharacters: .max, maximumClauses: .max))

private func isQuote(_ scalar: Unicode.Scalar) -> Bool {
    scalar == "\"" || scalar == "\u{201C}" || scalar == "\u{201D}"
}

/// White space or a control character: what separates words in the search box.
private func isSeparator(_ scalar: Unicode.Scalar) -> Bool {
    scalar.properties.isWhitespace || scalar.properties.generalCategory == .control
}

private func checkSearch(_ request: SearchRequest, results: SearchResults) throws(IndexFormatError) {
    checkHits(results.hits, limit: request.limit)
    if let category = request.category {
        for hit in results.hits {
            require(hit.article.category == category, "hit \(hit.article.id) outside category \(category)")
        }
    }
    if request.countsMatches, !results.hits.isEmpty {
        require(
            results.total >= request.offset + results.hits.count,
            "\(results.total) matches for \(results.hits.count) hits after \(request.offset)")
        require(results.categoryCounts.values.reduce(0, +) <= results.total, "category counts over the total")
    }
    for hit in results.hits {
        checkSnippet(snippets.snippet(for: hit.article.body, matching: results.matchedTerms))
        checkSnippet(snippets.highlight(hit.article.title, matching: results.matchedTerms))
    }
    // An explanation plans the query again: the best hit only.
    if let hit = results.hits.first {
        guard let explanation = try searcher.explain(request, articleID: hit.article.id) else {
            fatalError("no explanation for hit \(hit.article.id)")
        }
        require(explanation.matches, "hit \(hit.article.id) does not match by its explanation")
        require(
            abs(explanation.score - hit.score) <= 1e-6 * max(1, abs(hit.score)),
            "hit \(hit.article.id) scores \(hit.score), explained \(explanation.score)")
    }
}

private func checkHits(_ hits: [SearchHit], limit: Int) {
    require(hits.count <= limit, "\(hits.count) hits for a limit of \(limit)")
    require(Set(hits.map(\.document)).count == hits.count, "a document appears twice")
    for (index, hit) in hits.enumerated() {
        require(hit.document >= 0 && hit.document < searcher.reader.documentCount, "doc id \(hit.document)")
        require(hit.score.isFinite, "score \(hit.score)")
        if index > 0 { require(hits[index - 1].score >= hit.score, "scores go up at hit \(index)") }
    }
}

/// Highlights are in order, apart, inside the text and on scalar boundaries; the HTML has one
/// `<mark>` per highlight and no other markup.
private func checkSnippet(_ snippet: Snippet) {
    let utf8 = Array(snippet.text.utf8)
    var previousEnd = 0
    for range in snippet.highlights {
        require(previousEnd <= range.lowerBound && range.lowerBound < range.upperBound, "highlights \(snippet)")
        require(range.upperBound <= utf8.count, "highlight past the text: \(snippet)")
        for offset in [range.lowerBound, range.upperBound] where offset < utf8.count {
            require(utf8[offset] & 0xC0 != 0x80, "highlight cuts a scalar: \(snippet)")
        }
        previousEnd = range.upperBound
    }
    let html = snippet.html.replacing("<mark>", with: "").replacing("</mark>", with: "")
    require(!html.contains("<") && !html.contains(">"), "markup in snippet HTML: \(snippet.html)")
    let marks = snippet.html.split(separator: "<mark>", omittingEmptySubsequences: false).count - 1
    require(marks == snippet.highlights.count, "\(marks) marks for \(snippet.highlights.count) highlights")
}

import ArgumentParser
import Foundation
import KBIndex
import KBSearch

/// `kb search`: searches the index, one query or a batch.
struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Search the index.",
        discussion: """
            With QUERY, prints the best articles. With --queries FILE.tsv (lines "qid<TAB>text"), \
            runs every query and prints TREC run lines ("qid Q0 docid rank score kb") for kb eval \
            and the benchmarks; --timings FILE writes each query's in-process latency in \
            microseconds.
            """
    )

    @Argument(help: "The query, as a customer would type it.")
    var query: String?

    @OptionGroup var index: IndexPathOption
    @OptionGroup var window: ResultWindowOptions

    @Option(help: "Only articles of this category.")
    var category: String?

    @Option(help: "Only articles of this product.")
    var product: String?

    @Option(name: .customLong("tag"), help: "Only articles with this tag (repeatable).")
    var tags: [String] = []

    @Flag(name: .customLong("no-prefix"), help: "Do not complete the last word as a prefix.")
    var noPrefix = false

    @Flag(help: "Print what the server's GET /search returns.")
    var json = false

    @OptionGroup var batch: BatchOptions

    func validate() throws {
        guard (query == nil) != (batch.queries == nil) else {
            throw ValidationError("Give either a QUERY or --queries FILE.")
        }
    }

    func run() throws {
        let clock = ContinuousClock()
        var opened: Searcher?
        let openTime = try clock.measure { opened = Searcher(reader: try openIndex(index.path)) }
        let searcher = opened!
        let makeRequest = { (text: String) in
            SearchRequest(
                text, limit: window.limit, offset: window.offset, category: category, product: product, tags: tags,
                prefixLastWord: !noPrefix, countsMatches: json)
        }
        if let file = batch.queries {
            try batch.run(file: file, openTime: openTime) { text in
                try searcher.rankedArticleIDs(makeRequest(text)).map { ($0.id, $0.score) }
            }
            return
        }
        let text = query ?? ""
        var results: SearchResults?
        let elapsed = try clock.measure { results = try searcher.search(makeRequest(text)) }
        try printResults(results!, text: text, elapsed: elapsed, analyzer: searcher.reader.analyzer, json: json)
    }
}

/// `--limit` and `--offset`.
struct ResultWindowOptions: ParsableArguments {
    @Option(help: "How many results (1...\(SearchRequest.maximumLimit)).")
    var limit = 10

    @Option(help: "How many results to skip (0...\(SearchRequest.maximumOffset)).")
    var offset = 0

    func validate() throws {
        guard (1...SearchRequest.maximumLimit).contains(limit) else {
            throw ValidationError("--limit must be between 1 and \(SearchRequest.maximumLimit).")
        }
        guard (0...SearchRequest.maximumOffset).contains(offset) else {
            throw ValidationError("--offset must be between 0 and \(SearchRequest.maximumOffset).")
        }
    }
}

/// Prints results as text or as the server's JSON.
func printResults(
    _ results: SearchResults, text: String, elapsed: Duration, analyzer: Analyzer, json: Bool
) throws {
    let milliseconds = Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1e3
    let snippets = SnippetGenerator(analyzer: analyzer)
    if json {
        let response = SearchResponse(
            results, queryText: text, tookMilliseconds: milliseconds, snippets: snippets, includesFacets: true)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        print(String(decoding: try encoder.encode(response), as: UTF8.self))
        return
    }
    if results.hits.isEmpty { print("no results") }
    for (rank, hit) in results.hits.enumerated() {
        let snippet = snippets.snippet(for: hit.article.body, matching: results.matchedTerms)
        print("\(rank + 1). \(hit.article.title)  [\(hit.article.id)]  \(String(format: "%.3f", hit.score))")
        print("   \(snippet.text)")
    }
}

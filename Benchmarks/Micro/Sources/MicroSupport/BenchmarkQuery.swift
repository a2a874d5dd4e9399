internal import Foundation
internal import KBIndex
public import KBSearch

/// The kinds of query in a query list (`Queries/<name>.tsv`, lines `kind<TAB>text`).
public enum QueryKind: String, Sendable, CaseIterable {
    /// One to three complete words.
    case short
    /// Words whose last one is still being typed (completed as a prefix).
    case prefix
    /// Words with typing mistakes, corrected against the index's terms.
    case typo
    /// A quoted phrase, maybe with other words.
    case phrase
    /// A ticket subject of 8 to 20 words.
    case long
}

/// How a benchmark runs the queries of one kind: the request it makes of the ``Searcher``.
public enum QueryCase: String, Sendable, CaseIterable {
    /// ``QueryKind/short`` through `search`, as typed in the search box and sent.
    case short
    /// ``QueryKind/prefix`` through `search` with the last word completed (search as you type).
    case prefix
    /// ``QueryKind/typo`` through `search`, typo tolerance on (the default).
    case typo
    /// ``QueryKind/phrase`` through `search`.
    case phrase
    /// ``QueryKind/long`` through `search`, as `Benchmarks/compare` times ticket subjects.
    case longSearch = "long-search"
    /// ``QueryKind/long`` through `suggest`, as the ticket form asks (`GET /suggest`).
    case longSuggest = "long-suggest"

    /// The kind of query this case runs.
    public var kind: QueryKind {
        switch self {
        case .short: .short
        case .prefix: .prefix
        case .typo: .typo
        case .phrase: .phrase
        case .longSearch, .longSuggest: .long
        }
    }
}

/// One query of a list, ready to run: the request is made once, outside the measurement.
public struct BenchmarkQuery: Sendable {
    /// The query as typed.
    public let text: String
    private let request: Request

    private enum Request: Sendable {
        case search(SearchRequest)
        case suggest(SuggestionRequest)
    }

    /// The results per page: top 10, as the customer's page asks.
    public static let limit = 10

    /// The query `text` run as `queryCase` runs it.
    ///
    /// Every search is the server's `GET /search`: top 10, matches counted with category
    /// facets, typo tolerance on; only prefix queries complete their last word. Suggestions
    /// are `GET /suggest` with a limit of 10 (the ticket form asks for 5).
    public init(_ text: String, as queryCase: QueryCase) {
        self.text = text
        switch queryCase {
        case .longSuggest:
            request = .suggest(SuggestionRequest(subject: text, limit: Self.limit))
        default:
            request = .search(
                SearchRequest(text, limit: Self.limit, prefixLastWord: queryCase == .prefix, countsMatches: true))
        }
    }

    /// Runs the query and reduces its results to an outcome. Allocates nothing beyond what
    /// the search itself allocates.
    public func run(on searcher: Searcher) throws -> QueryOutcome {
        let results: SearchResults
        switch request {
        case .search(let search): results = try searcher.search(search)
        case .suggest(let suggestion): results = try searcher.suggest(suggestion)
        }
        return QueryOutcome(total: results.total, hits: results.hits.count, top: results.hits.first?.article.id ?? "-")
    }

    /// The name of the query's expectation for `queryCase`.
    public static func expectationName(_ queryCase: QueryCase, _ text: String) -> String {
        "query/\(queryCase.rawValue)/\(text)"
    }

    /// The queries of `queryCase`'s kind in the list `Queries/<listName>.tsv`, in file order.
    public static func load(_ queryCase: QueryCase, list listName: String) throws -> [BenchmarkQuery] {
        try QueryList.load(listName)
            .filter { $0.kind == queryCase.kind }
            .map { BenchmarkQuery($0.text, as: queryCase) }
    }
}

/// A committed query list: `kind<TAB>text` lines, `#` comments. Loading checks that each
/// query is of the shape its kind promises (word counts, a quote for phrases), so the lists
/// keep measuring what their names say.
public enum QueryList {
    /// The `(kind, text)` pairs of `Queries/<name>.tsv`.
    public static func load(_ name: String) throws -> [(kind: QueryKind, text: String)] {
        let url = MicroPaths.queries(name)
        let text = try String(contentsOf: url, encoding: .utf8)
        var queries: [(kind: QueryKind, text: String)] = []
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
        where !line.isEmpty && !line.hasPrefix("#") {
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard columns.count == 2, let kind = QueryKind(rawValue: String(columns[0])) else {
                throw MicroBenchmarkError("\(url.path):\(number + 1): expected kind<TAB>query with a known kind.")
            }
            let query = String(columns[1])
            if let problem = shapeProblem(query, kind: kind) {
                throw MicroBenchmarkError("\(url.path):\(number + 1): \(problem)")
            }
            queries.append((kind, query))
        }
        for kind in QueryKind.allCases where !queries.contains(where: { $0.kind == kind }) {
            throw MicroBenchmarkError("\(url.path): no \(kind.rawValue) queries.")
        }
        return queries
    }

    /// Why `query` is not a query of `kind`, or nil when it is.
    static func shapeProblem(_ query: String, kind: QueryKind) -> String? {
        let words = query.split(separator: " ").count
        switch kind {
        case .short where !(1...3).contains(words):
            return "a short query has 1 to 3 words; \"\(query)\" has \(words)."
        case .long where !(8...20).contains(words):
            return "a long ticket subject has 8 to 20 words; \"\(query)\" has \(words)."
        case .phrase where query.filter({ $0 == "\"" }).count < 2:
            return "a phrase query quotes a phrase; \"\(query)\" has no quoted phrase."
        case .prefix where query.hasSuffix(" "):
            return "a prefix query ends in the word being typed; \"\(query)\" ends in a space."
        default:
            return nil
        }
    }
}

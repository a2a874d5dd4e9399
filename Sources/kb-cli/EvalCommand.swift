import ArgumentParser
import Foundation
import KBSearch

/// `kb eval`: relevance of the index's rankings on a query set with judgments.
struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Measure nDCG@10, MRR@10, P@1, Recall@10 and Recall@100 on judged queries.",
        discussion: """
            Runs every query of --queries (lines "qid<TAB>text") with the top 100 results and \
            scores the run against --qrels (TREC qrels) exactly as evaluate.py does.
            """
    )

    /// What kind of input the queries are.
    enum Mode: String, ExpressibleByArgument, CaseIterable {
        /// Search-box queries.
        case search
        /// Ticket subjects.
        case suggest
    }

    @Option(help: "The queries (lines \"qid<TAB>text\").")
    var queries: String

    @Option(help: "The relevance judgments (TREC qrels: \"qid 0 docid grade\").")
    var qrels: String

    @Option(help: "Run the queries as search-box queries or as ticket subjects.")
    var mode: Mode = .search

    @Option(name: .customLong("run"), help: "Also write the run (TREC lines) to this file.")
    var runFile: String?

    @Flag(name: .customLong("per-query"), help: "Also print each query's figures.")
    var perQuery = false

    @Option(name: .customLong("minimum-confidence"), help: "Suggest mode: the confidence threshold.")
    var minimumConfidence = SuggestionSettings().minimumConfidence

    @Option(
        name: .customLong("follower-ratio"),
        help: "Suggest mode: the share of the threshold every suggestion shown must reach."
    )
    var followerRatio = SuggestionSettings().followerConfidenceRatio

    @Option(
        name: .customLong("confidence-depth"),
        help: "Suggest mode: how many of the best-ranked articles may reach the confidence threshold.")
    var confidenceDepth = SuggestionSettings().confidenceDepth

    @Option(help: "BM25 term-frequency saturation k1.")
    var k1 = BM25.defaultK1

    @Option(help: "Strength of the term-proximity re-ranking (0 turns it off).")
    var proximity = TermProximity().strength

    @Option(name: .customLong("proximity-window"), help: "Largest distance between words that counts as near.")
    var proximityWindow = TermProximity().window

    @Option(help: "Exponent of the coordination factor (matched clauses / clauses)^c; 0 turns it off.")
    var coordination = SearchSettings().coordination

    @Option(
        name: .customLong("title-match"),
        help: "Strength of the bonus for matching a large share of an article's title (0 turns it off).")
    var titleMatch = SearchSettings().titleMatch

    @Option(
        name: .customLong("title-score"),
        help: "Weight of the title's own BM25 score added in re-ranking (0 turns it off).")
    var titleScore = SearchSettings().titleScore

    @Option(name: .customLong("rerank-depth"), help: "How many first-phase results are re-ranked.")
    var rerankDepth = SearchSettings().rerankDepth

    @OptionGroup var index: IndexPathOption

    func run() throws {
        var settings = SearchSettings()
        settings.k1 = k1
        settings.proximity = TermProximity(window: proximityWindow, strength: proximity)
        settings.rerankDepth = rerankDepth
        settings.coordination = coordination
        settings.titleMatch = titleMatch
        settings.titleScore = titleScore
        let searcher = Searcher(reader: try openIndex(index.path), settings: settings)
        let queryFile = try QueryFile(contentsOf: URL(fileURLWithPath: queries), name: queries)
        let judgments = try Qrels(contentsOf: URL(fileURLWithPath: qrels), name: qrels)
        var rankedLists: [(queryID: String, documents: [(documentID: String, score: Double)])] = []
        var unanswered: [String] = []
        for query in queryFile.queries {
            let hits: [(documentID: String, score: Double)]
            switch mode {
            case .search:
                let request = SearchRequest(query.text, limit: 100, prefixLastWord: false, countsMatches: false)
                hits = try searcher.rankedArticleIDs(request).map { ($0.id, $0.score) }
            case .suggest:
                var suggestion = SuggestionSettings()
                suggestion.minimumConfidence = minimumConfidence
                suggestion.followerConfidenceRatio = followerRatio
                suggestion.confidenceDepth = confidenceDepth
                let request = SuggestionRequest(subject: query.text + " ", limit: SuggestionRequest.maximumLimit)
                hits = try searcher.suggest(request, settings: suggestion).hits.map { ($0.article.id, $0.score) }
                if hits.isEmpty { unanswered.append(query.id) }
            }
            rankedLists.append((query.id, hits))
        }
        if let runFile {
            try Data(try TRECRun.format(rankedLists).utf8).write(to: URL(fileURLWithPath: runFile))
        }
        let report = RelevanceMetrics().evaluate(try TRECRun(rankedLists: rankedLists), against: judgments)
        print(report.formatted(runName: "kb", includingQueries: perQuery), terminator: "")
        if mode == .suggest {
            let judged = Set(report.queries.map(\.queryID))
            let silentUnjudged = unanswered.filter { !judged.contains($0) }
            let unjudged = queryFile.queries.filter { !judged.contains($0.id) }.count
            print(
                "suggest: \(unanswered.count) of \(queryFile.queries.count) subjects got no suggestion; "
                    + "\(silentUnjudged.count) of the \(unjudged) subjects without judgments got none")
        }
    }
}

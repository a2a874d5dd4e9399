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

    @OptionGroup var index: IndexPathOption

    func run() throws {
        let searcher = Searcher(reader: try openIndex(index.path))
        let queryFile = try QueryFile(contentsOf: URL(fileURLWithPath: queries), name: queries)
        let judgments = try Qrels(contentsOf: URL(fileURLWithPath: qrels), name: qrels)
        var rankedLists: [(queryID: String, documents: [(documentID: String, score: Double)])] = []
        for query in queryFile.queries {
            let hits: [(documentID: String, score: Double)]
            switch mode {
            case .search:
                let request = SearchRequest(query.text, limit: 100, prefixLastWord: false, countsMatches: false)
                hits = try searcher.search(request).hits.map { ($0.article.id, $0.score) }
            case .suggest:
                throw ValidationError("--mode suggest is not available yet.")
            }
            rankedLists.append((query.id, hits))
        }
        if let runFile {
            try Data(try TRECRun.format(rankedLists).utf8).write(to: URL(fileURLWithPath: runFile))
        }
        let report = RelevanceMetrics().evaluate(try TRECRun(rankedLists: rankedLists), against: judgments)
        print(report.formatted(runName: "kb", includingQueries: perQuery), terminator: "")
    }
}

import Benchmark
import Foundation
import KBIndex
import KBSearch
import MicroSupport

/// `Query/<corpus>/<case>`: one query per iteration, cycling through the case's committed
/// list (`Queries/`), single thread, top 10: wall-clock percentiles are per query, and
/// `mallocCountTotal` is allocations per query. Each result is compared with the recorded
/// one (total matches, hits, best article id).
func registerQueryBenchmarks() {
    for corpus in [CorpusKind.sample, .large] {
        for queryCase in QueryCase.allCases {
            let indexes = ScratchFolder()
            Benchmark(
                "Query/\(corpus.rawValue)/\(queryCase.rawValue)",
                configuration: .init(
                    metrics: [.wallClock, .throughput, .mallocCountTotal], warmupIterations: 100,
                    maxDuration: .seconds(2), maxIterations: 100_000)
            ) { (benchmark: Benchmark, state: QueryState) in
                let position = benchmark.currentIteration % state.queries.count
                let query = state.queries[position]
                let outcome = benchmark.require { try query.run(on: state.searcher) }
                benchmark.check(
                    outcome, state.expected[position], BenchmarkQuery.expectationName(queryCase, query.text))
            } setup: {
                prepare { try QueryState(corpus, queryCase, in: try indexes.make()) }
            } teardown: {
                indexes.remove()
            }
        }
    }
}

/// A searcher over a freshly built index, the case's queries and their recorded outcomes.
private struct QueryState {
    var searcher: Searcher
    var queries: [BenchmarkQuery]
    var expected: [QueryOutcome]

    init(_ corpus: CorpusKind, _ queryCase: QueryCase, in folder: URL) throws {
        let loaded = try BenchmarkCorpus.load(corpus)
        let expectations = try Expectations.load(for: loaded)
        queries = try BenchmarkQuery.load(queryCase, list: loaded.queryListName)
        expected = try queries.map {
            try expectations.outcome(QueryOutcome.self, BenchmarkQuery.expectationName(queryCase, $0.text))
        }
        searcher = Searcher(reader: try IndexReader.open(path: try BenchmarkIndex(loaded, in: folder).path))
    }
}

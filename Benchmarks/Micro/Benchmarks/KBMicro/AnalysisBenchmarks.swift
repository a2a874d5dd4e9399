import Benchmark
import KBIndex
import MicroSupport

/// `Analysis/<corpus>/<stage>`: each analysis stage over all of a corpus's text (MB/s);
/// `ParseHTML/<corpus>`: libxml2 parsing and text extraction of every file (MB/s, articles/s).
func registerAnalysisBenchmarks() {
    for corpus in [CorpusKind.sample, .large] {
        for stage in AnalysisStage.allCases {
            Benchmark(
                "Analysis/\(corpus.rawValue)/\(stage.rawValue)",
                configuration: .corpusPass(corpus, articles: false)
            ) { (benchmark: Benchmark, state: AnalysisState) in
                let tally = benchmark.measuringRates(bytes: state.workload.inputBytes) { state.workload.run() }
                benchmark.check(tally, state.expected, state.workload.expectationName)
            } setup: {
                prepare { try AnalysisState(corpus, stage) }
            }
        }

        Benchmark(
            "ParseHTML/\(corpus.rawValue)",
            configuration: .corpusPass(corpus, articles: true)
        ) { (benchmark: Benchmark, state: ParseState) in
            let corpus = state.corpus
            let parsed = benchmark.measuringRates(bytes: corpus.byteCount, articles: corpus.files.count) {
                corpus.parse()
            }
            benchmark.check(AnalysisText.parseTally(parsed), state.expected, "parse")
        } setup: {
            prepare { try ParseState(corpus) }
        }
    }
}

/// An analysis stage's input and its recorded tally.
private struct AnalysisState {
    var workload: AnalysisWorkload
    var expected: TextTally

    init(_ corpus: CorpusKind, _ stage: AnalysisStage) throws {
        let loaded = try BenchmarkCorpus.load(corpus)
        workload = AnalysisWorkload(stage, articles: loaded.parse().articles)
        expected = try Expectations.load(for: loaded).outcome(TextTally.self, workload.expectationName)
    }
}

/// A corpus in memory and its recorded parse tally.
private struct ParseState {
    var corpus: BenchmarkCorpus
    var expected: ParseTally

    init(_ corpus: CorpusKind) throws {
        self.corpus = try BenchmarkCorpus.load(corpus)
        expected = try Expectations.load(for: self.corpus).outcome(ParseTally.self, "parse")
    }
}

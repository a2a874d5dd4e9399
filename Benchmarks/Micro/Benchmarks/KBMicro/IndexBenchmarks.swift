import Benchmark
import Foundation
import KBIndex
import MicroSupport

/// `Build/<corpus>/kb-index`: files to a published index on one thread, as `kb index --jobs 1`
/// (MB/s of HTML, articles/s). `Build/<corpus>/writer`: the ``IndexWriter`` alone over
/// analyzed articles (MB/s of text). `Open/<corpus>/reader` and `Open/<corpus>/reader+verify`:
/// `IndexReader.open`, without and with checking every section's checksum.
func registerIndexBenchmarks() {
    for corpus in [CorpusKind.sample, .large] {
        let builds = ScratchFolder()
        Benchmark(
            "Build/\(corpus.rawValue)/kb-index",
            configuration: .corpusPass(corpus, articles: true)
        ) { (benchmark: Benchmark, state: BuildState) in
            let corpus = state.corpus
            let tally = benchmark.require {
                try benchmark.measuringRates(bytes: corpus.byteCount, articles: corpus.files.count) {
                    try IndexWorkload.build(
                        from: state.source, parser: corpus.parserOptions, to: state.destination, jobs: 1)
                }
            }
            benchmark.check(tally, state.expected, "build")
        } setup: {
            prepare { try BuildState(corpus, in: try builds.make()) }
        } teardown: {
            builds.remove()
        }

        let writes = ScratchFolder()
        Benchmark(
            "Build/\(corpus.rawValue)/writer",
            configuration: .corpusPass(corpus, articles: true)
        ) { (benchmark: Benchmark, state: WriteState) in
            let tally = benchmark.require {
                try benchmark.measuringRates(bytes: state.textBytes, articles: state.articles.count) {
                    try IndexWorkload.write(state.articles, to: state.destination)
                }
            }
            benchmark.check(tally, state.expected, "build")
        } setup: {
            prepare { try WriteState(corpus, in: try writes.make()) }
        } teardown: {
            writes.remove()
        }

        for verifies in [false, true] {
            let indexes = ScratchFolder()
            Benchmark(
                "Open/\(corpus.rawValue)/\(verifies ? "reader+verify" : "reader")",
                configuration: .init(
                    metrics: [.wallClock, .throughput, .mallocCountTotal], warmupIterations: 10,
                    maxDuration: .seconds(2), maxIterations: 10_000)
            ) { (benchmark: Benchmark, state: OpenState) in
                let tally = benchmark.require { try IndexWorkload.open(state.path, verifyChecksums: verifies) }
                benchmark.check(tally, state.expected, "open")
            } setup: {
                prepare { try OpenState(corpus, in: try indexes.make()) }
            } teardown: {
                indexes.remove()
            }
        }
    }
}

/// A corpus, the folder its files are in, where the index goes, and the recorded tally.
private struct BuildState {
    var corpus: BenchmarkCorpus
    var source: URL
    var destination: URL
    var expected: IndexTally

    init(_ corpus: CorpusKind, in folder: URL) throws {
        self.corpus = try BenchmarkCorpus.load(corpus)
        source = try self.corpus.folder(writingInto: folder)
        destination = folder.appendingPathComponent("kb.idx")
        expected = try Expectations.load(for: self.corpus).outcome(IndexTally.self, "build")
    }
}

/// A corpus's analyzed articles, the bytes of their text, where the index goes, and the
/// recorded tally.
private struct WriteState {
    var articles: [AnalyzedArticle]
    var textBytes: Int
    var destination: URL
    var expected: IndexTally

    init(_ corpus: CorpusKind, in folder: URL) throws {
        let loaded = try BenchmarkCorpus.load(corpus)
        let parsed = loaded.parse().articles
        let analyzer = Analyzer()
        articles = parsed.map { AnalyzedArticle($0, analyzer: analyzer) }
        textBytes = AnalysisText(parsed).byteCount
        destination = folder.appendingPathComponent("kb.idx")
        expected = try Expectations.load(for: loaded).outcome(IndexTally.self, "build")
    }
}

/// A built index and the recorded tally of opening it.
private struct OpenState {
    var path: String
    var expected: IndexTally

    init(_ corpus: CorpusKind, in folder: URL) throws {
        let loaded = try BenchmarkCorpus.load(corpus)
        path = try BenchmarkIndex(loaded, in: folder).path
        expected = try Expectations.load(for: loaded).outcome(IndexTally.self, "open")
    }
}

import Foundation
import KBIndex
import KBSearch
import MicroSupport

/// `kb-micro-record [sample|synthetic|dev]...`: runs every checked workload once on each
/// corpus named (by default the sample, the synthetic corpus, and the development corpus
/// when `KB_DEV_CORPUS` names it) and writes `Expectations/<corpus>.tsv`.
///
/// Run it after a change that is meant to change results (analysis, ranking, the sample
/// articles), then review the diff of the expectations like any other change.
@main
struct RecordExpectations {
    static func main() {
        let arguments = CommandLine.arguments.dropFirst()
        var kinds = arguments.compactMap(CorpusKind.init(rawValue:))
        guard kinds.count == arguments.count else {
            fail("usage: kb-micro-record [sample|synthetic|dev]...")
        }
        if kinds.isEmpty {
            kinds = [.sample, .synthetic] + (BenchmarkCorpus.developmentFolder == nil ? [] : [.dev])
        }
        for kind in kinds {
            do {
                try record(kind)
            } catch {
                fail("kb-micro-record: \(kind.rawValue): \(error)")
            }
        }
    }

    static func record(_ kind: CorpusKind) throws {
        let corpus = try BenchmarkCorpus.load(kind)
        var expectations = ExpectationsWriter(corpus: corpus)
        let parsed = corpus.parse()
        expectations.add("parse", AnalysisText.parseTally(parsed))
        for stage in AnalysisStage.allCases {
            let workload = AnalysisWorkload(stage, articles: parsed.articles)
            expectations.add(workload.expectationName, workload.run())
        }

        let scratch = ScratchFolder()
        defer { scratch.remove() }
        let folder = try scratch.make()
        let index = try BenchmarkIndex(corpus, in: folder)
        expectations.add("build", index.tally)
        // The writer alone must give the index the builder gave.
        let analyzer = Analyzer()
        let written = try IndexWorkload.write(
            parsed.articles.map { AnalyzedArticle($0, analyzer: analyzer) },
            to: folder.appendingPathComponent("written.idx"))
        guard written == index.tally else {
            throw MicroBenchmarkError("the writer gave \(written) where the builder gave \(index.tally).")
        }
        expectations.add("open", try IndexWorkload.open(index.path, verifyChecksums: true))

        let searcher = Searcher(reader: try IndexReader.open(path: index.path))
        for queryCase in QueryCase.allCases {
            for query in try BenchmarkQuery.load(queryCase, list: corpus.queryListName) {
                expectations.add(BenchmarkQuery.expectationName(queryCase, query.text), try query.run(on: searcher))
            }
        }
        try expectations.write()
        print("\(kind.rawValue): \(MicroPaths.expectations(kind).path)")
    }

    static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data((message + "\n").utf8))
        exit(1)
    }
}

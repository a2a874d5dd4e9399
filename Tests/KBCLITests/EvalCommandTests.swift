import Foundation
import KBTestSupport
import RegexBuilder
import Testing

/// `kb eval`: relevance figures of the index's rankings on judged queries.
@Suite struct EvalCommandTests {
    /// q1–q4 have relevant documents (q4's query finds nothing, so it scores 0); q5 has no
    /// judgment; q6 has only a grade-0 judgment, so it is not evaluated either.
    static let queries = """
        q1\tesqueci minha senha
        q2\tanexar arquivo grande
        q3\tcomo abrir um chamado
        q4\txyzzyq
        q5\tqwxzt plokm
        q6\tesqueci minha senha

        """
    static let qrels = """
        q1 0 conta/redefinir-senha.html 2
        q2 0 chamados/anexo-maior-que-40-mb.html 1
        q2 0 chamados/anexar-arquivos.html 1
        q3 0 chamados/abrir-chamado.html 1
        q3 0 portal/projetos.html 0
        q4 0 conta/regras-de-senha.html 1
        q6 0 portal/projetos.html 0

        """

    /// The figures of a summary line, `kb queries=N ndcg@10=… mrr@10=… p@1=… recall@10=… recall@100=…`,
    /// or `nil` when `line` is not one.
    static func summary(_ line: String?) -> (queryCount: Int, figures: [Double])? {
        let figure = /([0-9]\.[0-9]{4})/
        let pattern = Regex {
            "kb queries="
            Capture { OneOrMore(.digit) }
            " ndcg@10="
            figure
            " mrr@10="
            figure
            " p@1="
            figure
            " recall@10="
            figure
            " recall@100="
            figure
        }
        guard let match = line?.wholeMatch(of: pattern) else { return nil }
        return (Int(match.1)!, [match.2, match.3, match.4, match.5, match.6].map { Double($0)! })
    }

    /// Writes the query and qrels files into `folder` and returns their paths.
    static func writeInputs(in folder: TemporaryFolder) throws -> (queries: String, qrels: String) {
        (try folder.write(queries, to: "queries.tsv"), try folder.write(qrels, to: "qrels.txt"))
    }

    @Test func printsTheSummaryLineOverTheJudgedQueries() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let (queries, qrels) = try Self.writeInputs(in: folder)
        let output = try kb("eval", "--queries", queries, "--qrels", qrels, "--index", ArticlesIndex.path())
        #expect(output.status == 0, "\(output)")
        #expect(output.lines.count == 1, "\(output)")
        let summary = try #require(Self.summary(output.lines.first), "\(output)")
        #expect(summary.queryCount == 4)
        // q4 finds nothing, so no mean can exceed 3/4.
        #expect(summary.figures.allSatisfy { $0 > 0 && $0 <= 0.75 }, "\(summary.figures)")
    }

    @Test func theRunFileScoresExactlyTheFiguresPrinted() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let (queries, qrels) = try Self.writeInputs(in: folder)
        let run = folder.path("run.txt")
        let index = try ArticlesIndex.path()
        let output = try kb("eval", "--queries", queries, "--qrels", qrels, "--index", index, "--run", run)
        #expect(output.status == 0, "\(output)")

        let runText = try String(contentsOfFile: run, encoding: .utf8)
        let reference = try ReferenceEvaluation(
            run: runText, qrels: String(contentsOfFile: qrels, encoding: .utf8))
        #expect(output.lines == [reference.summaryLine(runName: "kb")])

        // The run is what kb search writes with the same settings: top 100, no prefix.
        let search = try kb("search", "--queries", queries, "--index", index, "--limit", "100", "--no-prefix")
        #expect(search.status == 0, "\(search)")
        #expect(runText == search.stdout)
        #expect(
            runText.split(separator: "\n").allSatisfy { $0.hasSuffix(" kb") && $0.split(separator: " ").count == 6 })
    }

    @Test func perQueryPrintsEachEvaluatedQueryBeforeTheSummary() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let (queries, qrels) = try Self.writeInputs(in: folder)
        let run = folder.path("run.txt")
        let output = try kb(
            "eval", "--queries", queries, "--qrels", qrels, "--index", ArticlesIndex.path(), "--per-query", "--run", run
        )
        #expect(output.status == 0, "\(output)")
        let rows = output.lines.map { $0.split(separator: " ").map(String.init) }
        #expect(
            rows.first == ["query", "relevant", "retrieved", "ndcg@10", "mrr@10", "p@1", "recall@10", "recall@100"])
        #expect(rows.dropFirst().prefix(4).map { $0.first } == ["q1", "q2", "q3", "q4"])
        #expect(rows.dropFirst().prefix(4).map { $0[1] } == ["1", "2", "1", "1"], "relevant documents per query")

        // Retrieved counts are the run's lines per query.
        let runLines = try String(contentsOfFile: run, encoding: .utf8).split(separator: "\n")
        for row in rows.dropFirst().prefix(4) {
            #expect(Int(row[2]) == runLines.filter { $0.hasPrefix("\(row[0]) ") }.count, "\(row)")
        }
        #expect(rows[4] == ["q4", "1", "0", "0.0000", "0.0000", "0.0000", "0.0000", "0.0000"])
        #expect(Self.summary(output.lines.last) != nil)
    }

    @Test func suggestModeAddsTheSuggestLine() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let (queries, qrels) = try Self.writeInputs(in: folder)
        let output = try kb(
            "eval", "--queries", queries, "--qrels", qrels, "--index", ArticlesIndex.path(), "--mode", "suggest")
        #expect(output.status == 0, "\(output)")
        #expect(output.lines.count == 2, "\(output)")
        #expect(Self.summary(output.lines.first)?.queryCount == 4)
        // The two nonsense subjects get nothing; q5 and q6 have no relevant judgment.
        #expect(
            output.lines.last
                == "suggest: 2 of 6 subjects got no suggestion; 1 of the 2 subjects without judgments got none")
    }

    @Test func aMissingQrelsFileExitsWith1AndNamesIt() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let queries = try Self.writeInputs(in: folder).queries
        let missing = folder.path("missing.qrels")
        let output = try kb("eval", "--queries", queries, "--qrels", missing, "--index", ArticlesIndex.path())
        #expect(output.status == 1, "\(output)")
        #expect(output.stdout == "")
        #expect(output.stderr.contains(missing), "\(output)")
    }

    @Test func aMalformedQueryFileExitsWith1AndNamesTheLine() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let queries = try folder.write("q1\tsenha\nq2 sem tabulação\n", to: "queries.tsv")
        let qrels = try folder.write(Self.qrels, to: "qrels.txt")
        let output = try kb("eval", "--queries", queries, "--qrels", qrels, "--index", ArticlesIndex.path())
        #expect(output.status == 1, "\(output)")
        #expect(output.stderr.contains(queries), "\(output)")
        #expect(output.stderr.contains("2"), "\(output)")
    }

    @Test func missingOptionsAndAnUnknownModeAreUsageErrors() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let (queries, qrels) = try Self.writeInputs(in: folder)
        let noQrels = try kb("eval", "--queries", queries)
        #expect(noQrels.status == KBProcess.usageError, "\(noQrels)")
        #expect(noQrels.stderr.contains("--qrels"), "\(noQrels)")

        let badMode = try kb("eval", "--queries", queries, "--qrels", qrels, "--mode", "browse")
        #expect(badMode.status == KBProcess.usageError, "\(badMode)")
        #expect(badMode.stderr.contains("Error: The value 'browse' is invalid for '--mode <mode>'"), "\(badMode)")
    }
}

/// nDCG@10, MRR@10, P@1, Recall@10 and Recall@100 of a TREC run against qrels, written from the
/// definitions (binary relevance: grade > 0; each query's documents ranked by score descending,
/// then document id; only queries with a relevant document are averaged, in qrels order), to
/// check `kb eval`'s figures against the run file it writes.
struct ReferenceEvaluation {
    var figures: [[Double]] = []

    init(run: String, qrels: String) throws {
        var relevant: [String: Set<String>] = [:]
        var order: [String] = []
        for line in qrels.split(separator: "\n") {
            let fields = line.split(separator: " ").map(String.init)
            try #require(fields.count == 4, "qrels line \(line)")
            guard try #require(Int(fields[3])) > 0 else { continue }
            if relevant[fields[0]] == nil { order.append(fields[0]) }
            relevant[fields[0], default: []].insert(fields[2])
        }
        var retrieved: [String: [(id: String, score: Double)]] = [:]
        for line in run.split(separator: "\n") {
            let fields = line.split(separator: " ").map(String.init)
            try #require(fields.count == 6, "run line \(line)")
            retrieved[fields[0], default: []].append((fields[2], try #require(Double(fields[4]))))
        }
        for query in order {
            let relevantSet = relevant[query]!
            let ranking = (retrieved[query] ?? [])
                .sorted {
                    $0.score != $1.score
                        ? $0.score > $1.score : $0.id.unicodeScalars.lexicographicallyPrecedes($1.id.unicodeScalars)
                }
                .map(\.id)
            var gain = 0.0
            var reciprocalRank = 0.0
            for (offset, id) in ranking.prefix(10).enumerated() where relevantSet.contains(id) {
                gain += 1 / log2(Double(offset + 2))
                if reciprocalRank == 0 { reciprocalRank = 1 / Double(offset + 1) }
            }
            var idealGain = 0.0
            for offset in 0..<min(10, relevantSet.count) { idealGain += 1 / log2(Double(offset + 2)) }
            func recall(_ depth: Int) -> Double {
                Double(relevantSet.intersection(ranking.prefix(depth)).count) / Double(relevantSet.count)
            }
            let precisionAtOne: Double = ranking.first.map { relevantSet.contains($0) ? 1 : 0 } ?? 0
            figures.append([gain / idealGain, reciprocalRank, precisionAtOne, recall(10), recall(100)])
        }
    }

    /// `evaluate.py`'s line for these figures.
    func summaryLine(runName: String) -> String {
        let means = (0..<5).map { measure in
            figures.reduce(0) { $0 + $1[measure] } / Double(figures.count)
        }
        let labels = ["ndcg@10", "mrr@10", "p@1", "recall@10", "recall@100"]
        let values = zip(labels, means).map { "\($0)=\(String(format: "%.4f", $1))" }
        return "\(runName) queries=\(figures.count) \(values.joined(separator: " "))"
    }
}

import ArgumentParser
import Foundation
import KBSearch

/// Batch mode shared by `kb search` and `kb suggest`: a query file in, TREC run lines out.
struct BatchOptions: ParsableArguments {
    @Option(help: "Run every query of this file (lines \"qid<TAB>text\").")
    var queries: String?

    @Option(help: "Output format in batch mode.")
    var format: BatchFormat = .trec

    @Option(help: "Write each query's in-process latency in microseconds to this file (\"qid<TAB>µs\").")
    var timings: String?

    @Option(name: .customLong("run-tag"), help: "The tag in the last column of TREC lines.")
    var runTag = "kb"

    /// Runs `search` for every query of `file` and prints the results.
    func run(file: String, search: (String) throws -> [(String, Double)]) throws {
        let queryFile = try QueryFile(contentsOf: URL(fileURLWithPath: file), name: file)
        let clock = ContinuousClock()
        var output = ""
        var timingLines = ""
        for query in queryFile.queries {
            var ranked: [(String, Double)] = []
            let elapsed = try clock.measure { ranked = try search(query.text) }
            let microseconds = Double(elapsed.components.seconds) * 1e6 + Double(elapsed.components.attoseconds) / 1e12
            timingLines += "\(query.id)\t\(String(format: "%.1f", microseconds))\n"
            switch format {
            case .trec:
                for line in try TRECRun.lines(
                    queryID: query.id, documents: ranked.map { (documentID: $0.0, score: $0.1) }, tag: runTag)
                {
                    output += line + "\n"
                }
            case .tsv:
                for (rank, hit) in ranked.enumerated() { output += "\(query.id)\t\(rank + 1)\t\(hit.0)\t\(hit.1)\n" }
            }
            if output.utf8.count > 1 << 16 {
                print(output, terminator: "")
                output = ""
            }
        }
        print(output, terminator: "")
        if let timings {
            try Data(timingLines.utf8).write(to: URL(fileURLWithPath: timings))
        }
    }
}

/// Batch output formats.
enum BatchFormat: String, ExpressibleByArgument, CaseIterable {
    /// `qid Q0 docid rank score tag`, for evaluation scripts.
    case trec
    /// `qid<TAB>rank<TAB>docid<TAB>score`.
    case tsv
}

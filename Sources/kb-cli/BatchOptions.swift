import ArgumentParser
import Foundation
import KBSearch

/// Batch mode shared by `kb search` and `kb suggest`: a query file in, TREC run lines out.
struct BatchOptions: ParsableArguments {
    @Option(help: "Run every query of this file (lines \"qid<TAB>text\").")
    var queries: String?

    @Option(help: "Output format in batch mode.")
    var format: BatchFormat = .trec

    @Option(
        help: """
            Write each query's in-process latency in microseconds to this file ("qid<TAB>µs"), \
            after a first line "#open<TAB>µs": the time to open the index.
            """)
    var timings: String?

    @Option(name: .customLong("run-tag"), help: "The tag in the last column of TREC lines.")
    var runTag = "kb"

    /// Runs `search` for every query of `file` and prints the results; `openTime` is how long
    /// opening the index took, for the timings file.
    func run(file: String, openTime: Duration, search: (String) throws -> [(String, Double)]) throws {
        let queryFile = try QueryFile(contentsOf: URL(fileURLWithPath: file), name: file)
        let clock = ContinuousClock()
        var output = ""
        var timingLines = "#open\t\(Self.microseconds(openTime))\n"
        for query in queryFile.queries {
            var ranked: [(String, Double)] = []
            let elapsed = try clock.measure { ranked = try search(query.text) }
            timingLines += "\(query.id)\t\(Self.microseconds(elapsed))\n"
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

    /// `duration` in microseconds, one decimal.
    private static func microseconds(_ duration: Duration) -> String {
        let value = Double(duration.components.seconds) * 1e6 + Double(duration.components.attoseconds) / 1e12
        return String(format: "%.1f", value)
    }
}

/// Batch output formats.
enum BatchFormat: String, ExpressibleByArgument, CaseIterable {
    /// `qid Q0 docid rank score tag`, for evaluation scripts.
    case trec
    /// `qid<TAB>rank<TAB>docid<TAB>score`.
    case tsv
}

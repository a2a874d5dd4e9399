import ArgumentParser
import KBIndex

/// `kb dump`: the postings of one term, for debugging.
struct DumpCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dump",
        abstract: "Print the postings of a term: documents, per-field frequencies and positions.",
        discussion: "TERM is analyzed like the index's text, so `kb dump Configurações` finds the stem."
    )

    @Argument(help: "The word or term to look up.")
    var term: String

    @Flag(help: "Look TERM up as given, without analysis.")
    var raw = false

    @OptionGroup var index: IndexPathOption

    func run() throws {
        let reader = try openIndex(index.path)
        let terms = raw ? [term] : reader.analyzer.terms(in: term)
        guard !terms.isEmpty else {
            print("\"\(term)\" analyzes to no term (a stop word?)")
            return
        }
        for term in terms {
            guard let info = try reader.terms.lookup(term) else {
                print("\(term): not in the index")
                continue
            }
            var postings = try reader.postings(for: info)
            print(
                "\(term): \(info.documentFrequency) documents, \(postings.blockCount) blocks, max impact \(postings.maxImpact)"
            )
            while try postings.next() != PostingsCursor.exhausted {
                var positions: [String] = []
                try postings.forEachPosition { field, position in positions.append("\(field.name):\(position)") }
                let frequencies = IndexField.allCases.map { "\($0.name)=\(postings.frequency(in: $0))" }
                let id = try reader.articleID(of: postings.document)
                print(
                    "  \(postings.document) \(id) \(frequencies.joined(separator: " ")) [\(positions.joined(separator: " "))]"
                )
            }
        }
    }
}

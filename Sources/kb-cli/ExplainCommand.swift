import ArgumentParser
import KBIndex
import KBSearch

/// `kb explain`: why an article scores what it scores for a query.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Break an article's score for a query down by term, field and factor."
    )

    @Argument(help: "The query.")
    var query: String

    @Argument(help: "The article id, e.g. conta/redefinir-senha.html.")
    var id: String

    @Flag(name: .customLong("no-prefix"), help: "Do not complete the last word as a prefix.")
    var noPrefix = false

    @OptionGroup var index: IndexPathOption

    func run() throws {
        let searcher = Searcher(reader: try openIndex(index.path))
        let request = SearchRequest(query, prefixLastWord: !noPrefix, countsMatches: false)
        guard let explanation = try searcher.explain(request, articleID: id) else {
            printError("kb explain: no article has the id \"\(id)\".")
            throw ExitCode(1)
        }
        print(explanation.text)
    }
}

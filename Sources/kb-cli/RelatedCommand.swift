import ArgumentParser
import KBIndex
import KBSearch

/// `kb related`: "Artigos relacionados" for an article.
struct RelatedCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "related",
        abstract: "List the articles related to an article (more like this)."
    )

    @Argument(help: "The article id, e.g. conta/redefinir-senha.html.")
    var id: String

    @Option(help: "How many articles.")
    var limit = 5

    @OptionGroup var index: IndexPathOption

    func run() throws {
        let searcher = Searcher(reader: try openIndex(index.path))
        guard let hits = try searcher.related(to: id, limit: limit) else {
            printError("kb related: no article has the id \"\(id)\".")
            throw ExitCode(1)
        }
        if hits.isEmpty { print("no related articles") }
        for (rank, hit) in hits.enumerated() {
            print("\(rank + 1). \(hit.article.title)  [\(hit.article.id)]  \(String(format: "%.3f", hit.score))")
        }
    }
}

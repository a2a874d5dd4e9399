import ArgumentParser
import Foundation
import KBIndex
import KBSearch

/// `kb suggest`: the articles a ticket form would suggest for a subject.
struct SuggestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "suggest",
        abstract: "Suggest articles for a ticket subject, as the ticket form does.",
        discussion: """
            Prints only confident suggestions: a subject the knowledge base does not answer gets \
            none. With --queries FILE.tsv, runs every subject and prints TREC run lines.
            """
    )

    @Argument(help: "The ticket subject (\"Assunto\").")
    var subject: String?

    @Option(help: "The ticket description (\"Descrição\").")
    var description: String?

    @Option(help: "At most this many suggestions (1...\(SuggestionRequest.maximumLimit)).")
    var limit = 5

    @Flag(help: "Print what the server's /suggest returns.")
    var json = false

    @OptionGroup var index: IndexPathOption
    @OptionGroup var batch: BatchOptions

    func validate() throws {
        guard (subject == nil) != (batch.queries == nil) else {
            throw ValidationError("Give either a SUBJECT or --queries FILE.")
        }
        guard (1...SuggestionRequest.maximumLimit).contains(limit) else {
            throw ValidationError("--limit must be between 1 and \(SuggestionRequest.maximumLimit).")
        }
    }

    func run() throws {
        let clock = ContinuousClock()
        var opened: Searcher?
        let openTime = try clock.measure { opened = Searcher(reader: try openIndex(index.path)) }
        let searcher = opened!
        if let file = batch.queries {
            try batch.run(file: file, openTime: openTime) { text in
                try searcher.suggest(SuggestionRequest(subject: text + " ", limit: limit)).hits.map {
                    ($0.article.id, $0.score)
                }
            }
            return
        }
        let request = SuggestionRequest(subject: subject ?? "", description: description, limit: limit)
        var results: SearchResults?
        let elapsed = try clock.measure { results = try searcher.suggest(request) }
        try printResults(
            results!, text: request.subject, elapsed: elapsed, analyzer: searcher.reader.analyzer, json: json)
    }
}

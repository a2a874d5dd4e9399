import ArgumentParser
import Foundation
import KBIndex

/// `kb parse`: prints articles as the indexer sees them.
struct ParseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse",
        abstract: "Print parsed articles as JSON.",
        discussion: """
            Prints one JSON object for one HTML file, an array for several files or for a JSON \
            Lines export. Problems go to standard error with the file and reason; exits with 1 if \
            any file could not be parsed.
            """
    )

    @Argument(help: "HTML files or .jsonl exports.")
    var files: [String]

    @Option(help: "Where the main content is, for pages without <main>: '#id', '.class' or 'tag'.")
    var content: String?

    @Option(help: "Article ids are paths relative to this folder (default: the paths as given).")
    var root: String?

    func validate() throws {
        if let content {
            do {
                _ = try ContentSelector(parsing: content)
            } catch {
                throw ValidationError("--content: \(error)")
            }
        }
    }

    func run() throws {
        var options = ArticleParserOptions()
        options.contentSelector = try content.map { try ContentSelector(parsing: $0) }
        let parser = ArticleParser(options: options)
        var articles: [Article] = []
        var failed = false
        for file in files {
            let url = URL(fileURLWithPath: file)
            let path = relativePath(of: url)
            let results: [Result<Article, ArticleParseError>]
            if file.lowercased().hasSuffix(".jsonl") {
                results = JSONLinesArticleReader(parser: parser).articles(contentsOf: url, path: path)
            } else {
                results = [Result { () throws(ArticleParseError) in try parser.parse(contentsOf: url, path: path) }]
            }
            for result in results {
                switch result {
                case .success(let article): articles.append(article)
                case .failure(let error):
                    printError(error.description)
                    failed = true
                }
            }
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data =
            articles.count == 1 && files.count == 1 && !files[0].lowercased().hasSuffix(".jsonl")
            ? try encoder.encode(articles[0]) : try encoder.encode(articles)
        print(String(decoding: data, as: UTF8.self))
        if failed { throw ExitCode(1) }
    }

    private func relativePath(of url: URL) -> String {
        guard let root else { return url.relativePath }
        let base = URL(fileURLWithPath: root).standardizedFileURL.path
        let full = url.standardizedFileURL.path
        return full.hasPrefix(base + "/") ? String(full.dropFirst(base.count + 1)) : full
    }
}

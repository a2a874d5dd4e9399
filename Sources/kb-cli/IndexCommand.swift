import ArgumentParser
import Foundation
import KBIndex

/// `kb index`: builds the index file from a folder of articles.
struct IndexCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "index",
        abstract: "Build the index file from a folder of HTML articles or JSON Lines exports.",
        discussion: """
            Reads every .html/.htm file in the folder tree and every .jsonl export, skips (and \
            reports) the articles it cannot read, and replaces the index file atomically. Exits \
            with 0 when the index was published, even if some articles were skipped.
            """
    )

    @Argument(help: "The folder of articles (or one .jsonl/.html file).")
    var source: String = "Articles"

    @OptionGroup var index: IndexPathOption

    @Option(help: "Where the main content is, for pages without <main>: '#id', '.class' or 'tag'.")
    var content: String?

    @Option(help: "The stemmer that reduces words to stems.")
    var stemmer: StemmerName = .default

    @Option(
        name: .customLong("field-weights"),
        help: """
            BM25F weights of title, headings, body and anchors (the text of links to the article), \
            comma separated (default \(IndexCommand.defaults(\.weight))).
            """
    )
    var fieldWeights: String?

    @Option(
        name: .customLong("length-normalization"),
        help: """
            BM25F length normalization b of title, headings, body and anchors, comma separated \
            (default \(IndexCommand.defaults(\.lengthNormalization))).
            """)
    var lengthNormalization: String?

    @Flag(name: .customLong("include-hidden"), help: "Also index elements marked hidden.")
    var includeHidden = false

    @Option(help: "Threads that parse and analyze articles.")
    var jobs: Int = IndexBuildOptions.defaultJobs

    @Option(help: "Memory budget for postings, in MiB, before sorted runs spill to disk.")
    var memory: Int = IndexWriterOptions.defaultMemoryBudget >> 20

    @Flag(
        name: .customLong("no-cache"),
        help: "Neither read nor write the reindex cache (<index>.cache); parse every file.")
    var noCache = false

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1.") }
        guard memory >= 1 else { throw ValidationError("--memory must be at least 1 (MiB).") }
        // Checked here rather than in run() so that the usage message is `kb index`'s.
        _ = try makeParserOptions()
        _ = try makeFieldSettings()
    }

    func run() throws {
        let parserOptions = try makeParserOptions()
        let fields = try makeFieldSettings()
        let options = IndexBuildOptions(
            analyzer: AnalyzerOptions(stemmer: stemmer), fields: fields, parser: parserOptions, jobs: jobs,
            memoryBudget: memory << 20, usesCache: !noCache)
        let display = ProgressDisplay()
        let report: IndexBuildReport
        do {
            report = try IndexBuilder(options: options).build(
                from: URL(fileURLWithPath: source), to: URL(fileURLWithPath: index.path)
            ) { progress in
                display.show(progress)
            }
        } catch {
            display.finish()
            printError("kb index: \(error)")
            throw ExitCode(1)
        }
        display.finish()
        for skipped in report.skipped {
            printError("skipped \(skipped)")
        }
        let summary = report.summary
        print(
            """
            indexed \(report.indexedCount) articles, skipped \(report.skipped.count)\
            \(report.usedCache ? "\nreused \(report.reusedFileCount) unchanged files, parsed \(report.parsedFileCount)" : "")
            \(summary.termCount) terms, \(summary.postingCount) postings\
            \(summary.spillRunCount > 0 ? ", \(summary.spillRunCount) sorted runs spilled" : "")
            \(index.path): \(ByteCountFormatting.string(summary.fileSize)) in \(String(format: "%.2f", report.seconds)) s
            """)
    }

    /// The parser options that --content and --include-hidden select.
    private func makeParserOptions() throws -> ArticleParserOptions {
        var options = ArticleParserOptions()
        if let content {
            do {
                options.contentSelector = try ContentSelector(parsing: content)
            } catch {
                throw ValidationError("--content: \(error)")
            }
        }
        options.includesHiddenElements = includeHidden
        return options
    }

    /// The field settings that --field-weights and --length-normalization select.
    private func makeFieldSettings() throws -> [FieldSettings] {
        var fields = FieldSettings.defaults
        if let fieldWeights {
            let values = try Self.numbers(fieldWeights, option: "--field-weights")
            for index in fields.indices { fields[index].weight = values[index] }
        }
        if let lengthNormalization {
            let values = try Self.numbers(lengthNormalization, option: "--length-normalization")
            for index in fields.indices { fields[index].lengthNormalization = values[index] }
        }
        return fields
    }

    /// The default value of `setting` for each field, comma separated (`5,2,1,5`).
    private static func defaults(_ setting: KeyPath<FieldSettings, Double>) -> String {
        FieldSettings.defaults.map { String(format: "%g", $0[keyPath: setting]) }.joined(separator: ",")
    }

    /// One comma-separated non-negative number per field.
    private static func numbers(_ text: String, option: String) throws -> [Double] {
        let values = text.split(separator: ",").compactMap { Double($0.trimmingCharacters(in: .whitespaces)) }
        guard values.count == IndexField.count, values.allSatisfy({ $0 >= 0 && $0.isFinite }) else {
            throw ValidationError(
                "\(option) takes \(IndexField.count) non-negative numbers: title,headings,body,anchors.")
        }
        return values
    }
}

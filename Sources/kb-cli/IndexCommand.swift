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

    @Option(help: "Threads that parse and analyze articles.")
    var jobs: Int = IndexBuildOptions.defaultJobs

    @Option(help: "Memory budget for postings, in MiB, before sorted runs spill to disk.")
    var memory: Int = IndexWriterOptions.defaultMemoryBudget >> 20

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1.") }
        guard memory >= 1 else { throw ValidationError("--memory must be at least 1 (MiB).") }
    }

    func run() throws {
        var parserOptions = ArticleParserOptions()
        if let content {
            do {
                parserOptions.contentSelector = try ContentSelector(parsing: content)
            } catch {
                throw ValidationError("--content: \(error)")
            }
        }
        let options = IndexBuildOptions(
            analyzer: AnalyzerOptions(stemmer: stemmer), parser: parserOptions, jobs: jobs,
            memoryBudget: memory << 20)
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
            indexed \(report.indexedCount) articles, skipped \(report.skipped.count)
            \(summary.termCount) terms, \(summary.postingCount) postings\
            \(summary.spillRunCount > 0 ? ", \(summary.spillRunCount) sorted runs spilled" : "")
            \(index.path): \(ByteCountFormatting.string(summary.fileSize)) in \(String(format: "%.2f", report.seconds)) s
            """)
    }
}

public import Foundation

/// Builds an index file from a folder of articles: lists the files, parses and analyzes
/// them on several threads, feeds the results to one ``IndexWriter`` in input order, and
/// publishes the file atomically with ``AtomicFilePublisher``.
///
/// ```swift
/// let report = try IndexBuilder(options: IndexBuildOptions())
///     .build(from: URL(fileURLWithPath: "Articles"), to: URL(fileURLWithPath: "kb.idx"))
/// print(report.indexedCount, report.skipped)
/// ```
///
/// A broken article is reported in ``IndexBuildReport/skipped`` and never stops the build.
/// The output depends only on the articles and the options, not on the number of threads.
public struct IndexBuilder: Sendable {
    /// The build settings.
    public let options: IndexBuildOptions

    /// Creates a builder.
    public init(options: IndexBuildOptions = IndexBuildOptions()) {
        self.options = options
    }

    /// Indexes the articles under `source` (a folder, or one `.jsonl` / `.html` file) into the
    /// index file `destination`, replacing it atomically.
    ///
    /// - Throws: ``IndexBuildError`` when nothing could be published (the source cannot be
    ///   read, the writer or the file system failed). The previous index, if any, is untouched.
    public func build(
        from source: URL, to destination: URL, progress: ((IndexBuildProgress) -> Void)? = nil
    ) throws(IndexBuildError) -> IndexBuildReport {
        let start = DispatchTime.now()
        let parser = ArticleParser(options: options.parser)
        let (folder, sources, listingErrors) = try listSources(source, parser: parser)
        var skipped = listingErrors.map(SkippedArticle.init)
        let writer: IndexWriter
        do {
            writer = try IndexWriter(
                options: IndexWriterOptions(
                    analyzer: options.analyzer, fields: options.fields, memoryBudget: options.memoryBudget,
                    temporaryDirectory: destination.deletingLastPathComponent()))
        } catch {
            throw IndexBuildError.writer(error)
        }
        let analyzer = Analyzer(options: options.analyzer)
        var processed = 0
        var batchStart = 0
        while batchStart < sources.count {
            let batch = Array(sources[batchStart..<min(batchStart + options.batchSize, sources.count)])
            let results = analyze(batch, folder: folder, analyzer: analyzer)
            for (index, fileResults) in results.enumerated() {
                for result in fileResults {
                    switch result {
                    case .success(let article):
                        do {
                            try writer.add(article)
                        } catch .duplicateArticleID(let id) {
                            // The file's path, as for every skipped article; the reason names the id.
                            skipped.append(
                                SkippedArticle(
                                    path: batch[index].path, reason: "another article already has the id \"\(id)\"."))
                        } catch {
                            throw IndexBuildError.writer(error)
                        }
                    case .failure(let error):
                        skipped.append(SkippedArticle(error))
                    }
                }
            }
            processed += batch.count
            batchStart += batch.count
            progress?(
                IndexBuildProgress(
                    processedFiles: processed, totalFiles: sources.count, indexedCount: writer.documentCount,
                    skippedCount: skipped.count))
        }
        let summary: IndexWriteSummary
        do {
            summary = try AtomicFilePublisher().publish(to: destination) { temporary in
                try writer.write(to: temporary)
            }
        } catch let error as IndexWriterError {
            throw IndexBuildError.writer(error)
        } catch {
            throw IndexBuildError.publish(destination.path, String(describing: error))
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
        return IndexBuildReport(
            indexedCount: summary.documentCount, skipped: skipped, summary: summary, seconds: seconds)
    }

    /// The article files under `source`, sorted; a single file is its own source.
    private func listSources(_ source: URL, parser: ArticleParser) throws(IndexBuildError)
        -> (ArticleFolder, [ArticleFolder.Source], [ArticleParseError])
    {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: source.path, isDirectory: &isDirectory) else {
            throw IndexBuildError.missingSource(source.path)
        }
        if !isDirectory.boolValue {
            let folder = ArticleFolder(root: source.deletingLastPathComponent(), parser: parser)
            let name = source.lastPathComponent
            guard let format = ArticleFolder.format(ofFileNamed: name) else {
                throw IndexBuildError.unsupportedSource(source.path)
            }
            return (folder, [ArticleFolder.Source(path: name, url: source, format: format)], [])
        }
        let folder = ArticleFolder(root: source, parser: parser)
        var sources: [ArticleFolder.Source] = []
        var errors: [ArticleParseError] = []
        for result in folder.sources() {
            switch result {
            case .success(let source): sources.append(source)
            case .failure(let error): errors.append(error)
            }
        }
        return (folder, sources, errors)
    }

    /// Parses and analyzes `batch` on up to ``IndexBuildOptions/jobs`` threads; the results
    /// keep the batch's order.
    private func analyze(_ batch: [ArticleFolder.Source], folder: ArticleFolder, analyzer: Analyzer)
        -> [[Result<AnalyzedArticle, ArticleParseError>]]
    {
        let slots = ResultSlots(count: batch.count)
        let workers = min(options.jobs, batch.count)
        let next = WorkCounter()
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while let index = next.take(below: batch.count) {
                let results = folder.articles(in: batch[index]).map { result in
                    result.map { AnalyzedArticle($0, analyzer: analyzer) }
                }
                slots.store(results, at: index)
            }
        }
        return slots.values
    }
}

/// Why an index build published nothing.
public enum IndexBuildError: Error, CustomStringConvertible {
    /// The articles folder or file does not exist.
    case missingSource(String)
    /// The source is a file of a kind kb does not read.
    case unsupportedSource(String)
    /// The index writer failed.
    case writer(IndexWriterError)
    /// The index file could not be written or renamed into place.
    case publish(String, String)

    /// A sentence saying what failed and what to do.
    public var description: String {
        switch self {
        case .missingSource(let path):
            return "\(path): no such file or folder. Give the folder that holds the articles."
        case .unsupportedSource(let path):
            return "\(path): not an article file. Give a folder, a .html/.htm file or a .jsonl export."
        case .writer(let error):
            return "cannot build the index: \(error)"
        case .publish(let path, let reason):
            return "cannot publish the index \(path): \(reason). The previous index, if any, is unchanged."
        }
    }
}

/// One result slot per source of a batch, filled from several threads (each slot by one).
private final class ResultSlots: @unchecked Sendable {
    private var storage: [[Result<AnalyzedArticle, ArticleParseError>]]
    private let lock = NSLock()

    init(count: Int) {
        storage = Array(repeating: [], count: count)
    }

    func store(_ results: [Result<AnalyzedArticle, ArticleParseError>], at index: Int) {
        lock.lock()
        storage[index] = results
        lock.unlock()
    }

    var values: [[Result<AnalyzedArticle, ArticleParseError>]] {
        lock.lock()
        defer { lock.unlock() }
        return storage
    }
}

/// Hands out work item indexes to several threads.
private final class WorkCounter: @unchecked Sendable {
    private var nextIndex = 0
    private let lock = NSLock()

    func take(below limit: Int) -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard nextIndex < limit else { return nil }
        nextIndex += 1
        return nextIndex - 1
    }
}

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
        let cacheURL = Self.cacheURL(for: destination)
        let cacheKey = IndexBuildCacheKey.make(options)
        let previousCache = options.usesCache ? IndexBuildCache.read(from: cacheURL, key: cacheKey) : nil
        let nextCache = options.usesCache ? IndexBuildCacheWriter(destination: cacheURL, key: cacheKey) : nil
        var reusedFiles = 0
        let writer: IndexWriter
        do {
            writer = try IndexWriter(
                options: IndexWriterOptions(
                    analyzer: options.analyzer, fields: options.fields, memoryBudget: options.memoryBudget,
                    temporaryDirectory: destination.deletingLastPathComponent(), threads: options.jobs))
        } catch {
            throw IndexBuildError.writer(error)
        }
        let analyzer = Analyzer(options: options.analyzer)
        var processed = 0
        var batchStart = 0
        /// Adds one file's results to the writer, in order; problems go to `skipped`.
        func add(_ results: [Result<AnalyzedArticle, ArticleParseError>], path: String) throws(IndexBuildError) {
            for result in results {
                switch result {
                case .success(let article):
                    do {
                        try writer.add(article)
                    } catch .duplicateArticleID(let id) {
                        // The file's path, as for every skipped article; the reason names the id.
                        skipped.append(
                            SkippedArticle(path: path, reason: "another article already has the id \"\(id)\"."))
                    } catch {
                        throw IndexBuildError.writer(error)
                    }
                case .failure(let error):
                    skipped.append(SkippedArticle(error))
                }
            }
        }
        func reportProgress() {
            progress?(
                IndexBuildProgress(
                    processedFiles: processed, totalFiles: sources.count, indexedCount: writer.documentCount,
                    skippedCount: skipped.count))
        }
        while batchStart < sources.count {
            if isStreamed(sources[batchStart]) {
                // A large export: decoded and analyzed in chunks, never whole, and not cached.
                let source = sources[batchStart]
                try streamJSONLines(source, folder: folder, analyzer: analyzer) { results throws(IndexBuildError) in
                    try add(results, path: source.path)
                    reportProgress()
                }
                processed += 1
                batchStart += 1
                reportProgress()
                continue
            }
            var batchEnd = batchStart
            while batchEnd < min(batchStart + options.batchSize, sources.count) && !isStreamed(sources[batchEnd]) {
                batchEnd += 1
            }
            let batch = Array(sources[batchStart..<batchEnd])
            let outcomes = analyze(batch, folder: folder, analyzer: analyzer, cache: previousCache)
            for (index, outcome) in outcomes.enumerated() {
                if outcome.isReused { reusedFiles += 1 }
                if let fingerprint = outcome.fingerprint {
                    nextCache?.add(path: batch[index].path, fingerprint: fingerprint, results: outcome.results)
                }
                try add(outcome.results, path: batch[index].path)
            }
            processed += batch.count
            batchStart += batch.count
            reportProgress()
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
        // After the index: a cache that fails to publish only makes the next build slower.
        nextCache?.publish()
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
        return IndexBuildReport(
            indexedCount: summary.documentCount, skipped: skipped, summary: summary, seconds: seconds,
            reusedFileCount: reusedFiles, parsedFileCount: sources.count - reusedFiles, usedCache: previousCache != nil)
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

    /// The reindex cache of the index at `destination`: `<index>.cache` beside it.
    public static func cacheURL(for destination: URL) -> URL {
        URL(fileURLWithPath: destination.path(percentEncoded: false) + ".cache")
    }

    /// Parses and analyzes `batch` on up to ``IndexBuildOptions/jobs`` threads, or takes the
    /// results of unchanged files from `cache`; the outcomes keep the batch's order.
    private func analyze(
        _ batch: [ArticleFolder.Source], folder: ArticleFolder, analyzer: Analyzer, cache: IndexBuildCache?
    ) -> [SourceOutcome] {
        let slots = ResultSlots(count: batch.count, placeholder: SourceOutcome(results: []))
        let workers = min(options.jobs, batch.count)
        let next = WorkCounter()
        let fingerprints = options.usesCache
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while let index = next.take(below: batch.count) {
                let source = batch[index]
                let outcome =
                    fingerprints
                    ? SourceOutcome(source, folder: folder, analyzer: analyzer, cache: cache)
                    : SourceOutcome(results: Self.parse(source, folder: folder, analyzer: analyzer))
                slots.store(outcome, at: index)
            }
        }
        return slots.values
    }

    /// Parses and analyzes every article of `source`.
    fileprivate static func parse(_ source: ArticleFolder.Source, folder: ArticleFolder, analyzer: Analyzer)
        -> [Result<AnalyzedArticle, ArticleParseError>]
    {
        folder.articles(in: source).map { result in
            result.map { AnalyzedArticle($0, analyzer: analyzer) }
        }
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

/// What became of one source file: its results, and whether they came from the cache.
private struct SourceOutcome: Sendable {
    /// The file's articles and parse errors, in file order.
    var results: [Result<AnalyzedArticle, ArticleParseError>]
    /// The fingerprint of the bytes the results come from, or `nil` when they cannot be
    /// cached (the file could not be read, or changed while it was parsed).
    var fingerprint: ContentFingerprint?
    /// Whether the results came from the cache.
    var isReused = false

    /// Results parsed without the cache.
    init(results: [Result<AnalyzedArticle, ArticleParseError>]) {
        self.results = results
    }

    /// The results of `source`, from `cache` if its bytes are unchanged, else parsed.
    ///
    /// An HTML file is read once: its bytes are fingerprinted and, on a miss, parsed as
    /// ``ArticleParser/parse(contentsOf:path:)`` would. A JSON Lines export is streamed, so
    /// it is fingerprinted before parsing and again after, and cached only if both agree.
    init(_ source: ArticleFolder.Source, folder: ArticleFolder, analyzer: Analyzer, cache: IndexBuildCache?) {
        switch source.format {
        case .html:
            let bytes: [UInt8]
            do {
                bytes = try ArticleFileReader.readContents(
                    of: source.url, path: source.path, limit: folder.parser.options.maximumFileSize)
            } catch {
                self.init(results: [.failure(error)])
                return
            }
            let fingerprint = ContentHasher.fingerprint(of: bytes)
            if let cached = cache?.results(for: source.path, fingerprint: fingerprint) {
                self.init(results: cached)
                isReused = true
            } else {
                let parsed = Result { () throws(ArticleParseError) in
                    try folder.parser.parse(bytes, path: source.path)
                }
                self.init(results: [parsed.map { AnalyzedArticle($0, analyzer: analyzer) }])
            }
            self.fingerprint = fingerprint
        case .jsonLines:
            let before = Self.fingerprint(of: source)
            if let before, let cached = cache?.results(for: source.path, fingerprint: before) {
                self.init(results: cached)
                isReused = true
                fingerprint = before
                return
            }
            self.init(results: IndexBuilder.parse(source, folder: folder, analyzer: analyzer))
            if let before, Self.fingerprint(of: source) == before {
                fingerprint = before
            }
        }
    }

    /// The fingerprint of the file's bytes, read in chunks, or `nil` if it cannot be read.
    private static func fingerprint(of source: ArticleFolder.Source) -> ContentFingerprint? {
        var hasher = ContentHasher()
        do {
            try ArticleFileReader.forEachChunk(of: source.url, path: source.path, chunkSize: 1 << 20) { chunk in
                hasher.update(UnsafeRawBufferPointer(chunk))
                return true
            }
        } catch {
            return nil
        }
        return hasher.fingerprint
    }
}

/// One slot per work item of a batch, filled from several threads (each slot by one).
final class ResultSlots<Value>: @unchecked Sendable {
    private var storage: [Value]
    private let lock = NSLock()

    init(count: Int, placeholder: Value) {
        storage = Array(repeating: placeholder, count: count)
    }

    func store(_ value: Value, at index: Int) {
        lock.lock()
        storage[index] = value
        lock.unlock()
    }

    var values: [Value] {
        lock.lock()
        defer { lock.unlock() }
        return storage
    }
}

/// Hands out work item indexes to several threads.
final class WorkCounter: @unchecked Sendable {
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

import Foundation

extension IndexBuilder {
    /// Whether `source` is a JSON Lines export large enough to stream
    /// (``IndexBuildOptions/streamingThreshold``).
    func isStreamed(_ source: ArticleFolder.Source) -> Bool {
        guard source.format == .jsonLines else { return false }
        var information = stat()
        return stat(source.url.path(percentEncoded: false), &information) == 0
            && Int(information.st_size) > options.streamingThreshold
    }

    /// Reads the export `source` line by line and hands `body` its articles and problems in
    /// line order, a chunk at a time, each chunk decoded and analyzed on up to
    /// ``IndexBuildOptions/jobs`` threads. Memory stays bounded by the chunk, whatever the
    /// file's size; the output is the same as parsing the file whole.
    func streamJSONLines(
        _ source: ArticleFolder.Source, folder: ArticleFolder, analyzer: Analyzer,
        _ body: ([Result<AnalyzedArticle, ArticleParseError>]) throws(IndexBuildError) -> Void
    ) throws(IndexBuildError) {
        let reader = JSONLinesArticleReader(parser: folder.parser)
        var chunk: [JSONLinesArticleReader.LineEvent] = []
        chunk.reserveCapacity(options.streamingChunkLines)
        var failure: IndexBuildError?
        reader.forEachLine(contentsOf: source.url, path: source.path) { event in
            guard failure == nil else { return }
            chunk.append(event)
            guard chunk.count >= options.streamingChunkLines else { return }
            do throws(IndexBuildError) {
                try body(analyze(chunk, reader: reader, path: source.path, analyzer: analyzer))
            } catch {
                failure = error
            }
            chunk.removeAll(keepingCapacity: true)
        }
        if let failure { throw failure }
        if !chunk.isEmpty { try body(analyze(chunk, reader: reader, path: source.path, analyzer: analyzer)) }
    }

    /// Decodes and analyzes `lines` on several threads; the results keep their order.
    private func analyze(
        _ lines: [JSONLinesArticleReader.LineEvent], reader: JSONLinesArticleReader, path: String, analyzer: Analyzer
    ) -> [Result<AnalyzedArticle, ArticleParseError>] {
        let slots = ResultSlots<Result<AnalyzedArticle, ArticleParseError>>(
            count: lines.count, placeholder: .failure(ArticleParseError(path: path, reason: .empty)))
        let next = WorkCounter()
        DispatchQueue.concurrentPerform(iterations: min(options.jobs, lines.count)) { _ in
            while let index = next.take(below: lines.count) {
                switch lines[index] {
                case .line(let number, let bytes):
                    do throws(ArticleParseError) {
                        let article = try reader.article(fromLine: bytes, path: path, line: number)
                        slots.store(.success(AnalyzedArticle(article, analyzer: analyzer)), at: index)
                    } catch {
                        slots.store(.failure(error), at: index)
                    }
                case .failure(let error):
                    slots.store(.failure(error), at: index)
                }
            }
        }
        return slots.values
    }
}

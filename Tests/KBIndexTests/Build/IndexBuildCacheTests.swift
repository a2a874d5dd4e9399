import Foundation
import KBTestSupport
import Testing

@testable import KBIndex

/// The reindex cache: unchanged files are reused, and the index is the one a build without
/// the cache makes.
@Suite struct IndexBuildCacheTests {
    /// A folder of articles and an output folder, removed at the end of the test.
    private struct Workspace {
        let root: URL
        let articles: URL
        let destination: URL

        init() throws {
            root = try Fixtures.makeTemporaryDirectory("kb-build-cache")
            articles = root.appendingPathComponent("articles")
            destination = root.appendingPathComponent("out/kb.idx")
            try FileManager.default.createDirectory(
                at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
            try GeneratedArticles.writePages(count: 12, seed: 42, in: articles)
            try GeneratedArticles.write(
                GeneratedArticles.page(title: "Zabumba", body: "A zabumba some no novo índice."),
                to: "portal/zabumba.html", in: articles)
            try GeneratedArticles.write("", to: "vazio.html", in: articles)
            let export = GeneratedArticles.jsonLines(count: 5, seed: 3) + #"{"id": "quebrado", "title": "x"#
            try GeneratedArticles.write(export, to: "exports/lote.jsonl", in: articles)
        }

        var cache: URL { IndexBuilder.cacheURL(for: destination) }

        func remove() {
            try? FileManager.default.removeItem(at: root)
        }

        /// Changes one article, adds one and deletes one.
        func edit() throws {
            try GeneratedArticles.write(
                GeneratedArticles.page(title: "Alterado", body: "Agora fala do xilofone azul."),
                to: "conta/artigo-0.html", in: articles)
            try GeneratedArticles.write(
                GeneratedArticles.page(title: "Novo", body: "Um artigo novo sobre o pandeiro."),
                to: "portal/novo.html", in: articles)
            try FileManager.default.removeItem(at: articles.appendingPathComponent("portal/zabumba.html"))
        }

        /// A build of the articles into a fresh folder, without the cache: the reference bytes.
        func freshBuild(options: IndexBuildOptions = IndexBuildOptions(jobs: 2)) throws -> [UInt8] {
            let folder = root.appendingPathComponent("fresh-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            var options = options
            options.usesCache = false
            let (_, bytes) = try IndexBuildCacheTests.build(
                articles, to: folder.appendingPathComponent("kb.idx"), options: options)
            #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("kb.idx.cache").path))
            return bytes
        }
    }

    private static func build(
        _ source: URL, to destination: URL, options: IndexBuildOptions = IndexBuildOptions(jobs: 2)
    ) throws -> (report: IndexBuildReport, bytes: [UInt8]) {
        let report = try IndexBuilder(options: options).build(from: source, to: destination)
        return (report, Array(try Data(contentsOf: destination)))
    }

    /// Whether the index at `path` has the term that `word` analyzes to.
    private static func contains(_ word: String, in path: String) throws -> Bool {
        let reader = try IndexReader.open(path: path, verifyChecksums: true)
        let terms = reader.analyzer.terms(in: word)
        #expect(terms.count == 1, "\(word) → \(terms)")
        return try reader.terms.lookup(terms[0]) != nil
    }

    @Test func rebuildReusesUnchangedFilesAndMakesTheIndexOfAFreshBuild() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let (first, _) = try Self.build(workspace.articles, to: workspace.destination)
        // 12 pages, zabumba, the empty page and the export.
        #expect(first.reusedFileCount == 0)
        #expect(first.parsedFileCount == 15)
        #expect(!first.usedCache)
        #expect(FileManager.default.fileExists(atPath: workspace.cache.path))
        #expect(try Self.contains("zabumba", in: workspace.destination.path))

        // Unchanged: everything is reused, including the skipped files' reasons.
        let (same, sameBytes) = try Self.build(workspace.articles, to: workspace.destination)
        #expect(same.usedCache)
        #expect(same.reusedFileCount == 15)
        #expect(same.parsedFileCount == 0)
        #expect(same.skipped == first.skipped)
        #expect(same.skipped.map(\.path) == ["exports/lote.jsonl:6", "vazio.html"])
        #expect(sameBytes == (try workspace.freshBuild()))

        try workspace.edit()
        let (second, bytes) = try Self.build(workspace.articles, to: workspace.destination)
        #expect(second.reusedFileCount == 13)
        #expect(second.parsedFileCount == 2)
        #expect(second.indexedCount == first.indexedCount)
        #expect(second.skipped == first.skipped)
        let path = workspace.destination.path
        #expect(try !Self.contains("zabumba", in: path), "the deleted article is gone")
        #expect(try Self.contains("xilofone", in: path), "the changed article's new text")
        #expect(try Self.contains("pandeiro", in: path), "the new article")
        #expect(bytes == (try workspace.freshBuild()))
        #expect(IndexVerifier(path: path).run().isOK)
    }

    @Test(arguments: ["flip", "truncate", "empty", "garbage"])
    func aDamagedCacheIsIgnored(damage: String) throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        _ = try Self.build(workspace.articles, to: workspace.destination)
        try workspace.edit()
        var cache = Array(try Data(contentsOf: workspace.cache))
        switch damage {
        case "flip": cache[cache.count / 2] ^= 0x10
        case "truncate": cache.removeLast(cache.count / 3)
        case "empty": cache = []
        default: cache = Array("not a cache at all, just some text".utf8)
        }
        try Data(cache).write(to: workspace.cache)

        let (report, bytes) = try Self.build(workspace.articles, to: workspace.destination)
        #expect(!report.usedCache)
        #expect(report.reusedFileCount == 0)
        #expect(report.parsedFileCount == 15)
        #expect(bytes == (try workspace.freshBuild()))
        // The damaged cache was replaced by a good one.
        let (again, _) = try Self.build(workspace.articles, to: workspace.destination)
        #expect(again.reusedFileCount == 15)
    }

    @Test func aCacheWrittenWithOtherAnalysisOrParsingOptionsIsIgnored() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let other = IndexBuildOptions(analyzer: AnalyzerOptions(stemmer: .none), jobs: 2)
        _ = try Self.build(workspace.articles, to: workspace.destination, options: other)
        let (report, bytes) = try Self.build(workspace.articles, to: workspace.destination)
        #expect(report.reusedFileCount == 0)
        #expect(bytes == (try workspace.freshBuild()))

        let hidden = IndexBuildOptions(parser: ArticleParserOptions(includesHiddenElements: true), jobs: 2)
        let (withHidden, hiddenBytes) = try Self.build(workspace.articles, to: workspace.destination, options: hidden)
        #expect(withHidden.reusedFileCount == 0)
        #expect(hiddenBytes == (try workspace.freshBuild(options: hidden)))

        // Field weights do not change analysis: the cache is kept.
        var weights = FieldSettings.defaults
        weights[0].weight = 9
        let weighted = IndexBuildOptions(fields: weights, parser: ArticleParserOptions(includesHiddenElements: true))
        let (reweighted, _) = try Self.build(workspace.articles, to: workspace.destination, options: weighted)
        #expect(reweighted.reusedFileCount == 15)
    }

    @Test func oneThreadAndFourMakeTheSameIndexAndCache() throws {
        var results: [(index: [UInt8], cache: [UInt8], report: IndexBuildReport)] = []
        for jobs in [1, 4] {
            let workspace = try Workspace()
            defer { workspace.remove() }
            let options = IndexBuildOptions(jobs: jobs, batchSize: 3)
            _ = try Self.build(workspace.articles, to: workspace.destination, options: options)
            try workspace.edit()
            let (report, bytes) = try Self.build(workspace.articles, to: workspace.destination, options: options)
            results.append((bytes, Array(try Data(contentsOf: workspace.cache)), report))
        }
        #expect(results[0].index == results[1].index)
        #expect(results[0].cache == results[1].cache)
        #expect(results[0].report.reusedFileCount == 13)
        #expect(results[1].report.reusedFileCount == 13)
    }

    @Test func withoutTheCacheNothingIsReadOrWritten() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let options = IndexBuildOptions(jobs: 2, usesCache: false)
        let (report, _) = try Self.build(workspace.articles, to: workspace.destination, options: options)
        #expect(report.reusedFileCount == 0)
        #expect(report.parsedFileCount == 15)
        #expect(!FileManager.default.fileExists(atPath: workspace.cache.path))

        _ = try Self.build(workspace.articles, to: workspace.destination)
        let before = try Data(contentsOf: workspace.cache)
        try workspace.edit()
        let (again, _) = try Self.build(workspace.articles, to: workspace.destination, options: options)
        #expect(again.reusedFileCount == 0)
        #expect(try Data(contentsOf: workspace.cache) == before, "the cache is left alone")
        let listing = try FileManager.default.contentsOfDirectory(
            atPath: workspace.destination.deletingLastPathComponent().path
        ).sorted()
        #expect(listing == ["kb.idx", "kb.idx.cache", "kb.idx.lock"])
    }

    @Test func theCacheFormatRoundTripsEveryParseErrorReason() throws {
        let reasons: [ArticleParseError.Reason] = [
            .empty, .binary, .tooLarge(size: 12, limit: 10), .tooDeep(limit: 256), .noText,
            .unreadable("Permission denied"),
            .invalidJSON("bad"), .missingField("title"), .invalidField(name: "tags", expected: "a list"),
        ]
        let errors = reasons.enumerated().map { index, reason in
            ArticleParseError(path: "a/b.jsonl", line: index == 0 ? nil : index, reason: reason)
        }
        var article = AnalyzedArticle(
            Article(id: "x", title: "Título", body: "Corpo do artigo"), analyzer: Analyzer())
        article.document.tags = ["um", "dois"]
        let results: [Result<AnalyzedArticle, ArticleParseError>] = [.success(article)] + errors.map { .failure($0) }
        var writer = BinaryWriter()
        let fingerprint = ContentHasher.fingerprint(of: Array("bytes".utf8))
        IndexBuildCacheFormat.writeEntry(path: "a/b.jsonl", fingerprint: fingerprint, results: results, to: &writer)
        let decoded = try writer.bytes.withUnsafeBytes { buffer in
            var reader = BinaryReader(buffer, section: "test")
            #expect(try reader.readString() == "a/b.jsonl")
            _ = try reader.readVarUInt()
            _ = try reader.readUInt64()
            _ = try reader.readUInt32()
            return try IndexBuildCacheFormat.readResults(&reader)
        }
        #expect(decoded.count == results.count)
        if case .success(let decodedArticle) = decoded.first {
            #expect(decodedArticle.document == article.document)
            #expect(decodedArticle.fields == article.fields)
        } else {
            Issue.record("the article did not round-trip")
        }
        let decodedErrors = decoded.dropFirst().compactMap { result -> ArticleParseError? in
            if case .failure(let error) = result { return error } else { return nil }
        }
        #expect(decodedErrors == errors)
    }
}

import Foundation
import KBTestSupport
import Testing

@testable import KBIndex

/// Generated article folders for the index builder's tests.
enum GeneratedArticles {
    static let words = [
        "senha", "conta", "configuração", "impressora", "nota", "fiscal", "emitir", "relatório", "usuário", "acesso",
        "erro", "servidor", "integração", "boleto", "pagamento", "versão", "atualização", "cadastro", "portal",
        "chamado", "cliente", "produto", "sistema", "backup", "arquivo", "não", "consigo", "de", "para", "com",
    ]
    static let categories = ["Conta", "Fiscal", "Integração", "Portal"]

    /// One HTML page; `id`, `category` and `tags` become `kb:` meta tags when given.
    static func page(
        title: String, body: String, id: String? = nil, category: String? = nil, tags: [String] = []
    ) -> String {
        var meta = ""
        if let id { meta += #"<meta name="kb:id" content="\#(id)">"# }
        if let category { meta += #"<meta name="kb:category" content="\#(category)">"# }
        if !tags.isEmpty { meta += #"<meta name="kb:tags" content="\#(tags.joined(separator: ", "))">"# }
        return """
            <!doctype html><html lang="pt-BR"><head><meta charset="utf-8"><title>\(title)</title>\(meta)</head>
            <body><nav>Menu</nav><main><h1>\(title)</h1><p>\(body)</p></main></body></html>
            """
    }

    /// Writes `text` at `path` (relative to `folder`), creating folders as needed.
    static func write(_ text: String, to path: String, in folder: URL) throws {
        try write(Array(text.utf8), to: path, in: folder)
    }

    static func write(_ bytes: [UInt8], to path: String, in folder: URL) throws {
        let url = folder.appendingPathComponent(path)
        try FileManager.default.createDirectory(
            at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
    }

    /// Writes `count` random pages spread over a few subfolders of `folder`, and returns
    /// their paths. Seeded: the same seed writes the same pages.
    @discardableResult
    static func writePages(count: Int, seed: UInt64, wordsPerPage: ClosedRange<Int> = 20...120, in folder: URL)
        throws -> [String]
    {
        var generator = SeededGenerator(seed: seed)
        func text(_ range: ClosedRange<Int>) -> String {
            (0..<Int.random(in: range, using: &generator)).map { _ in words.randomElement(using: &generator)! }
                .joined(separator: " ")
        }
        var paths: [String] = []
        for index in 0..<count {
            let path = "\(categories[index % categories.count].lowercased())/artigo-\(index).html"
            let html = page(
                title: text(1...5), body: text(wordsPerPage), category: categories.randomElement(using: &generator),
                tags: Bool.random(using: &generator) ? [words.randomElement(using: &generator)!] : [])
            try write(html, to: path, in: folder)
            paths.append(path)
        }
        return paths
    }

    /// A JSON Lines export of `count` articles, one per line.
    static func jsonLines(count: Int, seed: UInt64) -> String {
        var generator = SeededGenerator(seed: seed)
        return (0..<count).map { index in
            let body = (0..<Int.random(in: 5...40, using: &generator)).map { _ in
                words.randomElement(using: &generator)!
            }.joined(separator: " ")
            return #"{"id": "exportado-\#(index)", "title": "Exportado \#(index)", "body": "<p>\#(body)</p>", "#
                + #""category": "Conta", "tags": ["senha", "exportado"]}"#
        }.joined(separator: "\n") + "\n"
    }
}

@Suite struct IndexBuilderTests {
    private static func contents(of folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    }

    private static func build(
        _ source: URL, to destination: URL, options: IndexBuildOptions = IndexBuildOptions(jobs: 2)
    ) throws -> (report: IndexBuildReport, bytes: [UInt8]) {
        let report = try IndexBuilder(options: options).build(from: source, to: destination)
        return (report, Array(try Data(contentsOf: destination)))
    }

    @Test func brokenArticlesAreSkippedWithTheirPathAndReasonAndTheBuildStillPublishes() throws {
        let folder = try Fixtures.makeTemporaryDirectory("kb-builder")
        defer { try? FileManager.default.removeItem(at: folder) }
        let articles = folder.appendingPathComponent("articles")
        let output = folder.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        let write = { (text: String, path: String) in try GeneratedArticles.write(text, to: path, in: articles) }
        try write(
            GeneratedArticles.page(
                title: "Redefinir a senha", body: "Abra o portal e redefina a senha.", id: "conta-senha",
                category: "Conta", tags: ["senha", "acesso"]), "conta/senha.html")
        try write(
            GeneratedArticles.page(title: "Trocar o e-mail", body: "Altere o e-mail da conta."), "conta/email.html")
        try write(
            GeneratedArticles.page(title: "Acesso ao portal", body: "Entre com a senha.", id: "dup-1"),
            "portal/acesso.html")
        try write(
            GeneratedArticles.page(title: "Cópia do acesso", body: "Outro texto, mesmo id.", id: "dup-1"),
            "portal/copia.html")
        try write("", "vazio.html")
        try GeneratedArticles.write([0x00, 0x01, 0x02, 0xFF, 0xFE, 0x00, 0x7F, 0x10], to: "binario.htm", in: articles)
        try write(
            GeneratedArticles.page(title: "Grande", body: String(repeating: "nota fiscal ", count: 1_000)),
            "grande.html")
        let lines = [
            #"{"id": "j1", "title": "Emitir boleto", "body": "<p>Emita o boleto no portal.</p>"}"#,
            #"{"id": "j2", "title": "Quebrado", "body": "<p>sem fim"#,
            #"{"id": "j3", "title": "Nota fiscal", "body": "<p>Emitir nota fiscal.</p>", "category": "Fiscal"}"#,
            #"{"id": 4, "title": "Relatório", "body": "<p>Gerar o relatório.</p>"}"#,
        ]
        try write(lines.joined(separator: "\n") + "\n", "exports/lote.jsonl")

        let options = IndexBuildOptions(parser: ArticleParserOptions(maximumFileSize: 4_096), jobs: 2)
        let destination = output.appendingPathComponent("kb.idx")
        let (report, _) = try Self.build(articles, to: destination, options: options)
        // Streaming the export a line at a time reports the same problems.
        var streaming = Self.streaming(jobs: 2, chunkLines: 1)
        streaming.parser = options.parser
        let (streamed, _) = try Self.build(
            articles, to: output.appendingPathComponent("streamed.idx"), options: streaming)
        #expect(streamed.skipped == report.skipped)
        #expect(streamed.indexedCount == report.indexedCount)
        for file in ["streamed.idx", "streamed.idx.cache", "streamed.idx.lock"] {
            try FileManager.default.removeItem(at: output.appendingPathComponent(file))
        }

        #expect(report.indexedCount == 6)
        #expect(
            report.skipped.map(\.path) == [
                "binario.htm", "exports/lote.jsonl:2", "grande.html", "portal/copia.html", "vazio.html",
            ])
        let reasons = Dictionary(uniqueKeysWithValues: report.skipped.map { ($0.path, $0.reason) })
        #expect(reasons["binario.htm"]?.contains("looks binary") == true, "\(reasons)")
        #expect(reasons["exports/lote.jsonl:2"]?.contains("invalid JSON") == true, "\(reasons)")
        #expect(reasons["grande.html"]?.contains("over the size limit of 4,096 bytes") == true, "\(reasons)")
        #expect(reasons["portal/copia.html"]?.contains(#"already has the id "dup-1""#) == true, "\(reasons)")
        #expect(reasons["vazio.html"]?.contains("empty") == true, "\(reasons)")
        for skipped in report.skipped {
            #expect(skipped.description.hasPrefix("\(skipped.path): "))
        }

        // Published: the good articles, and only the index, its reindex cache and its lock in the folder.
        #expect(try Self.contents(of: output) == ["kb.idx", "kb.idx.cache", "kb.idx.lock"])
        let reader = try IndexReader.open(path: destination.path, verifyChecksums: true)
        #expect(reader.documentCount == 6)
        for id in ["conta-senha", "conta/email.html", "dup-1", "j1", "j3", "4"] {
            #expect(try reader.document(withArticleID: id) != nil, "\(id)")
        }
        let original = try #require(try reader.document(withArticleID: "dup-1"))
        #expect(try reader.storedDocument(original).title == "Acesso ao portal", "the first of two ids wins")
        #expect(try reader.filters.documents(.category, "Conta").count == 1)
        #expect(IndexVerifier(path: destination.path).run().isOK)
    }

    @Test func outputDependsOnlyOnTheArticles() throws {
        let seed: UInt64 = 4_242
        let folder = try Fixtures.makeTemporaryDirectory("kb-builder-determinism")
        defer { try? FileManager.default.removeItem(at: folder) }
        let articles = folder.appendingPathComponent("articles")
        try GeneratedArticles.writePages(count: 150, seed: seed, in: articles)
        try GeneratedArticles.write(
            GeneratedArticles.jsonLines(count: 40, seed: seed), to: "exports/lote.jsonl", in: articles)

        let (reference, bytes) = try Self.build(
            articles, to: folder.appendingPathComponent("reference.idx"), options: IndexBuildOptions(jobs: 1))
        #expect(reference.indexedCount == 190, "seed \(seed)")
        #expect(reference.skipped.isEmpty, "seed \(seed): \(reference.skipped)")
        #expect(reference.summary.spillRunCount == 0, "seed \(seed)")
        let variants: [(String, IndexBuildOptions)] = [
            ("built again", IndexBuildOptions(jobs: 1)),
            ("4 jobs", IndexBuildOptions(jobs: 4)),
            ("4 jobs, batches of 7", IndexBuildOptions(jobs: 4, batchSize: 7)),
            ("a 1-byte memory budget", IndexBuildOptions(jobs: 2, memoryBudget: 1)),
            ("a 20 kB memory budget", IndexBuildOptions(jobs: 2, memoryBudget: 20_000)),
            ("JSON Lines streamed in chunks of 7 lines", Self.streaming(jobs: 2, chunkLines: 7)),
        ]
        for (index, (name, options)) in variants.enumerated() {
            let (report, variant) = try Self.build(
                articles, to: folder.appendingPathComponent("variant-\(index).idx"), options: options)
            #expect(variant == bytes, "seed \(seed): \(name) gives different bytes")
            #expect(report.summary == reference.summary || report.summary.spillRunCount > 0, "seed \(seed): \(name)")
            if options.memoryBudget < 1 << 20 {
                #expect(report.summary.spillRunCount > 1, "seed \(seed): \(name) spills sorted runs")
            }
        }
    }

    @Test func shippedArticlesAreAllIndexed() throws {
        let folder = try Fixtures.makeTemporaryDirectory("kb-builder-articles")
        defer { try? FileManager.default.removeItem(at: folder) }
        let destination = folder.appendingPathComponent("kb.idx")
        let (report, _) = try Self.build(Fixtures.articles, to: destination)
        #expect(report.indexedCount == 46)
        #expect(report.skipped.isEmpty, "\(report.skipped)")
        let reader = try IndexReader.open(path: destination.path, verifyChecksums: true)
        #expect(reader.documentCount == 46)
        #expect(reader.metadata.termCount > 500)
        let verification = IndexVerifier(path: destination.path).run()
        #expect(verification.isOK, "\(verification.problems)")
        #expect(verification.documentCount == 46)
    }

    @Test func missingSourceThrowsAndLeavesThePreviousIndexUntouched() throws {
        let folder = try Fixtures.makeTemporaryDirectory("kb-builder-missing")
        defer { try? FileManager.default.removeItem(at: folder) }
        let articles = folder.appendingPathComponent("articles")
        try GeneratedArticles.writePages(count: 5, seed: 1, in: articles)
        let destination = folder.appendingPathComponent("out/kb.idx")
        try FileManager.default.createDirectory(
            at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
        let (_, before) = try Self.build(articles, to: destination)
        let listing = try Self.contents(of: destination.deletingLastPathComponent())

        let missing = folder.appendingPathComponent("não-existe")
        let error = #expect(throws: IndexBuildError.self) {
            try IndexBuilder(options: IndexBuildOptions(jobs: 2)).build(from: missing, to: destination)
        }
        if case .missingSource(let path)? = error {
            #expect(path == missing.path)
        } else {
            Issue.record("expected missingSource, got \(String(describing: error))")
        }
        let message = error.map(String.init(describing:)) ?? ""
        #expect(message.contains(missing.path), "\(message)")
        #expect(message.contains("no such file or folder"), "\(message)")
        #expect(Array(try Data(contentsOf: destination)) == before)
        #expect(try Self.contents(of: destination.deletingLastPathComponent()) == listing)
        #expect(IndexVerifier(path: destination.path).run().isOK)
    }

    /// Options that stream every JSON Lines export, `chunkLines` lines at a time.
    static func streaming(jobs: Int, chunkLines: Int) -> IndexBuildOptions {
        var options = IndexBuildOptions(jobs: jobs, streamingThreshold: 0)
        options.streamingChunkLines = chunkLines
        return options
    }
}

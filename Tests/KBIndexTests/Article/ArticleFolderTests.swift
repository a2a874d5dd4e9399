import Foundation
import Testing

@testable import KBIndex

@Suite struct ArticleFolderTests {
    private static let page = Array("<html><head><title>T</title></head><body><p>Texto.</p></body></html>".utf8)

    private static func paths(_ results: [Result<ArticleFolder.Source, ArticleParseError>]) -> [String] {
        results.map { result in
            switch result {
            case .success(let source): source.path
            case .failure(let error): "error: \(error.path)"
            }
        }
    }

    @Test func findsArticleFilesRecursivelyInPathOrder() throws {
        try ArticleFixtures.withTemporaryFolder { folder in
            for path in [
                "z.html", "conta/senha.html", "conta/email.HTM", "conta-extra/a.html", "exports/lote.jsonl",
                "conta/notas.txt", "imagens/logo.png", ".git/config.html", "conta/.rascunho.html",
                "a/b/c/d/profundo.html",
            ] {
                try ArticleFixtures.write(Self.page, to: path, in: folder)
            }
            let sources = ArticleFolder(root: folder).sources()
            #expect(
                Self.paths(sources) == [
                    "a/b/c/d/profundo.html", "conta-extra/a.html", "conta/email.HTM", "conta/senha.html",
                    "exports/lote.jsonl", "z.html",
                ]
            )
            let formats = sources.compactMap { try? $0.get().format }
            #expect(formats == [.html, .html, .html, .html, .jsonLines, .html])
            let first = try #require(try? sources[0].get())
            #expect(first.url.path == folder.appendingPathComponent("a/b/c/d/profundo.html").path)
        }
    }

    @Test func yieldsArticlesAndErrorsInOrder() throws {
        try ArticleFixtures.withTemporaryFolder { folder in
            try ArticleFixtures.write(Self.page, to: "conta/senha.html", in: folder)
            try ArticleFixtures.write([], to: "conta/x.html", in: folder)
            try ArticleFixtures.write([0x00, 0x01, 0x02], to: "dados.htm", in: folder)
            let lines = #"{"id": "j1", "title": "J", "body": "<p>a</p>"}"# + "\n" + #"{"id": "j2", "body": "<p>b</p>"}"#
            try ArticleFixtures.write(Array(lines.utf8), to: "exports/a.jsonl", in: folder)

            let results = Array(ArticleFolder(root: folder).articles())
            let summary = results.map { result in
                switch result {
                case .success(let article): article.id
                case .failure(let error): error.description
                }
            }
            #expect(
                summary == [
                    "conta/senha.html",
                    "conta/x.html: skipped: the file is empty.",
                    "dados.htm: skipped: the file looks binary, not text (NUL or control bytes near its start).",
                    "j1",
                    "exports/a.jsonl:2: skipped: missing required field \"title\".",
                ]
            )
        }
    }

    @Test func usesTheParsersOptions() throws {
        try ArticleFixtures.withTemporaryFolder { folder in
            let html = "<div id='menu'>Menu</div><div id='DisplayArea'><p>Conteúdo.</p></div>"
            try ArticleFixtures.write(Array(html.utf8), to: "p.html", in: folder)
            let parser = ArticleParser(options: ArticleParserOptions(contentSelector: .id("DisplayArea")))
            let results = Array(ArticleFolder(root: folder, parser: parser).articles())
            #expect(results.count == 1)
            #expect((try? results[0].get().body) == "Conteúdo.\n")
        }
    }

    @Test func followsSymbolicLinksButNotLoops() throws {
        try ArticleFixtures.withTemporaryFolder { folder in
            try ArticleFixtures.write(Self.page, to: "docs/a.html", in: folder)
            let manager = FileManager.default
            // docs/loop -> .. (a loop), atalho -> docs (a second way into docs), quebrado.html -> nowhere.
            try manager.createSymbolicLink(
                atPath: folder.appendingPathComponent("docs/loop").path, withDestinationPath: "..")
            try manager.createSymbolicLink(
                atPath: folder.appendingPathComponent("atalho").path, withDestinationPath: "docs")
            try manager.createSymbolicLink(
                atPath: folder.appendingPathComponent("quebrado.html").path, withDestinationPath: "nao-existe.html")
            try manager.createSymbolicLink(
                atPath: folder.appendingPathComponent("ligado.html").path, withDestinationPath: "docs/a.html")

            let sources = ArticleFolder(root: folder).sources()
            #expect(Self.paths(sources) == ["docs/a.html", "ligado.html", "error: quebrado.html"])
            if case .failure(let error) = sources.last {
                #expect(error.reason == .unreadable("No such file or directory"))
            }
        }
    }

    @Test func missingRootIsOneError() {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent(
            "kb-no-such-folder-\(UUID().uuidString)")
        let sources = ArticleFolder(root: root).sources()
        #expect(sources.count == 1)
        if case .failure(let error) = sources.first {
            #expect(error == ArticleParseError(path: root.path, reason: .unreadable("No such file or directory")))
        } else {
            Issue.record("a missing root produced sources")
        }
    }

    @Test func fileAsRootIsOneError() throws {
        let root = ArticleFixtures.url("metadata.html")
        #expect(ArticleFolder(root: root).sources().map { try? $0.get() } == [nil])
    }

    @Test(.enabled(if: getuid() != 0, "root reads folders whatever their permissions"))
    func unreadableSubfolderIsReportedAndSkipped() throws {
        try ArticleFixtures.withTemporaryFolder { folder in
            try ArticleFixtures.write(Self.page, to: "aberto/a.html", in: folder)
            try ArticleFixtures.write(Self.page, to: "fechado/b.html", in: folder)
            chmod(folder.appendingPathComponent("fechado").path, 0)
            let sources = ArticleFolder(root: folder).sources()
            #expect(Self.paths(sources) == ["aberto/a.html", "error: fechado"])
        }
    }

    @Test(arguments: [
        ("a.html", ArticleFolder.Source.Format?.some(.html)),
        ("a.HTM", .html),
        ("lote.JSONL", .jsonLines),
        ("a.html.bak", nil),
        ("html", nil),
        (".html", nil),
        ("a.xhtml", nil),
    ])
    func recognisesArticleExtensions(name: String, expected: ArticleFolder.Source.Format?) {
        #expect(ArticleFolder.format(ofFileNamed: name) == expected)
    }

    @Test func listingIsDeterministic() throws {
        try ArticleFixtures.withTemporaryFolder { folder in
            for index in (0..<50).shuffled() {
                try ArticleFixtures.write(Self.page, to: "p\(index % 7)/artigo-\(index).html", in: folder)
            }
            let first = Self.paths(ArticleFolder(root: folder).sources())
            let second = Self.paths(ArticleFolder(root: folder).sources())
            #expect(first == second)
            #expect(first == first.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
            #expect(first.count == 50)
        }
    }
}

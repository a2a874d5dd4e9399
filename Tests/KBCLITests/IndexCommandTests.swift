import Foundation
import KBTestSupport
import Testing

/// `kb index`: builds an index file from a folder of articles.
@Suite struct IndexCommandTests {
    @Test func indexesTheSampleArticlesAndPrintsASummary() throws {
        let (url, output) = try ArticlesIndex.build.get()
        #expect(output.lines.count == 3, "\(output)")
        #expect(output.lines.first == "indexed 46 articles, skipped 0")
        #expect(output.lines.dropFirst().first?.wholeMatch(of: /[1-9][0-9]* terms, [1-9][0-9]* postings/) != nil)
        let sizeLine = try #require(output.lines.last)
        #expect(sizeLine.hasPrefix(url.path + ": "))
        #expect(sizeLine.dropFirst(url.path.count).wholeMatch(of: /: [0-9.]+ (B|kB|MB) in [0-9]+\.[0-9]{2} s/) != nil)
        #expect(!output.stderr.contains("skipped"))

        let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
        #expect((attributes[.size] as? Int ?? 0) > 0)
    }

    @Test func aBrokenArticleIsSkippedAndReportedButTheIndexIsPublished() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.copyArticle("conta/redefinir-senha.html", to: "artigos/redefinir-senha.html")
        try folder.copyArticle("chamados/abrir-chamado.html", to: "artigos/sub/abrir-chamado.html")
        try folder.write("", to: "artigos/sub/vazio.html")
        let index = folder.path("kb.idx")

        let output = try kb("index", folder.path("artigos"), "--index", index)
        #expect(output.status == 0, "\(output)")
        #expect(output.lines.first == "indexed 2 articles, skipped 1")
        #expect(output.errorLines.contains("skipped sub/vazio.html: the file is empty."), "\(output.stderr)")

        let stats = try kb("stats", "--index", index)
        #expect(stats.lines.contains("documents: 2"), "\(stats)")
    }

    @Test func aMissingFolderExitsWith1AndNamesIt() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let missing = folder.path("nao-existe")
        let index = folder.path("kb.idx")

        let output = try kb("index", missing, "--index", index)
        #expect(output.status == 1, "\(output)")
        #expect(output.stdout == "")
        #expect(
            output.errorLines.contains(
                "kb index: \(missing): no such file or folder. Give the folder that holds the articles."),
            "\(output.stderr)")
        #expect(!FileManager.default.fileExists(atPath: index))
    }

    @Test func aFailedBuildLeavesThePreviousIndexUntouched() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.copyArticle("conta/redefinir-senha.html", to: "artigos/redefinir-senha.html")
        let index = folder.path("kb.idx")
        let first = try kb("index", folder.path("artigos"), "--index", index)
        #expect(first.status == 0, "\(first)")
        let before = try Data(contentsOf: URL(fileURLWithPath: index))

        let failed = try kb("index", folder.path("nao-existe"), "--index", index)
        #expect(failed.status == 1, "\(failed)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: index)) == before)
    }

    @Test func aSingleArticleFileCanBeIndexed() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let article = try folder.copyArticle("conta/redefinir-senha.html", to: "redefinir-senha.html")
        let index = folder.path("kb.idx")

        let output = try kb("index", article, "--index", index)
        #expect(output.status == 0, "\(output)")
        #expect(output.lines.first == "indexed 1 articles, skipped 0")
        let dump = try kb("dump", "redefinir", "--index", index)
        #expect(dump.lines.contains { $0.hasPrefix("  0 redefinir-senha.html ") }, "\(dump)")
    }

    @Test func theDefaultsAreTheArticlesFolderAndKbIdxInTheCurrentFolder() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.copyArticle("conta/redefinir-senha.html", to: "Articles/conta/redefinir-senha.html")

        let output = try kb("index", in: folder.url)
        #expect(output.status == 0, "\(output)")
        #expect(output.lines.first == "indexed 1 articles, skipped 0")
        #expect(output.lines.last?.hasPrefix("kb.idx: ") == true)

        let check = try kb("check", in: folder.url)
        #expect(check.status == 0, "\(check)")
        #expect(check.stdout.hasPrefix("OK: kb.idx: 1 documents, "))
    }

    @Test func indexSettingsAreRecordedInTheIndex() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.copyArticle("conta/redefinir-senha.html", to: "artigos/redefinir-senha.html")
        let index = folder.path("kb.idx")

        let output = try kb(
            "index", folder.path("artigos"), "--index", index, "--stemmer", "light", "--field-weights", "4, 1.5, 1,3",
            "--length-normalization", "0.5,0.6,0.7,0.8", "--jobs", "1", "--memory", "1")
        #expect(output.status == 0, "\(output)")

        let stats = try kb("stats", "--index", index)
        #expect(stats.status == 0, "\(stats)")
        #expect(stats.lines.contains { $0.hasPrefix("analyzer: stemmer light, ") }, "\(stats)")
        let settings = stats.lines.filter { $0.hasPrefix("field ") }.map {
            $0.split(separator: ",").prefix(2).joined(separator: ",")
        }
        #expect(
            settings == [
                "field title: weight 4.0, b 0.5", "field headings: weight 1.5, b 0.6", "field body: weight 1.0, b 0.7",
                "field anchors: weight 3.0, b 0.8",
            ])
    }

    @Test func hiddenElementsAreIndexedOnlyWithIncludeHidden() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write(
            """
            <!DOCTYPE html>
            <html lang="pt-BR"><head><meta charset="utf-8"><title>Artigo com trecho oculto</title></head>
            <body><main><p>Texto visível do artigo.</p><p hidden>Palavra escondidissima.</p></main></body></html>
            """, to: "artigos/oculto.html")
        let visibleOnly = folder.path("visivel.idx")
        let withHidden = folder.path("oculto.idx")
        #expect(try kb("index", folder.path("artigos"), "--index", visibleOnly).status == 0)
        #expect(try kb("index", folder.path("artigos"), "--index", withHidden, "--include-hidden").status == 0)

        let missing = try kb("dump", "escondidissima", "--index", visibleOnly)
        #expect(missing.status == 0, "\(missing)")
        #expect(missing.stdout.hasSuffix(": not in the index\n"), "\(missing)")
        let found = try kb("dump", "escondidissima", "--index", withHidden)
        #expect(found.status == 0, "\(found)")
        #expect(found.lines.first?.contains(": 1 documents, ") == true, "\(found)")
    }

    @Test func theHelpStatesTheFieldDefaultsThatAnIndexRecords() throws {
        let help = try kb("index", "--help")
        #expect(help.status == 0, "\(help)")
        let text = help.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")

        let stats = try kb("stats", "--index", ArticlesIndex.path())
        var weights: [String] = []
        var lengthNormalizations: [String] = []
        for line in stats.lines {
            guard let match = line.wholeMatch(of: /field \w+: weight ([0-9.]+), b ([0-9.]+), .*/) else { continue }
            weights.append(String(format: "%g", Double(match.1)!))
            lengthNormalizations.append(String(format: "%g", Double(match.2)!))
        }
        #expect(weights.count == 4, "\(stats)")
        #expect(text.contains("(default \(weights.joined(separator: ",")))"), "\(text)")
        #expect(text.contains("(default \(lengthNormalizations.joined(separator: ",")))"), "\(text)")
    }

    struct UsageErrorCase: Sendable, CustomTestStringConvertible {
        var arguments: [String]
        var message: String
        var testDescription: String { arguments.joined(separator: " ") }
    }

    @Test(arguments: [
        UsageErrorCase(arguments: ["--jobs", "0"], message: "--jobs must be at least 1."),
        UsageErrorCase(arguments: ["--memory", "0"], message: "--memory must be at least 1 (MiB)."),
        UsageErrorCase(
            arguments: ["--field-weights", "1,2"],
            message: "--field-weights takes 4 non-negative numbers: title,headings,body,anchors."),
        UsageErrorCase(
            arguments: ["--length-normalization", "0.5,-1,0.5"],
            message: "--length-normalization takes 4 non-negative numbers: title,headings,body,anchors."),
        UsageErrorCase(arguments: ["--content", "##"], message: "--content: invalid content selector \"##\""),
        UsageErrorCase(arguments: ["--stemmer", "porter"], message: "The value 'porter' is invalid for '--stemmer"),
    ])
    func invalidOptionsAreUsageErrors(_ invalid: UsageErrorCase) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let index = folder.path("kb.idx")
        let output = try kb(["index", Fixtures.articles.path, "--index", index] + invalid.arguments)
        #expect(output.status == KBProcess.usageError, "\(output)")
        #expect(output.stdout == "")
        #expect(output.stderr.contains("Error: \(invalid.message)"), "\(output.stderr)")
        #expect(output.stderr.contains("Usage: kb index"), "\(output.stderr)")
        #expect(!FileManager.default.fileExists(atPath: index))
    }
}

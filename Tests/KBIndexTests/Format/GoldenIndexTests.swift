import Foundation
import KBTestSupport
import Testing

@testable import KBIndex

/// Compares the index of two fixed articles with `Fixtures/golden/two-articles.kbidx`, byte for
/// byte: any change to the bytes the writer produces shows up here. The articles' terms are
/// given by hand (not by the analyzer), so that only a change of the writer or of the format
/// changes the file. When the change is intended (a format change bumps the format version),
/// regenerate the file with `KB_UPDATE_GOLDEN=1 swift test --filter GoldenIndexTests` and
/// review the difference (see `Fixtures/golden/README.md`).
@Suite struct GoldenIndexTests {
    static let articles = [
        AnalyzedArticle(
            document: StoredDocument(
                Article(
                    id: "conta/redefinir-senha.html", title: "Como redefinir a senha",
                    headings: ["Pelo portal", "Pelo aplicativo"],
                    body: "Como redefinir a senha\nPelo portal\nAbra o portal e clique em Esqueci a senha.\n",
                    summary: "Abra o portal e clique em Esqueci a senha.", url: "https://kb.example/conta/senha",
                    category: "Conta", product: "Portal", tags: ["senha", "acesso"], updated: "2026-10-02")),
            fields: [
                field("redefin senh", [1, 3]),
                field("portal aplicat", [1, 3]),
                field("redefin senh portal abr portal cliqu esquec senh", [1, 3, 5, 6, 8, 10, 12, 14]),
                field("", []),
            ]),
        AnalyzedArticle(
            document: StoredDocument(
                Article(
                    id: "fiscal/emitir-nota.html", title: "Não consigo emitir a nota fiscal",
                    body: "Não consigo emitir a nota fiscal\nVerifique o certificado digital da NF-e.\n",
                    category: "Fiscal", tags: ["nfe"])),
            fields: [
                field("nao consig emit not fiscal", [0, 1, 2, 4, 5]),
                field("", []),
                field(
                    "nao consig emit not fiscal verifiqu certific digit nfe nf e",
                    [0, 1, 2, 4, 5, 6, 8, 9, 11, 11, 12]),
                field("", []),
            ],
            // Its link to the first article puts "redefin senh" in that article's anchors field.
            links: [AnalyzedArticle.Link(target: "conta/redefinir-senha.html", text: field("redefin senh", [0, 2]))]),
    ]

    /// Fixed settings (not kb's defaults, which tuning may change).
    static let options = IndexWriterOptions(
        analyzer: AnalyzerOptions(
            stemmer: .light, removesStopWords: true, foldsAccents: true, normalizesInformalSpellings: true),
        fields: IndexTestSupport.handComputedFields)

    static let goldenURL = Fixtures.url("golden/two-articles.kbidx")

    private static func field(_ terms: String, _ positions: [UInt32]) -> AnalyzedArticle.Field {
        AnalyzedArticle.Field(terms: terms.split(separator: " ").map(String.init), positions: positions)
    }

    @Test func twoArticleIndexMatchesTheGoldenFile() throws {
        let directory = try Fixtures.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        var options = Self.options
        options.temporaryDirectory = directory
        let writer = try IndexWriter(options: options)
        for article in Self.articles {
            try writer.add(article)
        }
        let url = directory.appendingPathComponent("kb.idx")
        _ = try writer.write(to: url)
        let bytes = Array(try Data(contentsOf: url))
        _ = try DecodedIndex(bytes: bytes)
        if ProcessInfo.processInfo.environment["KB_UPDATE_GOLDEN"] == "1" {
            try Data(bytes).write(to: Self.goldenURL)
            return
        }
        let golden = Array(try Data(contentsOf: Self.goldenURL))
        let firstDifference =
            zip(bytes, golden).enumerated().first { $1.0 != $1.1 }?.offset ?? min(bytes.count, golden.count)
        let identical = bytes == golden
        #expect(
            identical,
            """
            the index differs from \(Self.goldenURL.lastPathComponent) at byte \(firstDifference) \
            (\(bytes.count) vs \(golden.count) bytes); if the change is intended, regenerate it with \
            KB_UPDATE_GOLDEN=1 swift test --filter GoldenIndexTests
            """)
    }
}

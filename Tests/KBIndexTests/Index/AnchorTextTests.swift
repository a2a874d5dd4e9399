import Foundation
import KBTestSupport
import Testing

@testable import KBIndex

/// Link text counts for the article a link points to (the anchors field), not for the article
/// it sits in; a link to no article keeps its text in the linking article's anchors field.
@Suite struct AnchorTextTests {
    static let linkingBody = "Recuperar acesso\nSem acesso? Veja como recuperar acesso ao portal e o guia antigo.\n"

    /// The UTF-8 range of `text` in ``linkingBody``.
    static func range(of text: String) -> Range<Int> {
        let body = Array(linkingBody.utf8)
        let wanted = Array(text.utf8)
        let start = (0...(body.count - wanted.count)).first { Array(body[$0..<($0 + wanted.count)]) == wanted }!
        return start..<(start + wanted.count)
    }

    static let articles = [
        Article(
            id: "conta/redefinir-senha.html", title: "Redefinir a senha", body: "Abra o portal.\n",
            url: "https://ajuda.example.com/artigos/1"),
        Article(
            id: "fiscal/emitir-nota.html", title: "Emitir nota fiscal",
            headings: ["Recuperar acesso"],
            body: linkingBody,
            links: [
                // The heading is one link: it leaves the headings and the body.
                ArticleLink(
                    target: "pt-BR/conta/redefinir-senha.html", text: "Recuperar acesso",
                    bodyRange: range(of: "Recuperar acesso")),
                // Through the article's URL.
                ArticleLink(
                    target: "https://ajuda.example.com/artigos/1", text: "como recuperar acesso",
                    bodyRange: range(of: "como recuperar acesso")),
                // "guia antigo" points to no article: its text stays with this article.
                ArticleLink(target: "arquivo/guia.html", text: "guia antigo", bodyRange: range(of: "guia antigo")),
            ]),
    ]

    private func postings(_ term: String, _ reader: IndexReader) throws -> [Int: [IndexField: Int]] {
        guard let info = try reader.terms.lookup(term) else { return [:] }
        var cursor = try reader.postings(for: info)
        var result: [Int: [IndexField: Int]] = [:]
        while case let document = try cursor.next(), document != PostingsCursor.exhausted {
            for field in IndexField.allCases where cursor.frequency(in: field) > 0 {
                result[document, default: [:]][field] = cursor.frequency(in: field)
            }
        }
        return result
    }

    @Test func analysisLeavesLinkTextOutOfTheLinkingArticle() {
        let analyzed = AnalyzedArticle(Self.articles[1], analyzer: Analyzer())
        #expect(analyzed.fields[IndexField.headings.rawValue].terms.isEmpty)
        #expect(
            analyzed.fields[IndexField.body.rawValue].terms == Analyzer().terms(in: "Sem acesso? Veja ao portal e o"))
        #expect(analyzed.fields[IndexField.anchors.rawValue].terms.isEmpty)
        #expect(analyzed.links.map(\.text.terms) == [["recuper", "acess"], ["recuper", "acess"], ["gui", "antig"]])
    }

    @Test(arguments: [IndexWriterOptions.defaultMemoryBudget, 1])
    func linkTextIsIndexedUnderTheArticleItPointsTo(memoryBudget: Int) throws {
        let directory = try Fixtures.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let analyzed = IndexTestSupport.analyzed(Self.articles)
        let (bytes, _) = try IndexTestSupport.build(analyzed, in: directory, memoryBudget: memoryBudget)
        let path = directory.appendingPathComponent("kb.idx").path
        let reader = try IndexReader.open(path: path, verifyChecksums: true)
        // Both links reach article 0: by path suffix and by URL; 2 × "recuper" in its anchors.
        #expect(try postings("recuper", reader) == [0: [.anchors: 2]])
        // "acess" is also in article 1's body ("Sem acesso?"): one posting per document.
        #expect(try postings("acess", reader) == [0: [.anchors: 2], 1: [.body: 1]])
        #expect(try postings("antig", reader) == [1: [.anchors: 1]])
        #expect(reader.fieldLength(.anchors, of: 0) == 4)
        #expect(reader.fieldLength(.anchors, of: 1) == 2)
        #expect(reader.fieldLength(.headings, of: 1) == 0)
        #expect(reader.metadata.fields[IndexField.anchors.rawValue].totalLength == 6)
        // The two links' texts are far apart: no phrase or proximity spans them. The first
        // text's last word is at 1; "como" is a stop word, so "recuperar" is at 1 in the second.
        var positions: [Int] = []
        var cursor = try reader.postings(for: try #require(try reader.terms.lookup("recuper")))
        _ = try cursor.next()
        try cursor.forEachPosition { field, position in if field == .anchors { positions.append(position) } }
        #expect(positions == [0, 1 + Int(AnchorTextCollector.linkGap) + 1])
        #expect(IndexVerifier(path: path).run().isOK)
        // Spilling (budget of 1 byte: one run per document) changes nothing.
        let inMemory = try IndexTestSupport.build(analyzed, in: directory, name: "memory.idx").bytes
        #expect(bytes.count == inMemory.count)
    }

    @Test func aURLThatNoArticleHasResolvesByItsPathLikeAnId() throws {
        let directory = try Fixtures.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let target = Article(id: "conta/nova senha.html", title: "Nova senha", body: "Crie a senha.\n")
        let linking = Article(
            id: "inicio.html", title: "Início", body: "Veja recuperar acesso.\n",
            links: [
                ArticleLink(
                    target: "https://ajuda.example.com/pt-br/conta/nova%20senha.html?aba=1", text: "recuperar acesso",
                    bodyRange: 5..<21)
            ])
        _ = try IndexTestSupport.build(IndexTestSupport.analyzed([target, linking]), in: directory)
        let reader = try IndexReader.open(path: directory.appendingPathComponent("kb.idx").path)
        #expect(try postings("recuper", reader) == [0: [.anchors: 1]])
    }
}

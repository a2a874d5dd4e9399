public import Foundation
public import KBIndex

/// Builds index files for tests.
public enum TestIndex {
    /// Writes `articles` into a new index file in a temporary folder and opens it. The
    /// caller removes `folder` when done.
    public static func make(
        _ articles: [Article], analyzer: AnalyzerOptions = .default, fields: [FieldSettings] = FieldSettings.defaults
    ) throws -> (reader: IndexReader, folder: URL) {
        let folder = try Fixtures.makeTemporaryDirectory("kb-index")
        let path = folder.appendingPathComponent("test.idx")
        let writer = try IndexWriter(options: IndexWriterOptions(analyzer: analyzer, fields: fields))
        let analyzerValue = Analyzer(options: analyzer)
        for article in articles {
            try writer.add(AnalyzedArticle(article, analyzer: analyzerValue))
        }
        _ = try writer.write(to: path)
        return (try IndexReader.open(path: path.path, verifyChecksums: true), folder)
    }

    /// ``make(_:analyzer:fields:)`` for a suite's shared index, built once in a `static let`;
    /// stops the test run when the index cannot be built, since no test of the suite could run.
    public static func fixture(_ articles: [Article]) -> (reader: IndexReader, folder: URL) {
        do {
            return try make(articles)
        } catch {
            preconditionFailure("cannot build the test index: \(error)")
        }
    }

    /// A random collection: `count` articles whose words come from a small vocabulary with
    /// a skewed (Zipf-like) distribution, so some terms are common and span many posting
    /// blocks while others are rare.
    public static func randomArticles(count: Int, using generator: inout SeededGenerator) -> [Article] {
        let vocabulary = (0..<300).map { "palavra\(String($0, radix: 26).map { letter(for: $0) })" }
        func word() -> String {
            // Squaring a uniform draw favours low ranks.
            let uniform = Double.random(in: 0..<1, using: &generator)
            return vocabulary[Int(uniform * uniform * Double(vocabulary.count))]
        }
        let categories = ["Conta", "Chamados", "Integra"]
        return (0..<count).map { index in
            let title = (0..<Int.random(in: 1...5, using: &generator)).map { _ in word() }.joined(separator: " ")
            let heading = (0..<Int.random(in: 0...6, using: &generator)).map { _ in word() }.joined(separator: " ")
            let body = (0..<Int.random(in: 5...400, using: &generator)).map { _ in word() }.joined(separator: " ")
            return Article(
                id: String(format: "doc-%05d.html", index), title: title, headings: heading.isEmpty ? [] : [heading],
                body: body, category: categories.randomElement(using: &generator),
                tags: Bool.random(using: &generator) ? ["tag-a"] : ["tag-b"])
        }
    }

    private static func letter(for digit: Character) -> Character {
        // Base-26 digits 0-9a-p become letters a-z, so words contain no digits (and stem).
        let value = Int(String(digit), radix: 26)!
        return Character(Unicode.Scalar(UInt8(ascii: "a") + UInt8(value)))
    }
}

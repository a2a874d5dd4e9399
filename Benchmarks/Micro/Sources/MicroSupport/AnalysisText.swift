public import KBIndex

/// The text the analyzer reads from a corpus: per article, its title, its headings (one per
/// line) and its body, exactly as `AnalyzedArticle` hands them to the ``Analyzer``.
///
/// Each pass returns a ``TextTally`` of what it produced, which the benchmarks compare with
/// the recorded one.
public struct AnalysisText: Sendable {
    /// The texts, three per article.
    public let texts: [String]
    /// Their total size in UTF-8 bytes: the figure behind the MB/s.
    public let byteCount: Int

    /// The text of `articles`.
    public init(_ articles: [Article]) {
        texts = articles.flatMap { [$0.title, $0.headings.joined(separator: "\n"), $0.body] }
        byteCount = texts.reduce(0) { $0 + $1.utf8.count }
    }

    /// The whole pipeline (tokenize, lowercase, fold, informal spellings, stop words, stem):
    /// the tokens and the bytes of their terms.
    public func analyze(with analyzer: Analyzer) -> TextTally {
        var tally = TextTally()
        for text in texts {
            analyzer.forEachToken(in: text) { tally.add(length: $0.term.utf8.count) }
        }
        return tally
    }

    /// The tokenizer alone: the word spans and the bytes they cover.
    public func tokenize() -> TextTally {
        let tokenizer = Tokenizer()
        var tally = TextTally()
        for text in texts {
            var text = text
            text.withUTF8 { bytes in
                tokenizer.forEachSpan(in: bytes) { tally.add(length: $0.end - $0.start) }
            }
        }
        return tally
    }

    /// Tokenizing, lowercasing and folding, without stop words or stemming
    /// (``Analyzer/normalize(_:)``): the tokens and the bytes of their terms.
    public func normalize(with analyzer: Analyzer) -> TextTally {
        var tally = TextTally()
        for text in texts {
            for token in analyzer.normalize(text) { tally.add(length: token.term.utf8.count) }
        }
        return tally
    }

    /// Every normalized word of the text, in order: the stemmer's input in ``stem(_:with:)``.
    public func normalizedWords(with analyzer: Analyzer) -> [String] {
        texts.flatMap { analyzer.normalize($0).map(\.term) }
    }

    /// The stemmer alone over `words`: the stems and their bytes.
    public static func stem(_ words: [String], with stemmer: StemmerChoice) -> TextTally {
        var tally = TextTally()
        for word in words { tally.add(length: stemmer.stem(word).utf8.count) }
        return tally
    }

    /// The tally of parsing a corpus: articles, skipped files, and the bytes of the text the
    /// analyzer would read (``byteCount``, counted without building the texts).
    public static func parseTally(_ parsed: (articles: [Article], skipped: Int)) -> ParseTally {
        var textBytes = 0
        for article in parsed.articles {
            // The headings are joined with a newline between each two.
            textBytes += article.title.utf8.count + article.body.utf8.count + max(0, article.headings.count - 1)
            for heading in article.headings { textBytes += heading.utf8.count }
        }
        return ParseTally(articles: parsed.articles.count, skipped: parsed.skipped, textBytes: textBytes)
    }
}

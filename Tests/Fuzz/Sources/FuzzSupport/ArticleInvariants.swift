public import KBIndex

/// What every article a parser hands to the indexer must satisfy, whatever bytes it came
/// from: the promises of ``Article``'s documentation, checked with `precondition` so that a
/// violation stops the fuzzer with the input that caused it.
public enum ArticleInvariants {
    /// Where an article came from: the rules for its title and metadata differ.
    public enum Source {
        /// An HTML page: the title is one line, from `<title>` or a heading; metadata values
        /// went through the page's white-space collapsing.
        case html
        /// A JSON Lines record: id, title and metadata are the record's, trimmed of Unicode
        /// white space (a title may hold line feeds inside).
        case jsonLines
    }

    /// Checks `article`, parsed with `options` from a file of the given `source`.
    public static func check(_ article: Article, source: Source, options: ArticleParserOptions) {
        let unicodeTrimmed = source == .jsonLines
        require(!article.id.isEmpty, "empty article id")
        require(!article.title.isEmpty, "empty title")
        if source == .html {
            require(!article.title.unicodeScalars.contains("\n"), "title spans lines: \(debug(article.title))")
        } else {
            require(isTrimmed(article.id, unicode: true), "untrimmed id: \(debug(article.id))")
            require(isTrimmed(article.title, unicode: true), "untrimmed title: \(debug(article.title))")
        }
        checkBody(article.body)
        for heading in article.headings {
            require(!heading.isEmpty, "empty heading")
            require(!heading.unicodeScalars.contains("\n"), "heading spans lines: \(debug(heading))")
            require(!heading.unicodeScalars.contains(where: isControl), "control in heading: \(debug(heading))")
        }
        let summaryScalars = article.summary.unicodeScalars.count
        require(
            summaryScalars <= options.maximumSummaryLength + 1,
            "summary of \(summaryScalars) scalars, over the limit of \(options.maximumSummaryLength)")
        for value in article.tags
            + [article.url, article.category, article.product, article.updated].compactMap(\.self)
        {
            require(
                !value.isEmpty && isTrimmed(value, unicode: unicodeTrimmed), "bad tag or metadata: \(debug(value))")
        }
    }

    /// The body's layout: one block per line, each line non-empty, without a space at either
    /// end and without control characters; the text ends with a line feed.
    static func checkBody(_ body: String) {
        require(body.unicodeScalars.last == "\n", "body does not end with a line feed: \(debug(body))")
        var lineLength = 0
        var previous: Unicode.Scalar = "\n"
        for scalar in body.unicodeScalars {
            if scalar == "\n" {
                require(lineLength > 0, "empty line in body: \(debug(body))")
                require(previous != " ", "body line ends with a space: \(debug(body))")
                lineLength = 0
            } else {
                require(!(lineLength == 0 && scalar == " "), "body line starts with a space: \(debug(body))")
                require(!isControl(scalar), "control U+\(hex(scalar)) in body: \(debug(body))")
                lineLength += 1
            }
            previous = scalar
        }
    }

    /// Whether `scalar` is a C0 or C1 control character or DEL.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }

    /// Whether `text` has no white space at either end: Unicode white space (what Foundation's
    /// `trimmingCharacters(in: .whitespacesAndNewlines)` removes) or, without `unicode`, ASCII
    /// white space.
    static func isTrimmed(_ text: String, unicode: Bool) -> Bool {
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last else { return true }
        func isSpace(_ scalar: Unicode.Scalar) -> Bool {
            unicode ? scalar.properties.isWhitespace : scalar.value <= 0x20
        }
        return !isSpace(first) && !isSpace(last)
    }

    /// `text` as a Swift literal cut to 200 characters, for failure messages.
    public static func debug(_ text: String) -> String {
        String(reflecting: text.count > 200 ? String(text.prefix(200)) + "…" : text)
    }

    static func hex(_ scalar: Unicode.Scalar) -> String {
        String(scalar.value, radix: 16, uppercase: true)
    }
}

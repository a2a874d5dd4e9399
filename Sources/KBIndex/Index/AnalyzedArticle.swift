/// An article after analysis, ready for the ``IndexWriter``: its stored fields and, for
/// each searchable field, the terms in order with their positions.
///
/// Making one is pure and can run on any thread; the index builder analyzes articles in
/// parallel and hands them to the single writer in input order.
public struct AnalyzedArticle: Sendable {
    /// The terms of one field, as parallel arrays in token order.
    public struct Field: Sendable, Hashable {
        /// The terms, in token order (a term repeats once per occurrence).
        public var terms: [String]
        /// The position of each term.
        public var positions: [UInt32]

        /// The number of terms indexed for the field: its BM25 length.
        public var length: Int { terms.count }

        /// Creates a field from parallel arrays.
        public init(terms: [String], positions: [UInt32]) {
            precondition(terms.count == positions.count, "terms and positions must pair up")
            self.terms = terms
            self.positions = positions
        }
    }

    /// A link to another page of the knowledge base, with its text analyzed: the writer
    /// indexes the text under the article the link points to (``IndexField/anchors``).
    public struct Link: Sendable, Hashable {
        /// Where the link points (``ArticleLink/target``).
        public var target: String
        /// The analyzed link text.
        public var text: Field

        /// Creates a link from its parts.
        public init(target: String, text: Field) {
            self.target = target
            self.text = text
        }
    }

    /// What the index stores for the article.
    public var document: StoredDocument
    /// The analyzed fields, in ``IndexField`` order (title, headings, body, anchors). The
    /// article's own analysis leaves `anchors` empty: the writer fills it from other articles'
    /// ``links``.
    public var fields: [Field]
    /// The article's links to other pages of the knowledge base, in document order.
    public var links: [Link]

    /// Creates an analyzed article from its parts.
    public init(document: StoredDocument, fields: [Field], links: [Link] = []) {
        precondition(fields.count == IndexField.count, "an analyzed article has \(IndexField.count) fields")
        self.document = document
        self.fields = fields
        self.links = links
    }

    /// Analyzes `article` with `analyzer`. Headings are analyzed as one text, one heading
    /// per line, so positions keep running across them.
    ///
    /// The text of the article's links is left out of its own fields: the body skips the words
    /// inside a link's ``ArticleLink/bodyRange`` (their positions stay taken, so no phrase
    /// spans the gap), and a heading that is all one link's text is left out of the headings.
    public init(_ article: Article, analyzer: Analyzer) {
        func analyze(_ text: String, skipping ranges: [Range<Int>] = []) -> Field {
            var terms: [String] = []
            var positions: [UInt32] = []
            var next = 0
            analyzer.forEachToken(in: text) { token in
                while next < ranges.count, ranges[next].upperBound <= token.startOffset { next += 1 }
                if next < ranges.count, ranges[next].contains(token.startOffset) { return }
                terms.append(token.term)
                positions.append(UInt32(clamping: token.position))
            }
            return Field(terms: terms, positions: positions)
        }
        let linkTexts = Set(article.links.map(\.text))
        let headings = article.headings.filter { !linkTexts.contains($0) }
        self.init(
            document: StoredDocument(article),
            fields: [
                analyze(article.title),
                analyze(headings.joined(separator: "\n")),
                analyze(
                    article.body, skipping: article.links.map(\.bodyRange).sorted { $0.lowerBound < $1.lowerBound }),
                Field(terms: [], positions: []),
            ],
            links: article.links.map { Link(target: $0.target, text: analyze($0.text)) })
    }
}

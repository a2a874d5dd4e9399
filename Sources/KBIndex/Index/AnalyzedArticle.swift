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

    /// What the index stores for the article.
    public var document: StoredDocument
    /// The analyzed fields, in ``IndexField`` order (title, headings, body).
    public var fields: [Field]

    /// Creates an analyzed article from its parts.
    public init(document: StoredDocument, fields: [Field]) {
        precondition(fields.count == IndexField.count, "an analyzed article has \(IndexField.count) fields")
        self.document = document
        self.fields = fields
    }

    /// Analyzes `article` with `analyzer`. Headings are analyzed as one text, one heading
    /// per line, so positions keep running across them.
    public init(_ article: Article, analyzer: Analyzer) {
        func analyze(_ text: String) -> Field {
            var terms: [String] = []
            var positions: [UInt32] = []
            analyzer.forEachToken(in: text) { token in
                terms.append(token.term)
                positions.append(UInt32(clamping: token.position))
            }
            return Field(terms: terms, positions: positions)
        }
        self.init(
            document: StoredDocument(article),
            fields: [
                analyze(article.title),
                analyze(article.headings.joined(separator: "\n")),
                analyze(article.body),
            ])
    }
}

public import Foundation

/// A file of evaluation queries, one per line: `query-id<TAB>query text` (the format of
/// `index-terms.queries.tsv` and `tickets.queries.tsv`).
///
/// - Lines end at `\n`, `\r\n` or `\r`; line numbers are 1-based and count every line.
/// - Lines holding only white space are skipped. A UTF-8 byte-order mark at the start of the
///   file is ignored.
/// - The query id is everything before the first tab; it must be non-empty, contain no white
///   space (it becomes a field of a TREC run) and be unique in the file.
/// - The query text is everything after the first tab, with white space at either end
///   removed. It may be empty: such a query retrieves nothing.
///
/// Queries without relevance judgments (such as the no-answer tickets) are kept: whether a
/// query is evaluated is decided by the qrels, not by this file.
public struct QueryFile: Sendable, Equatable {
    /// One query of the file.
    public struct Query: Sendable, Hashable {
        /// The query id, the run's and the qrels' first field.
        public var id: String
        /// The query text, as a user would type it.
        public var text: String
        /// The 1-based line of the query in its file.
        public var line: Int

        /// Creates a query.
        public init(id: String, text: String, line: Int) {
            self.id = id
            self.text = text
            self.line = line
        }
    }

    /// The queries, in file order.
    public let queries: [Query]

    /// Parses the text of a query file; errors name the file `file` when it is given.
    public init(parsing text: String, file: String? = nil) throws(EvaluationInputError) {
        var queries: [Query] = []
        var firstLines: [ExactIdentifier: Int] = [:]
        for line in ReferenceTextLayout.lines(of: text) {
            var content = line.content
            if line.number == 1, content.unicodeScalars.first == "\u{FEFF}" {
                content = Substring(content.unicodeScalars.dropFirst())
            }
            if content.allSatisfy(\.isWhitespace) { continue }
            guard let tab = content.unicodeScalars.firstIndex(of: "\t") else {
                throw EvaluationInputError(file: file, line: line.number, kind: .missingTab)
            }
            let id = String(content.unicodeScalars[..<tab])
            guard !id.isEmpty else {
                throw EvaluationInputError(file: file, line: line.number, kind: .emptyQueryID)
            }
            guard !ReferenceTextLayout.containsWhitespace(id) else {
                throw EvaluationInputError(file: file, line: line.number, kind: .whitespaceInQueryID(id))
            }
            if let firstLine = firstLines[ExactIdentifier(id)] {
                throw EvaluationInputError(
                    file: file, line: line.number, kind: .duplicateQueryID(id, firstLine: firstLine))
            }
            firstLines[ExactIdentifier(id)] = line.number
            let queryText = Substring(content.unicodeScalars[content.unicodeScalars.index(after: tab)...])
                .trimmingCharacters(in: .whitespacesAndNewlines)
            queries.append(Query(id: id, text: queryText, line: line.number))
        }
        self.queries = queries
    }

    /// Reads and parses the query file at `url`; errors name it `name`, by default its path.
    public init(contentsOf url: URL, name: String? = nil) throws(EvaluationInputError) {
        let name = name ?? url.path
        try self.init(parsing: EvaluationTextFile.read(url, name: name), file: name)
    }
}

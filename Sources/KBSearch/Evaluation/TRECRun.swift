public import Foundation

/// A run: ranked lists of documents for queries, in TREC format, one line per retrieved
/// document: `query-id Q0 document-id rank score tag`.
///
/// Read exactly as the reference script, `/work/shared/eval/evaluate.py`, reads it:
///
/// - Lines end at `\n`, `\r\n` or `\r`, and fields are separated by runs of white space, as
///   Python's `str.split()` separates them (see ``ReferenceTextLayout``).
/// - Only the query id (first field), the document id (third) and the score (fifth) are read.
///   The `Q0` field, the rank and the tag are ignored, and the tag may be missing.
/// - **Lines with fewer than five fields are skipped** silently by `evaluate.py`; so they are
///   here, and their numbers are kept in ``skippedLines`` so that a caller can warn about them.
/// - **The file's order and ranks do not matter.** Each query's documents are ranked by score,
///   highest first, and documents with equal scores by document id in code-point order
///   (`sorted((-score, docid))` in Python). ``ranking(for:)`` returns them in that order.
/// - **Duplicates are kept.** A document listed twice for a query takes two places in the
///   ranking, as in `evaluate.py`: each place can add to nDCG@10 (which can then exceed 1),
///   while the recalls count distinct documents.
/// - Scores are read as Python's `float()` reads them (`12`, `.5`, `1e-3`, `inf`, `1_000`).
///   A score that is not a number stops the parse with an ``EvaluationInputError``, as it
///   stops `evaluate.py`; so does NaN, which `evaluate.py` would accept but cannot rank
///   consistently.
/// - A query without any line has no results, and scores zero on every measure.
///
/// ``lines(queryID:documents:tag:)`` and ``format(_:tag:)`` write runs (`kb search --format
/// trec`); ``init(rankedLists:)`` builds, without writing, the run that reading them back
/// would give.
public struct TRECRun: Sendable, Equatable {
    /// A document retrieved for a query, and its score.
    public struct ScoredDocument: Sendable, Hashable {
        /// The document id.
        public var documentID: String
        /// The score; higher ranks first.
        public var score: Double

        /// Creates a scored document.
        public init(documentID: String, score: Double) {
            self.documentID = documentID
            self.score = score
        }
    }

    /// The ranked documents of each query, in the reference order.
    private let rankings: [ExactIdentifier: [ScoredDocument]]

    /// The queries with at least one line, in the order of their first line.
    public let queryIDs: [String]

    /// The 1-based numbers of the lines skipped because they have fewer than five fields
    /// (lines that hold only white space are not listed).
    public let skippedLines: [Int]

    /// Parses the text of a run file; errors name the file `file` when it is given.
    public init(parsing text: String, file: String? = nil) throws(EvaluationInputError) {
        var builder = Builder()
        var skippedLines: [Int] = []
        for line in ReferenceTextLayout.lines(of: text) {
            let fields = ReferenceTextLayout.fields(of: line.content)
            if fields.isEmpty { continue }
            guard fields.count >= 5 else {
                skippedLines.append(line.number)
                continue
            }
            guard let score = ReferenceNumberSyntax.floatingPoint(fields[4]) else {
                throw EvaluationInputError(file: file, line: line.number, kind: .invalidScore(String(fields[4])))
            }
            guard !score.isNaN else {
                throw EvaluationInputError(file: file, line: line.number, kind: .scoreIsNaN(String(fields[4])))
            }
            builder.add(queryID: String(fields[0]), documentID: String(fields[2]), score: score)
        }
        (rankings, queryIDs) = builder.finish()
        self.skippedLines = skippedLines
    }

    /// Reads and parses the run file at `url`; errors name it `name`, by default its path.
    public init(contentsOf url: URL, name: String? = nil) throws(EvaluationInputError) {
        let name = name ?? url.path
        try self.init(parsing: EvaluationTextFile.read(url, name: name), file: name)
    }

    /// The run that writing `rankedLists` with ``format(_:tag:)`` and parsing the text back
    /// would give: the same scores (the writer's numbers read back exactly), re-ranked in the
    /// reference order. Throws where the writer would.
    public init(
        rankedLists: [(queryID: String, documents: [(documentID: String, score: Double)])]
    ) throws(EvaluationInputError) {
        var builder = Builder()
        for list in rankedLists {
            try Self.checkWritable(list.queryID, as: .queryID, queryID: list.queryID)
            for document in list.documents {
                try Self.checkWritable(document, queryID: list.queryID)
                builder.add(queryID: list.queryID, documentID: document.documentID, score: document.score)
            }
        }
        (rankings, queryIDs) = builder.finish()
        skippedLines = []
    }

    /// The documents retrieved for `queryID`, best first in the reference order (score
    /// descending, then document id ascending); empty for a query without lines.
    public func ranking(for queryID: String) -> [ScoredDocument] {
        rankings[ExactIdentifier(queryID)] ?? []
    }

    /// ``ranking(for:)``'s document ids, compared as Python compares them.
    func rankedDocumentIDs(for queryID: ExactIdentifier) -> [ExactIdentifier] {
        (rankings[queryID] ?? []).map { ExactIdentifier($0.documentID) }
    }

    // MARK: - Writing

    /// The run lines of one query's ranked list, `query-id Q0 document-id rank score tag`, with
    /// ranks 1, 2, … in the order given; no line for an empty list.
    ///
    /// A score is written in the shortest form that reads back as the same `Double` (Swift's
    /// `description`, which Python's `float()` reads too), so that evaluating the file ranks
    /// exactly as evaluating the scores in memory. Documents with equal scores are re-ordered
    /// by id when the file is evaluated, whatever their ranks; give distinct scores to keep an
    /// order. Throws when an id or the tag is empty or holds white space, or a score is NaN.
    public static func lines(
        queryID: String, documents: [(documentID: String, score: Double)], tag: String = "kb"
    ) throws(EvaluationInputError) -> [String] {
        try checkWritable(queryID, as: .queryID, queryID: queryID)
        try checkWritable(tag, as: .runTag, queryID: queryID)
        var lines: [String] = []
        lines.reserveCapacity(documents.count)
        for (offset, document) in documents.enumerated() {
            try checkWritable(document, queryID: queryID)
            lines.append("\(queryID) Q0 \(document.documentID) \(offset + 1) \(document.score.description) \(tag)")
        }
        return lines
    }

    /// A whole run file: the lines of every ranked list, in the order given, each ending with
    /// `\n`. See ``lines(queryID:documents:tag:)``.
    public static func format(
        _ rankedLists: [(queryID: String, documents: [(documentID: String, score: Double)])], tag: String = "kb"
    ) throws(EvaluationInputError) -> String {
        var text = ""
        for list in rankedLists {
            for line in try lines(queryID: list.queryID, documents: list.documents, tag: tag) {
                text += line
                text += "\n"
            }
        }
        return text
    }

    private static func checkWritable(
        _ value: String, as field: EvaluationInputError.Field, queryID: String
    ) throws(EvaluationInputError) {
        if value.isEmpty || ReferenceTextLayout.containsWhitespace(value) {
            throw EvaluationInputError(kind: .unwritableField(field, value: value, queryID: queryID))
        }
    }

    private static func checkWritable(
        _ document: (documentID: String, score: Double), queryID: String
    ) throws(EvaluationInputError) {
        try checkWritable(document.documentID, as: .documentID, queryID: queryID)
        if document.score.isNaN {
            throw EvaluationInputError(kind: .unwritableScore(queryID: queryID, documentID: document.documentID))
        }
    }

    /// Gathers lines per query, then ranks each query's documents in the reference order.
    private struct Builder {
        var order: [String] = []
        var documents: [ExactIdentifier: [ScoredDocument]] = [:]

        mutating func add(queryID: String, documentID: String, score: Double) {
            let query = ExactIdentifier(queryID)
            if documents[query] == nil { order.append(queryID) }
            documents[query, default: []].append(ScoredDocument(documentID: documentID, score: score))
        }

        /// Python's `sorted((-score, docid))`: score descending, then id ascending by code point.
        func finish() -> ([ExactIdentifier: [ScoredDocument]], [String]) {
            let ranked = documents.mapValues { list in
                list.sorted { left, right in
                    if left.score != right.score { return left.score > right.score }
                    return ExactIdentifier(left.documentID) < ExactIdentifier(right.documentID)
                }
            }
            return (ranked, order)
        }
    }
}

/// A problem with one of the inputs of a relevance evaluation: a qrels file (``Qrels``), a run
/// (``TRECRun``) or a query file (``QueryFile``), or a ranked list that cannot be written as a
/// TREC run.
///
/// ``description`` is meant for the person who made the file: it names the file and the 1-based
/// line where they are known, says what is wrong and how the line should look.
public struct EvaluationInputError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The file's name or path as the caller gave it, or `nil` when the text did not come from a
    /// file.
    public let file: String?
    /// The 1-based line of the problem, or `nil` when it concerns the whole file or a ranked
    /// list being written.
    public let line: Int?
    /// What is wrong.
    public let kind: Kind

    /// Creates an error about `line` (1-based) of `file`.
    public init(file: String? = nil, line: Int? = nil, kind: Kind) {
        self.file = file
        self.line = line
        self.kind = kind
    }

    /// A field of a line or of a ranked list, named in messages.
    public enum Field: Sendable, Hashable {
        /// A query id.
        case queryID
        /// A document id.
        case documentID
        /// A run's tag, its sixth column.
        case runTag

        var phrase: String {
            switch self {
            case .queryID: "query id"
            case .documentID: "document id"
            case .runTag: "run tag"
            }
        }
    }

    /// What is wrong.
    public enum Kind: Sendable, Hashable {
        /// No file exists at the path.
        case fileNotFound
        /// The file exists but could not be read.
        case unreadableFile(reason: String)
        /// The file is not valid UTF-8 text.
        case notUTF8
        /// A qrels line has fewer than the four fields `query-id 0 document-id grade`.
        case missingQrelsFields(found: Int)
        /// A qrels grade is not a whole number.
        case invalidGrade(String)
        /// A run score is not a decimal number.
        case invalidScore(String)
        /// A run score is NaN, which has no place in a ranking.
        case scoreIsNaN(String)
        /// A query-file line has no tab between the query id and the query text.
        case missingTab
        /// A query-file line has nothing before its tab.
        case emptyQueryID
        /// A query id holds white space, so it could not be a field of a TREC run.
        case whitespaceInQueryID(String)
        /// A query id appears a second time in a query file.
        case duplicateQueryID(String, firstLine: Int)
        /// A ranked list cannot be written as a TREC run: the field is empty or holds white space.
        case unwritableField(Field, value: String, queryID: String)
        /// A ranked list cannot be written as a TREC run: a score is NaN.
        case unwritableScore(queryID: String, documentID: String)
    }

    /// `tickets.qrels:12: the grade must be ...`; the file and line are left out when unknown.
    public var description: String {
        switch (file, line) {
        case (let file?, let line?): "\(file):\(line): \(explanation)"
        case (let file?, nil): "\(file): \(explanation)"
        case (nil, let line?): "line \(line): \(explanation)"
        case (nil, nil): explanation
        }
    }

    private var explanation: String {
        switch kind {
        case .fileNotFound:
            return "no such file; check the path"
        case .unreadableFile(let reason):
            return "cannot read the file: \(reason)"
        case .notUTF8:
            return "the file is not UTF-8 text; save it as UTF-8"
        case .missingQrelsFields(let found):
            return "a qrels line has four fields separated by white space, "
                + "'query-id 0 document-id grade', but this one has \(found)"
        case .invalidGrade(let grade):
            return "the grade (fourth field) must be a whole number such as 0, 1 or 2, not '\(grade)'"
        case .invalidScore(let score):
            return "the score (fifth field, 'query-id Q0 document-id rank score tag') must be "
                + "a decimal number such as 12.5 or 1e-3, not '\(score)'"
        case .scoreIsNaN(let score):
            return "the score '\(score)' is not a number (NaN), so the line cannot be ranked; "
                + "give the document a real score or leave it out"
        case .missingTab:
            return "a query line is 'query-id<TAB>query text', but this line has no tab"
        case .emptyQueryID:
            return "the query id before the tab is empty; a query line is 'query-id<TAB>query text'"
        case .whitespaceInQueryID(let queryID):
            return "the query id '\(queryID)' contains white space, which TREC runs and qrels "
                + "use to separate fields; remove it or use another character such as '_'"
        case .duplicateQueryID(let queryID, let firstLine):
            return "the query id '\(queryID)' is already used at line \(firstLine); "
                + "every query needs its own id"
        case .unwritableField(let field, let value, let queryID):
            let subject = value.isEmpty ? "an empty \(field.phrase)" : "the \(field.phrase) '\(value)'"
            return "cannot write \(subject) (query '\(queryID)') into a TREC run: its fields are "
                + "separated by white space, so each must be non-empty and contain none"
        case .unwritableScore(let queryID, let documentID):
            return "cannot write the score of document '\(documentID)' (query '\(queryID)') into "
                + "a TREC run: it is NaN, which cannot be ranked"
        }
    }
}

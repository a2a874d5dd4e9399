public import Foundation

/// Relevance judgments in TREC qrels format, one per line: `query-id 0 document-id grade`.
///
/// Read exactly as the reference script, `/work/shared/eval/evaluate.py`, reads them:
///
/// - Lines end at `\n`, `\r\n` or `\r`, and fields are separated by runs of white space, as
///   Python's `str.split()` separates them (see ``ReferenceTextLayout``).
/// - The second field (the TREC "iteration", always `0`) is ignored, and so is any field after
///   the fourth.
/// - The grade is a whole number, read as Python's `int()` reads it (`+1`, `02` and `1_0` are
///   whole numbers).
/// - **Binary relevance.** A document is relevant to a query when a line gives it a grade
///   above 0; grades 1, 2 and 3 count alike, and a grade of 0 or below only records that the
///   page was judged. With ``relevantDocuments(minimumGrade:)`` a higher threshold can be set,
///   which is the same as first keeping only the lines whose grade reaches it (`awk '$4 >= 2'`).
/// - **Duplicates.** Judgments form a set: a line repeated counts once, and a document with
///   several lines is relevant when any of them gives a grade above the threshold (the
///   highest grade wins, whatever the order of the lines).
/// - **Which queries count.** Only queries with at least one relevant document are evaluated.
///   A query whose lines all have grade 0, and a query with no line at all (such as the
///   no-answer tickets), is not part of any average.
///
/// Where `evaluate.py` would stop with a Python exception, parsing throws an
/// ``EvaluationInputError`` naming the line: a line with fewer than four fields, a grade that
/// is not a whole number, a file that is not UTF-8. Lines that hold only white space, on which
/// `evaluate.py` would also stop, are skipped instead.
public struct Qrels: Sendable, Equatable {
    /// One judgment, a line of a qrels file.
    public struct Judgment: Sendable, Hashable {
        /// The query the judgment is for.
        public var queryID: String
        /// The judged document.
        public var documentID: String
        /// The grade: 0 (or below) not relevant; above 0 relevant, higher is better.
        public var grade: Int

        /// Creates a judgment.
        public init(queryID: String, documentID: String, grade: Int) {
            self.queryID = queryID
            self.documentID = documentID
            self.grade = grade
        }
    }

    /// The documents relevant to one evaluated query.
    public struct RelevantDocuments: Sendable, Equatable {
        /// The query.
        public var queryID: String
        /// The relevant documents, never empty.
        public var documentIDs: Set<String>
    }

    /// Every judgment, in the order of the lines, duplicates included.
    public let judgments: [Judgment]

    /// Creates qrels from judgments in file order.
    public init(judgments: [Judgment]) {
        self.judgments = judgments
    }

    /// Parses the text of a qrels file; errors name the file `file` when it is given.
    public init(parsing text: String, file: String? = nil) throws(EvaluationInputError) {
        var judgments: [Judgment] = []
        for line in ReferenceTextLayout.lines(of: text) {
            let fields = ReferenceTextLayout.fields(of: line.content)
            if fields.isEmpty { continue }
            guard fields.count >= 4 else {
                throw EvaluationInputError(
                    file: file, line: line.number, kind: .missingQrelsFields(found: fields.count))
            }
            guard let grade = ReferenceNumberSyntax.integer(fields[3]) else {
                throw EvaluationInputError(file: file, line: line.number, kind: .invalidGrade(String(fields[3])))
            }
            judgments.append(Judgment(queryID: String(fields[0]), documentID: String(fields[2]), grade: grade))
        }
        self.judgments = judgments
    }

    /// Reads and parses the qrels file at `url`; errors name it `name`, by default its path.
    public init(contentsOf url: URL, name: String? = nil) throws(EvaluationInputError) {
        let name = name ?? url.path
        try self.init(parsing: EvaluationTextFile.read(url, name: name), file: name)
    }

    /// Every query with at least one line, in the order of its first line.
    public var queryIDs: [String] {
        var seen: Set<ExactIdentifier> = []
        return judgments.compactMap { seen.insert(ExactIdentifier($0.queryID)).inserted ? $0.queryID : nil }
    }

    /// The judged documents of `queryID` and their highest grade.
    public func grades(for queryID: String) -> [String: Int] {
        let query = ExactIdentifier(queryID)
        var grades: [String: Int] = [:]
        for judgment in judgments where ExactIdentifier(judgment.queryID) == query {
            grades[judgment.documentID] = max(grades[judgment.documentID] ?? .min, judgment.grade)
        }
        return grades
    }

    /// The evaluated queries and their relevant documents, those with a line whose grade is at
    /// least `minimumGrade` (1, the default, is `evaluate.py`'s "grade above 0").
    ///
    /// Queries come in the order of their first such line, the order in which `evaluate.py`
    /// visits and sums them; queries without such a line are left out.
    public func relevantDocuments(minimumGrade: Int = 1) -> [RelevantDocuments] {
        relevanceSets(minimumGrade: minimumGrade).map { entry in
            RelevantDocuments(queryID: entry.queryID.text, documentIDs: Set(entry.documentIDs.map(\.text)))
        }
    }

    /// ``relevantDocuments(minimumGrade:)`` with ids compared as Python compares them.
    func relevanceSets(minimumGrade: Int) -> [(queryID: ExactIdentifier, documentIDs: Set<ExactIdentifier>)] {
        var order: [ExactIdentifier] = []
        var sets: [ExactIdentifier: Set<ExactIdentifier>] = [:]
        for judgment in judgments where judgment.grade >= minimumGrade {
            let query = ExactIdentifier(judgment.queryID)
            if sets[query] == nil { order.append(query) }
            sets[query, default: []].insert(ExactIdentifier(judgment.documentID))
        }
        return order.map { ($0, sets[$0] ?? []) }
    }
}

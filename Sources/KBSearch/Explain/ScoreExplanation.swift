import Foundation

/// Why a document scored what it scored for a query: every term, field and factor.
public struct ScoreExplanation: Sendable {
    /// One field's contribution to a term's pseudo-frequency.
    public struct FieldPart: Sendable {
        /// `title`, `headings` or `body`.
        public var field: String
        /// Occurrences of the term in the field.
        public var frequency: Int
        /// The field's length in the document.
        public var length: Int
        /// The field's average length in the index.
        public var averageLength: Double
        /// BM25F weight of the field.
        public var weight: Double
        /// BM25F `b` of the field.
        public var lengthNormalization: Double
        /// `weight · frequency / (1 − b + b · length / averageLength)`.
        public var contribution: Double
    }

    /// One index term of a clause.
    public struct TermPart: Sendable {
        /// The index term.
        public var term: String
        /// Its boost in the clause (1 as typed, less for completions and corrections).
        public var boost: Double
        /// Documents containing it.
        public var documentFrequency: Int
        /// `ln(1 + (N − df + 0.5) / (df + 0.5))`.
        public var idf: Double
        /// Per field.
        public var fields: [FieldPart]
        /// `Σ` of the fields' contributions.
        public var pseudoFrequency: Double
        /// `boost · idf · tf~ · (k1 + 1) / (k1 + tf~)`.
        public var score: Double
    }

    /// One query clause.
    public struct ClausePart: Sendable {
        /// `word`, `phrase`, `required word`...
        public var kind: String
        /// The clause's terms that occur in the document.
        public var terms: [TermPart]
        /// The best term's score (a word) or the sum (a phrase).
        public var score: Double
    }

    /// The article.
    public var articleID: String
    /// Whether the document matches the query at all (filters, required and excluded words).
    public var matches: Bool
    /// BM25 `k1`.
    public var k1: Double
    /// The clauses.
    public var clauses: [ClausePart]
    /// Sum of the clauses' scores (the first ranking phase).
    public var bm25Score: Double
    /// The second phase's term-proximity bonus.
    public var proximityBonus: Double
    /// The second phase's title-match bonus.
    public var titleMatchBonus: Double
    /// The second phase's title-only BM25 score, weighted.
    public var titleScore: Double
    /// The second phase's coordination factor, which multiplies the sum of the others (1: off).
    public var coordinationFactor: Double
    /// The final score.
    public var score: Double

    /// A readable multi-line explanation.
    public var text: String {
        func number(_ value: Double) -> String { String(format: "%.4f", value) }
        var sum =
            "bm25f \(number(bm25Score)) + proximity \(number(proximityBonus)) + title match "
            + "\(number(titleMatchBonus)) + title score \(number(titleScore))"
        if coordinationFactor != 1 { sum = "(\(sum)) × coordination \(number(coordinationFactor))" }
        var lines = ["\(articleID): score \(number(score)) = \(sum)"]
        if !matches { lines.append("  (does not match the query: a required word is missing, or it is excluded)") }
        for clause in clauses {
            lines.append("  \(clause.kind): \(number(clause.score))")
            for term in clause.terms {
                lines.append(
                    "    \(term.term): boost \(number(term.boost)) × idf \(number(term.idf)) (df \(term.documentFrequency))"
                        + " × saturation(tf~ \(number(term.pseudoFrequency)), k1 \(number(k1))) = \(number(term.score))"
                )
                for part in term.fields where part.frequency > 0 {
                    lines.append(
                        "      \(part.field): tf \(part.frequency), length \(part.length) (average "
                            + "\(number(part.averageLength))), weight \(number(part.weight)), b "
                            + "\(number(part.lengthNormalization)) → \(number(part.contribution))")
                }
            }
        }
        return lines.joined(separator: "\n")
    }
}

/// A parsed search-box query: what the user typed, split into clauses.
///
/// A query is produced by ``QueryParser`` (or built directly, e.g. from a ticket subject).
/// Clause texts are raw: they are not lowercased, folded, stemmed or tokenized. The search
/// engine analyzes each clause's text with the index's analyzer, and a clause may then yield
/// no term at all (a stop word, pure punctuation, an emoji).
public struct Query: Sendable, Hashable {
    /// How a clause takes part in matching.
    public enum Occurrence: Sendable, Hashable {
        /// The clause should match: matching it raises the score (a plain word or phrase).
        case should
        /// The clause must match (`+word`, `+"a phrase"`).
        case must
        /// The clause must not match (`-word`, `-"a phrase"`).
        case mustNot
    }

    /// One word or phrase of a query.
    public struct Clause: Sendable, Hashable {
        /// The raw text of the word, or the phrase's words separated by single spaces, without
        /// quotes or operator. Never empty when produced by ``QueryParser``.
        public var text: String
        /// Whether the clause was quoted: its words must occur next to each other, in order.
        public var isPhrase: Bool
        /// Whether the clause should, must or must not match.
        public var occurrence: Occurrence
        /// Whether the clause's last word is a prefix of the word the user is still typing
        /// (`impr` for `imprimir`, `impressão`).
        ///
        /// ``QueryParser`` only ever sets it on the last clause, when it is a plain word that
        /// is not excluded (``Occurrence/should`` or ``Occurrence/must``).
        public var isPrefix: Bool

        /// Creates a clause; by default a plain word that should match.
        public init(text: String, isPhrase: Bool = false, occurrence: Occurrence = .should, isPrefix: Bool = false) {
            self.text = text
            self.isPhrase = isPhrase
            self.occurrence = occurrence
            self.isPrefix = isPrefix
        }
    }

    /// The clauses, in the order they were typed.
    public var clauses: [Clause]
    /// Whether part of the input was dropped because it was longer than
    /// ``QueryParserOptions/maximumCharacters`` or had more than
    /// ``QueryParserOptions/maximumClauses`` clauses; the server can report it.
    public var wasTruncated: Bool

    /// Whether the query has no clause at all (nothing but whitespace, lone operators or empty
    /// quotes was typed).
    public var isEmpty: Bool { clauses.isEmpty }

    /// Creates a query from its clauses.
    public init(clauses: [Clause] = [], wasTruncated: Bool = false) {
        self.clauses = clauses
        self.wasTruncated = wasTruncated
    }
}

extension Query: CustomStringConvertible {
    /// The query in query syntax, for debugging and logs: `+a -b "c d" e*`.
    ///
    /// Must clauses get `+`, excluded ones `-`, phrases are quoted and a prefix clause ends
    /// in `*`. Without prefix clauses, parsing the description gives the same clauses back.
    public var description: String {
        var result = ""
        for clause in clauses {
            if !result.isEmpty { result += " " }
            result += clause.description
        }
        return result
    }
}

extension Query.Clause: CustomStringConvertible {
    /// The clause in query syntax: `+word`, `-"a phrase"`, `prefix*`.
    public var description: String {
        var result: String
        switch occurrence {
        case .should: result = ""
        case .must: result = "+"
        case .mustNot: result = "-"
        }
        if isPhrase {
            result += "\"" + text + "\""
        } else {
            result += text
        }
        if isPrefix { result += "*" }
        return result
    }
}

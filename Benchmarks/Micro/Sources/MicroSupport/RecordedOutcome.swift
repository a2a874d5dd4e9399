/// A benchmark's result reduced to a few fields, recorded once in `Expectations/<corpus>.tsv`
/// and compared on every iteration, so that a fast wrong answer fails the benchmark.
///
/// Outcomes are small values compared with `==`: the comparison itself allocates nothing, so
/// it does not disturb the allocation counts.
public protocol RecordedOutcome: Equatable, Sendable, CustomStringConvertible {
    /// The fields as `(name, value)` pairs, in the order they are written.
    var fields: [(String, String)] { get }
    /// Reads an outcome back from its recorded fields.
    init(fields: RecordedFields) throws
}

extension RecordedOutcome {
    /// `name=value` pairs separated by spaces, for messages.
    public var description: String {
        fields.map { "\($0.0)=\($0.1)" }.joined(separator: " ")
    }
}

/// The `name=value` fields of one recorded line.
public struct RecordedFields: Sendable {
    /// The line's name (for messages).
    public let name: String
    private let values: [String: String]

    /// Creates the fields of the line called `name`.
    public init(name: String, values: [String: String]) {
        self.name = name
        self.values = values
    }

    /// The text of field `key`.
    public func text(_ key: String) throws -> String {
        guard let value = values[key] else {
            throw MicroBenchmarkError(
                "the expectation \"\(name)\" has no field \"\(key)\"; record the expectations again.")
        }
        return value
    }

    /// The integer in field `key`.
    public func integer(_ key: String) throws -> Int {
        let value = try text(key)
        guard let integer = Int(value) else {
            throw MicroBenchmarkError("the expectation \"\(name)\" has \(key)=\(value), not an integer.")
        }
        return integer
    }
}

/// How many items (tokens, spans, stems) a pass over text produced and how many UTF-8
/// bytes they hold. Cheap to keep while the pass runs, and a pass that drops, splits or
/// stops stemming words changes it.
public struct TextTally: RecordedOutcome {
    /// Items produced.
    public var count = 0
    /// UTF-8 bytes of the items.
    public var bytes = 0

    /// An empty tally.
    public init() {}

    /// Counts one item of `length` bytes.
    @inline(__always)
    public mutating func add(length: Int) {
        count &+= 1
        bytes &+= length
    }

    public var fields: [(String, String)] { [("count", "\(count)"), ("bytes", "\(bytes)")] }

    public init(fields: RecordedFields) throws {
        count = try fields.integer("count")
        bytes = try fields.integer("bytes")
    }
}

/// What parsing a corpus gave: articles, files skipped, and the UTF-8 bytes of the text
/// fields the index reads (title, headings, body).
public struct ParseTally: RecordedOutcome {
    /// Articles parsed.
    public var articles: Int
    /// Files that did not give an article.
    public var skipped: Int
    /// UTF-8 bytes of the titles, headings and bodies.
    public var textBytes: Int

    /// Creates a tally.
    public init(articles: Int, skipped: Int, textBytes: Int) {
        self.articles = articles
        self.skipped = skipped
        self.textBytes = textBytes
    }

    public var fields: [(String, String)] {
        [("articles", "\(articles)"), ("skipped", "\(skipped)"), ("textBytes", "\(textBytes)")]
    }

    public init(fields: RecordedFields) throws {
        self.init(
            articles: try fields.integer("articles"), skipped: try fields.integer("skipped"),
            textBytes: try fields.integer("textBytes"))
    }
}

/// What an index holds: documents, terms and postings (the stored fields' encoding, which
/// changes the file size, is left out on purpose).
public struct IndexTally: RecordedOutcome {
    /// Documents indexed.
    public var documents: Int
    /// Distinct terms.
    public var terms: Int
    /// (term, document) pairs; 0 where only the reader's metadata is known.
    public var postings: Int

    /// Creates a tally.
    public init(documents: Int, terms: Int, postings: Int) {
        self.documents = documents
        self.terms = terms
        self.postings = postings
    }

    public var fields: [(String, String)] {
        [("documents", "\(documents)"), ("terms", "\(terms)"), ("postings", "\(postings)")]
    }

    public init(fields: RecordedFields) throws {
        self.init(
            documents: try fields.integer("documents"), terms: try fields.integer("terms"),
            postings: try fields.integer("postings"))
    }
}

/// What one query gave: the number of matches, the number of hits returned, and the best
/// hit's article id.
public struct QueryOutcome: RecordedOutcome {
    /// Matching documents (for suggestions, the suggestions returned).
    public var total: Int
    /// Hits returned (at most the request's limit).
    public var hits: Int
    /// The article id of the best hit, or `-` when there is none.
    public var top: String

    /// Creates an outcome.
    public init(total: Int, hits: Int, top: String) {
        self.total = total
        self.hits = hits
        self.top = top
    }

    public var fields: [(String, String)] { [("total", "\(total)"), ("hits", "\(hits)"), ("top", top)] }

    public init(fields: RecordedFields) throws {
        self.init(total: try fields.integer("total"), hits: try fields.integer("hits"), top: try fields.text("top"))
    }
}

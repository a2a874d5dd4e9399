/// Why one article file (or one line of a JSON Lines export) was skipped.
///
/// Parsing never aborts a batch: each bad file or line becomes one of these values, and
/// the caller reports it and carries on. ``description`` reads as a sentence:
///
/// ```
/// conta/x.html: skipped: the file is empty.
/// exports/a.jsonl:12: skipped: missing required field "title".
/// ```
public struct ArticleParseError: Error, CustomStringConvertible, Equatable, Sendable {
    /// What went wrong.
    public enum Reason: Equatable, Sendable {
        /// The file has no bytes, or only white space.
        case empty
        /// The file looks binary: NUL bytes or many control bytes near its start.
        case binary
        /// The file (or JSON Lines line) has `size` bytes, more than the `limit` allowed.
        case tooLarge(size: Int, limit: Int)
        /// The markup is nested deeper than libxml2 accepts (`limit` levels).
        case tooDeep(limit: Int)
        /// Nothing visible is left once markup, scripts and page chrome are removed.
        case noText
        /// The file or folder could not be read; carries the system's message.
        case unreadable(String)
        /// A JSON Lines line is not valid JSON or not a JSON object; carries the details.
        case invalidJSON(String)
        /// A JSON Lines record lacks a required field (`id`, `title` or `body`).
        case missingField(String)
        /// A JSON Lines field has the wrong type or an unusable value.
        case invalidField(name: String, expected: String)
    }

    /// The file's path, relative to the articles folder when it was found by walking one.
    public var path: String
    /// The 1-based line number inside a JSON Lines file, or `nil` for a whole file.
    public var line: Int?
    /// What went wrong.
    public var reason: Reason

    /// Creates an error for `path` (and `line`, for JSON Lines records).
    public init(path: String, line: Int? = nil, reason: Reason) {
        self.path = path
        self.line = line
        self.reason = reason
    }

    /// `path[:line]: skipped: <what went wrong>.`
    public var description: String {
        let location = line.map { "\(path):\($0)" } ?? path
        return "\(location): skipped: \(message)."
    }

    /// The reason as a sentence fragment without the final period.
    private var message: String {
        let subject = line == nil ? "the file" : "the line"
        switch reason {
        case .empty:
            return "the file is empty"
        case .binary:
            return "the file looks binary, not text (NUL or control bytes near its start)"
        case .tooLarge(let size, let limit):
            return "\(subject) is \(Self.grouped(size)) bytes, over the size limit of \(Self.grouped(limit)) bytes"
        case .tooDeep(let limit):
            return "markup nested deeper than \(limit) levels"
        case .noText:
            return line == nil ? "no text found in the page" : "no text found in the article body"
        case .unreadable(let systemMessage):
            return "cannot read it: \(Self.withoutFinalPeriod(systemMessage))"
        case .invalidJSON(let details):
            return "invalid JSON: \(Self.withoutFinalPeriod(details))"
        case .missingField(let name):
            return "missing required field \"\(name)\""
        case .invalidField(let name, let expected):
            return "field \"\(name)\" must be \(expected)"
        }
    }

    /// `10485760` → `10,485,760`, independent of the locale.
    private static func grouped(_ number: Int) -> String {
        let digits = String(number.magnitude)
        var result = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { result.append(",") }
            result.append(digit)
        }
        return number < 0 ? "-" + result : result
    }

    private static func withoutFinalPeriod(_ text: String) -> String {
        text.hasSuffix(".") ? String(text.dropLast()) : text
    }
}

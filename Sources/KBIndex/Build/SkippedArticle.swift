/// An article (or file) the index builder could not index, with why.
public struct SkippedArticle: Sendable, Hashable, CustomStringConvertible {
    /// The file's path relative to the articles folder (with `:line` for JSON Lines).
    public var path: String
    /// Why it was skipped, as a phrase.
    public var reason: String

    /// Creates an entry.
    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    /// The entry for a parse error.
    public init(_ error: ArticleParseError) {
        path = error.line.map { "\(error.path):\($0)" } ?? error.path
        let text = error.description
        // The error's description reads "path: skipped: reason."; keep the reason.
        if let range = text.range(of: "skipped: ") {
            reason = String(text[range.upperBound...])
        } else {
            reason = text
        }
    }

    /// `conta/x.html: the file is empty.`
    public var description: String { "\(path): \(reason)" }
}

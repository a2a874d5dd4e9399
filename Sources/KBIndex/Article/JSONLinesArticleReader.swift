public import Foundation

/// Reads articles from a JSON Lines export (`.jsonl`): one JSON object per line.
///
/// ```json
/// {"id": "conta/senha", "title": "Redefinir a senha", "body": "<p>Abra <b>Conta</b>…</p>",
///  "url": "https://ajuda.example.com.br/conta/senha", "category": "Conta", "product": "App",
///  "tags": ["senha", "login"], "updated_at": "2026-10-02"}
/// ```
///
/// `id` (a string or an integer), `title` and `body` are required; `body` is HTML and goes
/// through the same ``ArticleParser`` as a fragment, which supplies the headings, the body
/// text and the summary (its first paragraph). An empty `title` falls back to the body's
/// first `<h1>`. `tags` is an array of strings or a comma-separated string. Blank lines are
/// skipped; a bad line becomes an ``ArticleParseError`` with its line number, and the other
/// lines are still read. ``ArticleParserOptions/maximumFileSize`` limits each line, not the file.
public struct JSONLinesArticleReader: Sendable {
    /// The parser for the HTML bodies (its options apply to every line).
    public var parser: ArticleParser

    /// Creates a reader whose bodies go through `parser`.
    public init(parser: ArticleParser = ArticleParser()) {
        self.parser = parser
    }

    /// Reads the file at `url` line by line, without loading it whole, and hands each
    /// article or error to `body` in line order.
    ///
    /// - Parameter path: the path named in errors (relative to the articles folder).
    public func read(contentsOf url: URL, path: String, _ body: (Result<Article, ArticleParseError>) -> Void) {
        forEachLine(contentsOf: url, path: path) { body(decode($0, path: path)) }
    }

    /// One non-blank line of a JSON Lines file, not yet decoded, or a problem of the file.
    public enum LineEvent: Sendable {
        /// A line (1-based `number`) to decode with ``article(fromLine:path:line:)``.
        case line(number: Int, bytes: [UInt8])
        /// A line too long, a binary or empty file, or a file that cannot be read.
        case failure(ArticleParseError)
    }

    /// Reads the file at `url` line by line, without loading it whole, and hands each line
    /// or problem to `body` in order, without decoding the lines: callers decode them on
    /// several threads (``article(fromLine:path:line:)`` is thread-safe).
    public func forEachLine(contentsOf url: URL, path: String, _ body: (LineEvent) -> Void) {
        var splitter = LineSplitter(limit: parser.options.maximumFileSize)
        var isFirstChunk = true
        var isBinary = false
        do {
            try ArticleFileReader.forEachChunk(of: url, path: path) { chunk in
                if isFirstChunk {
                    isFirstChunk = false
                    if TextEncodingDetector.looksBinary(chunk) {
                        isBinary = true
                        return false
                    }
                }
                splitter.feed(chunk) { body(event($0, path: path)) }
                return true
            }
        } catch {
            body(.failure(error))
            return
        }
        if isBinary {
            body(.failure(ArticleParseError(path: path, reason: .binary)))
            return
        }
        splitter.finish { body(event($0, path: path)) }
        if !splitter.sawNonBlankLine {
            body(.failure(ArticleParseError(path: path, reason: .empty)))
        }
    }

    /// Every article or error of the file at `url`, in line order (see ``read(contentsOf:path:_:)``).
    public func articles(contentsOf url: URL, path: String) -> [Result<Article, ArticleParseError>] {
        var results: [Result<Article, ArticleParseError>] = []
        read(contentsOf: url, path: path) { results.append($0) }
        return results
    }

    /// Every article or error of JSON Lines text held in memory, in line order.
    public func articles(fromJSONLines text: String, path: String) -> [Result<Article, ArticleParseError>] {
        var results: [Result<Article, ArticleParseError>] = []
        let append: (Result<Article, ArticleParseError>) -> Void = { results.append($0) }
        var splitter = LineSplitter(limit: parser.options.maximumFileSize)
        Array(text.utf8).withUnsafeBufferPointer { bytes in
            splitter.feed(bytes) { handle($0, path: path, append) }
        }
        finish(&splitter, path: path, append)
        return results
    }

    /// Decodes one line (without its line feed) into an article.
    ///
    /// - Parameters:
    ///   - path: the file's path, named in errors.
    ///   - line: the 1-based line number, named in errors.
    public func article(fromLine bytes: [UInt8], path: String, line: Int) throws(ArticleParseError) -> Article {
        let record: JSONLinesRecord
        do {
            record = try JSONDecoder().decode(JSONLinesRecord.self, from: Data(bytes))
        } catch let error as JSONLinesRecord.FieldError {
            throw ArticleParseError(path: path, line: line, reason: error.reason)
        } catch DecodingError.typeMismatch(_, let context) where context.codingPath.isEmpty {
            throw ArticleParseError(path: path, line: line, reason: .invalidJSON("each line must hold one JSON object"))
        } catch {
            throw ArticleParseError(path: path, line: line, reason: .invalidJSON(Self.syntaxErrorMessage(for: bytes)))
        }
        var article = try parser.parseFragment(
            html: record.body, id: record.id, url: record.url, title: record.title, path: path, line: line)
        article.url = record.url
        article.category = record.category
        article.product = record.product
        article.tags = record.tags
        article.updated = record.updated
        return article
    }

    // MARK: - Lines

    private func event(_ event: LineSplitter.Event, path: String) -> LineEvent {
        switch event {
        case .line(let number, let bytes):
            return .line(number: number, bytes: bytes)
        case .tooLong(let number, let size):
            let limit = parser.options.maximumFileSize
            return .failure(ArticleParseError(path: path, line: number, reason: .tooLarge(size: size, limit: limit)))
        }
    }

    private func handle(_ event: LineSplitter.Event, path: String, _ body: (Result<Article, ArticleParseError>) -> Void)
    {
        body(decode(self.event(event, path: path), path: path))
    }

    /// The article of a line, or the problem of the line or file.
    private func decode(_ event: LineEvent, path: String) -> Result<Article, ArticleParseError> {
        switch event {
        case .line(let number, let bytes):
            Result { () throws(ArticleParseError) in try article(fromLine: bytes, path: path, line: number) }
        case .failure(let error):
            .failure(error)
        }
    }

    private func finish(
        _ splitter: inout LineSplitter, path: String, _ body: (Result<Article, ArticleParseError>) -> Void
    ) {
        splitter.finish { handle($0, path: path, body) }
        if !splitter.sawNonBlankLine {
            body(.failure(ArticleParseError(path: path, reason: .empty)))
        }
    }

    /// JSONDecoder only says "not valid JSON"; JSONSerialization says where and why.
    private static func syntaxErrorMessage(for bytes: [UInt8]) -> String {
        do {
            _ = try JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])
        } catch {
            if let details = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String {
                return details
            }
        }
        return "the line is not a valid JSON object"
    }
}

/// Splits a byte stream into lines (LF or CRLF), numbering them from 1, skipping blank ones,
/// and refusing to buffer a line longer than `limit` bytes.
private struct LineSplitter {
    enum Event {
        /// A non-blank line, without its line terminator.
        case line(number: Int, bytes: [UInt8])
        /// A line longer than the limit; `size` is its full length in bytes.
        case tooLong(number: Int, size: Int)
    }

    let limit: Int
    private(set) var sawNonBlankLine = false
    private var pending: [UInt8] = []
    private var oversizedLength: Int?
    private var lineNumber = 0

    init(limit: Int) {
        self.limit = limit
    }

    mutating func feed(_ chunk: UnsafeBufferPointer<UInt8>, _ emit: (Event) -> Void) {
        var start = 0
        while let newline = chunk[start...].firstIndex(of: 0x0A) {
            append(UnsafeBufferPointer(rebasing: chunk[start..<newline]))
            endLine(emit)
            start = newline + 1
        }
        append(UnsafeBufferPointer(rebasing: chunk[start...]))
    }

    mutating func finish(_ emit: (Event) -> Void) {
        if !pending.isEmpty || oversizedLength != nil { endLine(emit) }
    }

    private mutating func append(_ part: UnsafeBufferPointer<UInt8>) {
        if let length = oversizedLength {
            oversizedLength = length + part.count
            return
        }
        pending.append(contentsOf: part)
        if pending.count > limit {
            oversizedLength = pending.count
            pending = []
        }
    }

    private mutating func endLine(_ emit: (Event) -> Void) {
        lineNumber += 1
        defer {
            pending.removeAll(keepingCapacity: true)
            oversizedLength = nil
        }
        if let size = oversizedLength {
            sawNonBlankLine = true
            emit(.tooLong(number: lineNumber, size: size))
            return
        }
        if pending.last == 0x0D { pending.removeLast() }
        // A UTF-8 byte-order mark may open the file.
        if lineNumber == 1, pending.starts(with: [0xEF, 0xBB, 0xBF]) { pending.removeFirst(3) }
        let isBlank = pending.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0C || $0 == 0x0D }
        guard !isBlank else { return }
        sawNonBlankLine = true
        emit(.line(number: lineNumber, bytes: pending))
    }
}

/// One JSON Lines record, decoded with the field rules of ``JSONLinesArticleReader``.
private struct JSONLinesRecord: Decodable {
    /// A field problem, carried out of `init(from:)` unchanged by JSONDecoder.
    struct FieldError: Error {
        var reason: ArticleParseError.Reason
    }

    private enum Field: String, CodingKey {
        case id, title, body, url, category, product, tags
        case updatedAt = "updated_at"
    }

    var id: String
    var title: String
    var body: String
    var url: String?
    var category: String?
    var product: String?
    var tags: [String]
    var updated: String?

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Field.self)
        id = try Self.identifier(in: container)
        title = try Self.requiredString(.title, in: container).trimmingCharacters(in: .whitespacesAndNewlines)
        body = try Self.requiredString(.body, in: container)
        url = try Self.optionalString(.url, in: container)
        category = try Self.optionalString(.category, in: container)
        product = try Self.optionalString(.product, in: container)
        tags = try Self.tags(in: container)
        updated = try Self.optionalString(.updatedAt, in: container)
    }

    private static func isAbsent(_ field: Field, in container: KeyedDecodingContainer<Field>) -> Bool {
        !container.contains(field) || ((try? container.decodeNil(forKey: field)) ?? false)
    }

    private static func identifier(in container: KeyedDecodingContainer<Field>) throws -> String {
        if isAbsent(.id, in: container) { throw FieldError(reason: .missingField("id")) }
        let expected = "a non-empty string or an integer"
        if let text = try? container.decode(String.self, forKey: .id) {
            let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !trimmed.isEmpty else { throw FieldError(reason: .invalidField(name: "id", expected: expected)) }
            return trimmed
        }
        if let number = try? container.decode(Int64.self, forKey: .id) { return String(number) }
        throw FieldError(reason: .invalidField(name: "id", expected: expected))
    }

    private static func requiredString(_ field: Field, in container: KeyedDecodingContainer<Field>) throws -> String {
        if isAbsent(field, in: container) { throw FieldError(reason: .missingField(field.stringValue)) }
        guard let value = try? container.decode(String.self, forKey: field) else {
            throw FieldError(reason: .invalidField(name: field.stringValue, expected: "a string"))
        }
        return value
    }

    /// A trimmed string, or `nil` when the field is absent, null or blank.
    private static func optionalString(_ field: Field, in container: KeyedDecodingContainer<Field>) throws -> String? {
        if isAbsent(field, in: container) { return nil }
        guard let value = try? container.decode(String.self, forKey: field) else {
            throw FieldError(reason: .invalidField(name: field.stringValue, expected: "a string"))
        }
        let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? nil : trimmed
    }

    private static func tags(in container: KeyedDecodingContainer<Field>) throws -> [String] {
        if isAbsent(.tags, in: container) { return [] }
        if let list = try? container.decode([String].self, forKey: .tags) {
            return list.compactMap { tag in
                let trimmed = tag.trimmingCharacters(in: .whitespacesAndNewlines)
                return trimmed.isEmpty ? nil : trimmed
            }
        }
        if let text = try? container.decode(String.self, forKey: .tags) {
            return ArticleParser.tags(from: text)
        }
        throw FieldError(
            reason: .invalidField(name: "tags", expected: "an array of strings or a comma-separated string"))
    }
}

import FuzzSupport
import KBIndex

/// The JSON Lines import on arbitrary bytes: line splitting (LF, CRLF, blank lines, a
/// byte-order mark, lines over the size limit), JSON decoding with kb's field rules, and the
/// HTML bodies through the article parser.
///
/// Checks: one result per non-blank line, in line order, plus at most one file-level error
/// (an empty file); errors carry their line number; articles satisfy ``ArticleInvariants``;
/// decoding one line alone gives the same result as reading it from the file.
@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let results = reader.articles(fromJSONLines: text, path: "fuzz/export.jsonl")
    let lines = text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
    var previousLine = 0
    for result in results {
        switch result {
        case .success(let article):
            ArticleInvariants.check(article, source: .jsonLines, options: reader.parser.options)
        case .failure(let error):
            require(error.path == "fuzz/export.jsonl", "error names \(error.path)")
            guard let line = error.line else {
                require(error.reason == .empty && results.count == 1, "file-level error \(error) among others")
                continue
            }
            require(line > previousLine && line <= lines.count, "error on line \(line) of \(lines.count)")
            previousLine = line
            if case .tooLarge(let size, let limit) = error.reason {
                require(size > limit && limit == reader.parser.options.maximumFileSize, "\(error)")
            }
        }
    }
    require(results.count <= max(lines.count, 1), "\(results.count) results for \(lines.count) lines")
    if lines.count == 1, let only = results.first, case .success(let article) = only {
        var line = Array(text.utf8)
        if line.last == UInt8(ascii: "\r") { line.removeLast() }
        if line.starts(with: [0xEF, 0xBB, 0xBF]) { line.removeFirst(3) }
        do throws(ArticleParseError) {
            let alone = try reader.article(fromLine: line, path: "fuzz/export.jsonl", line: 1)
            require(alone == article, "the line alone decodes differently")
        } catch {
            fatalError("the line alone fails: \(error)")
        }
    }
    return 0
}

/// A small size limit, so that inputs of a few KB reach the line-length refusal.
private let reader = JSONLinesArticleReader(
    parser: ArticleParser(options: ArticleParserOptions(maximumFileSize: 1_024, maximumSummaryLength: 40)))

import FuzzSupport
import KBIndex

/// The HTML article parser on arbitrary bytes: charset detection, libxml2's recovering
/// parser, content selection and text extraction, then analysis for the index.
///
/// Each input is parsed twice: as file bytes with the default options, and as already
/// decoded text with a content selector, hidden elements included and small limits. Either
/// parse gives an ``ArticleParseError`` (a typed throw: nothing else can escape) or an
/// article that satisfies ``ArticleInvariants`` and analyzes into well-formed fields.
@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    do throws(ArticleParseError) {
        let article = try defaultParser.parse(bytes, path: "fuzz/page.html")
        ArticleInvariants.check(article, source: .html, options: defaultParser.options)
        checkAnalysis(of: article)
    } catch {
        checkError(error, size: size, limit: defaultParser.options.maximumFileSize)
    }
    do throws(ArticleParseError) {
        let article = try tightParser.parse(html: String(decoding: bytes, as: UTF8.self), path: "fuzz/page.html")
        ArticleInvariants.check(article, source: .html, options: tightParser.options)
    } catch {
        checkError(error, size: nil, limit: tightParser.options.maximumFileSize)
    }
    return 0
}

private let defaultParser = ArticleParser()

/// Small limits, so that inputs of a few KB reach the size and summary cut-offs.
private let tightParser = ArticleParser(
    options: ArticleParserOptions(
        contentSelector: .id("content"), maximumFileSize: 2_048, maximumSummaryLength: 24,
        includesHiddenElements: true))

private let analyzer = Analyzer()

/// The article's fields as the index writer receives them: three fields of terms paired with
/// non-decreasing positions, no empty term.
private func checkAnalysis(of article: Article) {
    let analyzed = AnalyzedArticle(article, analyzer: analyzer)
    require(analyzed.fields.count == IndexField.count, "\(analyzed.fields.count) fields")
    for field in analyzed.fields {
        require(field.terms.count == field.positions.count, "terms and positions differ in number")
        require(!field.terms.contains(where: \.isEmpty), "empty term")
        require(zip(field.positions, field.positions.dropFirst()).allSatisfy { $0 <= $1 }, "positions go back")
    }
}

/// A refusal names the file, has no line number, and a size refusal only comes above the limit.
private func checkError(_ error: ArticleParseError, size: Int?, limit: Int) {
    require(error.path == "fuzz/page.html" && error.line == nil, "error located at \(error.path):\(error.line ?? 0)")
    switch error.reason {
    case .tooLarge(let reported, let reportedLimit):
        require(reportedLimit == limit && reported > limit, "tooLarge(\(reported), \(reportedLimit))")
        if let size { require(reported == size, "tooLarge reports \(reported) bytes for \(size)") }
    case .unreadable, .invalidJSON, .missingField, .invalidField:
        fatalError("unexpected reason for in-memory HTML: \(error)")
    case .empty, .binary, .tooDeep, .noText:
        break
    }
    require(!error.description.isEmpty, "empty error description")
}

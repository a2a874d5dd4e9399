import CLibXML2
public import Foundation

/// Turns an HTML help article into an ``Article``, using libxml2's forgiving HTML parser.
///
/// The rules, in the order they apply:
/// - **Input checks.** Files over ``ArticleParserOptions/maximumFileSize`` bytes, empty files
///   and binary files are skipped with an ``ArticleParseError``; so is markup nested deeper
///   than libxml2 accepts (256 levels) and a page with no text.
/// - **Charset.** A byte-order mark, else `<meta charset>` / `http-equiv` in the first 2 KB,
///   else UTF-8 (see ``TextEncodingDetector``); the parser always sees valid UTF-8.
/// - **Main content.** The ``ArticleParserOptions/contentSelector`` match, else `<main>`, else
///   `<article>`, else `role="main"`, else `<body>`; the first of these with any text is used.
/// - **Text.** Scripts, styles, templates, forms and their controls, `nav`, `aside`, hidden
///   elements (`hidden`, `aria-hidden="true"`, inline `display:none`/`visibility:hidden`) and
///   page-level `header`/`footer` are dropped. A `header`/`footer` inside `article`, `section` or
///   `main` belongs to that content and is kept (the ARIA landmark rule). Blocks become lines.
/// - **Links.** `<a href>` elements of the content that can point to another article (relative
///   links, or links to the host of `kb:url`) become ``Article/links``, resolved against
///   `<base href>` and the page's location (see ``ArticleLink``).
/// - **Fields.** Title from `<title>`, else the first `<h1>`; headings `h1`–`h3`; metadata from
///   `<meta name="kb:id|kb:category|kb:product|kb:tags|kb:url|kb:updated|description">`;
///   summary from the description, else the first paragraph, cut near
///   ``ArticleParserOptions/maximumSummaryLength`` characters.
///
/// `ArticleParser` is a value without shared state: `parse` may run on several threads at
/// once (each call uses its own libxml2 parser context and frees it).
///
/// ```swift
/// let parser = ArticleParser(options: .init(contentSelector: .id("DisplayArea")))
/// let article = try parser.parse(contentsOf: fileURL, path: "text/swriter/guide/words_count.html")
/// ```
public struct ArticleParser: Sendable {
    /// The deepest element nesting libxml2 builds by default (`xmlParserMaxDepth`).
    public static let maximumMarkupDepth = 256

    /// The settings this parser applies.
    public var options: ArticleParserOptions

    /// Creates a parser with `options`.
    public init(options: ArticleParserOptions = ArticleParserOptions()) {
        self.options = options
    }

    /// Reads and parses the HTML file at `url`.
    ///
    /// - Parameter path: the file's path relative to the articles folder, with "/" separators;
    ///   it is the article's id unless the page sets `kb:id`, and the path named in errors.
    public func parse(contentsOf url: URL, path: String) throws(ArticleParseError) -> Article {
        let bytes = try ArticleFileReader.readContents(of: url, path: path, limit: options.maximumFileSize)
        return try parse(bytes, path: path)
    }

    /// Parses the raw bytes of an HTML file, whatever their charset.
    ///
    /// - Parameter path: the default id and the path named in errors (see ``parse(contentsOf:path:)``).
    public func parse(_ bytes: [UInt8], path: String) throws(ArticleParseError) -> Article {
        let utf8 = try bytes.withUnsafeBufferPointer { (raw) throws(ArticleParseError) -> [UInt8] in
            try checkInput(raw, path: path)
            return TextEncodingDetector.decodeToUTF8(raw)
        }
        return try parseUTF8(utf8, path: path)
    }

    /// Parses HTML that is already text (so no charset detection happens).
    ///
    /// - Parameter path: the default id and the path named in errors (see ``parse(contentsOf:path:)``).
    public func parse(html: String, path: String) throws(ArticleParseError) -> Article {
        let bytes = Array(html.utf8)
        try bytes.withUnsafeBufferPointer { (raw) throws(ArticleParseError) in try checkInput(raw, path: path) }
        return try parseUTF8(bytes.contains(0) ? bytes.filter { $0 != 0 } : bytes, path: path)
    }

    /// Parses the HTML body of a JSON Lines record as a fragment and builds its article from
    /// the record's `id` and `title` (an empty title falls back to the first `<h1>`).
    func parseFragment(html: String, id: String, url: String?, title: String, path: String, line: Int)
        throws(ArticleParseError)
        -> Article
    {
        var bytes = Array(html.utf8)
        if bytes.count > options.maximumFileSize {
            throw ArticleParseError(
                path: path, line: line, reason: .tooLarge(size: bytes.count, limit: options.maximumFileSize))
        }
        if bytes.contains(0) { bytes.removeAll { $0 == 0 } }
        let page = try parseDocument(bytes, path: path, line: line)
        guard let content = page.content else { throw ArticleParseError(path: path, line: line, reason: .noText) }
        return Article(
            id: id,
            title: title.isEmpty ? fallbackTitle(page: page, content: content) : title,
            headings: content.headings,
            body: content.body,
            summary: summary(description: nil, content: content),
            links: Self.links(of: content, page: page, id: id, url: url)
        )
    }

    // MARK: - Pipeline

    /// Rejects input that is too large, empty or binary.
    private func checkInput(_ bytes: UnsafeBufferPointer<UInt8>, path: String) throws(ArticleParseError) {
        if bytes.count > options.maximumFileSize {
            throw ArticleParseError(path: path, reason: .tooLarge(size: bytes.count, limit: options.maximumFileSize))
        }
        let byteOrderMark = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        let isBlank = bytes[byteOrderMark...].allSatisfy {
            $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0C || $0 == 0x0D
        }
        if isBlank { throw ArticleParseError(path: path, reason: .empty) }
        if TextEncodingDetector.looksBinary(bytes) { throw ArticleParseError(path: path, reason: .binary) }
    }

    private func parseUTF8(_ utf8: [UInt8], path: String) throws(ArticleParseError) -> Article {
        let page = try parseDocument(utf8, path: path, line: nil)
        guard let content = page.content else { throw ArticleParseError(path: path, reason: .noText) }
        let metadata = page.metadata
        let id = metadata["kb:id"] ?? path
        return Article(
            id: id,
            title: page.title.isEmpty ? fallbackTitle(page: page, content: content) : page.title,
            headings: content.headings,
            body: content.body,
            summary: summary(description: metadata["description"], content: content),
            url: metadata["kb:url"],
            category: metadata["kb:category"],
            product: metadata["kb:product"],
            tags: Self.tags(from: metadata["kb:tags"]),
            updated: metadata["kb:updated"],
            links: Self.links(of: content, page: page, id: id, url: metadata["kb:url"])
        )
    }

    /// The content's links that can point to another article, resolved (see ``ArticleLink``).
    private static func links(of content: HTMLContentText, page: HTMLPageContent, id: String, url: String?)
        -> [ArticleLink]
    {
        content.links.compactMap { link in
            ArticleLink.target(of: link.href, baseHref: page.baseHref, articleID: id, articleURL: url).map {
                ArticleLink(target: $0, text: link.text, bodyRange: link.bodyRange)
            }
        }
    }

    /// Runs libxml2 over valid UTF-8 and extracts the page; the document is freed before returning.
    private func parseDocument(_ utf8: [UInt8], path: String, line: Int?) throws(ArticleParseError) -> HTMLPageContent {
        _ = Self.libraryInitialization
        // libxml2 keeps its error handlers per thread: silence this thread's before parsing.
        xmlSetStructuredErrorFunc(nil) { _, _ in }
        guard utf8.count <= Int(Int32.max) else {
            throw ArticleParseError(path: path, line: line, reason: .tooLarge(size: utf8.count, limit: Int(Int32.max)))
        }
        guard let context = htmlNewParserCtxt() else {
            throw ArticleParseError(
                path: path, line: line, reason: .unreadable("libxml2 could not create a parser (out of memory)"))
        }
        defer { htmlFreeParserCtxt(context) }

        let document = utf8.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { characters in
                htmlCtxtReadMemory(
                    context, characters.baseAddress, Int32(characters.count), nil, "UTF-8", Self.parserOptions)
            }
        }
        defer { if let document { xmlFreeDoc(document) } }

        // libxml2 halts with XML_ERR_INTERNAL_ERROR ("Excessive depth in document") past its depth limit.
        let halted = context.pointee.disableSAX != 0
        if halted && context.pointee.errNo == Int32(XML_ERR_INTERNAL_ERROR.rawValue) {
            throw ArticleParseError(path: path, line: line, reason: .tooDeep(limit: Self.maximumMarkupDepth))
        }
        guard let document else { throw ArticleParseError(path: path, line: line, reason: .noText) }

        let extractor = HTMLTextExtractor(
            contentSelector: options.contentSelector,
            includesHiddenElements: options.includesHiddenElements
        )
        let page = extractor.extract(from: document)
        // Other libxml2 versions may stop differently; a tree deeper than libxml2 2.9 ever
        // builds (256 levels below <html>) counts as too deep as well.
        if page.maximumElementDepth > Self.maximumMarkupDepth + 1
            || (halted && page.maximumElementDepth > Self.maximumMarkupDepth)
        {
            throw ArticleParseError(path: path, line: line, reason: .tooDeep(limit: Self.maximumMarkupDepth))
        }
        return page
    }

    // MARK: - Fields

    /// The first `<h1>` of the content, else of the document, else the first line of the body.
    private func fallbackTitle(page: HTMLPageContent, content: HTMLContentText) -> String {
        if let heading = content.firstHeading1 ?? page.documentFirstHeading1 { return heading }
        let body = content.body
        let lineEnd = body.utf8.firstIndex(of: 0x0A) ?? body.utf8.endIndex
        return Self.truncated(String(body[..<lineEnd]), maximumCharacters: 120)
    }

    private func summary(description: String?, content: HTMLContentText) -> String {
        let text = description ?? content.firstParagraph ?? content.firstLineOutsideHeadings ?? ""
        return Self.truncated(text, maximumCharacters: options.maximumSummaryLength)
    }

    /// `"conta, senha,, login "` → `["conta", "senha", "login"]`.
    static func tags(from list: String?) -> [String] {
        guard let list else { return [] }
        return list.split(separator: ",").compactMap { tag in
            let trimmed = tag.trimmingCharacters(in: .whitespacesAndNewlines)
            return trimmed.isEmpty ? nil : trimmed
        }
    }

    /// `text` cut to at most `maximumCharacters` Unicode scalars at the last space before the
    /// limit (or at the limit, when no space is near), ending in "…".
    static func truncated(_ text: String, maximumCharacters: Int) -> String {
        let bytes = Array(text.utf8)
        var scalars = 0
        var cut = bytes.count
        for (offset, byte) in bytes.enumerated() where byte & 0xC0 != 0x80 {
            if scalars == maximumCharacters {
                cut = offset
                break
            }
            scalars += 1
        }
        guard cut < bytes.count else { return text }
        var end = cut
        if bytes[cut] != 0x20, let space = bytes[..<cut].lastIndex(of: 0x20), space >= cut / 2 {
            end = space
        }
        let trailing: Set<UInt8> = [0x20, UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: ":"), UInt8(ascii: "-")]
        while end > 0, trailing.contains(bytes[end - 1]) { end -= 1 }
        return String(decoding: bytes[..<end], as: UTF8.self) + "…"
    }

    // MARK: - libxml2 setup

    /// `xmlInitParser` must run once before threads use libxml2.
    private static let libraryInitialization: Void = xmlInitParser()

    /// Recover from broken markup, never touch the network, print nothing, and keep the
    /// UTF-8 we hand over even when a `<meta charset>` says otherwise.
    private static let parserOptions = Int32(
        bitPattern: HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue
            | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_IGNORE_ENC.rawValue
    )
}

import CLibXML2

/// What ``HTMLTextExtractor`` reads out of one parsed HTML document.
struct HTMLPageContent {
    /// The collapsed text of `<title>`, or "" when the page has none.
    var title = ""
    /// `<meta name=… content=…>` pairs: lowercased name → collapsed content; the first
    /// non-empty value of each name wins.
    var metadata: [String: String] = [:]
    /// The text of the main content, or `nil` when no candidate element has any text.
    var content: HTMLContentText?
    /// The first visible `<h1>` anywhere in the document, as a fallback title.
    var documentFirstHeading1: String?
    /// The `href` of the first `<base>`, trimmed, if any: what relative links resolve against.
    var baseHref: String?
    /// The deepest element nesting seen (`<html>` is level 1).
    var maximumElementDepth = 0
}

/// The text of a page's main content, block by block.
struct HTMLContentText {
    /// Visible text, one block per line, every line ending in "\n".
    var body: String
    /// The text of each `h1`–`h3`, in document order.
    var headings: [String]
    /// The text of the first `h1`.
    var firstHeading1: String?
    /// The text of the first `<p>` that has any.
    var firstParagraph: String?
    /// The first line of ``body`` that is not part of a heading.
    var firstLineOutsideHeadings: String?
    /// The content's `<a href>` elements with text, in document order.
    var links: [HTMLLink] = []
}

/// One `<a href>` of the main content: where it points, as written, and its text.
struct HTMLLink: Equatable {
    /// The `href` value, trimmed of white space.
    var href: String
    /// The link's visible text on one line.
    var text: String
    /// Where the text lies in ``HTMLContentText/body``, as UTF-8 byte offsets.
    var bodyRange: Range<Int>
}

/// Walks a libxml2 HTML tree: finds the metadata, picks the main content element and turns
/// it into plain text (see ``ArticleParser`` for the rules).
///
/// The walk is iterative (it follows `children`, `next` and `parent` pointers), so deeply
/// nested markup cannot exhaust the stack, and it reads libxml2's UTF-8 `xmlChar` bytes
/// directly into a byte buffer.
struct HTMLTextExtractor {
    /// The site-specific main content element, tried before the default rule.
    var contentSelector: ContentSelector?
    /// Keep elements marked hidden instead of dropping them.
    var includesHiddenElements = false

    /// Reads metadata and main-content text from `document`.
    func extract(from document: htmlDocPtr) -> HTMLPageContent {
        var page = HTMLPageContent()
        guard let root = xmlDocGetRootElement(document) else { return page }

        var survey = DocumentSurvey(selector: contentSelector, includesHiddenElements: includesHiddenElements)
        walk(from: root, with: &survey)
        page.maximumElementDepth = survey.maximumDepth
        page.metadata = survey.metadata
        page.baseHref = survey.baseHref
        if let titleElement = survey.titleElement {
            page.title = singleLineText(of: titleElement, includingExcluded: true)
        }
        if let heading = survey.firstHeading1 {
            let text = singleLineText(of: heading, includingExcluded: false)
            page.documentFirstHeading1 = text.isEmpty ? nil : text
        }

        // The first candidate with any text wins: the selector's match, <main>, <article>,
        // role="main", <body>, and finally the whole document (for body-less fragments).
        var tried = Set<UnsafeMutableRawPointer>()
        let candidates = [
            survey.selectorMatch, survey.mainElement, survey.articleElement, survey.roleMainElement,
            survey.bodyElement, root,
        ]
        for candidate in candidates {
            guard let candidate, tried.insert(UnsafeMutableRawPointer(candidate)).inserted else { continue }
            var collector = TextCollector(
                includesHiddenElements: includesHiddenElements,
                sectioningAncestors: Self.sectioningAncestorCount(of: candidate)
            )
            walk(from: candidate, with: &collector)
            if let text = collector.finish() {
                page.content = text
                break
            }
        }
        return page
    }

    /// The visible text under `node` on one line (block boundaries become spaces).
    private func singleLineText(of node: xmlNodePtr, includingExcluded: Bool) -> String {
        var collector = TextCollector(includesHiddenElements: includesHiddenElements, sectioningAncestors: 1)
        collector.includesExcludedRoot = includingExcluded
        walk(from: node, with: &collector)
        return collector.finish()?.body.split(separator: "\n").joined(separator: " ") ?? ""
    }

    /// How many ancestors of `node` make a `<header>`/`<footer>` part of the content rather
    /// than page chrome: article, aside, main, nav, section, or the matching ARIA roles.
    private static func sectioningAncestorCount(of node: xmlNodePtr) -> Int {
        var count = 0
        var current: xmlNodePtr? = node.pointee.parent
        while let element = current, element.pointee.type == XML_ELEMENT_NODE {
            let role = HTMLElementRole(name: element.pointee.name)
            if role == .sectioning || role == .sectioningChrome || ElementAttributes(element).hasSectioningRole {
                count += 1
            }
            current = element.pointee.parent
        }
        return count
    }
}

// MARK: - Tree walk

/// Receives the nodes of a depth-first walk.
private protocol HTMLTreeVisitor {
    /// Called on each node; returning `false` skips its subtree (and its ``exit(_:)``).
    mutating func enter(_ node: xmlNodePtr) -> Bool
    /// Called after the subtree of a node that ``enter(_:)`` accepted.
    mutating func exit(_ node: xmlNodePtr)
}

/// Visits `root` and its descendants in document order without recursion.
private func walk<Visitor: HTMLTreeVisitor>(from root: xmlNodePtr, with visitor: inout Visitor) {
    var current = root
    var entered = visitor.enter(root)
    while true {
        if entered, let child = current.pointee.children {
            current = child
            entered = visitor.enter(child)
            continue
        }
        if entered { visitor.exit(current) }
        // Climb until a node with a next sibling, leaving each finished parent.
        var node = current
        while true {
            if node == root { return }
            if let sibling = node.pointee.next {
                current = sibling
                break
            }
            guard let parent = node.pointee.parent else { return }
            node = parent
            visitor.exit(node)
        }
        entered = visitor.enter(current)
    }
}

// MARK: - Element roles

/// How an element takes part in text extraction.
private enum HTMLElementRole: Equatable {
    /// Text flows through (`span`, `a`, `b`, unknown elements).
    case inline
    /// Starts and ends a line (`div`, `li`, `td`, …).
    case block
    /// `br`: ends the line.
    case lineBreak
    /// `p`: a block, remembered for the summary.
    case paragraph
    /// `h1`–`h6`.
    case heading(Int)
    /// `pre`: a block whose line feeds are kept.
    case preformatted
    /// `article`, `section`, `main`: blocks that own their `<header>`/`<footer>`.
    case sectioning
    /// `header`, `footer`: page chrome unless inside a sectioning element.
    case pageChrome
    /// `nav`, `aside`: chrome, and sectioning for the ARIA rule on headers.
    case sectioningChrome
    /// Never text: scripts, styles, templates, forms and their controls, embedded objects, `<head>`.
    case excluded
    /// `dialog`: a block, hidden unless it has the `open` attribute.
    case dialog

    init(name: UnsafePointer<xmlChar>?) {
        guard let name else {
            self = .inline
            return
        }
        self = Self.table[String(cString: name)] ?? .inline
    }

    private static let table: [String: HTMLElementRole] = {
        var table: [String: HTMLElementRole] = [:]
        for name in [
            "address", "blockquote", "body", "caption", "center", "dd", "details", "dir", "div", "dl", "dt",
            "fieldset", "figcaption", "figure", "hgroup", "hr", "html", "legend", "li", "menu", "ol", "summary",
            "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul", "frameset", "noframes",
        ] {
            table[name] = .block
        }
        for name in [
            "script", "style", "noscript", "template", "form", "button", "input", "select", "textarea",
            "option", "optgroup", "datalist", "label", "output", "meter", "progress", "search", "svg", "math",
            "iframe", "frame", "object", "embed", "applet", "video", "audio", "canvas", "head", "title", "meta",
            "link", "base",
        ] {
            table[name] = .excluded
        }
        for name in ["article", "section", "main"] { table[name] = .sectioning }
        for name in ["header", "footer"] { table[name] = .pageChrome }
        for name in ["nav", "aside"] { table[name] = .sectioningChrome }
        for name in ["pre", "listing", "xmp", "plaintext"] { table[name] = .preformatted }
        for level in 1...6 { table["h\(level)"] = .heading(level) }
        table["p"] = .paragraph
        table["br"] = .lineBreak
        table["dialog"] = .dialog
        return table
    }()
}

// MARK: - Attributes

/// The attributes that decide visibility and landmarks, read in one pass over an element's attributes.
private struct ElementAttributes {
    /// `hidden` (other than `until-found`), `aria-hidden="true"`, or an inline style with
    /// `display:none` / `visibility:hidden|collapse`.
    var isHidden = false
    /// `role` lists `main`.
    var hasMainRole = false
    /// `role` lists `article`, `complementary`, `main`, `navigation` or `region`.
    var hasSectioningRole = false
    /// `open` is present (for `<dialog>`).
    var isOpen = false

    init(_ element: xmlNodePtr) {
        var attribute = element.pointee.properties
        while let current = attribute {
            attribute = current.pointee.next
            guard let name = current.pointee.name else { continue }
            if xmlStrEqual(name, "hidden") != 0 {
                if lowercasedTrimmed(attributeValue(current)) != Array("until-found".utf8) { isHidden = true }
            } else if xmlStrEqual(name, "aria-hidden") != 0 {
                if lowercasedTrimmed(attributeValue(current)) == Array("true".utf8) { isHidden = true }
            } else if xmlStrEqual(name, "style") != 0 {
                if styleHides(attributeValue(current)) { isHidden = true }
            } else if xmlStrEqual(name, "role") != 0 {
                for role in attributeTokens(attributeValue(current)) {
                    switch String(decoding: role, as: UTF8.self).lowercased() {
                    case "main":
                        hasMainRole = true
                        hasSectioningRole = true
                    case "article", "complementary", "navigation", "region":
                        hasSectioningRole = true
                    default:
                        break
                    }
                }
            } else if xmlStrEqual(name, "open") != 0 {
                isOpen = true
            }
        }
    }
}

/// The value of an attribute node as UTF-8 bytes (libxml2 has already decoded its entities).
private func attributeValue(_ attribute: xmlAttrPtr) -> [UInt8] {
    var bytes: [UInt8] = []
    var child = attribute.pointee.children
    while let node = child {
        if let content = node.pointee.content {
            bytes.append(contentsOf: UnsafeBufferPointer(start: content, count: Int(xmlStrlen(content))))
        }
        child = node.pointee.next
    }
    return bytes
}

/// The value of `element`'s attribute `name`, or `nil` when absent.
private func attributeValue(of element: xmlNodePtr, named name: StaticString) -> [UInt8]? {
    var attribute = element.pointee.properties
    while let current = attribute {
        if let attributeName = current.pointee.name, xmlStrEqual(attributeName, name.utf8Start) != 0 {
            return attributeValue(current)
        }
        attribute = current.pointee.next
    }
    return nil
}

/// White-space separated tokens of an attribute value (`class`, `role`).
private func attributeTokens(_ value: [UInt8]) -> [ArraySlice<UInt8>] {
    value.split(whereSeparator: isHTMLWhitespace)
}

private func lowercasedTrimmed(_ value: [UInt8]) -> [UInt8] {
    attributeTokens(value).first.map { $0.map(asciiLowercased) } ?? []
}

/// Whether an inline style hides the element: a `display:none` or `visibility:hidden|collapse`
/// declaration (spaces and case ignored, `!important` allowed).
private func styleHides(_ style: [UInt8]) -> Bool {
    let compact = style.filter { !isHTMLWhitespace($0) }.map(asciiLowercased)
    for declaration in compact.split(separator: UInt8(ascii: ";")) {
        if declaration.starts(with: "display:none".utf8) || declaration.starts(with: "visibility:hidden".utf8)
            || declaration.starts(with: "visibility:collapse".utf8)
        {
            return true
        }
    }
    return false
}

private func isHTMLWhitespace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D
}

private func asciiLowercased(_ byte: UInt8) -> UInt8 {
    (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte | 0x20 : byte
}

// MARK: - Survey: metadata and content candidates

/// One pass over the whole document: depth, `<title>`, `<meta>`, the first `<h1>` and the
/// candidates for the main content element.
private struct DocumentSurvey: HTMLTreeVisitor {
    let selector: ContentSelector?
    let includesHiddenElements: Bool

    var maximumDepth = 0
    /// For each open element: whether it can never hold content (scripts, templates, hidden
    /// elements, navigation…); candidates inside such elements are ignored.
    var invisibleStack: [Bool] = []
    var invisibleDepth = 0
    var metadata: [String: String] = [:]
    var baseHref: String?
    var titleElement: xmlNodePtr?
    var firstHeading1: xmlNodePtr?
    var selectorMatch: xmlNodePtr?
    var mainElement: xmlNodePtr?
    var articleElement: xmlNodePtr?
    var roleMainElement: xmlNodePtr?
    var bodyElement: xmlNodePtr?

    init(selector: ContentSelector?, includesHiddenElements: Bool) {
        self.selector = selector
        self.includesHiddenElements = includesHiddenElements
    }

    mutating func enter(_ node: xmlNodePtr) -> Bool {
        guard node.pointee.type == XML_ELEMENT_NODE, let name = node.pointee.name else { return false }
        maximumDepth = max(maximumDepth, invisibleStack.count + 1)
        let role = HTMLElementRole(name: name)
        let attributes = ElementAttributes(node)
        let hidden = !includesHiddenElements && (attributes.isHidden || (role == .dialog && !attributes.isOpen))
        let neverContent = role == .excluded && xmlStrEqual(name, "head") == 0 && xmlStrEqual(name, "title") == 0
        let invisible = hidden || neverContent || role == .sectioningChrome
        invisibleStack.append(invisible)
        if invisible { invisibleDepth += 1 }

        if xmlStrEqual(name, "meta") != 0 {
            recordMetadata(node)
        } else if xmlStrEqual(name, "base") != 0 {
            if baseHref == nil, let href = attributeValue(of: node, named: "href") {
                let trimmed = String(decoding: href, as: UTF8.self).trimmingHTMLWhitespace
                if !trimmed.isEmpty { baseHref = trimmed }
            }
        } else if invisibleDepth == 0 {
            if titleElement == nil, xmlStrEqual(name, "title") != 0 { titleElement = node }
            if firstHeading1 == nil, role == .heading(1) { firstHeading1 = node }
            if selectorMatch == nil, let selector, matches(node, selector) { selectorMatch = node }
            if mainElement == nil, xmlStrEqual(name, "main") != 0 { mainElement = node }
            if articleElement == nil, xmlStrEqual(name, "article") != 0 { articleElement = node }
            if roleMainElement == nil, attributes.hasMainRole { roleMainElement = node }
            if bodyElement == nil, xmlStrEqual(name, "body") != 0 { bodyElement = node }
        }
        return true
    }

    mutating func exit(_ node: xmlNodePtr) {
        if invisibleStack.removeLast() { invisibleDepth -= 1 }
    }

    private mutating func recordMetadata(_ meta: xmlNodePtr) {
        guard let name = attributeValue(of: meta, named: "name"),
            let content = attributeValue(of: meta, named: "content")
        else { return }
        let key = String(decoding: lowercasedTrimmed(name), as: UTF8.self)
        var buffer = TextBuffer()
        content.withUnsafeBufferPointer { buffer.append($0, preservingLineFeeds: false) }
        _ = buffer.breakLine()
        let value = String(decoding: buffer.bytes.dropLast(), as: UTF8.self)
        if !key.isEmpty, !value.isEmpty, metadata[key] == nil { metadata[key] = value }
    }

    private func matches(_ element: xmlNodePtr, _ selector: ContentSelector) -> Bool {
        switch selector {
        case .tag(let tag):
            return String(cString: element.pointee.name) == tag
        case .id(let id):
            return attributeValue(of: element, named: "id").map { $0 == Array(id.utf8) } ?? false
        case .className(let className):
            guard let classes = attributeValue(of: element, named: "class") else { return false }
            let wanted = Array(className.utf8)
            return attributeTokens(classes).contains { $0.elementsEqual(wanted) }
        }
    }
}

// MARK: - Text collection

/// Turns one subtree into text: blocks become lines, and headings and the first paragraph
/// are remembered as byte ranges of the buffer while it grows.
private struct TextCollector: HTMLTreeVisitor {
    let includesHiddenElements: Bool
    /// When set, the walk's root is read even if its role excludes it (used for `<title>`).
    var includesExcludedRoot = false

    /// An element whose subtree is being read.
    private struct OpenElement {
        var role: HTMLElementRole
        var isSectioning: Bool
    }

    private var buffer = TextBuffer()
    private var openElements: [OpenElement] = []
    private var sectioningDepth: Int
    private var preformattedDepth = 0
    private var headingDepth = 0
    private var headingStart = 0
    private var headings: [String] = []
    private var firstHeading1: String?
    private var paragraphStart: Int?
    private var firstParagraph: String?
    private var firstLineOutsideHeadings: String?
    /// The open `<a href>`, if any: its `href` and where its text starts (an `<a>` inside
    /// another counts as part of the outer one).
    private var openLink: (href: String, start: Int, depth: Int)?
    private var links: [HTMLLink] = []

    init(includesHiddenElements: Bool, sectioningAncestors: Int) {
        self.includesHiddenElements = includesHiddenElements
        self.sectioningDepth = sectioningAncestors
    }

    mutating func enter(_ node: xmlNodePtr) -> Bool {
        switch node.pointee.type {
        case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
            if let content = node.pointee.content {
                buffer.append(
                    UnsafeBufferPointer(start: content, count: Int(xmlStrlen(content))),
                    preservingLineFeeds: preformattedDepth > 0
                )
            }
            return false
        case XML_ELEMENT_NODE:
            break
        default:
            return false
        }
        let isRoot = openElements.isEmpty
        let role = HTMLElementRole(name: node.pointee.name)
        let attributes = ElementAttributes(node)
        if !includesHiddenElements && (attributes.isHidden || (role == .dialog && !attributes.isOpen)) {
            return false
        }
        switch role {
        case .excluded, .sectioningChrome:
            guard isRoot && includesExcludedRoot else { return false }
        case .pageChrome:
            guard sectioningDepth > 0 || isRoot else { return false }
        default:
            break
        }
        let sectioning = role == .sectioning || attributes.hasSectioningRole
        openElements.append(OpenElement(role: role, isSectioning: sectioning))
        if openLink == nil, xmlStrEqual(node.pointee.name, "a") != 0,
            let href = attributeValue(of: node, named: "href")
        {
            let trimmed = String(decoding: href, as: UTF8.self).trimmingHTMLWhitespace
            if !trimmed.isEmpty { openLink = (trimmed, buffer.bytes.count, openElements.count) }
        }
        if sectioning { sectioningDepth += 1 }
        if role != .inline { endLine() }
        switch role {
        case .preformatted:
            preformattedDepth += 1
        case .paragraph:
            if firstParagraph == nil, paragraphStart == nil { paragraphStart = buffer.bytes.count }
        case .heading:
            if headingDepth == 0 { headingStart = buffer.bytes.count }
            headingDepth += 1
        default:
            break
        }
        return true
    }

    mutating func exit(_ node: xmlNodePtr) {
        if let link = openLink, link.depth == openElements.count {
            openLink = nil
            let text = singleLine(buffer.bytes[link.start...]).trimmingHTMLWhitespace
            if !text.isEmpty {
                links.append(HTMLLink(href: link.href, text: text, bodyRange: link.start..<buffer.bytes.count))
            }
        }
        let element = openElements.removeLast()
        if element.role != .inline { endLine() }
        if element.isSectioning { sectioningDepth -= 1 }
        switch element.role {
        case .preformatted:
            preformattedDepth -= 1
        case .paragraph:
            if let start = paragraphStart {
                let text = singleLine(buffer.bytes[start...])
                paragraphStart = nil
                if !text.isEmpty { firstParagraph = text }
            }
        case .heading(let level):
            headingDepth -= 1
            if headingDepth == 0 {
                let text = singleLine(buffer.bytes[headingStart...])
                if !text.isEmpty {
                    if level <= 3 { headings.append(text) }
                    if level == 1, firstHeading1 == nil { firstHeading1 = text }
                }
            }
        default:
            break
        }
    }

    /// The collected text, or `nil` when there is none.
    mutating func finish() -> HTMLContentText? {
        endLine()
        guard !buffer.bytes.isEmpty else { return nil }
        return HTMLContentText(
            body: String(decoding: buffer.bytes, as: UTF8.self),
            headings: headings,
            firstHeading1: firstHeading1,
            firstParagraph: firstParagraph,
            firstLineOutsideHeadings: firstLineOutsideHeadings,
            links: links
        )
    }

    private mutating func endLine() {
        guard let line = buffer.breakLine() else { return }
        if headingDepth == 0, firstLineOutsideHeadings == nil {
            firstLineOutsideHeadings = String(decoding: buffer.bytes[line], as: UTF8.self)
        }
    }

    /// The collected lines as one line: line feeds become spaces, the last one is dropped.
    private func singleLine(_ bytes: ArraySlice<UInt8>) -> String {
        var line = bytes.map { $0 == 0x0A ? 0x20 : $0 }
        if line.last == 0x20 { line.removeLast() }
        return String(decoding: line, as: UTF8.self)
    }
}

/// A UTF-8 text buffer that collapses white space as bytes arrive.
///
/// Runs of white space (ASCII, no-break and other Unicode spaces, control characters) become
/// one space between words; no line starts or ends with a space, no line is empty, and every
/// finished line ends in "\n". C1 controls (U+0080–U+009F, usually a numeric reference such as
/// `&#150;` meant as Windows-1252) become their Windows-1252 characters.
private struct TextBuffer {
    /// The text so far; finished lines end in "\n".
    private(set) var bytes: [UInt8] = []
    private var lineStart = 0
    private var pendingSpace = false

    /// Appends text; with `preservingLineFeeds`, a line feed ends the line (inside `<pre>`).
    mutating func append(_ text: UnsafeBufferPointer<UInt8>, preservingLineFeeds: Bool) {
        var index = 0
        let count = text.count
        while index < count {
            let byte = text[index]
            if byte < 0x80 {
                if byte > 0x20 && byte != 0x7F {
                    emit(byte)
                } else if byte == 0x0A && preservingLineFeeds {
                    _ = breakLine()
                } else {
                    pendingSpace = true
                }
                index += 1
                continue
            }
            let second: UInt8 = index + 1 < count ? text[index + 1] : 0
            let third: UInt8 = index + 2 < count ? text[index + 2] : 0
            switch (byte, second, third) {
            case (0xC2, 0xA0, _):
                // U+00A0 no-break space.
                pendingSpace = true
                index += 2
            case (0xC2, 0x80...0x9F, _):
                emitWindows1252(second)
                index += 2
            case (0xE2, 0x80, 0x80...0x8A), (0xE2, 0x80, 0xA8), (0xE2, 0x80, 0xA9), (0xE2, 0x80, 0xAF),
                (0xE2, 0x81, 0x9F), (0xE3, 0x80, 0x80):
                // En/em/thin/hair spaces, line and paragraph separators, narrow no-break,
                // medium mathematical and ideographic spaces.
                pendingSpace = true
                index += 3
            case (0xE2, 0x80, 0x8B), (0xEF, 0xBB, 0xBF):
                // Zero-width space and zero-width no-break space (BOM): dropped.
                index += 3
            default:
                emit(byte)
                index += 1
            }
        }
    }

    /// Ends the current line, if it has text; returns the range of the finished line
    /// (without its "\n").
    mutating func breakLine() -> Range<Int>? {
        pendingSpace = false
        guard bytes.count > lineStart else { return nil }
        let line = lineStart..<bytes.count
        bytes.append(0x0A)
        lineStart = bytes.count
        return line
    }

    private mutating func emit(_ byte: UInt8) {
        if pendingSpace {
            pendingSpace = false
            if bytes.count > lineStart { bytes.append(0x20) }
        }
        bytes.append(byte)
    }

    /// Writes the Windows-1252 character for a C1 control byte, or a space for the five
    /// bytes that Windows-1252 leaves undefined.
    private mutating func emitWindows1252(_ control: UInt8) {
        let replacement = Self.windows1252[Int(control) - 0x80]
        guard !replacement.isEmpty else {
            pendingSpace = true
            return
        }
        for byte in replacement.utf8 { emit(byte) }
    }

    private static let windows1252: [String] = [
        "€", "", "‚", "ƒ", "„", "…", "†", "‡", "ˆ", "‰", "Š", "‹", "Œ", "", "Ž", "",
        "", "‘", "’", "“", "”", "•", "–", "—", "˜", "™", "š", "›", "œ", "", "ž", "Ÿ",
    ]
}

extension String {
    /// The string without leading and trailing HTML white space (space, tab, LF, FF, CR).
    var trimmingHTMLWhitespace: String {
        let bytes = Array(utf8)
        guard let first = bytes.firstIndex(where: { !isHTMLWhitespace($0) }),
            let last = bytes.lastIndex(where: { !isHTMLWhitespace($0) })
        else { return "" }
        if first == 0 && last == bytes.count - 1 { return self }
        return String(decoding: bytes[first...last], as: UTF8.self)
    }
}

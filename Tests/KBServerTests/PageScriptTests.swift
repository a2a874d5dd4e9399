import Testing

@testable import kb_server

/// A reading of the customer page's script (`Public/app.js`) and page for the ways API data
/// could become markup or a script URL. The browser test (`Tests/Browser`) shows the same with
/// a hostile article in a real browser; this check runs with every `swift test`.
@Suite("The page inserts API data as text")
struct PageScriptTests {
    /// The script as served, without comments (which may name what the code avoids).
    static let code: String = {
        let script = String(decoding: PackageResources.app_js, as: UTF8.self)
        return script.split(separator: "\n", omittingEmptySubsequences: false).map { line -> Substring in
            let trimmed = line.drop { $0 == " " }
            if trimmed.hasPrefix("//") || trimmed.hasPrefix("*") || trimmed.hasPrefix("/**") { return "" }
            // A trailing comment starts with " // "; regular expressions such as /^https?:\/\//i do not.
            if let range = line.firstRange(of: " // ") { return line[..<range.lowerBound] }
            return line
        }.joined(separator: "\n")
    }()

    static let page = String(decoding: PackageResources.index_html, as: UTF8.self)

    /// Lines of the script that contain `fragment`.
    static func lines(containing fragment: some StringProtocol) -> [String] {
        code.split(separator: "\n").filter { $0.contains(fragment) }.map {
            String($0.trimmingPrefix(while: { $0 == " " }))
        }
    }

    @Test(arguments: [
        "innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function", "srcdoc",
        "createContextualFragment", "setAttribute('on", "setAttribute(\"on", "setAttribute('href",
        "setAttribute('src", ".src =", ".action =", "javascript:", "location.href =", "window.open(",
    ])
    func neverUsesAnHTMLOrScriptSink(sink: String) {
        #expect(Self.lines(containing: sink).isEmpty, "app.js uses \(sink)")
    }

    /// The snippet is the one HTML field; it is parsed by DOMParser (which runs nothing) and
    /// rebuilt from its text and <mark> elements only.
    @Test func parsesHTMLOnlyForTheSnippetAndKeepsOnlyMark() throws {
        #expect(
            Self.lines(containing: "DOMParser") == [
                "const parsed = new DOMParser().parseFromString(html, 'text/html');"
            ])
        let function = try #require(Self.code.firstRange(of: "function snippetFragment"))
        let body = Self.code[function.lowerBound...].prefix(600)
        #expect(body.contains("node.nodeName === 'MARK'"))
        #expect(body.contains("make('mark', null, node.textContent)"))
        #expect(body.contains("document.createTextNode(node.textContent)"))
        #expect(Self.lines(containing: "snippetFragment(").count == 2)  // its definition and one call
    }

    /// Links go to the page's own article route, or to the article's URL only when it is http(s).
    @Test func setsLinksOnlyToArticleRoutesAndHTTPURLs() {
        #expect(
            Set(Self.lines(containing: ".href =")) == [
                "link.href = articleHash(hit.id);", "if (!el.articleLink.hidden) el.articleURL.href = url;",
            ])
        #expect(Self.lines(containing: "el.articleLink.hidden = !/^https?:\\/\\//i.test(url);").count == 1)
        #expect(
            Self.lines(containing: "const encodeId = (id) => id.split('/').map(encodeURIComponent).join('/');").count
                == 1)
    }

    /// Text from the API goes in through `textContent` (the `make` helper) or text nodes.
    @Test func insertsTextThroughTextContent() {
        #expect(Self.lines(containing: "node.textContent = text;").count == 1)
        for line in Self.lines(containing: ".textContent = ") {
            #expect(!line.contains("innerText"), "\(line)")
        }
    }

    /// The page has nothing the content security policy would have to allow: no inline script,
    /// style or event handler.
    @Test func thePageHasNoInlineScriptStyleOrHandler() {
        #expect(Self.page.matches(of: /<script\b[^>]*>/).map(\.output) == [#"<script src="/static/app.js" defer>"#])
        #expect(Self.page.firstMatch(of: /<style\b/) == nil)
        #expect(Self.page.firstMatch(of: /\sstyle\s*=/) == nil)
        #expect(Self.page.firstMatch(of: /\son[a-z]+\s*=/) == nil)
    }
}

import Testing

@testable import KBSearch

@Suite struct HTMLEscapingTests {
    @Test(arguments: [
        ("&", "&amp;"),
        ("<", "&lt;"),
        (">", "&gt;"),
        ("\"", "&quot;"),
        ("'", "&#39;"),
        ("a & b < c > d \"e\" 'f'", "a &amp; b &lt; c &gt; d &quot;e&quot; &#39;f&#39;"),
        ("&amp;", "&amp;amp;"),
    ])
    func escapesEverySpecialCharacter(text: String, expected: String) {
        #expect(HTMLEscaping.escape(text) == expected)
    }

    @Test func escapesAScriptElement() {
        #expect(HTMLEscaping.escape("<script>alert(1)</script>") == "&lt;script&gt;alert(1)&lt;/script&gt;")
    }

    @Test(arguments: ["", "Configurações da impressora", "ação 😀 中 e\u{301}", "100% / ; = #"])
    func keepsOtherTextUnchanged(text: String) {
        #expect(HTMLEscaping.escape(text) == text)
    }
}

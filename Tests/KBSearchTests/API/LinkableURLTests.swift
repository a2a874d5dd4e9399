import KBSearch
import Testing

@Suite struct LinkableURLTests {
    @Test(
        arguments: [
            ("https://ajuda.example/conta", "https://ajuda.example/conta"),
            ("HTTP://ajuda.example/", "HTTP://ajuda.example/"),
            ("javascript:alert(1)", nil),
            (" javascript:alert(1)", nil),
            ("JavaScript:alert(1)", nil),
            ("data:text/html,<script>alert(1)</script>", nil),
            ("vbscript:msgbox", nil),
            ("//evil.example/", nil),
            ("/conta/senha", nil),
            ("https://", nil),
            ("https://ajuda.example/a b", nil),
            ("https://ajuda.example/\u{0}", nil),
            ("", nil),
        ] as [(String, String?)])
    func onlyHTTPURLsAreGivenOut(url: String, expected: String?) {
        #expect(LinkableURL.filter(url) == expected)
    }
}

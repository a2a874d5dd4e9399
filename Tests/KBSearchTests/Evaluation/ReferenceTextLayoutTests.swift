import Testing

@testable import KBSearch

@Suite("ReferenceTextLayout: lines and fields as Python reads them")
struct ReferenceTextLayoutTests {
    @Test("Lines end at \\n, \\r\\n and \\r; a final line break adds no line")
    func lines() {
        let lines = ReferenceTextLayout.lines(of: "a\nb\r\nc\rd\n\ne\u{85}f\n")
        #expect(lines.map(\.content) == ["a", "b", "c", "d", "", "e\u{85}f"])
        #expect(lines.map(\.number) == [1, 2, 3, 4, 5, 6])
        #expect(ReferenceTextLayout.lines(of: "").isEmpty)
        #expect(ReferenceTextLayout.lines(of: "x").map(\.content) == ["x"])
    }

    @Test("Fields split on Python's white space, which includes U+001F and U+00A0 but not a BOM")
    func fields() {
        #expect(
            ReferenceTextLayout.fields(of: "  a\tb\u{1F}c\u{A0}d\u{2003}e\u{85}f  ") == ["a", "b", "c", "d", "e", "f"])
        #expect(ReferenceTextLayout.fields(of: "\u{FEFF}q 0") == ["\u{FEFF}q", "0"])
        #expect(ReferenceTextLayout.fields(of: "e\u{301} x") == ["e\u{301}", "x"])
        #expect(ReferenceTextLayout.fields(of: " \t ").isEmpty)
        #expect(ReferenceTextLayout.fields(of: "a\u{200B}b") == ["a\u{200B}b"])  // zero-width space is not white space
    }
}

import Testing

@testable import KBSearch

@Suite struct SnippetTests {
    @Test func highlightRangesAreTheUTF8OffsetsAsStringIndices() {
        let text = "…abra as Configurações da impressora e…"
        let snippet = Snippet(text: text, highlights: [11..<26, 30..<40], html: "")
        #expect(snippet.highlightRanges.map { String(text[$0]) } == ["Configurações", "impressora"])
        #expect(snippet.hasHighlights)
    }

    @Test func emptySnippetHasNothing() {
        #expect(Snippet.empty.text.isEmpty && Snippet.empty.html.isEmpty)
        #expect(!Snippet.empty.hasHighlights && Snippet.empty.highlightRanges.isEmpty)
    }
}

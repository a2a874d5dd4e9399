import Testing

@testable import KBIndex

@Suite struct PortugueseStopWordsTests {
    @Test func embedsTheWholeSnowballList() {
        #expect(PortugueseStopWords.snowballList.count == 203)
        #expect(PortugueseStopWords.snowballList.first == "de")
    }

    @Test func keepsNaoAndSem() {
        #expect(!PortugueseStopWords.standard.contains("não"))
        #expect(!PortugueseStopWords.standard.contains("sem"))
        #expect(!PortugueseStopWords.folded.contains("nao"))
        #expect(PortugueseStopWords.standard.count == 201)
    }

    @Test func foldedSetHasNoAccents() {
        #expect(PortugueseStopWords.folded.contains("esta"))
        #expect(PortugueseStopWords.folded.contains("voce"))
        #expect(PortugueseStopWords.folded.allSatisfy { AccentFolding.fold($0) == $0 })
    }
}

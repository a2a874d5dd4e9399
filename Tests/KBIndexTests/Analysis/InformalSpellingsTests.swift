import Testing

@testable import KBIndex

@Suite struct InformalSpellingsTests {
    @Test func shippedListParses() {
        let spellings = InformalSpellings.standard
        #expect(spellings.replacements["pra"] == "para")
        #expect(spellings.replacements["vc"] == "você")
        #expect(spellings.replacements["q"] == "que")
        #expect(spellings.folded().replacements["vc"] == "voce")
    }

    @Test func skipsCommentsAndBlankLines() throws {
        let spellings = try InformalSpellings(parsing: "# comment\n\nvc\tvocê\r\n")
        #expect(spellings.replacements == ["vc": "você"])
    }

    @Test func reportsALineWithoutATab() {
        #expect(
            throws: AnalysisDataError(
                file: "informal-spellings.txt", line: 2,
                message: "expected `informal<TAB>standard` (two single words separated by a tab)")
        ) {
            try InformalSpellings(parsing: "vc\tvocê\npra para\n")
        }
    }

    @Test func reportsADuplicate() throws {
        do {
            _ = try InformalSpellings(parsing: "vc\tvocê\nVC\tvocê\n")
            Issue.record("expected an error")
        } catch {
            #expect(error.description == "informal-spellings.txt:2: `vc` is listed twice")
        }
    }
}

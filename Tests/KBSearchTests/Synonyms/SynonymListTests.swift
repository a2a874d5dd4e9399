import KBIndex
import Testing

@testable import KBSearch

@Suite struct SynonymListTests {
    @Test func shippedListParses() {
        let groups = SynonymList.standard.groups
        #expect(groups.contains(["senha", "password"]))
        #expect(groups.contains { $0.contains("nota fiscal") })
    }

    @Test func parsesGroupsAndSkipsComments() throws {
        let list = try SynonymList(parsing: "# comment\n\nnf, nfe , nota fiscal\r\nsenha,password\n")
        #expect(list.groups == [["nf", "nfe", "nota fiscal"], ["senha", "password"]])
    }

    @Test func reportsAGroupOfOneEntry() {
        #expect(
            throws: AnalysisDataError(
                file: "synonyms.txt", line: 2, message: "a synonym group needs at least two entries separated by commas"
            )
        ) {
            try SynonymList(parsing: "a, b\nsozinho\n")
        }
    }

    @Test func analyzedEntriesUseTheCompoundWhole() {
        let analyzed = AnalyzedSynonyms(SynonymList(groups: [["e-mail", "correio eletrônico"]]), analyzer: Analyzer())
        #expect(analyzed.groups[0][0] == ["email"])
        #expect(analyzed.groups[0][1].count == 2)
        #expect(analyzed.groupsOfTerm["email"] == [0])
    }
}

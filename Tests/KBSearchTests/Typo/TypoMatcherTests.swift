import Testing

@testable import KBSearch

@Suite struct TypoMatcherTests {
    /// A small knowledge-base vocabulary; the document frequency is the term's rank from the end.
    static let vocabulary = [
        "imprimir", "imprimiu", "imprimindo", "impressora", "impressoras", "impressão", "exprimir", "oprimir",
        "configuração", "configuracao", "configurações", "configurar", "relatório", "relatórios", "relatorio",
        "ferramentas", "ferramenta", "atualização", "atualizações", "nota", "rota", "nata", "note", "notas", "fiscal",
        "senha", "senhas", "sena", "cadastro", "cadastros", "ação", "acao", "çã", "é",
    ]
    static let source = SortedTermArray(vocabulary) { term in vocabulary.count - vocabulary.firstIndex(of: term)! }

    /// The matches' terms and distances.
    private func matches(_ word: String, _ maximumDistance: Int? = nil, expansions: Int = 50) throws -> [String: Int] {
        let limit = maximumDistance ?? TypoMatcher.maximumDistance(forWordOfLength: word.unicodeScalars.count)
        let found = try TypoMatcher(maximumExpansions: expansions).matches(
            for: word, maximumDistance: limit, in: Self.source)
        return Dictionary(uniqueKeysWithValues: found.map { ($0.term, $0.distance) })
    }

    @Test(arguments: [(0, 0), (1, 0), (4, 0), (5, 1), (8, 1), (9, 2), (12, 2), (40, 2)])
    func maximumDistance(_ length: Int, _ expected: Int) {
        #expect(TypoMatcher.maximumDistance(forWordOfLength: length) == expected)
    }

    @Test func missingLetter() throws {
        #expect(try matches("imprmir") == ["imprimir": 1])
    }

    @Test func transposition() throws {
        #expect(try matches("ferramnetas", 1) == ["ferramentas": 1])
        // 11 characters: two edits, which also reach `ferramenta`.
        #expect(try matches("ferramnetas") == ["ferramentas": 1, "ferramenta": 2])
        #expect(try matches("snhea", 2) == ["senha": 2])
    }

    @Test func accentsAreSingleCharacters() throws {
        // 12 characters: two edits; `ç`, `ã` are one character each.
        #expect(try matches("configuraçao") == ["configuração": 1, "configuracao": 1])
        #expect(try matches("configuracao") == ["configuracao": 0, "configuração": 2])
        #expect(try matches("configuracao", 1) == ["configuracao": 0])
        #expect(try matches("acão", 1) == ["ação": 1, "acao": 1])
        #expect(try matches("ãç", 1) == ["çã": 1])
    }

    @Test func nineLettersAllowTwoEdits() throws {
        #expect(try matches("relatorio") == ["relatorio": 0, "relatório": 1, "relatórios": 2])
        #expect(try matches("atualizacao") == ["atualização": 2])
        #expect(try matches("impresoras") == ["impressoras": 1, "impressora": 2])
        #expect(try matches("imprssora") == ["impressora": 1, "impressoras": 2])
    }

    @Test func fourLetterWordsGetNone() throws {
        #expect(TypoMatcher.maximumDistance(forWordOfLength: "nota".count) == 0)
        #expect(try matches("nota") == ["nota": 0])
        #expect(try matches("noat") == [:])
        #expect(try matches("xyzw") == [:])
    }

    @Test func theWordItselfIsIncludedOnlyWhenPresent() throws {
        #expect(try matches("senha", 1) == ["senha": 0, "senhas": 1, "sena": 1])
        #expect(try matches("senhs", 1) == ["senha": 1, "senhas": 1])
    }

    @Test func bestFirstAndBounded() throws {
        let matcher = TypoMatcher(maximumExpansions: 50)
        let all = try matcher.matches(for: "nota", maximumDistance: 1, in: Self.source)
        #expect(all.map(\.term) == ["nota", "rota", "nata", "note", "notas"])
        #expect(all.map(\.distance) == [0, 1, 1, 1, 1])
        let best = try TypoMatcher(maximumExpansions: 2).matches(for: "nota", maximumDistance: 1, in: Self.source)
        #expect(best == Array(all.prefix(2)))
        #expect(try TypoMatcher(maximumExpansions: 0).matches(for: "nota", maximumDistance: 1, in: Self.source) == [])
    }

    @Test func emptyWordAndEmptyDictionary() throws {
        let matcher = TypoMatcher()
        #expect(try matcher.matches(for: "", maximumDistance: 1, in: Self.source).map(\.term) == ["é"])
        #expect(try matcher.matches(for: "", maximumDistance: 2, in: Self.source).map(\.term) == ["é", "çã"])
        #expect(try matcher.matches(for: "senha", maximumDistance: 2, in: SortedTermArray([String]())) == [])
    }

    @Test func sourceErrorsPropagate() {
        struct Failure: Error {}
        struct FailingSource: SortedTermSource {
            func forEachTerm(fromBytes start: [UInt8], _ body: ([UInt8], Int) throws -> Bool) throws {
                _ = try body(Array("senha".utf8), 1)
                throw Failure()
            }
        }
        #expect(throws: Failure.self) {
            try TypoMatcher().matches(for: "senha", maximumDistance: 1, in: FailingSource())
        }
    }
}

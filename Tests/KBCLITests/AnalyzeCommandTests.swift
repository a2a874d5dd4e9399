import Foundation
import KBTestSupport
import Testing

/// `kb analyze`: one output line of terms per input line.
@Suite struct AnalyzeCommandTests {
    @Test func analyzesTheTextArgumentWithTheDefaultAnalyzer() throws {
        let output = try kb("analyze", "Não consigo acessar o portal, esqueci minha senha")
        #expect(output.status == 0, "\(output)")
        // Stop words dropped (but "não" kept), accents folded, Snowball stems.
        #expect(output.stdout == "nao consig acess portal esquec senh\n")
        #expect(output.stderr == "")
    }

    @Test func joinsSeveralArgumentsIntoOneLine() throws {
        let output = try kb("analyze", "Senhas", "esquecidas")
        #expect(output.status == 0, "\(output)")
        #expect(output.stdout == "senh esquec\n")
    }

    @Test func readsStandardInputAndPrintsOneLinePerInputLine() throws {
        let input = "vc pode me ajudar\n\no de a\nConfigurações do Integra\n"
        let output = try kb("analyze", input: input)
        #expect(output.status == 0, "\(output)")
        // A blank line and a line of stop words both give an empty line.
        #expect(output.lines == ["pod ajud", "", "", "configur integr"])
    }

    @Test func analyzesALastLineWithoutNewlineAndStripsCarriageReturns() throws {
        let output = try kb("analyze", input: "Senha\r\nSenhas\r\nfim")
        #expect(output.status == 0, "\(output)")
        #expect(output.stdout == "senh\nsenh\nfim\n")
    }

    @Test func emptyStandardInputPrintsNothing() throws {
        let output = try kb("analyze", input: "")
        #expect(output.status == 0, "\(output)")
        #expect(output.stdout == "")
    }

    @Test func mapsInformalSpellingsUnlessNoInformalIsGiven() throws {
        let normalized = try kb("analyze", "tbm naum recebi pra vc")
        #expect(normalized.status == 0, "\(normalized)")
        // tbm → também, pra → para, vc → você are stop words; naum → não is kept.
        #expect(normalized.stdout == "nao receb\n")

        let informal = try kb("analyze", "--no-informal", "tbm naum recebi pra vc")
        #expect(informal.status == 0, "\(informal)")
        #expect(informal.stdout == "tbm naum receb pra vc\n")
    }

    @Test func noStopwordsAndNoFoldingKeepStopWordsAndAccents() throws {
        let output = try kb("analyze", "--stemmer", "none", "--no-stopwords", "--no-folding", "Não é a Configuração")
        #expect(output.status == 0, "\(output)")
        #expect(output.stdout == "não é a configuração\n")
    }

    @Test(arguments: [
        ("snowball", "configur usuari"),
        ("light", "configuraca usuari"),
        ("rslp", "configur usu"),
        ("rslp-s", "configuracao usuario"),
        ("none", "configuracoes usuarios"),
    ])
    func everyStemmerCanBeChosen(stemmer: String, expected: String) throws {
        let output = try kb("analyze", "--stemmer", stemmer, "As configurações dos usuários")
        #expect(output.status == 0, "\(output)")
        #expect(output.stdout == expected + "\n")
    }

    @Test func givesExactlyTheSnowballStemsOfTheOfficialVocabulary() throws {
        let words = try Fixtures.text("snowball-portuguese/voc.txt")
        let stems = KBOutput.lines(of: try Fixtures.text("snowball-portuguese/output.txt"))
        let output = try kb("analyze", "--stemmer", "snowball", "--no-stopwords", "--no-folding", input: words)
        #expect(output.status == 0, "\(output.status) \(output.stderr)")

        let actual = output.lines
        #expect(actual.count == stems.count)
        let mismatches = zip(KBOutput.lines(of: words), zip(actual, stems)).filter { $1.0 != $1.1 }
        #expect(
            mismatches.isEmpty,
            """
            \(mismatches.count) words differ; first ones: \
            \(mismatches.prefix(10).map { "\($0) → \($1.0), expected \($1.1)" }.joined(separator: "; "))
            """)
    }

    @Test func anUnknownStemmerIsAUsageError() throws {
        let output = try kb("analyze", "--stemmer", "porter", "senha")
        #expect(output.status == KBProcess.usageError, "\(output)")
        #expect(output.stdout == "")
        #expect(output.stderr.contains("Error: The value 'porter' is invalid for '--stemmer <stemmer>'"))
        #expect(output.stderr.contains("'snowball', 'light', 'rslp', 'rslp-s' or 'none'"))
        #expect(output.stderr.contains("Usage: kb analyze"))
    }
}

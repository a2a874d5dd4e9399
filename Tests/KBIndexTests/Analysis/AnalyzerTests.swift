import Foundation
import KBTestSupport
import Testing

@testable import KBIndex

@Suite struct AnalyzerTests {
    let unstemmed = Analyzer(options: AnalyzerOptions(stemmer: .none))

    @Test(arguments: StemmerName.allCases)
    func configuracaoFamilyGivesOneTerm(stemmer: StemmerName) {
        let analyzer = Analyzer(options: AnalyzerOptions(stemmer: stemmer))
        let forms = ["Configuração", "configuracao", "CONFIGURAÇÕES", "configurações", "configuracoes"]
        let terms = Set(forms.flatMap { analyzer.terms(in: $0) })
        if stemmer == .none {
            #expect(terms == ["configuracao", "configuracoes"])
        } else {
            #expect(terms.count == 1, "\(stemmer): \(terms.sorted())")
        }
    }

    @Test func decomposedInputGivesTheSameTermsAsComposed() {
        let text = "Não consigo emitir a nota fiscal da configuração; pingüim, ação."
        for stemmer in StemmerName.allCases {
            for folds in [true, false] {
                let analyzer = Analyzer(options: AnalyzerOptions(stemmer: stemmer, foldsAccents: folds))
                let composed = analyzer.terms(in: text)
                let decomposed = analyzer.terms(in: text.decomposedStringWithCanonicalMapping)
                #expect(composed == decomposed, "\(stemmer), folding \(folds)")
            }
        }
    }

    @Test func stopWordsAreDroppedButKeepTheirPositions() {
        let tokens = unstemmed.analyze("o relatório da empresa")
        #expect(tokens.map(\.term) == ["relatorio", "empresa"])
        #expect(tokens.map(\.position) == [1, 3])
    }

    @Test func naoAndSemAreNotStopWords() {
        #expect(unstemmed.terms(in: "não imprime sem papel") == ["nao", "imprime", "sem", "papel"])
        #expect(unstemmed.terms(in: "nao imprime") == ["nao", "imprime"])
    }

    @Test func keepsStopWordsWhenAsked() {
        let analyzer = Analyzer(options: AnalyzerOptions(stemmer: .none, removesStopWords: false))
        #expect(analyzer.terms(in: "o relatório da empresa") == ["o", "relatorio", "da", "empresa"])
    }

    @Test func keepsAccentsWhenNotFolding() {
        let analyzer = Analyzer(options: AnalyzerOptions(stemmer: .none, foldsAccents: false))
        #expect(analyzer.terms(in: "CONFIGURAÇÕES") == ["configurações"])
    }

    @Test func informalSpellingsBecomeStandardWords() {
        // "vc" → "você" and "pra" → "para" are then dropped as stop words.
        #expect(unstemmed.terms(in: "vc consegue imprimir pra mim") == ["consegue", "imprimir", "mim"])
        #expect(unstemmed.terms(in: "tb nao funciona") == ["nao", "funciona"])
        #expect(unstemmed.terms(in: "hj erro") == ["hoje", "erro"])
    }

    @Test func informalSpellingsCanBeTurnedOff() {
        let analyzer = Analyzer(options: AnalyzerOptions(stemmer: .none, normalizesInformalSpellings: false))
        #expect(analyzer.terms(in: "vc pra") == ["vc", "pra"])
    }

    @Test func compoundsGiveWholeAndParts() {
        #expect(unstemmed.terms(in: "e-mail") == ["email", "mail"])
        #expect(unstemmed.terms(in: "NF-e") == ["nfe", "nf"])
        #expect(unstemmed.terms(in: "guarda-chuva") == ["guardachuva", "guarda", "chuva"])
        #expect(unstemmed.terms(in: "d'água") == ["agua"])
    }

    @Test func codesNumbersAndAddressesAreNotStemmedOrSplit() {
        let analyzer = Analyzer()
        #expect(analyzer.terms(in: "H2SO4 7.4 CFOP 5102") == ["h2so4", "7.4", "cfop", "5102"])
        #expect(analyzer.terms(in: "suporte@vertice.example") == ["suporte@vertice.example"])
        #expect(analyzer.terms(in: "https://Vertice.example/Ajuda") == ["vertice.example/ajuda"])
        #expect(
            analyzer.terms(in: "integra.config") == [
                "integra.config", analyzer.terms(in: "integra")[0], analyzer.terms(in: "config")[0],
            ])
    }

    @Test func offsetsPointAtTheSourceWords() {
        let text = "Não consigo imprimir frente e verso"
        let bytes = Array(text.utf8)
        for token in unstemmed.analyze(text) {
            let source = String(decoding: bytes[token.startOffset..<token.endOffset], as: UTF8.self)
            #expect(AccentFolding.fold(source) == token.term)
        }
    }

    @Test func normalizeLowercasesAndFoldsOnly() {
        let analyzer = Analyzer()
        #expect(analyzer.normalize("Impressão de").map(\.term) == ["impressao", "de"])
    }

    /// Found by the analyzer fuzz target: a URL of combining marks gave an empty term.
    @Test func urlOfCombiningMarksGivesNoEmptyTerm() {
        let analyzer = Analyzer(
            options: AnalyzerOptions(stemmer: .none, removesStopWords: false, normalizesInformalSpellings: false))
        #expect(analyzer.terms(in: "ac https://\u{301}\u{302}, O") == ["ac", "https", "o"])
        #expect(!analyzer.normalize("https://\u{301}").contains { $0.term.isEmpty })
    }

    @Test func analysisNeverCrashesAndNeverYieldsEmptyTerms() {
        let seed: UInt64 = 0xA11A_1E5E
        var generator = SeededGenerator(seed: seed)
        let analyzers = StemmerName.allCases.flatMap { stemmer in
            [true, false].map { Analyzer(options: AnalyzerOptions(stemmer: stemmer, foldsAccents: $0)) }
        }
        for _ in 0..<1_000 {
            let text = RandomText.make(using: &generator, maximumLength: 50)
            let count = text.utf8.count
            for analyzer in analyzers {
                for token in analyzer.analyze(text) {
                    #expect(!token.term.isEmpty, "seed \(seed): \(text.debugDescription)")
                    #expect(token.startOffset < token.endOffset && token.endOffset <= count, "seed \(seed)")
                }
            }
        }
    }
}

import KBTestSupport
import Testing

@testable import KBIndex

@Suite struct AccentFoldingTests {
    @Test(arguments: [
        ("Configuração", "configuracao"),
        ("CONFIGURAÇÕES", "configuracoes"),
        ("configurações", "configuracoes"),
        ("não", "nao"),
        ("ÀÁÂÃÄÅ àáâãäå", "aaaaaa aaaaaa"),
        ("ÇçÑñ", "ccnn"),
        ("êÉèË", "eeee"),
        ("ÔÕÓÖòø", "oooooo"),
        ("Üúùû", "uuuu"),
        ("pingüim", "pinguim"),
        ("æ Œ ß ﬁ ﬂ", "ae oe ss fi fl"),
        ("Łódź", "lodz"),
        ("H2SO4", "h2so4"),
        ("Ελληνικά", "ελληνικά"),
        ("×÷", "×÷"),
    ])
    func foldsToBaseLetters(input: String, expected: String) {
        #expect(AccentFolding.fold(input) == expected)
    }

    @Test func foldsDecomposedTextLikeComposedText() {
        let composed = "configuração ações pingüim"
        let decomposed = composed.decomposedStringWithCanonicalMapping
        #expect(decomposed.unicodeScalars.count > composed.unicodeScalars.count)
        #expect(AccentFolding.fold(decomposed) == AccentFolding.fold(composed))
    }

    /// Found by the analyzer fuzzer (`Tests/Fuzz`): the Ångström sign lowercases to "å",
    /// which folding left unfolded, so `fold` was not idempotent and "Å" never matched "a".
    @Test func foldsTheLetterThatLowercasingGives() {
        #expect(AccentFolding.fold("\u{212B}ngstr\u{00F6}m") == "angstrom")
        #expect(AccentFolding.fold(AccentFolding.fold("\u{212B}")) == AccentFolding.fold("\u{212B}"))
        #expect(Analyzer().terms(in: "\u{212B}ngstr\u{00F6}m") == Analyzer().terms(in: "angstrom"))
    }

    @Test func lowercaseKeepsAccents() {
        #expect(AccentFolding.lowercase("CONFIGURAÇÕES Ação") == "configurações ação")
    }

    @Test func foldingIsIdempotentOnRandomStrings() {
        let seed: UInt64 = 0x5EED_F01D
        var generator = SeededGenerator(seed: seed)
        for _ in 0..<2_000 {
            let text = RandomText.make(using: &generator)
            let once = AccentFolding.fold(text)
            #expect(AccentFolding.fold(once) == once, "seed \(seed), input \(text.debugDescription)")
        }
    }
}

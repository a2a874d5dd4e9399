import Testing

@testable import KBIndex

@Suite("LightPortugueseStemmer: Savoy's light stemmer")
struct LightPortugueseStemmerTests {
    let stemmer = LightPortugueseStemmer()
    let folded = LightPortugueseStemmer(accentFolded: true)

    struct Case: Sendable, CustomTestStringConvertible {
        let word: String
        let expected: String
        let shows: String
        init(_ word: String, _ expected: String, _ shows: String) {
            self.word = word
            self.expected = expected
            self.shows = shows
        }
        var testDescription: String { "\(word) → \(expected) (\(shows))" }
    }

    static let cases: [Case] = [
        // Step 1: plural and adverb endings.
        Case("mulheres", "mulher", "-es after r"),
        Case("luzes", "luz", "-es after z"),
        Case("meses", "mes", "-es after s"),
        Case("bons", "bom", "-ns → -m"),
        Case("trens", "trem", "-ns → -m"),
        Case("fáceis", "facel", "-eis → -el"),
        Case("papéis", "papel", "-éis → -el"),
        Case("jornais", "jornal", "-ais → -al"),
        Case("lençóis", "lencol", "-óis → -ol"),
        Case("barris", "barril", "-is → -il"),
        Case("balões", "bala", "-ões → -ão, then final -o"),
        Case("capitães", "capita", "-ães → -ão, then final -o"),
        Case("felizmente", "feliz", "-mente"),
        Case("rapidamente", "rapid", "-mente, then final -a"),
        Case("casas", "casa", "-s; too short for the final vowel"),
        Case("anos", "ano", "-s; too short for the final vowel"),
        // Step 2: feminine endings.
        Case("lindinha", "lindinh", "-inha → -inho (8 letters), then final -o"),
        Case("brasileira", "brasileir", "-eira → -eiro"),
        Case("gloriosa", "glorios", "-osa → -oso"),
        Case("prática", "pratic", "-ica → -ico"),
        Case("cansada", "cansad", "-ada → -ado"),
        Case("mantida", "mantid", "-ida → -ido"),
        Case("passiva", "passiv", "-iva → -ivo"),
        Case("programa", "program", "-ama → -amo"),
        Case("chefona", "chefa", "-ona → -ão, then final -o"),
        Case("professora", "professor", "-ora → -or"),
        Case("inglesa", "ingles", "-esa → -ês"),
        Case("americana", "american", "-na → -no"),
        Case("sozinha", "sozinh", "7 letters: too short for -inha; final -a"),
        // Step 3: final vowel.
        Case("menina", "menin", "final -a"),
        Case("menino", "menin", "final -o"),
        Case("grande", "grand", "final -e"),
        Case("mesa", "mesa", "4 letters keep their vowel"),
        // Step 4: accents; and words under four letters, left as they are.
        Case("café", "cafe", "accent removed"),
        Case("sofá", "sofa", "accent removed"),
        Case("você", "voce", "accent removed"),
        Case("pés", "pés", "under four letters: unchanged"),
        Case("mãe", "mãe", "under four letters: unchanged"),
        Case("", "", "empty"),
        // The configuração family.
        Case("configuração", "configuraca", "final -o, accents"),
        Case("configurações", "configuraca", "-ões → -ão, final -o, accents"),
        Case("informações", "informaca", "-ões → -ão, final -o, accents"),
    ]

    @Test("Each step of the light stemmer", arguments: cases)
    func stem(_ example: Case) {
        #expect(stemmer.stem(example.word) == example.expected)
    }

    @Test(
        "Folded mode: the configuração family has one stem",
        arguments: ["configuração", "configurações", "configuracao", "configuracoes"]
    )
    func foldedFamily(_ word: String) {
        #expect(folded.stem(word) == "configuraca")
        #expect(folded.stem(AccentFolding.fold(word)) == "configuraca")
    }

    @Test("The published rules leave folded \"configuracoes\" apart; folded mode does not")
    func accentedRulesOnFoldedInput() {
        #expect(stemmer.stem("configuracao") == "configuraca")
        #expect(stemmer.stem("configuracoes") == "configuraco")
        #expect(folded.stem("configuracoes") == "configuraca")
    }

    static let agreeingWords = [
        "configurações", "informações", "ações", "balões", "capitães", "mães", "pães",
        "papéis", "fáceis", "amáveis", "lençóis", "heróis", "faróis", "chefona", "inglesa",
        "portuguesa", "prática", "maníaca", "saída", "usuário", "usuários", "número",
        "página", "técnico", "técnicas", "mãe", "pés", "é", "você", "café", "cafés",
        "atenção", "opções", "sessões", "senhas",
    ]

    @Test("Folded mode agrees with folding the accented stem", arguments: agreeingWords)
    func foldedAgreement(_ word: String) {
        #expect(folded.stem(AccentFolding.fold(word)) == AccentFolding.fold(stemmer.stem(word)))
    }

    /// Ambiguities of unaccented spelling: (word, folded stem of the accented word, stem of
    /// the folded word).
    static let ambiguousWords: [(String, String, String)] = [
        ("guarujá", "guaruja", "guaruj"),  // "guaruja" loses its final "a", which "á" kept
        ("comitê", "comite", "comit"),
        ("depois", "depoil", "depol"),  // "-ois", folded from "-óis", now sees "depois"
    ]

    @Test("Folded mode: known ambiguities of unaccented spelling", arguments: ambiguousWords)
    func foldedAmbiguity(_ word: String, _ foldedStem: String, _ stemOfFolded: String) {
        #expect(AccentFolding.fold(stemmer.stem(word)) == foldedStem)
        #expect(folded.stem(AccentFolding.fold(word)) == stemOfFolded)
    }

    @Test("Folded mode folds accented input, short words included")
    func foldedAccentedInput() {
        #expect(folded.stem("mãe") == "mae")
        #expect(folded.stem("pés") == "pes")
        #expect(folded.stem("lençóis") == "lencol")
        #expect(folded.stem("ano") == "ano")
    }
}

import Testing

@testable import KBIndex

@Suite("RSLPSStemmer: RSLP's plural step alone (RSLP-S)")
struct RSLPSStemmerTests {
    let stemmer = RSLPSStemmer.standard()
    let folded = RSLPSStemmer.standard(accentFolded: true)

    /// The Plural examples of the paper and the rules file, exceptions, and words the step
    /// leaves alone; accents are kept.
    static let cases: [(String, String)] = [
        ("bons", "bom"), ("balões", "balão"), ("capitães", "capitão"), ("normais", "normal"),
        ("papéis", "papel"), ("amáveis", "amável"), ("lençóis", "lençol"), ("barris", "barril"),
        ("casas", "casa"), ("configurações", "configuração"), ("informações", "informação"),
        ("homens", "homem"), ("jardins", "jardim"), ("mulheres", "mulher"), ("meninos", "menino"),
        ("usuários", "usuário"), ("trens", "trem"),
        // "les" and "res" need a stem of three: "males" and "mares" only lose their "s".
        ("males", "male"), ("mares", "mare"), ("animales", "animal"), ("valores", "valor"),
        // "ões" needs a stem of three: "ações" only loses its "s".
        ("ações", "açõe"),
        // Exceptions.
        ("mães", "mãe"), ("cais", "cais"), ("mais", "mais"), ("lápis", "lápis"),
        ("pires", "pires"), ("atrás", "atrás"), ("gás", "gás"), ("país", "país"),
        ("depois", "depois"), ("árvores", "árvore"), ("menos", "menos"),
        // Not plural, or too short to enter the step.
        ("casa", "casa"), ("menino", "menino"), ("configuração", "configuração"), ("as", "as"),
        ("s", "s"), ("", ""),
    ]

    @Test("Plural reduction only, accents kept", arguments: cases)
    func plural(_ word: String, _ expected: String) {
        #expect(stemmer.stem(word) == expected)
    }

    @Test(
        "Folded mode: the configuração family has one stem",
        arguments: ["configuração", "configurações", "configuracao", "configuracoes"]
    )
    func foldedFamily(_ word: String) {
        #expect(folded.stem(word) == "configuracao")
    }

    @Test("Without folded rules, folded plurals keep an \"e\"")
    func accentedRulesOnFoldedInput() {
        #expect(stemmer.stem("configuracoes") == "configuracoe")
        #expect(stemmer.stem("configuracao") == "configuracao")
    }

    static let agreeingWords = [
        "configurações", "balões", "capitães", "papéis", "amáveis", "lençóis", "heróis",
        "mães", "pães", "lápis", "país", "depois", "atrás", "através", "usuários", "números",
        "árvores", "crúcis", "biquínis", "pêsames", "férias", "casas", "bons", "cafés",
    ]

    @Test("Folded mode agrees with folding the accented stem", arguments: agreeingWords)
    func foldedAgreement(_ word: String) {
        #expect(folded.stem(AccentFolding.fold(word)) == AccentFolding.fold(stemmer.stem(word)))
    }

    /// Ambiguities of unaccented spelling: (word, folded stem of the accented word, stem of
    /// the folded word).
    static let ambiguousWords: [(String, String, String)] = [
        ("chalés", "chale", "chal"),  // "chales" meets "les" → "l", which "lés" never did
        ("inglês", "ingle", "ingl"),  // likewise
        ("más", "ma", "mas"),  // "mas" is an exception
    ]

    @Test("Folded mode: known ambiguities of unaccented spelling", arguments: ambiguousWords)
    func foldedAmbiguity(_ word: String, _ foldedStem: String, _ stemOfFolded: String) {
        #expect(AccentFolding.fold(stemmer.stem(word)) == foldedStem)
        #expect(folded.stem(AccentFolding.fold(word)) == stemOfFolded)
    }

    @Test("Folded mode reads accented input as folded and returns no accents")
    func foldedAccentedInput() {
        #expect(folded.stem("balões") == "balao")
        #expect(folded.stem("pé") == "pe")
        #expect(folded.stem("papéis") == "papel")
    }

    @Test("A rule set without a Plural step changes nothing")
    func noPluralStep() throws {
        let rules = try RSLPRules(parsing: "{ \"Vowel\", 0, 0, {},\n  {\"o\", 3}};\n")
        #expect(RSLPSStemmer(rules: rules).stem("meninos") == "meninos")
    }
}

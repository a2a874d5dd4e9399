import Testing

@testable import KBIndex

@Suite("RSLPStemmer: Orengo & Huyck's RSLP")
struct RSLPStemmerTests {
    let stemmer = RSLPStemmer.standard()
    let folded = RSLPStemmer.standard(accentFolded: true)

    /// Applies one step of the standard rules to `word`.
    static func apply(step name: String, to word: String) throws -> String {
        let step = try #require(RSLPRules.standard.step(named: name))
        var scalars = Array(word.unicodeScalars)
        _ = RSLPCompiledStep(step).apply(to: &scalars)
        return String(String.UnicodeScalarView(scalars))
    }

    struct StepCase: Sendable, CustomTestStringConvertible {
        let step: String
        let word: String
        let expected: String
        init(_ step: String, _ word: String, _ expected: String) {
            self.step = step
            self.word = word
            self.expected = expected
        }
        var testDescription: String { "\(step): \(word) → \(expected)" }
    }

    /// The examples in the comments of the rules file (and of the paper), step by step.
    static let commentExamples: [StepCase] = [
        StepCase("Plural", "bons", "bom"),
        StepCase("Plural", "balões", "balão"),
        StepCase("Plural", "capitães", "capitão"),
        StepCase("Plural", "normais", "normal"),
        StepCase("Plural", "papéis", "papel"),
        StepCase("Plural", "amáveis", "amável"),
        StepCase("Plural", "lençóis", "lençol"),
        StepCase("Plural", "barris", "barril"),
        StepCase("Plural", "casas", "casa"),
        StepCase("Adverb", "felizmente", "feliz"),
        StepCase("Feminine", "chefona", "chefão"),
        StepCase("Feminine", "vilã", "vilão"),
        StepCase("Feminine", "professora", "professor"),
        StepCase("Feminine", "americana", "americano"),
        StepCase("Feminine", "sozinha", "sozinho"),
        StepCase("Feminine", "inglesa", "inglês"),
        StepCase("Feminine", "famosa", "famoso"),
        StepCase("Feminine", "maníaca", "maníaco"),
        StepCase("Feminine", "prática", "prático"),
        StepCase("Feminine", "cansada", "cansado"),
        StepCase("Feminine", "mantida", "mantido"),
        StepCase("Feminine", "passiva", "passivo"),
        StepCase("Feminine", "primeira", "primeiro"),
        StepCase("Augmentative", "fortíssimo", "fort"),
        StepCase("Augmentative", "chiquérrimo", "chiqu"),
        StepCase("Augmentative", "pezinho", "pe"),
        StepCase("Augmentative", "maluquinho", "maluc"),
        StepCase("Augmentative", "amiguinho", "amig"),
        StepCase("Augmentative", "carrinho", "carr"),
        StepCase("Augmentative", "grandalhão", "grand"),
        StepCase("Augmentative", "dentuça", "dent"),
        StepCase("Augmentative", "corpázio", "corp"),
        StepCase("Augmentative", "pratarraz", "prat"),
        StepCase("Augmentative", "bocarra", "boc"),
        StepCase("Augmentative", "calorzão", "calor"),
        StepCase("Augmentative", "meninão", "menin"),
        StepCase("Noun", "existencialista", "exist"),
        StepCase("Noun", "minimalista", "minim"),
        StepCase("Noun", "contagem", "cont"),
        StepCase("Noun", "gerenciamento", "gerenc"),
        StepCase("Noun", "monitoramento", "monitor"),
        StepCase("Noun", "nascimento", "nasc"),
        StepCase("Noun", "comercializado", "comerci"),
        StepCase("Noun", "traumatizado", "traum"),
        StepCase("Noun", "alfabetizado", "alfabet"),
        StepCase("Noun", "associativo", "associ"),
        StepCase("Noun", "contraceptivo", "contracep"),
        StepCase("Noun", "abalado", "abal"),
        StepCase("Noun", "impedido", "imped"),
        StepCase("Noun", "ralador", "ral"),
        StepCase("Noun", "entendedor", "entend"),
        StepCase("Noun", "cumpridor", "cumpr"),
        StepCase("Noun", "comparabilidade", "compar"),
        StepCase("Noun", "abolicionista", "abol"),
        StepCase("Noun", "intervencionista", "interven"),
        StepCase("Noun", "profissional", "profiss"),
        StepCase("Noun", "referência", "refer"),
        StepCase("Noun", "repugnância", "repugn"),
        StepCase("Noun", "abatedouro", "abat"),
        StepCase("Noun", "fofoqueiro", "fofoc"),
        StepCase("Noun", "brasileiro", "brasil"),
        StepCase("Noun", "gostoso", "gost"),
        StepCase("Noun", "comercializaç", "comerci"),
        StepCase("Noun", "alegaç", "aleg"),
        StepCase("Noun", "aboliç", "abol"),
        StepCase("Noun", "anedotário", "anedot"),
        StepCase("Noun", "ministério", "minist"),
        StepCase("Noun", "chinês", "chin"),
        StepCase("Noun", "beleza", "bel"),
        StepCase("Noun", "rigidez", "rigid"),
        StepCase("Noun", "parentesco", "parent"),
        StepCase("Noun", "ocupante", "ocup"),
        StepCase("Noun", "bombástico", "bomb"),
        StepCase("Noun", "polêmico", "polêm"),
        StepCase("Noun", "produtividade", "produt"),
        StepCase("Noun", "profundidade", "profund"),
        StepCase("Noun", "aposentadoria", "aposentad"),
        StepCase("Noun", "existencial", "exist"),
        StepCase("Noun", "maluquice", "maluc"),
        StepCase("Noun", "chatice", "chat"),
        StepCase("Noun", "demoníaco", "demon"),
        StepCase("Noun", "decorrente", "decorr"),
        StepCase("Noun", "criminal", "crim"),
        StepCase("Noun", "americano", "americ"),
        StepCase("Noun", "amável", "am"),
        StepCase("Noun", "combustível", "combust"),
        StepCase("Noun", "cobertura", "cobert"),
        StepCase("Noun", "consensual", "consens"),
        StepCase("Noun", "mundial", "mund"),
        StepCase("Noun", "experimental", "experiment"),
        StepCase("Verb", "cantaríamo", "cant"),
        StepCase("Verb", "cantássemo", "cant"),
        StepCase("Verb", "beberíamo", "beb"),
        StepCase("Verb", "bebêssemo", "beb"),
        StepCase("Verb", "partiríamo", "part"),
        StepCase("Verb", "partíssemo", "part"),
        StepCase("Verb", "cantáramo", "cant"),
        StepCase("Verb", "cantariam", "cant"),
        StepCase("Verb", "cantassem", "cant"),
        StepCase("Verb", "bebêramo", "beb"),
        StepCase("Verb", "bebessem", "beb"),
        StepCase("Verb", "partissem", "part"),
        StepCase("Verb", "cantando", "cant"),
        StepCase("Verb", "bebendo", "beb"),
        StepCase("Verb", "partindo", "part"),
        StepCase("Verb", "propondo", "prop"),
        StepCase("Verb", "cantaram", "cant"),
        StepCase("Verb", "cantarei", "cant"),
        StepCase("Verb", "cantavam", "cant"),
        StepCase("Verb", "beberam", "beb"),
        StepCase("Verb", "bebeste", "beb"),
        StepCase("Verb", "concluíram", "conclu"),
        StepCase("Verb", "partiste", "part"),
        StepCase("Verb", "cantamo", "cant"),
        StepCase("Verb", "cantará", "cant"),
        StepCase("Verb", "cantava", "cant"),
        StepCase("Verb", "bebiam", "beb"),
        StepCase("Verb", "partira", "part"),
        StepCase("Verb", "compomo", "comp"),
        StepCase("Verb", "cantam", "cant"),
        StepCase("Verb", "barbear", "barb"),
        StepCase("Verb", "cantar", "cant"),
        StepCase("Verb", "cheguei", "cheg"),
        StepCase("Verb", "cantei", "cant"),
        StepCase("Verb", "beber", "beb"),
        StepCase("Verb", "bebeu", "beb"),
        StepCase("Verb", "bebia", "beb"),
        StepCase("Verb", "partir", "part"),
        StepCase("Verb", "partiu", "part"),
        StepCase("Verb", "chegou", "cheg"),
        StepCase("Verb", "bebi", "beb"),
        StepCase("Vowel", "menina", "menin"),
        StepCase("Vowel", "grande", "grand"),
        StepCase("Vowel", "menino", "menin"),
    ]

    @Test("Each step does what the rules file's comments say", arguments: commentExamples)
    func commentExample(_ example: StepCase) throws {
        #expect(try Self.apply(step: example.step, to: example.word) == example.expected)
    }

    /// Comment examples that the rules' minimum lengths and lists overrule: the rules win.
    static let overruledExamples: [StepCase] = [
        StepCase("Plural", "males", "male"),  // "les" needs a stem of 3: "s" fires instead
        StepCase("Plural", "mares", "mare"),  // likewise "res"
        StepCase("Feminine", "prima", "prima"),  // "ima" needs a stem of 3
        StepCase("Augmentative", "cansadíssimo", "cansa"),  // "díssimo" (the comment says "cansad")
        StepCase("Augmentative", "amabilíssimo", "amabil"),  // "abilíssimo" needs a stem of 5
        StepCase("Augmentative", "cansadinho", "cans"),  // "adinho" (the comment says "cansad")
        StepCase("Augmentative", "ricaço", "ricaço"),  // "aço" needs a stem of 4
        StepCase("Noun", "esportivo", "espor"),  // "tivo" comes before "ivo"
        StepCase("Noun", "artista", "artista"),  // "ista" needs a stem of 4
        StepCase("Plural", "mães", "mãe"),  // "mães" is an exception of "ães", not of "s"
        StepCase("Plural", "lápis", "lápis"),  // exception of "is" and of "s"
        StepCase("Adverb", "experimente", "experimente"),  // exception of "mente"
        StepCase("Augmentative", "coração", "coração"),  // exception of "ão"
    ]

    @Test("Where a comment and the rules disagree, the rules decide", arguments: overruledExamples)
    func overruledExample(_ example: StepCase) throws {
        #expect(try Self.apply(step: example.step, to: example.word) == example.expected)
    }

    /// Whole words through all steps and accent removal.
    static let pipelineCases: [(String, String)] = [
        ("bons", "bom"), ("balões", "bal"), ("capitães", "capitao"), ("normais", "norm"),
        ("papéis", "papel"), ("amáveis", "am"), ("lençóis", "lencol"), ("barris", "barril"),
        ("males", "mal"), ("mares", "mar"), ("casas", "cas"), ("felizmente", "feliz"),
        ("chefona", "chef"), ("vilã", "vil"), ("professora", "profes"), ("professoras", "profes"),
        ("americana", "americ"), ("inglesa", "ingl"), ("famosa", "fam"), ("prática", "pratic"),
        ("cansada", "cans"), ("cansadas", "cans"), ("primeira", "prim"), ("passiva", "passiv"),
        ("fortíssimo", "fort"), ("carrinho", "carr"), ("meninão", "menin"), ("gostoso", "gost"),
        ("brasileiro", "brasil"), ("beleza", "bel"), ("cantando", "cant"),
        ("cantaríamos", "cant"), ("partiram", "part"), ("chegou", "cheg"), ("gostaria", "gost"),
        ("menina", "menin"), ("meninas", "menin"), ("menino", "menin"), ("meninos", "menin"),
        ("grande", "grand"), ("configuração", "configur"), ("configurações", "configur"),
        ("configurar", "configur"), ("configurando", "configur"), ("configurado", "configur"),
        ("configurada", "configur"), ("configurável", "configur"), ("informação", "inform"),
        ("informações", "inform"), ("nação", "nacao"), ("nações", "nacao"),
        ("coração", "coracao"), ("corações", "coracao"), ("mãe", "mae"), ("mães", "mae"),
        ("pão", "pao"), ("pães", "pao"), ("alemão", "alem"), ("alemães", "alem"),
        ("irmã", "irm"), ("irmãs", "irm"), ("lápis", "lapis"), ("mais", "mais"),
        ("país", "pais"), ("atrás", "atras"), ("café", "cafe"), ("cafés", "cafe"),
        ("sofá", "sof"), ("bebê", "bebe"), ("rapidamente", "rap"), ("experimente", "experim"),
        ("experimentalmente", "experiment"), ("português", "portugu"),
        ("portugueses", "portugues"), ("mulheres", "mulh"), ("jornais", "jorn"),
        ("trens", "tr"), ("homens", "hom"), ("jardins", "jardim"), ("usuário", "usu"),
        ("usuários", "usu"), ("senha", "senh"), ("senhas", "senh"), ("sistema", "sistem"),
        ("sistemas", "sistem"), ("acesso", "acess"), ("acessar", "acess"),
        ("acessando", "acess"), ("pé", "pe"), ("a", "a"), ("", ""),
    ]

    @Test("Full pipeline, accents removed at the end", arguments: pipelineCases)
    func pipeline(_ word: String, _ expected: String) {
        #expect(stemmer.stem(word) == expected)
    }

    @Test("Verb runs only if no Noun rule fired, Vowel only if no Verb rule fired")
    func stepChaining() {
        // Noun fires ("oso"): the Verb and Vowel steps are skipped.
        #expect(stemmer.stem("gostoso") == "gost")
        // No Noun rule, a Verb rule ("ando"): Vowel skipped.
        #expect(stemmer.stem("cantando") == "cant")
        // Neither: Vowel removes the final "o".
        #expect(stemmer.stem("menino") == "menin")
    }

    @Test("Missing steps are skipped")
    func missingSteps() throws {
        let rules = try RSLPRules(
            parsing: """
                { "Plural", 3, 1, {"s"},
                  {"s", 2}};
                { "Vowel", 0, 0, {},
                  {"o", 3}};
                """
        )
        let stemmer = RSLPStemmer(rules: rules)
        #expect(stemmer.stem("meninos") == "menin")
        #expect(stemmer.stem("cantando") == "cantand")
        #expect(RSLPStemmer(rules: RSLPRules(steps: [])).stem("ações") == "acoes")
    }

    // MARK: Folded mode

    @Test(
        "Folded mode: the configuração family has one stem",
        arguments: ["configuração", "configurações", "configuracao", "configuracoes"]
    )
    func foldedFamily(_ word: String) {
        #expect(folded.stem(word) == "configur")
        #expect(folded.stem(AccentFolding.fold(word)) == "configur")
    }

    @Test("Without folded rules, folded input falls apart")
    func accentedRulesOnFoldedInput() {
        #expect(stemmer.stem("configuracao") == "configuraca")
        #expect(stemmer.stem("configuracoes") == "configuraco")
    }

    /// Words whose folded form gets the folded stem of the accented word.
    static let agreeingWords = [
        "configurações", "informações", "ações", "balões", "capitães", "papéis", "amáveis",
        "lençóis", "heróis", "chefona", "vilã", "irmã", "irmãs", "manhã", "inglesa",
        "maníaca", "prática", "saída", "dúvida", "vida", "mantida", "fortíssimo",
        "chiquérrimo", "corpázio", "grandalhão", "coração", "nação", "meninão", "referência",
        "repugnância", "ambulância", "anedotário", "ministério", "bombástico", "polêmico",
        "combustível", "amável", "possível", "cantaríamos", "cantássemos", "bebêssemos",
        "partíssemos", "concluíram", "cantará", "depois", "pois", "mães", "pães", "país",
        "lápis", "cândido", "rápido", "tímido", "marido", "usuário", "número",
        "público", "título", "página", "relatório", "política", "você", "é",
    ]

    @Test("Folded mode agrees with folding the accented stem", arguments: agreeingWords)
    func foldedAgreement(_ word: String) {
        #expect(folded.stem(AccentFolding.fold(word)) == AccentFolding.fold(stemmer.stem(word)))
    }

    /// Where unaccented spelling is truly ambiguous: (word, folded stem of the accented
    /// word, stem of the folded word).
    static let ambiguousWords: [(String, String, String)] = [
        ("café", "cafe", "caf"),  // "cafe" is read like "grande": Vowel removes the "e"
        ("bebê", "bebe", "bebe"),  // folded "bebê" is the verb form "bebe", kept by "bebê"
        ("agrária", "agrar", "agr"),  // "agraria" meets the Verb rule "aria" (cantaria)
        ("amém", "amem", "am"),  // "amem" meets the Verb rule "em"
        ("através", "atraves", "atrav"),  // "atraves" meets the Noun rule "ês" (chinês)
    ]

    @Test("Folded mode: known ambiguities of unaccented spelling", arguments: ambiguousWords)
    func foldedAmbiguity(_ word: String, _ foldedStem: String, _ stemOfFolded: String) {
        #expect(AccentFolding.fold(stemmer.stem(word)) == foldedStem)
        #expect(folded.stem(AccentFolding.fold(word)) == stemOfFolded)
    }

    @Test("Folded mode reads accented input as folded and returns no accents")
    func foldedAccentedInput() {
        for word in ["ações", "lençóis", "português", "pé", "mãe", "coração", "señor"] {
            let stem = folded.stem(word)
            #expect(stem == folded.stem(AccentFolding.fold(word)))
            #expect(stem == AccentFolding.fold(stem))
        }
    }

    @Test("The standard stemmers are built once per mode")
    func standardIsShared() {
        #expect(!RSLPStemmer.standard().accentFolded)
        #expect(RSLPStemmer.standard(accentFolded: true).accentFolded)
    }
}

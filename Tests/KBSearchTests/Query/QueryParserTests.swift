import KBTestSupport
import Testing

@testable import KBSearch

/// A plain word clause.
private func word(_ text: String, _ occurrence: Query.Occurrence = .should, prefix: Bool = false) -> Query.Clause {
    Query.Clause(text: text, isPhrase: false, occurrence: occurrence, isPrefix: prefix)
}

/// A phrase clause.
private func phrase(_ text: String, _ occurrence: Query.Occurrence = .should) -> Query.Clause {
    Query.Clause(text: text, isPhrase: true, occurrence: occurrence, isPrefix: false)
}

@Suite struct QueryParserTests {
    private let parser = QueryParser()

    @Test(arguments: [
        // Free words, raw: not lowercased, not folded.
        (
            "nao consigo imprimir frente e verso",
            [
                word("nao"), word("consigo"), word("imprimir"), word("frente"), word("e"), word("verso", prefix: true),
            ]
        ),
        ("Não consigo IMPRIMIR", [word("Não"), word("consigo"), word("IMPRIMIR", prefix: true)]),
        ("configuração da impressão", [word("configuração"), word("da"), word("impressão", prefix: true)]),
        // Phrases, exclusions, required words and phrases.
        ("\"nota fiscal\" -cancelada", [phrase("nota fiscal"), word("cancelada", .mustNot)]),
        ("+senha \"lembrar de mim\"", [word("senha", .must), phrase("lembrar de mim")]),
        ("+\"nota fiscal\" -\"nota de débito\"", [phrase("nota fiscal", .must), phrase("nota de débito", .mustNot)]),
        ("\"nota fiscal\"-cancelada", [phrase("nota fiscal"), word("cancelada", .mustNot)]),
        ("\"nota -fiscal +x\"", [phrase("nota -fiscal +x")]),
        ("\"impressora\"", [phrase("impressora")]),
        ("  \"  nota \t\n fiscal  \"  ", [phrase("nota fiscal")]),
        // Typographic quotes from phone keyboards and word processors.
        ("“nota fiscal” -cancelada", [phrase("nota fiscal"), word("cancelada", .mustNot)]),
        ("”nota fiscal“", [phrase("nota fiscal")]),
        // The prefix while typing.
        ("impr", [word("impr", prefix: true)]),
        ("impr ", [word("impr")]),
        ("impr\n", [word("impr")]),
        ("-impr", [word("impr", .mustNot)]),
        ("+impr", [word("impr", .must, prefix: true)]),
        ("impr\"", [word("impr")]),
        ("impressora?", [word("impressora?")]),
        ("impressora 😀", [word("impressora"), word("😀")]),
        ("impressa\u{0303}", [word("impressa\u{0303}", prefix: true)]),
        ("versão 7", [word("versão"), word("7", prefix: true)]),
        // Unbalanced and empty quotes.
        ("\"nota fisc", [phrase("nota fisc")]),
        ("cancelar \"nota fiscal", [word("cancelar"), phrase("nota fiscal")]),
        ("\"a\" \"b", [phrase("a"), phrase("b")]),
        ("\"", []),
        ("\"\"", []),
        ("\" \t \"", []),
        ("-\"\"", []),
        ("+\"", []),
        ("a \"\" b", [word("a"), word("b", prefix: true)]),
        ("monitor 24\"", [word("monitor"), word("24")]),
        ("abc\"de f\"gh", [word("abc"), phrase("de f"), word("gh", prefix: true)]),
        // Lone and doubled operators.
        ("-", []),
        ("+", []),
        ("- + -", []),
        ("impressora -", [word("impressora")]),
        ("impressora - papel", [word("impressora"), word("papel", prefix: true)]),
        ("- \"nota fiscal\"", [phrase("nota fiscal")]),
        ("--verbose ajuda", [word("--verbose"), word("ajuda", prefix: true)]),
        ("--x", [word("--x", prefix: true)]),
        ("-+x", [word("-+x", prefix: true)]),
        ("+-x ", [word("+-x")]),
        ("+-", [word("+-")]),
        ("++", [word("++")]),
        // A sign before a digit is part of a number or an error code.
        ("erro -2147024891 ", [word("erro"), word("-2147024891")]),
        ("+5511 ", [word("+5511")]),
        ("-(x)", [word("(x)", .mustNot)]),
        // Hyphens inside words.
        ("e-mail", [word("e-mail", prefix: true)]),
        ("emitir NF-e", [word("emitir"), word("NF-e", prefix: true)]),
        ("guarda-chuva ", [word("guarda-chuva")]),
        ("-e-mail", [word("e-mail", .mustNot)]),
        ("+guarda-chuva", [word("guarda-chuva", .must, prefix: true)]),
        ("e-", [word("e-")]),
        // Punctuation, symbols and emoji are text.
        ("?!...", [word("?!...")]),
        ("erro: falha (code)", [word("erro:"), word("falha"), word("(code)")]),
        ("R$ 1.234,56", [word("R$"), word("1.234,56", prefix: true)]),
        ("😀😀😀", [word("😀😀😀")]),
        ("👍 obrigado", [word("👍"), word("obrigado", prefix: true)]),
        ("👨‍👩‍👧 família", [word("👨‍👩‍👧"), word("família", prefix: true)]),
        ("中文 и русский", [word("中文"), word("и"), word("русский", prefix: true)]),
        // Whitespace and control characters separate; U+FFFD is text.
        ("", []),
        ("   \t\n ", []),
        ("\u{0}", []),
        ("impr\u{0}essora", [word("impr"), word("essora", prefix: true)]),
        ("nota\u{00A0}fiscal\u{3000}eletrônica", [word("nota"), word("fiscal"), word("eletrônica", prefix: true)]),
        ("\r\nimpressora\r\n", [word("impressora")]),
        ("\u{1B}[31merro\u{1B}[0m", [word("[31merro"), word("[0m", prefix: true)]),
        ("\u{FFFD}", [word("\u{FFFD}")]),
        ("a\u{FFFD}b", [word("a\u{FFFD}b", prefix: true)]),
    ])
    func parses(input: String, expected: [Query.Clause]) {
        let query = parser.parse(input)
        #expect(query.clauses == expected)
        #expect(!query.wasTruncated)
        #expect(query.isEmpty == expected.isEmpty)
    }

    @Test(arguments: ["impr", "+impr", "e-mail", "a b c"])
    func prefixCanBeTurnedOff(input: String) {
        let query = QueryParser(options: .init(prefixLastWord: false)).parse(input)
        #expect(query.clauses.allSatisfy { !$0.isPrefix })
        #expect(query.clauses.count == parser.parse(input).clauses.count)
    }

    @Test func defaultLimits() {
        #expect(QueryParser.defaultMaximumCharacters == 512)
        #expect(QueryParser.defaultMaximumClauses == 32)
        #expect(QueryParserOptions().maximumCharacters == 512)
        #expect(QueryParserOptions().maximumClauses == 32)
        #expect(QueryParserOptions().prefixLastWord)
    }

    // MARK: - Character limit

    @Test func longTextIsCutAtAWordBoundary() {
        // 22 + 1 characters per word: the limit (512) falls inside the 23rd word.
        let unit = "configuracoesavancadas"
        let text = Array(repeating: unit, count: 500).joined(separator: " ")
        let query = parser.parse(text)
        #expect(query.wasTruncated)
        #expect(query.clauses == Array(repeating: word(unit), count: 22))
    }

    @Test func tenThousandCharactersOfTextAreCut() {
        let sentence = "Não consigo imprimir a nota fiscal eletrônica, aparece o erro 0x80070005 (acesso negado). "
        var text = ""
        while text.count < 10_000 { text += sentence }
        let words = Set(sentence.split(separator: " ").map(String.init))

        let query = parser.parse(text)
        #expect(query.wasTruncated)
        #expect(query.clauses.count == 32)
        #expect(query.clauses.allSatisfy { words.contains($0.text) && !$0.isPrefix && !$0.isPhrase })

        // With room for every clause, the character limit alone decides, at a word boundary.
        let unlimited = QueryParser(options: .init(maximumClauses: .max)).parse(text)
        #expect(unlimited.wasTruncated)
        #expect(unlimited.clauses.allSatisfy { words.contains($0.text) && !$0.isPrefix })
        let readCharacters = unlimited.clauses.reduce(0) { $0 + $1.text.count + 1 }
        #expect(readCharacters <= 512 + 1)
        #expect(readCharacters > 512 - QueryParser.wordBoundarySearchCharacters)
    }

    @Test func cutExactlyAtTheLimitWhenAWhitespaceFollows() {
        let text = String(repeating: "a", count: 100) + " " + String(repeating: "b", count: 411) + " c"
        #expect(text.count == 514)
        let query = parser.parse(text)
        #expect(query.wasTruncated)
        #expect(query.clauses.map(\.text) == [String(repeating: "a", count: 100), String(repeating: "b", count: 411)])
        #expect(query.clauses.allSatisfy { !$0.isPrefix })
    }

    @Test func textAtTheLimitIsNotTruncated() {
        let text = String(repeating: "a", count: 200) + " " + String(repeating: "b", count: 311)
        #expect(text.count == 512)
        let query = parser.parse(text)
        #expect(!query.wasTruncated)
        #expect(
            query.clauses == [
                word(String(repeating: "a", count: 200)), word(String(repeating: "b", count: 311), prefix: true),
            ])
    }

    @Test(arguments: [
        // (offset of the only space, expected clause lengths); the limit is at offset 512.
        (480, [480]),  // 32 characters before the limit: the cut moves back to the space.
        (479, [479, 32]),  // 33 characters before: too far, the word is cut at the limit.
        (511, [511]),
    ])
    func wordBoundaryIsSearchedInTheLast32Characters(space: Int, expected: [Int]) {
        let text = String(repeating: "a", count: space) + " " + String(repeating: "b", count: 600)
        let query = parser.parse(text)
        #expect(query.wasTruncated)
        #expect(query.clauses.map(\.text.count) == expected)
    }

    @Test func textWithoutWhitespaceIsCutAtTheLimit() {
        let query = parser.parse(String(repeating: "x", count: 10_000))
        #expect(query.wasTruncated)
        #expect(query.clauses == [word(String(repeating: "x", count: 512))])
    }

    @Test(arguments: ["e\u{0301}", "🇧🇷", "👨‍👩‍👧", "\r\n"])
    func cutFallsOnACharacterBoundary(character: String) {
        // Multi-scalar characters: the cut must not split one.
        let text = "a" + String(repeating: character, count: 2_000)
        let query = QueryParser(options: .init(maximumCharacters: 100)).parse(text)
        #expect(query.wasTruncated)
        let read = query.clauses.map(\.text).joined()
        #expect(read.unicodeScalars.count == 1 + (read.count - 1) * character.unicodeScalars.count)
        #expect(read.count <= 100)
    }

    @Test func longGraphemeClusterCountsAsOneCharacter() {
        let zalgo = "a" + String(repeating: "\u{0301}", count: 5_000)
        let query = parser.parse(zalgo + " b")
        #expect(!query.wasTruncated)
        #expect(query.clauses == [word(zalgo), word("b", prefix: true)])
    }

    // MARK: - Clause limit

    @Test func hundredWordsGiveThirtyTwoClauses() {
        let words = (0..<100).map { "p\($0)" }
        let query = parser.parse(words.joined(separator: " "))
        #expect(query.wasTruncated)
        #expect(query.clauses == words.prefix(32).map { word($0) })
    }

    @Test func thirtyTwoClausesAreNotTruncated() {
        let words = (0..<32).map { "p\($0)" }
        let query = parser.parse(words.joined(separator: " ") + " - \"\" + \"")
        #expect(!query.wasTruncated)
        #expect(query.clauses.count == 32)
        let typing = parser.parse(words.joined(separator: " "))
        #expect(!typing.wasTruncated)
        #expect(typing.clauses.last == word("p31", prefix: true))
    }

    @Test func phrasesCountAsOneClause() {
        let query = QueryParser(options: .init(maximumClauses: 2)).parse("\"a b c\" -\"d e\" f")
        #expect(query.wasTruncated)
        #expect(query.clauses == [phrase("a b c"), phrase("d e", .mustNot)])
    }

    @Test(arguments: [0, -1, Int.min])
    func nonPositiveLimitsReadNothing(limit: Int) {
        let noCharacters = QueryParser(options: .init(maximumCharacters: limit)).parse("impressora")
        #expect(noCharacters.isEmpty && noCharacters.wasTruncated)
        let noClauses = QueryParser(options: .init(maximumClauses: limit)).parse("impressora")
        #expect(noClauses.isEmpty && noClauses.wasTruncated)
        #expect(!QueryParser(options: .init(maximumCharacters: limit)).parse("").wasTruncated)
        #expect(!QueryParser(options: .init(maximumClauses: limit)).parse("  - \"\" ").wasTruncated)
    }

    @Test func hugeLimitsReadEverything() {
        let text = String(repeating: "nota fiscal ", count: 10_000)
        let query = QueryParser(options: .init(maximumCharacters: .max, maximumClauses: .max)).parse(text)
        #expect(!query.wasTruncated)
        #expect(query.clauses.count == 20_000)
    }

    // MARK: - Properties

    @Test func randomTextAlwaysParsesToAWellFormedQuery() {
        let seed: UInt64 = 0x0_9E41_0001
        var generator = SeededGenerator(seed: seed)
        for round in 0..<3_000 {
            let length = round % 10 == 0 ? 2_000 : 60
            let text = RandomText.make(using: &generator, maximumLength: length)
            let options = QueryParserOptions(
                prefixLastWord: Bool.random(using: &generator),
                maximumCharacters: round % 3 == 0 ? Int.random(in: 0...600, using: &generator) : 512,
                maximumClauses: round % 3 == 1 ? Int.random(in: 0...40, using: &generator) : 32
            )
            let query = QueryParser(options: options).parse(text)
            let context: Comment = "seed \(seed), round \(round), options \(options), text \(text.debugDescription)"

            #expect(query == QueryParser(options: options).parse(text), context)
            #expect(query.clauses.count <= max(0, options.maximumClauses), context)
            #expect(query.clauses.allSatisfy { !$0.text.isEmpty }, context)
            for clause in query.clauses {
                #expect(!clause.text.unicodeScalars.contains(where: QueryParser.isQuote), context)
                if clause.isPhrase {
                    // Words separated by single spaces (split scalars: a space and a combining
                    // mark after it form one Character).
                    let words = clause.text.unicodeScalars.split(separator: " ", omittingEmptySubsequences: false)
                    #expect(words.allSatisfy { !$0.isEmpty && !$0.contains(where: QueryParser.isSeparator) }, context)
                } else {
                    #expect(!clause.text.unicodeScalars.contains(where: QueryParser.isSeparator), context)
                }
            }
            let prefixes = query.clauses.indices.filter { query.clauses[$0].isPrefix }
            #expect(prefixes.count <= 1, context)
            if let index = prefixes.first {
                let clause = query.clauses[index]
                #expect(index == query.clauses.count - 1, context)
                #expect(!clause.isPhrase && clause.occurrence != .mustNot, context)
                #expect(options.prefixLastWord && !query.wasTruncated, context)
            }
            if !query.wasTruncated {
                // What was read is what was typed: only separators, quotes and operators go.
                let kept = query.clauses.reduce(0) { $0 + $1.text.unicodeScalars.count(where: { $0 != " " }) }
                let typed = text.unicodeScalars.count(where: {
                    !QueryParser.isSeparator($0) && !QueryParser.isQuote($0)
                })
                #expect(kept <= typed, context)
            }

            // Rendering and parsing again gives the same clauses (the prefix mark aside).
            var plain = query
            for index in plain.clauses.indices { plain.clauses[index].isPrefix = false }
            plain.wasTruncated = false
            let reparser = QueryParser(
                options: .init(prefixLastWord: false, maximumCharacters: .max, maximumClauses: .max))
            #expect(reparser.parse(plain.description) == plain, context)
        }
    }

    @Test func operatorHeavyTextParses() {
        let seed: UInt64 = 0x0_9E41_0002
        var generator = SeededGenerator(seed: seed)
        let alphabet: [Character] = ["-", "+", "\"", "“", "”", " ", "a", "1", "\n", "\u{0}"]
        for round in 0..<2_000 {
            let text = String(
                (0..<Int.random(in: 0...30, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! })
            let query = parser.parse(text)
            let context: Comment = "seed \(seed), round \(round), text \(text.debugDescription)"
            #expect(query.clauses.allSatisfy { !$0.text.isEmpty }, context)
            #expect(!query.wasTruncated, context)
            for clause in query.clauses where clause.occurrence != .should {
                // An operator is never followed by a sign or a digit.
                let first = clause.text.unicodeScalars.first!
                #expect(clause.isPhrase || (!QueryParser.isSign(first) && !QueryParser.isDecimalDigit(first)), context)
            }
        }
    }
}

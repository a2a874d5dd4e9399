import KBIndex
import KBTestSupport
import Testing

@testable import KBSearch

@Suite struct SnippetGeneratorTests {
    let analyzer = Analyzer()
    var generator: SnippetGenerator { SnippetGenerator(analyzer: analyzer) }

    /// A sentence without any of the query words used below (about 80 characters).
    static let filler = "O sistema registra cada acesso no histórico do portal para consulta posterior. "

    /// The index terms of `query`, as the search engine would match them.
    func terms(_ query: String) -> Set<String> {
        Set(analyzer.terms(in: query))
    }

    // MARK: Highlighting

    @Test(arguments: [
        ("Abra as Configurações do sistema.", "configuracao", ["Configurações"]),
        ("CONFIGURAÇÃO da IMPRESSORA", "configurações impressoras", ["CONFIGURAÇÃO", "IMPRESSORA"]),
        ("Abra as Configurac\u{327}o\u{303}es (NFD).", "configuração", ["Configurac\u{327}o\u{303}es"]),
        ("Troque o e-mail cadastrado", "email", ["e-mail"]),
        ("Troque o e-mail cadastrado", "mail", ["mail"]),
        ("Não consigo imprimir o boleto", "imprimir boletos", ["imprimir", "boleto"]),
        // "impresora" (typo) is corrected by the engine to the index term of "impressora".
        ("A impressora não liga", "impressora", ["impressora"]),
        ("Como alterar a senha", "de a o", []),
    ])
    func highlightsTheWordsWhoseTermsMatched(body: String, query: String, expected: [String]) {
        let snippet = generator.snippet(for: body, matching: terms(query))
        expectConsistent(snippet)
        #expect(snippet.text == body)
        #expect(snippet.highlightRanges.map { String(snippet.text[$0]) } == expected)
        for word in expected {
            #expect(snippet.html.contains("<mark>\(word)</mark>"))
        }
    }

    @Test func adjacentWordsGetTheirOwnMarks() {
        let snippet = generator.snippet(
            for: "Emita a segunda via da nota fiscal", matching: terms("segunda via nota fiscal"))
        #expect(
            snippet.html == "Emita a <mark>segunda</mark> <mark>via</mark> da <mark>nota</mark> <mark>fiscal</mark>")
        #expect(snippet.highlights == [8..<15, 16..<19, 23..<27, 28..<34])
    }

    @Test func overlappingMatchesShareOneMark() {
        let snippet = generator.snippet(for: "um copo-d'água gelado", matching: terms("copo-d'água"))
        #expect(snippet.html == "um <mark>copo-d&#39;água</mark> gelado")
        #expect(snippet.highlights.count == 1)
    }

    // MARK: Escaping

    @Test(arguments: [("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"), ("\"", "&quot;"), ("'", "&#39;")])
    func escapesEverySpecialCharacterOfTheBody(character: String, entity: String) {
        let body = "x\(character)y imprimir \(character)"
        let snippet = generator.snippet(for: body, matching: terms("imprimir"))
        #expect(snippet.text == body)
        #expect(snippet.html == "x\(entity)y <mark>imprimir</mark> \(entity)")
    }

    @Test(arguments: [
        (
            "<script>alert(1)</script> Como imprimir", "imprimir",
            "&lt;script&gt;alert(1)&lt;/script&gt; Como <mark>imprimir</mark>"
        ),
        ("<script>alert(1)</script>", "alert", "&lt;script&gt;<mark>alert</mark>(1)&lt;/script&gt;"),
        ("a<b>imprimir</b>", "imprimir", "a&lt;b&gt;<mark>imprimir</mark>&lt;/b&gt;"),
        (
            "Acesse https://example.com/a?x=1&y=2 agora", "https://example.com/a?x=1&y=2",
            "Acesse https://<mark>example.com/a?x=1&amp;y=2</mark> agora"
        ),
    ])
    func markupInTheTextIsText(body: String, query: String, expected: String) {
        let snippet = generator.snippet(for: body, matching: terms(query))
        #expect(snippet.html == expected)
        #expect(snippet.highlights.count == 1)
        #expect(!snippet.html.contains("<script"))
    }

    @Test func highlightsAWholeTitle() {
        let title = "Como alterar as <Configurações> & a \"senha\""
        let snippet = generator.highlight(title, matching: terms("configuracao senha"))
        #expect(snippet.text == title)
        #expect(
            snippet.html
                == "Como alterar as &lt;<mark>Configurações</mark>&gt; &amp; a &quot;<mark>senha</mark>&quot;")
        expectConsistent(snippet)
    }

    @Test func titleHighlightKeepsLongTitlesWhole() {
        let title = String(repeating: "Configurações da impressora ", count: 20)
        let snippet = generator.highlight(title, matching: terms("impressora"))
        #expect(snippet.text == String(title.dropLast()))
        #expect(snippet.highlights.count == 20)
    }

    // MARK: Choosing the passage

    @Test func choosesTheWindowWithMostDistinctTerms() {
        let body =
            "A impressora da sala está sem papel.\n" + String(repeating: Self.filler, count: 4)
            + "\nPara trocar o toner da impressora, abra a tampa frontal.\n" + String(repeating: Self.filler, count: 4)
        let snippet = generator.snippet(for: body, matching: terms("toner impressora"))
        expectConsistent(snippet)
        #expect(snippet.text.hasPrefix("…Para trocar o toner"))
        #expect(snippet.text.hasSuffix("…"))
        #expect(snippet.highlightRanges.map { String(snippet.text[$0]) } == ["toner", "impressora"])
    }

    @Test func weightsPreferRareTerms() {
        let body =
            "O toner acabou.\n" + String(repeating: Self.filler, count: 4)
            + "\nA impressora imprime em papel reciclado.\n" + String(repeating: Self.filler, count: 4)
        let query = terms("toner impressora papel")
        let plain = generator.snippet(for: body, matching: query)
        #expect(plain.text.hasPrefix("…A impressora imprime em papel"))
        var weights: [String: Double] = [:]
        for term in query { weights[term] = 1 }
        for term in terms("toner") { weights[term] = 5 }
        let weighted = generator.snippet(for: body, matching: query, weights: weights)
        #expect(weighted.text.hasPrefix("O toner acabou."))
    }

    @Test func moreMatchesBreakTies() {
        let body =
            "Esqueci a senha.\n" + String(repeating: Self.filler, count: 4)
            + "\nA senha expira em 90 dias; troque a senha antes ou peça uma senha nova.\n"
            + String(repeating: Self.filler, count: 2)
        let snippet = generator.snippet(for: body, matching: terms("senha"))
        #expect(snippet.text.hasPrefix("…A senha expira"))
        #expect(snippet.highlights.count == 3)
    }

    @Test func earliestWindowWinsOtherwise() {
        let body = "Reinicie o roteador. " + String(repeating: Self.filler, count: 4) + "Reinicie o roteador."
        let snippet = generator.snippet(for: body, matching: terms("roteador"))
        #expect(snippet.text.hasPrefix("Reinicie o roteador."))
        #expect(snippet.text.hasSuffix("…"))
    }

    @Test func startsAtTheSentenceWhenItFits() {
        let body = String(repeating: Self.filler, count: 3) + "Depois, redefina a senha no portal. " + Self.filler
        let snippet = generator.snippet(for: body, matching: terms("senha"))
        #expect(snippet.text.hasPrefix("…Depois, redefina a senha"))
    }

    @Test func startsAFewWordsBeforeTheMatchInALongSentence() {
        let words = (0..<120).map { "palavra\($0)" }
        let body = (words[..<60] + ["impressora"] + words[60...]).joined(separator: " ")
        let snippet = generator.snippet(for: body, matching: terms("impressora"))
        expectWholeWords(snippet, of: body)
        let before = snippet.highlights.first!.lowerBound
        #expect(before > 3 && before <= 3 + 160 / 5 + 1)
    }

    @Test func fillsTheWindowBeforeAMatchNearTheEnd() {
        let words = (0..<120).map { "palavra\($0)" }
        let body = (words + ["impressora", "fim."]).joined(separator: " ")
        let snippet = generator.snippet(for: body, matching: terms("impressora"))
        expectWholeWords(snippet, of: body)
        #expect(snippet.text.hasSuffix("impressora fim."))
        #expect(snippet.text.unicodeScalars.count > 140)
    }

    // MARK: Cutting

    @Test(arguments: [1, 20, 60, 160, 300])
    func cutsBetweenWordsWithEllipses(targetLength: Int) {
        let words = (0..<300).map { "p\($0)" + String(repeating: "x", count: $0 % 7) }
        let body = (words[..<150] + ["impressora"] + words[150...]).joined(separator: " ")
        let generator = SnippetGenerator(analyzer: analyzer, targetLength: targetLength)
        let snippet = generator.snippet(for: body, matching: terms("impressora"))
        expectConsistent(snippet)
        expectWholeWords(snippet, of: body)
        #expect(snippet.text.hasPrefix("…") && snippet.text.hasSuffix("…"))
        #expect(snippet.highlightRanges.map { String(snippet.text[$0]) } == ["impressora"])
        #expect(snippet.text.unicodeScalars.count <= targetLength + SnippetGenerator.maximumWordOverflow + 2)
    }

    @Test(arguments: [5, 10, 17, 23, 31, 45, 80])
    func neverCutsMultiByteCharacters(targetLength: Int) {
        let pieces = ["ação", "coração", "pão", "ñandú", "😀😀", "中文字", "e\u{301}te\u{301}", "क\u{93F}", "👍🏽", "Ж"]
        var words: [String] = []
        for index in 0..<200 {
            words.append(pieces[(index * 7 + index / 3) % pieces.count])
        }
        words[100] = "impressora"
        let body = words.joined(separator: " ")
        let generator = SnippetGenerator(analyzer: analyzer, targetLength: targetLength)
        for query in ["impressora", "", "coração"] {
            let snippet = generator.snippet(for: body, matching: terms(query))
            expectConsistent(snippet)
            expectWholeWords(snippet, of: body)
        }
    }

    @Test func newlinesAndWhitespaceRunsBecomeOneSpace() {
        let snippet = generator.snippet(
            for: "\n  Linha um\nLinha dois\r\n\tLinha  três\u{2028}fim\n\n", matching: terms("linha"))
        #expect(snippet.text == "Linha um Linha dois Linha três fim")
        #expect(snippet.highlights.count == 3)
    }

    @Test func emptyBodyGivesAnEmptySnippet() {
        #expect(generator.snippet(for: "", matching: terms("senha")) == .empty)
        #expect(generator.snippet(for: " \n\t ", matching: terms("senha")) == .empty)
        #expect(generator.highlight("", matching: terms("senha")) == .empty)
    }

    @Test func shortBodyIsShownWhole() {
        let body = "Como imprimir o boleto?"
        let snippet = generator.snippet(for: body, matching: terms("boleto"))
        #expect(snippet.text == body)
        #expect(snippet.html == "Como imprimir o <mark>boleto</mark>?")
    }

    @Test func withoutAMatchShowsTheStartOfTheBody() {
        let body = String(repeating: Self.filler, count: 5)
        for query in ["toner", ""] {
            let snippet = generator.snippet(for: body, matching: terms(query))
            expectWholeWords(snippet, of: body.trimmingSuffixSpaces)
            #expect(snippet.text.hasPrefix("O sistema registra"))
            #expect(snippet.text.hasSuffix("…"))
            #expect(!snippet.hasHighlights)
        }
    }

    @Test func withoutAMatchShowsTheFallback() {
        let body = String(repeating: Self.filler, count: 5)
        let summary = generator.snippet(for: body, matching: terms("toner"), fallback: "Resumo: troca do toner.")
        #expect(summary.html == "Resumo: troca do <mark>toner</mark>.")
        let unused = generator.snippet(for: body, matching: terms("portal"), fallback: "Resumo")
        #expect(unused.text.contains("portal"))
    }

    @Test func cutsAVeryLongWordBetweenCharacters() {
        let snippet = generator.snippet(for: String(repeating: "x", count: 1_000), matching: terms("senha"))
        #expect(snippet.text == String(repeating: "x", count: 160) + "…")
        let accented = generator.snippet(for: String(repeating: "e\u{301}", count: 1_000), matching: [])
        #expect(accented.text.unicodeScalars.count == 161)
        #expect(accented.text.unicodeScalars.last == "…")
    }

    @Test func skipsAVeryLongWordAfterTheMatch() {
        let long = String(repeating: "x", count: 1_000)
        let after = generator.snippet(for: "impressora " + long, matching: terms("impressora"))
        #expect(after.text == "impressora…")
        let around = generator.snippet(for: long + " impressora " + long, matching: terms("impressora"))
        #expect(around.text == "…impressora…")
        #expect(around.html == "…<mark>impressora</mark>…")
    }

    @Test func finishesAShortWordThatHoldsTheLastMatch() {
        // "impressora" ends at scalar 159 of 160; its word "(impressora)." at 161.
        let body = "Senha " + String(repeating: "a ", count: 71) + "(impressora). " + Self.filler
        let snippet = generator.snippet(for: body, matching: terms("senha impressora"))
        #expect(snippet.text.hasPrefix("Senha a a"))
        #expect(snippet.text.hasSuffix(" (impressora).…"))
        #expect(snippet.highlights.count == 2)
    }

    @Test func startsInsideAVeryLongCompoundAtTheMatch() {
        let parts = (0..<40).map { "parte\($0)" }
        let body = "Veja " + (parts + ["impressora"] + parts).joined(separator: "_") + " fim"
        let snippet = generator.snippet(for: body, matching: terms("impressora"))
        expectConsistent(snippet)
        #expect(snippet.text.hasPrefix("…impressora_parte0_"))
        #expect(snippet.highlightRanges.map { String(snippet.text[$0]) } == ["impressora"])
    }

    // MARK: Property

    @Test(arguments: 0..<8)
    func randomTextNeverBreaksTheSnippet(seed: UInt64) {
        var random = SeededGenerator(seed: seed)
        let words = [
            "impressora", "Configurações", "senha", "e-mail", "nota", "fiscal", "ação", "copo-d'água", "<b>", "&",
            "'", "https://example.com/a?b=1&c=2", String(repeating: "x", count: 80), "<script>", "😀",
        ]
        let separators = [" ", "\n", "", ". ", "  ", "\t", "\u{A0}"]
        for example in 0..<120 {
            var body = ""
            for _ in 0..<Int.random(in: 0...80, using: &random) {
                if Bool.random(using: &random) {
                    body += words.randomElement(using: &random)!
                } else {
                    body += RandomText.make(using: &random)
                }
                body += separators.randomElement(using: &random)!
            }
            let bodyTerms = analyzer.terms(in: body)
            var query = Set(bodyTerms.filter { _ in Int.random(in: 0..<5, using: &random) == 0 })
            query.insert("impressor")
            var weights: [String: Double] = [:]
            for term in query.sorted() where Bool.random(using: &random) {
                weights[term] = Double.random(in: 0...5, using: &random)
            }
            let targetLength = Int.random(in: 1...200, using: &random)
            let generator = SnippetGenerator(analyzer: analyzer, targetLength: targetLength)
            let snippet = generator.snippet(for: body, matching: query, weights: weights)
            let context: Comment = "seed \(seed), example \(example), target \(targetLength): \(body.debugDescription)"
            expectConsistent(snippet, context)
            #expect(
                snippet.text.unicodeScalars.count <= targetLength + SnippetGenerator.maximumWordOverflow + 2, context)
            #expect(snippet.hasHighlights == bodyTerms.contains { query.contains($0) }, context)
            expectConsistent(generator.highlight(body, matching: query), context)
        }
    }

    // MARK: Helpers

    /// Checks the invariants of every snippet: highlights in order, inside the text and on
    /// scalar boundaries; the HTML is the escaped text with exactly those marks; no control
    /// characters nor whitespace at the ends.
    func expectConsistent(_ snippet: Snippet, _ comment: Comment? = nil) {
        let bytes = Array(snippet.text.utf8)
        var html = ""
        var offset = 0
        for range in snippet.highlights {
            guard range.lowerBound >= offset, range.lowerBound < range.upperBound, range.upperBound <= bytes.count,
                bytes.indices.contains(range.lowerBound), bytes[range.lowerBound] & 0xC0 != 0x80,
                range.upperBound == bytes.count || bytes[range.upperBound] & 0xC0 != 0x80
            else {
                Issue.record("bad highlight \(range) in \(snippet.text.debugDescription) \(comment ?? "")")
                return
            }
            html += HTMLEscaping.escape(String(decoding: bytes[offset..<range.lowerBound], as: UTF8.self))
            html += "<mark>" + HTMLEscaping.escape(String(decoding: bytes[range], as: UTF8.self)) + "</mark>"
            offset = range.upperBound
        }
        html += HTMLEscaping.escape(String(decoding: bytes[offset...], as: UTF8.self))
        #expect(snippet.html == html, comment)
        let markup = snippet.html.replacing("<mark>", with: "").replacing("</mark>", with: "")
        #expect(
            !markup.contains("<") && !markup.contains(">") && !markup.contains("\"") && !markup.contains("'"), comment)
        #expect(!bytes.contains { $0 < 0x20 || $0 == 0x7F }, comment)
        #expect(bytes.first != UInt8(ascii: " ") && bytes.last != UInt8(ascii: " "), comment)
    }

    /// Checks that the snippet's text, ellipses aside, is a run of whole words of `body` (whose
    /// words are separated by single spaces), with an ellipsis exactly where words were left out.
    func expectWholeWords(_ snippet: Snippet, of body: String) {
        var core = Substring(snippet.text)
        let leading = core.hasPrefix("…")
        if leading { core.removeFirst() }
        let trailing = core.hasSuffix("…")
        if trailing { core.removeLast() }
        let words = body.split(separator: " ", omittingEmptySubsequences: false)
        let shown = core.split(separator: " ", omittingEmptySubsequences: false)
        let first = words.indices.first { start in
            start + shown.count <= words.count && words[start..<start + shown.count].elementsEqual(shown)
        }
        guard let first else {
            Issue.record("\(snippet.text.debugDescription) is not a run of whole words")
            return
        }
        #expect(leading == (first > 0), "\(snippet.text.debugDescription)")
        #expect(trailing == (first + shown.count < words.count), "\(snippet.text.debugDescription)")
    }
}

extension String {
    /// The string without trailing spaces.
    fileprivate var trimmingSuffixSpaces: String {
        var result = self
        while result.hasSuffix(" ") { result.removeLast() }
        return result
    }
}

import KBTestSupport
import Testing

@testable import KBIndex

@Suite struct TokenizerTests {
    /// The spans of `text` as `(text of the span, position, kind)`.
    private func spans(_ text: String) -> [(String, Int, WordSpan.Kind)] {
        let bytes = Array(text.utf8)
        return Tokenizer().spans(in: text).map { span in
            (String(decoding: bytes[span.start..<span.end], as: UTF8.self), span.position, span.kind)
        }
    }

    private func words(_ text: String) -> [String] {
        spans(text).map(\.0)
    }

    @Test(arguments: [
        ("Não consigo imprimir", ["Não", "consigo", "imprimir"]),
        ("ação, opção; decisão!", ["ação", "opção", "decisão"]),
        ("pingüim à noite", ["pingüim", "à", "noite"]),
        ("H2SO4 e CO2", ["H2SO4", "e", "CO2"]),
        ("CFOP 5102", ["CFOP", "5102"]),
        ("  espaços\t\nmúltiplos  ", ["espaços", "múltiplos"]),
        ("(parênteses) [colchetes] {chaves}", ["parênteses", "colchetes", "chaves"]),
        ("emoji 😀 no meio", ["emoji", "no", "meio"]),
        ("中文 и русский", ["中文", "и", "русский"]),
        ("fim.", ["fim"]),
        ("", []),
    ])
    func splitsWords(input: String, expected: [String]) {
        #expect(words(input) == expected)
    }

    @Test func hyphenatedWordGivesWholeAndParts() {
        let result = spans("guarda-chuva")
        #expect(result.map(\.0) == ["guarda-chuva", "guarda", "chuva"])
        #expect(result.map(\.1) == [0, 0, 1])
        #expect(result.map(\.2) == [.compound, .word, .word])
    }

    @Test func nfeIsACompound() {
        #expect(words("emitir NF-e") == ["emitir", "NF-e", "NF", "e"])
    }

    @Test func apostropheElidesSingleLetter() {
        #expect(words("copo d'água") == ["copo", "água"])
        #expect(words("d’água") == ["água"])
        #expect(words("Sant'Ana") == ["Sant'Ana", "Sant", "Ana"])
    }

    @Test(arguments: [
        ("versão 7.4", ["versão", "7.4"]),
        ("R$ 1.234,56", ["R", "1.234,56"]),
        ("8.4.2", ["8.4.2"]),
    ])
    func numbersStayWhole(input: String, expected: [String]) {
        #expect(words(input) == expected)
        #expect(spans(input).last?.2 == .number)
    }

    @Test func commaBetweenWordsSplits() {
        #expect(words("sim,não") == ["sim", "não"])
        #expect(words("1,2") == ["1,2"])
    }

    @Test func versionCodeIsCompound() {
        #expect(words("v8.4.2") == ["v8.4.2", "v8", "4", "2"])
    }

    @Test func dottedFileNameIsCompound() {
        #expect(words("edite integra.config") == ["edite", "integra.config", "integra", "config"])
    }

    @Test func urlIsOneSpanWithoutScheme() {
        let result = spans("Acesse https://suporte.vertice.example/kb/artigo?id=12&x=y. Depois")
        #expect(result.map(\.0) == ["Acesse", "suporte.vertice.example/kb/artigo?id=12&x=y", "Depois"])
        #expect(result[1].2 == .address)
        #expect(result.map(\.1) == [0, 1, 2])
    }

    /// Found by the analyzer fuzz target: `https://` followed by a combining mark was an
    /// address whose term folding emptied.
    @Test func urlWithoutLetterOrDigitIsNotAnAddress() {
        #expect(words("ac https://\u{301}, O") == ["ac", "https", "O"])
        #expect(words("https://-.") == ["https"])
        #expect(spans("https://\u{301}x").map(\.2) == [.address])
    }

    @Test func emailIsOneSpan() {
        let result = spans("Escreva para joao.silva@vertice.example hoje")
        #expect(result.map(\.0) == ["Escreva", "para", "joao.silva@vertice.example", "hoje"])
        #expect(result[2].2 == .address)
    }

    @Test func atWithoutDomainIsNotAnEmail() {
        #expect(words("usuario@local") == ["usuario", "local"])
    }

    @Test func decomposedAccentsStayInsideTheWord() {
        let decomposed = "configuração".decomposedStringWithCanonicalMapping
        #expect(words("a \(decomposed) b") == ["a", decomposed, "b"])
    }

    @Test func overlongWordIsSkippedButTakesItsPosition() {
        let long = String(repeating: "a", count: Tokenizer.maximumWordScalars + 1)
        let result = spans("antes \(long) depois")
        #expect(result.map(\.0) == ["antes", "depois"])
        #expect(result.map(\.1) == [0, 2])
    }

    /// The length limit counts letters and digits, not combining marks, so an NFD word is as
    /// long as its NFC form (a property the fuzzer's analyzer target checks).
    @Test func combiningMarksDoNotCountTowardsTheWordLengthLimit() {
        let composed = String(repeating: "ã", count: Tokenizer.maximumWordScalars)
        let decomposed = composed.decomposedStringWithCanonicalMapping
        #expect(decomposed.unicodeScalars.count == 2 * Tokenizer.maximumWordScalars)
        #expect(words(composed) == [composed])
        #expect(words(decomposed) == [decomposed])
        #expect(words(composed + "a").isEmpty && words(decomposed + "a").isEmpty)
    }

    @Test func neverCrashesAndOffsetsStayInsideTheInput() {
        let seed: UInt64 = 0x70C3_11E5
        var generator = SeededGenerator(seed: seed)
        for _ in 0..<3_000 {
            let text = RandomText.make(using: &generator, maximumLength: 60)
            let count = text.utf8.count
            var lastPosition = -1
            for span in Tokenizer().spans(in: text) {
                #expect(
                    span.start >= 0 && span.start < span.end && span.end <= count,
                    "seed \(seed): \(text.debugDescription)")
                #expect(span.position >= lastPosition, "seed \(seed): \(text.debugDescription)")
                lastPosition = span.position
            }
        }
    }

    @Test func invalidUTF8NeverTraps() {
        let bytes: [UInt8] = [0x61, 0xC3, 0x28, 0xFF, 0xE2, 0x82, 0x62, 0xF0, 0x9F, 0x98]
        bytes.withUnsafeBufferPointer { buffer in
            var count = 0
            Tokenizer().forEachSpan(in: buffer) { span in
                #expect(span.end <= buffer.count)
                count += 1
            }
            #expect(count >= 1)
        }
    }
}

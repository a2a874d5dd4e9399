import Foundation
import Testing

@testable import KBIndex

/// Tests of `SnowballPortugueseStemmer` against the official Snowball Portuguese vocabulary
/// (https://snowballstem.org/algorithms/portuguese/stemmer.html) and hand-picked cases.
@Suite struct SnowballPortugueseStemmerTests {
    private let stemmer = SnowballPortugueseStemmer()
    private let foldedStemmer = SnowballPortugueseStemmer(accentFolded: true)

    // MARK: - Official vocabulary

    @Test func reproducesTheWholeOfficialVocabulary() throws {
        let vocabulary = try SnowballPortugueseVocabulary.load()
        #expect(vocabulary.count == 32_016)

        var mismatches: [String] = []
        var mismatchCount = 0
        for (word, expected) in vocabulary {
            let actual = stemmer.stem(word)
            if actual != expected {
                mismatchCount += 1
                if mismatches.count < 10 {
                    mismatches.append("\(word) → \(actual), expected \(expected)")
                }
            }
        }
        #expect(
            mismatchCount == 0,
            """
            \(mismatchCount) of \(vocabulary.count) words differ; first ones: \
            \(mismatches.joined(separator: "; "))
            """
        )
    }

    // MARK: - Hand-picked cases, step by step

    @Test(arguments: [
        // Step 1, deleted in R2.
        Case("beleza", "belez", "step 1: -eza"),
        Case("alcoolismo", "alcool", "step 1: -ismo"),
        Case("aceitável", "aceit", "step 1: -ável"),
        Case("afável", "afável", "step 1: -ável not in R2"),
        Case("abreviação", "abrevi", "step 1: -ação"),
        Case("acomodações", "acomod", "step 1: -ações"),
        Case("acionista", "acion", "step 1: -ista"),
        // Step 1, replaced in R2.
        Case("antropologia", "antropolog", "step 1: -logia → log"),
        Case("devolução", "devolu", "step 1: -ução → u"),
        Case("construção", "construçã", "step 1: -ução not in R2; step 4 -o"),
        Case("adolescência", "adolescent", "step 1: -ência → ente; step 5 -e"),
        // Step 1, -amente / -mente.
        Case("abertamente", "abert", "step 1: -amente in R1"),
        Case("administrativamente", "administr", "step 1: -amente, then -iv, then -at"),
        Case("ansiosamente", "ansios", "step 1: -amente, -os not in R2"),
        Case("consideravelmente", "consider", "step 1: -mente, then -avel"),
        // Step 1, -idade.
        Case("afinidade", "afin", "step 1: -idade"),
        Case("confiabilidade", "confiabil", "step 1: -idade, -abil not in R2"),
        Case("agressividade", "agress", "step 1: -idade, then -iv"),
        // Step 1, -iva / -ivo.
        Case("alternativo", "altern", "step 1: -ivo, then -at"),
        // Step 1, -eira.
        Case("bandeira", "bandeir", "step 1: -ira → ir after e"),
        // Step 2, verb suffixes in RV.
        Case("deveríamos", "dev", "step 2: -eríamos"),
        Case("apresentassem", "apresent", "step 2: -assem"),
        Case("aceitarão", "aceit", "step 2: -arão"),
        Case("abrirá", "abrir", "step 2: -irá"),
        Case("abandonados", "abandon", "step 2: -ados"),
        // Step 3, -i after c.
        Case("financiei", "financ", "step 2: -ei, step 3: -ci → c"),
        Case("comunicou", "comunic", "step 2: -ou"),
        // Step 4, residual suffixes.
        Case("abalos", "abal", "step 4: -os"),
        Case("abraão", "abraã", "step 4: -o after a~"),
        Case("agressões", "agressõ", "step 2: -es"),
        Case("cães", "cã", "step 2: -es"),
        // Step 5, residual forms.
        Case("agregue", "agreg", "step 5: -e, then u after g"),
        Case("denuncie", "denunc", "step 5: -e, then i after c"),
        Case("acendê", "acend", "step 5: -ê"),
        Case("informaç", "informac", "step 5: ç → c"),
        // Short words and empty regions.
        Case("a", "a", "one letter"),
        Case("", "", "empty"),
    ])
    func stemsHandPickedCase(_ example: SnowballPortugueseStemCase) {
        #expect(stemmer.stem(example.word) == example.stem, "\(example.note)")
    }

    // MARK: - Accent-folded mode

    @Test func foldedModeCollapsesTheConfiguracaoFamily() {
        let forms = ["configuração", "configurações", "configuracao", "configuracoes"]
        let stems = Set(forms.map { foldedStemmer.stem(AccentFolding.fold($0)) })
        #expect(stems == ["configur"])
        #expect(stemmer.stem("configuração") == "configur")
        #expect(stemmer.stem("configurações") == "configur")
    }

    @Test func foldedModeOutputIsAccentFree() {
        for word in ["ações", "informaç", "cães", "aceitável", "acendê"] {
            let stem = foldedStemmer.stem(AccentFolding.fold(word))
            #expect(stem == AccentFolding.fold(stem), "\(word) → \(stem)")
        }
    }

    /// `stem(fold(w))` in folded mode against `fold(stem(w))` in accented mode.
    @Test func foldedModeAgreesWithTheAccentedAlgorithmOnTheVocabulary() throws {
        let vocabulary = try SnowballPortugueseVocabulary.load()
        var agreeing = 0
        var examples: [String] = []
        for (word, _) in vocabulary {
            let folded = foldedStemmer.stem(AccentFolding.fold(word))
            let expected = AccentFolding.fold(stemmer.stem(word))
            if folded == expected {
                agreeing += 1
            } else if examples.count < 10 {
                examples.append("\(word) → \(folded), accented gives \(expected)")
            }
        }
        let rate = Double(agreeing) / Double(vocabulary.count)
        // Measured: 31,597 / 32,016 = 98.69 %. Folding loses information the accented
        // tables rely on: an accented ending becomes a listed suffix ("alguém" → "algu-em",
        // "bancária" → "banc-aria", "atraído" → "atra-ido"), a final ã/õ stops reading as
        // vowel + "~" ("alemã" → "alem-a"), and a few folded verb endings that only exist
        // accented catch plain words ("consideramos" → "consid-aramos", after "-áramos").
        #expect(rate >= 0.985, "agreement \(rate); e.g. \(examples.joined(separator: "; "))")
    }
}

private typealias Case = SnowballPortugueseStemCase

/// One hand-picked word, its expected stem, and what it exercises.
struct SnowballPortugueseStemCase: Sendable, CustomTestStringConvertible {
    let word: String
    let stem: String
    let note: String

    init(_ word: String, _ stem: String, _ note: String) {
        self.word = word
        self.stem = stem
        self.note = note
    }

    var testDescription: String { "\(word) → \(stem) (\(note))" }
}

/// The official Snowball Portuguese vocabulary in `Fixtures/snowball-portuguese`.
private enum SnowballPortugueseVocabulary {
    /// The (word, stem) pairs of `voc.txt` and `output.txt`, line by line.
    static func load() throws -> [(word: String, stem: String)] {
        let words = try lines(of: "voc.txt")
        let stems = try lines(of: "output.txt")
        try #require(words.count == stems.count, "voc.txt and output.txt differ in length")
        return Array(zip(words, stems))
    }

    private static func lines(of file: String) throws -> [String] {
        let url = try fixtureDirectory().appendingPathComponent(file)
        let text = try String(contentsOf: url, encoding: .utf8)
        return text.split(separator: "\n", omittingEmptySubsequences: false)
            .dropLast(text.hasSuffix("\n") ? 1 : 0)
            .map(String.init)
    }

    /// `Tests/KBIndexTests/Fixtures/snowball-portuguese`, found from this file's path.
    private static func fixtureDirectory() throws -> URL {
        var directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while directory.lastPathComponent != "KBIndexTests" {
            let parent = directory.deletingLastPathComponent()
            try #require(parent.path != directory.path, "no KBIndexTests folder above \(#filePath)")
            directory = parent
        }
        return directory.appendingPathComponent("Fixtures/snowball-portuguese", isDirectory: true)
    }
}

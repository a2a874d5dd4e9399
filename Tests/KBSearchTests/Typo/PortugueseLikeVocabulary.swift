import Foundation
import KBTestSupport

/// A large Portuguese-like term list for measuring the typo matcher: the Snowball
/// vocabulary (32,016 words), its stems, and seeded variants of both (suffixes, prefixes and
/// random one- or two-letter edits, the kind of noise an index's dictionary holds).
enum PortugueseLikeVocabulary {
    static let suffixes = [
        "s", "es", "mente", "ção", "ções", "inho", "inha", "ado", "ada", "ados", "ar", "er", "ir", "ista", "ismo",
        "dade", "vel", "ável", "ível", "ando", "endo", "ou", "am", "em", "ão", "ões", "eiro", "eira",
    ]
    static let prefixes = ["re", "des", "in", "pré", "sub", "super", "auto", "anti", "co", "inter"]
    static let letters = Array("abcdefghijlmnopqrstuvxzçãõáéíóúâêô".unicodeScalars)

    /// The words and stems of the Snowball Portuguese test vocabulary.
    static func snowballWords() throws -> [String] {
        let words = try Fixtures.text("snowball-portuguese/voc.txt").split(separator: "\n").map(String.init)
        let stems = try Fixtures.text("snowball-portuguese/output.txt").split(separator: "\n").map(String.init)
        return words + stems
    }

    /// `count` distinct words: the Snowball words and stems, then variants until there are
    /// enough.
    static func make(count: Int, seed: UInt64) throws -> [String] {
        let base = Array(Set(try snowballWords())).sorted()
        var words = Set(base)
        var generator = SeededGenerator(seed: seed)
        while words.count < count {
            let word = base.randomElement(using: &generator)!
            switch Int.random(in: 0..<10, using: &generator) {
            case 0..<4: words.insert(word + suffixes.randomElement(using: &generator)!)
            case 4..<6: words.insert(prefixes.randomElement(using: &generator)! + word)
            default: words.insert(edit(word, times: Int.random(in: 1...2, using: &generator), &generator))
            }
        }
        return Array(words)
    }

    /// `word` after `times` random insertions, deletions or substitutions of a letter.
    static func edit(_ word: String, times: Int, _ generator: inout SeededGenerator) -> String {
        var scalars = Array(word.unicodeScalars)
        for _ in 0..<times {
            let letter = letters.randomElement(using: &generator)!
            let index = Int.random(in: 0..<scalars.count, using: &generator)
            switch Int.random(in: 0..<3, using: &generator) {
            case 0: scalars.insert(letter, at: index)
            case 1 where scalars.count > 1: scalars.remove(at: index)
            default: scalars[index] = letter
            }
        }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }
}

/// The RSLP stemmer for Portuguese ("Removedor de Sufixos da Língua Portuguesa", also
/// called the Orengo stemmer): V. M. Orengo and C. Huyck, "A Stemming Algorithm for the
/// Portuguese Language", Proceedings of SPIRE 2001.
///
/// The steps come from an ``RSLPRules`` file and are applied in the order of Apache Lucene's
/// `PortugueseStemmer`: Plural → Adverb → Feminine → Augmentative → Noun; then Verb only
/// if no Noun rule fired, and Vowel only if no Verb rule fired either; finally accents are
/// removed (à á â ã ä å → a, ç → c, è é ê ë → e, ì í î ï → i, ñ → n, ò ó ô õ ö → o,
/// ù ú û ü → u, ý ÿ → y), so stems carry no accents. ("Fired" here is "a rule of the step
/// matched", as in the paper's "suffix removed?"; Lucene compares lengths instead, which
/// differs only for a rule whose replacement is as long as its suffix, Noun's "bil" → "vel".)
/// The rules file does not encode this order; running Adverb before Feminine matters for
/// adverbs in "-amente": "rapidamente" → "rapida" → "rapido" → "rap". A step missing from
/// the rules is skipped.
///
/// With `accentFolded: true` the stemmer is meant for words that have been through
/// ``AccentFolding`` ("configuracoes" for "configurações"): it runs the same steps on
/// ``RSLPRules/foldingAccents()``, so that a folded word gets, as far as the accents lost
/// allow, the stem its accented form would get. Accented letters in its input are folded as
/// the word is read, so accented and folded spellings share one stem.
///
///     let stemmer = RSLPStemmer.standard()
///     stemmer.stem("configurações")  // "configur"
public struct RSLPStemmer: Stemmer {
    /// Whether the stemmer works on accent-folded words, with folded rules.
    public let accentFolded: Bool

    private let plural: RSLPCompiledStep
    private let adverb: RSLPCompiledStep
    private let feminine: RSLPCompiledStep
    private let augmentative: RSLPCompiledStep
    private let noun: RSLPCompiledStep
    private let verb: RSLPCompiledStep
    private let vowel: RSLPCompiledStep

    /// Creates a stemmer running the steps named "Plural", "Adverb", "Feminine",
    /// "Augmentative", "Noun", "Verb" and "Vowel" of `rules`; with `accentFolded`, their
    /// accent-folded form, for input passed through ``AccentFolding``.
    public init(rules: RSLPRules, accentFolded: Bool = false) {
        let rules = accentFolded ? rules.foldingAccents() : rules
        self.accentFolded = accentFolded
        func compiled(_ name: String) -> RSLPCompiledStep {
            rules.step(named: name).map(RSLPCompiledStep.init) ?? .empty
        }
        self.plural = compiled("Plural")
        self.adverb = compiled("Adverb")
        self.feminine = compiled("Feminine")
        self.augmentative = compiled("Augmentative")
        self.noun = compiled("Noun")
        self.verb = compiled("Verb")
        self.vowel = compiled("Vowel")
    }

    /// The stemmer with the standard rules (``RSLPRules/standard``), built once per mode.
    public static func standard(accentFolded: Bool = false) -> RSLPStemmer {
        accentFolded ? standardFolded : standardAccented
    }

    private static let standardAccented = RSLPStemmer(rules: .standard)
    private static let standardFolded = RSLPStemmer(rules: .standard, accentFolded: true)

    /// Returns the RSLP stem of `word` (lowercased), without accents.
    public func stem(_ word: String) -> String {
        var (scalars, changed) = StemmerScalars.scalars(of: word, removingAccents: accentFolded)
        changed = plural.apply(to: &scalars) || changed
        changed = adverb.apply(to: &scalars) || changed
        changed = feminine.apply(to: &scalars) || changed
        changed = augmentative.apply(to: &scalars) || changed
        if noun.apply(to: &scalars) || verb.apply(to: &scalars) {
            changed = true
        } else {
            changed = vowel.apply(to: &scalars) || changed
        }
        changed = StemmerScalars.removeAccents(from: &scalars) || changed
        return changed ? String(encoding: scalars) : word
    }
}

/// An RSLP step (Orengo and Huyck, SPIRE 2001) in the form the per-word path uses: suffixes,
/// replacements, exceptions and conditions as scalar arrays, and the rules grouped by the
/// last scalar of their suffix, so that a word is only tried against rules that can match.
final class RSLPCompiledStep: Sendable {
    /// A rule of the step, as scalar arrays.
    private struct Rule: Sendable {
        let suffix: [Unicode.Scalar]
        let minimumStemLength: Int
        let replacement: [Unicode.Scalar]
        let exceptions: [[Unicode.Scalar]]
    }

    private let minimumWordLength: Int
    private let exceptionsAreWholeWords: Bool
    private let conditions: [[Unicode.Scalar]]
    private let rules: [Rule]
    /// For each ASCII scalar, the indices (ascending) of the rules whose suffix ends with it.
    private let candidatesByASCIIFinal: [[Int]]
    /// The same for the other final scalars ("ã", "ç", "á", ...).
    private let candidatesByOtherFinal: [Unicode.Scalar: [Int]]

    /// A step without rules, standing for a step the rules file does not have.
    static let empty = RSLPCompiledStep(
        RSLPRules.Step(
            name: "",
            declaredMinimumWordLength: 0,
            exceptionMatching: .wholeWord,
            conditions: [],
            rules: [],
            line: 0
        )
    )

    init(_ step: RSLPRules.Step) {
        self.minimumWordLength = step.minimumWordLength
        self.exceptionsAreWholeWords = step.exceptionMatching == .wholeWord
        self.conditions = step.conditions.map { Array($0.unicodeScalars) }
        self.rules = step.rules.map {
            Rule(
                suffix: Array($0.suffix.unicodeScalars),
                minimumStemLength: $0.minimumStemLength,
                replacement: Array($0.replacement.unicodeScalars),
                exceptions: $0.exceptions.map { Array($0.unicodeScalars) }
            )
        }
        var ascii = [[Int]](repeating: [], count: 128)
        var other: [Unicode.Scalar: [Int]] = [:]
        for (index, rule) in rules.enumerated() {
            guard let final = rule.suffix.last else { continue }
            if final.isASCII {
                ascii[Int(final.value)].append(index)
            } else {
                other[final, default: []].append(index)
            }
        }
        self.candidatesByASCIIFinal = ascii
        self.candidatesByOtherFinal = other
    }

    /// Whether some rule's suffix ends with `scalar`; if none does, the step leaves every
    /// word ending with `scalar` unchanged.
    func hasRule(endingWith scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII
            ? !candidatesByASCIIFinal[Int(scalar.value)].isEmpty
            : candidatesByOtherFinal[scalar] != nil
    }

    /// Applies the step to `word`: if the word is long enough and meets a condition, the
    /// first rule that matches replaces its suffix. Returns whether a rule fired.
    func apply(to word: inout [Unicode.Scalar]) -> Bool {
        let length = word.count
        guard length >= minimumWordLength, let final = word.last else { return false }
        if !conditions.isEmpty && !conditions.contains(where: { Self.word(word, endsWith: $0) }) {
            return false
        }
        let candidates: [Int]
        if final.isASCII {
            candidates = candidatesByASCIIFinal[Int(final.value)]
        } else {
            guard let found = candidatesByOtherFinal[final] else { return false }
            candidates = found
        }
        for index in candidates where matches(rules[index], word) {
            word.removeLast(rules[index].suffix.count)
            word.append(contentsOf: rules[index].replacement)
            return true
        }
        return false
    }

    private func matches(_ rule: Rule, _ word: [Unicode.Scalar]) -> Bool {
        guard word.count - rule.suffix.count >= rule.minimumStemLength,
            Self.word(word, endsWith: rule.suffix)
        else { return false }
        if exceptionsAreWholeWords {
            return !rule.exceptions.contains { $0 == word }
        }
        return !rule.exceptions.contains { Self.word(word, endsWith: $0) }
    }

    /// Whether `word` ends with `suffix`, scalar by scalar.
    private static func word(_ word: [Unicode.Scalar], endsWith suffix: [Unicode.Scalar]) -> Bool {
        let offset = word.count - suffix.count
        guard offset >= 0 else { return false }
        var index = 0
        while index < suffix.count {
            if word[offset + index] != suffix[index] { return false }
            index += 1
        }
        return true
    }
}

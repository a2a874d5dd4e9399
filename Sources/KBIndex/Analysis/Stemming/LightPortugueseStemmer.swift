/// Jacques Savoy's light stemmer for Portuguese (the "UniNE" algorithm): J. Savoy, "Light
/// Stemming Approaches for the French, Portuguese, German and Hungarian Languages",
/// Proceedings of the 2006 ACM Symposium on Applied Computing (SAC '06), in the form Apache
/// Lucene's `PortugueseLightStemFilter` and Elasticsearch's `light_portuguese` apply it.
///
/// Words shorter than four letters are left as they are. Longer words go through:
///
/// 1. plural and adverb: the first that applies of -es after r, s, l or z → (removed),
///    -ns → -m, -eis/-éis → -el, -ais → -al, -óis → -ol, -is → -il, -ões/-ães → -ão,
///    -mente → (removed), -s → (removed), each for words of at least 5 letters (4 for
///    -ns, -ões, -ães and -s; 7 for -mente);
/// 2. feminine, for words ending in -a: -inha, -iaca, -eira → -o (8 letters or more);
///    -osa, -ica, -ida, -ada, -iva, -ama → -o, -ona → -ão, -ora → -or, -esa → -ês,
///    -na → -no (7 letters or more);
/// 3. a final -a, -e or -o is removed from words of 5 letters or more;
/// 4. accents are removed (à á â ã ä å → a, ç → c, è é ê ë → e, ì í î ï → i, ñ → n,
///    ò ó ô õ ö → o, ù ú û ü → u, ý ÿ → y; Lucene's list lacks ñ, å, ý and ÿ, which
///    Portuguese words do not use).
///
/// So "configurações" and "configuração" both give "configuraca".
///
/// With `accentFolded: true` every suffix and replacement is passed through
/// ``AccentFolding`` at init, for input that has been folded too: folded "configuracoes"
/// then meets "-oes → -ao" and gives "configuraca" as well (the accented rules would only
/// strip its "-s", leaving "configuraco"). Accented letters in the input are folded as the
/// word is read. Folding makes "-éis" and "-eis" one rule; "-ois" (from "-óis") now also
/// catches unaccented words such as "depois", which the accented rules send to "-is" → "-il".
public struct LightPortugueseStemmer: Stemmer {
    /// Whether the stemmer works on accent-folded words, with folded suffixes.
    public let accentFolded: Bool

    private let pluralAndAdverbRules: [SuffixRule]
    private let feminineRules: [SuffixRule]

    /// Words shorter than this are returned unchanged.
    private static let minimumWordLength = 4
    /// Words at least this long lose a final -a, -e or -o (step 3).
    private static let minimumLengthForFinalVowel = 5

    /// A suffix replacement applied to words of at least `minimumWordLength` scalars whose
    /// suffix, if `precededBy` is not empty, follows one of its letters.
    private struct SuffixRule: Sendable, Equatable {
        let suffix: [Unicode.Scalar]
        let replacement: [Unicode.Scalar]
        let minimumWordLength: Int
        let precededBy: [Unicode.Scalar]

        init(_ suffix: String, _ replacement: String, minimumWordLength: Int, precededBy: String = "") {
            self.suffix = Array(suffix.unicodeScalars)
            self.replacement = Array(replacement.unicodeScalars)
            self.minimumWordLength = minimumWordLength
            self.precededBy = Array(precededBy.unicodeScalars)
        }

        func matches(_ word: [Unicode.Scalar]) -> Bool {
            guard word.count >= minimumWordLength, Self.word(word, endsWith: suffix) else {
                return false
            }
            if precededBy.isEmpty { return true }
            let preceding = word.count - suffix.count - 1
            return preceding >= 0 && precededBy.contains(word[preceding])
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

        func apply(to word: inout [Unicode.Scalar]) {
            word.removeLast(suffix.count)
            word.append(contentsOf: replacement)
        }

        /// The rule with its suffix and replacement passed through ``AccentFolding``.
        var foldingAccents: SuffixRule {
            SuffixRule(
                AccentFolding.fold(String(String.UnicodeScalarView(suffix))),
                AccentFolding.fold(String(String.UnicodeScalarView(replacement))),
                minimumWordLength: minimumWordLength,
                precededBy: String(String.UnicodeScalarView(precededBy))
            )
        }
    }

    /// Step 1, in order: plural endings, then the adverb ending -mente, then a plain -s.
    private static let pluralAndAdverb: [SuffixRule] = [
        SuffixRule("es", "", minimumWordLength: 5, precededBy: "rslz"),
        SuffixRule("ns", "m", minimumWordLength: 4),
        SuffixRule("eis", "el", minimumWordLength: 5),
        SuffixRule("éis", "el", minimumWordLength: 5),
        SuffixRule("ais", "al", minimumWordLength: 5),
        SuffixRule("óis", "ol", minimumWordLength: 5),
        SuffixRule("is", "il", minimumWordLength: 5),
        SuffixRule("ões", "ão", minimumWordLength: 4),
        SuffixRule("ães", "ão", minimumWordLength: 4),
        SuffixRule("mente", "", minimumWordLength: 7),
        SuffixRule("s", "", minimumWordLength: 4),
    ]

    /// Step 2, in order: feminine endings turned masculine.
    private static let feminine: [SuffixRule] = [
        SuffixRule("inha", "inho", minimumWordLength: 8),
        SuffixRule("iaca", "iaco", minimumWordLength: 8),
        SuffixRule("eira", "eiro", minimumWordLength: 8),
        SuffixRule("osa", "oso", minimumWordLength: 7),
        SuffixRule("ica", "ico", minimumWordLength: 7),
        SuffixRule("ida", "ido", minimumWordLength: 7),
        SuffixRule("ada", "ado", minimumWordLength: 7),
        SuffixRule("iva", "ivo", minimumWordLength: 7),
        SuffixRule("ama", "amo", minimumWordLength: 7),
        SuffixRule("ona", "ão", minimumWordLength: 7),
        SuffixRule("ora", "or", minimumWordLength: 7),
        SuffixRule("esa", "ês", minimumWordLength: 7),
        SuffixRule("na", "no", minimumWordLength: 7),
    ]

    /// Creates the stemmer; with `accentFolded`, for input passed through ``AccentFolding``.
    public init(accentFolded: Bool = false) {
        self.accentFolded = accentFolded
        if accentFolded {
            // Folding turns "éis" into a second "eis" rule identical to the first: keep one.
            self.pluralAndAdverbRules = Self.uniqued(Self.pluralAndAdverb.map(\.foldingAccents))
            self.feminineRules = Self.uniqued(Self.feminine.map(\.foldingAccents))
        } else {
            self.pluralAndAdverbRules = Self.pluralAndAdverb
            self.feminineRules = Self.feminine
        }
    }

    /// Returns the light stem of `word` (lowercased); words of four letters or more come
    /// out without accents.
    public func stem(_ word: String) -> String {
        var (scalars, changed) = StemmerScalars.scalars(of: word, removingAccents: accentFolded)
        if scalars.count >= Self.minimumWordLength {
            if let rule = pluralAndAdverbRules.first(where: { $0.matches(scalars) }) {
                rule.apply(to: &scalars)
                changed = true
            }
            if scalars.last == "a", let rule = feminineRules.first(where: { $0.matches(scalars) }) {
                rule.apply(to: &scalars)
                changed = true
            }
            if scalars.count >= Self.minimumLengthForFinalVowel,
                let last = scalars.last, last == "a" || last == "e" || last == "o"
            {
                scalars.removeLast()
                changed = true
            }
            changed = StemmerScalars.removeAccents(from: &scalars) || changed
        }
        return changed ? String(encoding: scalars) : word
    }

    /// `rules` without repetitions, first occurrences kept in order.
    private static func uniqued(_ rules: [SuffixRule]) -> [SuffixRule] {
        var kept: [SuffixRule] = []
        for rule in rules where !kept.contains(rule) {
            kept.append(rule)
        }
        return kept
    }

}

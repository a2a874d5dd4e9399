/// RSLP-S, the plural-only variant of RSLP: it applies just the "Plural" step of the RSLP
/// rules (V. M. Orengo and C. Huyck, "A Stemming Algorithm for the Portuguese Language",
/// SPIRE 2001), as described by V. M. Orengo et al., "A Study on the Use of Stemming for
/// Monolingual Ad-Hoc Portuguese Information Retrieval" (CLEF 2006), and as Apache Lucene's
/// `PortugueseMinimalStemmer` does.
///
/// It only turns plurals into singulars ("balões" → "balão", "papéis" → "papel",
/// "casas" → "casa") and, like Lucene's, leaves accents alone. A rule set without a
/// "Plural" step leaves every word unchanged.
///
/// With `accentFolded: true` it runs the accent-folded Plural step
/// (``RSLPRules/foldingAccents()``) for input passed through ``AccentFolding``
/// ("configuracoes" → "configuracao"); accented letters in its input are folded as the word
/// is read, so its output carries no accents.
public struct RSLPSStemmer: Stemmer {
    /// Whether the stemmer works on accent-folded words, with folded rules.
    public let accentFolded: Bool

    private let plural: RSLPCompiledStep

    /// Creates a stemmer running the step named "Plural" of `rules`; with `accentFolded`,
    /// its accent-folded form, for input passed through ``AccentFolding``.
    public init(rules: RSLPRules, accentFolded: Bool = false) {
        self.accentFolded = accentFolded
        // Folding the whole rule set lets the other steps' exceptions guard Plural too.
        let plural = (accentFolded ? rules.foldingAccents() : rules).step(named: "Plural")
        self.plural = plural.map(RSLPCompiledStep.init) ?? .empty
    }

    /// The stemmer with the standard rules (``RSLPRules/standard``), built once per mode.
    public static func standard(accentFolded: Bool = false) -> RSLPSStemmer {
        accentFolded ? standardFolded : standardAccented
    }

    private static let standardAccented = RSLPSStemmer(rules: .standard)
    private static let standardFolded = RSLPSStemmer(rules: .standard, accentFolded: true)

    /// Returns `word` (lowercased) in the singular, as RSLP's Plural step makes it.
    public func stem(_ word: String) -> String {
        guard let finalScalar = word.unicodeScalars.last,
            accentFolded || plural.hasRule(endingWith: finalScalar)
        else { return word }
        var (scalars, changed) = StemmerScalars.scalars(of: word, removingAccents: accentFolded)
        changed = plural.apply(to: &scalars) || changed
        return changed ? String(encoding: scalars) : word
    }
}

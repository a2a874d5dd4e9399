/// One configured stemmer, as a closed enum so the analyzer's per-token call is a switch
/// rather than a call through an existential.
public enum StemmerChoice: Sendable {
    /// The Snowball Portuguese stemmer.
    case snowball(SnowballPortugueseStemmer)
    /// Savoy's light stemmer.
    case light(LightPortugueseStemmer)
    /// RSLP, all steps.
    case rslp(RSLPStemmer)
    /// RSLP's plural step.
    case rslpS(RSLPSStemmer)
    /// No stemming.
    case none

    /// Creates the stemmer named `name`; `accentFolded` selects the variant for folded input.
    public init(_ name: StemmerName, accentFolded: Bool) {
        switch name {
        case .snowball: self = .snowball(SnowballPortugueseStemmer(accentFolded: accentFolded))
        case .light: self = .light(LightPortugueseStemmer(accentFolded: accentFolded))
        case .rslp: self = .rslp(.standard(accentFolded: accentFolded))
        case .rslpS: self = .rslpS(.standard(accentFolded: accentFolded))
        case .none: self = .none
        }
    }

    /// The stem of `word`.
    @inline(__always)
    public func stem(_ word: String) -> String {
        switch self {
        case .snowball(let stemmer): return stemmer.stem(word)
        case .light(let stemmer): return stemmer.stem(word)
        case .rslp(let stemmer): return stemmer.stem(word)
        case .rslpS(let stemmer): return stemmer.stem(word)
        case .none: return word
        }
    }
}

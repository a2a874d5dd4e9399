/// The stemmers kb can analyze with, by the name used on the command line and in the index
/// header (`--stemmer light`).
public enum StemmerName: String, Sendable, CaseIterable, Codable {
    /// The Snowball Portuguese algorithm (Porter).
    case snowball
    /// Savoy's light Portuguese stemmer (as in Lucene's `PortugueseLightStemFilter`).
    case light
    /// Orengo and Huyck's RSLP, all steps.
    case rslp
    /// RSLP's plural step only (RSLP-S).
    case rslpS = "rslp-s"
    /// No stemming: terms are the normalized words.
    case none

    /// The stemmer used when none is named; chosen by measured relevance
    /// (see `Benchmarks/RELEVANCE.md`).
    public static let `default`: StemmerName = .snowball
}

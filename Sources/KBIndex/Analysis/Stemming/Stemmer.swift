/// A Portuguese stemmer: maps an inflected word form to its stem. Pure and thread-safe.
///
/// Implementations: ``SnowballPortugueseStemmer``, ``LightPortugueseStemmer``,
/// ``RSLPStemmer`` and ``RSLPSStemmer``. The ``Analyzer`` reaches them through
/// ``StemmerChoice``, which dispatches without an existential box.
public protocol Stemmer: Sendable {
    /// Returns the stem of `word`, which is already lowercased (and, for a stemmer made
    /// for folded input, has no accents either).
    func stem(_ word: String) -> String
}

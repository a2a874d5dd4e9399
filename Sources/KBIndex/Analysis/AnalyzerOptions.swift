/// How an ``Analyzer`` turns text into terms. Stored in the index header, so that queries
/// are always analyzed the way the index was built.
public struct AnalyzerOptions: Sendable, Hashable, Codable {
    /// Which stemmer reduces words to stems.
    public var stemmer: StemmerName
    /// Whether stop words (`de`, `o`, `para`...) are dropped.
    public var removesStopWords: Bool
    /// Whether accents are folded (`configuração` → `configuracao`).
    public var foldsAccents: Bool
    /// Whether informal spellings (`vc`, `pra`) are replaced by their standard form.
    public var normalizesInformalSpellings: Bool

    /// Creates options; the defaults are kb's default analysis.
    public init(
        stemmer: StemmerName = .default,
        removesStopWords: Bool = true,
        foldsAccents: Bool = true,
        normalizesInformalSpellings: Bool = true
    ) {
        self.stemmer = stemmer
        self.removesStopWords = removesStopWords
        self.foldsAccents = foldsAccents
        self.normalizesInformalSpellings = normalizesInformalSpellings
    }

    /// kb's default analysis: the default stemmer, stop words removed, accents folded,
    /// informal spellings normalized.
    public static let `default` = AnalyzerOptions()
}

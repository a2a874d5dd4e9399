/// The Portuguese stop words the analyzer drops: the Snowball list, minus the words that
/// change a ticket's meaning.
///
/// Source: the official Snowball Portuguese stop list (203 words),
/// https://snowballstem.org/algorithms/portuguese/stop.txt, BSD 3-clause licence; the file
/// `Analysis/Data/stopwords-snowball.txt` (see `stopwords-snowball.txt.README.md` beside it)
/// holds it unchanged and is embedded in the binary.
///
/// Kept as terms, not stopped: `não` and `sem` ("não imprime" and "imprime" are opposite
/// tickets). Stop words still take a position, so phrase queries keep their gaps.
public enum PortugueseStopWords {
    /// Words of the Snowball list that kb keeps as terms.
    public static let keptWords: Set<String> = ["não", "sem"]

    /// The Snowball list as published, in file order.
    public static let snowballList: [String] = {
        DataFileLines.contentLines(of: String(decoding: PackageResources.stopwords_snowball_txt, as: UTF8.self))
            .map { String($0.content) }
    }()

    /// The stop set, lowercase with accents.
    public static let standard: Set<String> = Set(snowballList).subtracting(keptWords)

    /// The stop set accent-folded, for the folding analyzer (`não`'s folded form `nao` is
    /// kept as a term too).
    public static let folded: Set<String> = Set(standard.map(AccentFolding.fold))
        .subtracting(keptWords.map(AccentFolding.fold))
}

/// Informal Brazilian spellings (`pra`, `vc`, `q`, `tb`) and their standard forms.
///
/// The list is the data file `Analysis/Data/informal-spellings.txt`, embedded in the
/// binary; each line is `informal<TAB>standard`, both single words. The analyzer replaces
/// an informal word before stop-word removal and stemming, so `pra` is then dropped as the
/// stop word `para`, and `vc` matches `você`.
public struct InformalSpellings: Sendable {
    /// The standard form of each informal spelling.
    public let replacements: [String: String]

    /// Creates a list from pairs directly.
    public init(replacements: [String: String]) {
        self.replacements = replacements
    }

    /// Parses `text` in the data file's format; throws with the line number on a bad line.
    public init(parsing text: String, fileName: String = "informal-spellings.txt") throws(AnalysisDataError) {
        var replacements: [String: String] = [:]
        for (number, content) in DataFileLines.contentLines(of: text) {
            let fields = content.split(separator: "\t", omittingEmptySubsequences: true)
            guard fields.count == 2, !fields[1].contains(" ") else {
                throw AnalysisDataError(
                    file: fileName, line: number,
                    message: "expected `informal<TAB>standard` (two single words separated by a tab)")
            }
            let informal = AccentFolding.lowercase(String(fields[0]))
            guard replacements[informal] == nil else {
                throw AnalysisDataError(file: fileName, line: number, message: "`\(informal)` is listed twice")
            }
            replacements[informal] = AccentFolding.lowercase(String(fields[1]))
        }
        self.replacements = replacements
    }

    /// The list shipped with kb.
    public static let standard: InformalSpellings = {
        do {
            return try InformalSpellings(
                parsing: String(decoding: PackageResources.informal_spellings_txt, as: UTF8.self))
        } catch {
            preconditionFailure("the embedded informal-spellings.txt is invalid: \(error)")
        }
    }()

    /// The same list with keys and replacements accent-folded, for the folding analyzer.
    public func folded() -> InformalSpellings {
        var folded: [String: String] = [:]
        for (informal, standard) in replacements {
            folded[AccentFolding.fold(informal)] = AccentFolding.fold(standard)
        }
        return InformalSpellings(replacements: folded)
    }
}

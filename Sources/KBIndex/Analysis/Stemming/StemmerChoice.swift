/// One configured stemmer, as a closed enum so the analyzer's per-token call is a switch
/// rather than a call through an existential.
public enum StemmerChoice: Sendable {
    case none

    /// Creates the stemmer named `name`; `accentFolded` selects the variant for folded input.
    public init(_ name: StemmerName, accentFolded: Bool) {
        self = .none
    }

    /// The stem of `word`.
    @inline(__always)
    public func stem(_ word: String) -> String {
        switch self {
        case .none: return word
        }
    }
}

/// The sections of an index file, by their four-letter tag (see `FORMAT.md`).
public enum SectionTag: String, CaseIterable, Sendable {
    /// Settings and collection statistics (JSON).
    case meta = "META"
    /// Term dictionary block index.
    case termIndex = "TIDX"
    /// Term dictionary blocks.
    case terms = "TERM"
    /// Postings with skip data and block-max impacts.
    case postings = "POST"
    /// Positions.
    case positions = "POSN"
    /// Field lengths.
    case norms = "NORM"
    /// Stored fields.
    case storedFields = "STOR"
    /// Stored-field offsets and the id → doc id map.
    case documents = "DOCS"
    /// Filter columns: category, product, tags.
    case filters = "FILT"

    /// The tag's four ASCII bytes.
    public var bytes: [UInt8] { Array(rawValue.utf8) }

    /// A readable name for error messages (`postings`).
    public var displayName: String {
        switch self {
        case .meta: return "meta"
        case .termIndex: return "term index"
        case .terms: return "terms"
        case .postings: return "postings"
        case .positions: return "positions"
        case .norms: return "norms"
        case .storedFields: return "stored fields"
        case .documents: return "documents"
        case .filters: return "filters"
        }
    }
}

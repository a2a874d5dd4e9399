/// Why an index file cannot be read: not an index, truncated, corrupt, or of a format
/// version this build does not read. Corruption, version mismatch and I/O stay apart, so
/// the message can say what to do.
public struct IndexFormatError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What went wrong.
    public enum Kind: Equatable, Sendable {
        /// The file does not start (or end) with kb's magic bytes.
        case notAnIndex
        /// The file is shorter than its own structure says: a copy or write was cut off.
        case truncated
        /// A section's CRC-32C does not match its bytes.
        case checksumMismatch(expected: UInt32, actual: UInt32)
        /// The bytes are inconsistent (an offset out of bounds, unsorted terms, ...).
        case corrupt(String)
        /// Written by a newer format version than this build reads.
        case tooNew(version: UInt32, newestReadable: UInt32)
        /// Written by an older format version than this build reads.
        case tooOld(version: UInt32, oldestReadable: UInt32)
        /// The index was built with analysis settings this build does not know.
        case unsupportedAnalyzer(String)
        /// The file could not be opened, mapped or read.
        case unreadable(String)
    }

    /// What went wrong.
    public var kind: Kind
    /// The index file, when known.
    public var path: String?
    /// The section being read (`postings`, `terms`...), when known.
    public var section: String?
    /// The byte offset in the file where the problem was found, when known.
    public var offset: Int?

    /// Creates an error.
    public init(_ kind: Kind, path: String? = nil, section: String? = nil, offset: Int? = nil) {
        self.kind = kind
        self.path = path
        self.section = section
        self.offset = offset
    }

    /// A copy with the file path filled in.
    public func at(path: String) -> IndexFormatError {
        var copy = self
        copy.path = path
        return copy
    }

    /// A sentence saying what failed, where, and how to fix it.
    public var description: String {
        var location = path ?? "index"
        if let section { location += ", section \(section)" }
        if let offset { location += ", byte \(offset)" }
        let rebuild = "Rebuild it with `kb index`."
        switch kind {
        case .notAnIndex:
            return "\(location): not a kb index file (wrong magic bytes). "
                + "Check the path, or build an index there with `kb index`."
        case .truncated:
            return "\(location): the index file is truncated (it ends before its structure does). \(rebuild)"
        case .checksumMismatch(let expected, let actual):
            let hex = { (value: UInt32) in "0x" + String(value, radix: 16, uppercase: true) }
            return "\(location): checksum mismatch (stored \(hex(expected)), computed \(hex(actual))); "
                + "the file is corrupt. \(rebuild)"
        case .corrupt(let detail):
            return "\(location): the index file is corrupt: \(detail). \(rebuild)"
        case .tooNew(let version, let newest):
            return "\(location): index format \(version) is newer than this build reads (up to \(newest)). "
                + "Upgrade kb, or rebuild the index with this version's `kb index`."
        case .tooOld(let version, let oldest):
            return "\(location): index format \(version) is older than this build reads (from \(oldest)). \(rebuild)"
        case .unsupportedAnalyzer(let detail):
            return "\(location): the index was built with analysis settings this build does not support: "
                + "\(detail). \(rebuild)"
        case .unreadable(let reason):
            return "\(location): cannot read the index file: \(reason). "
                + "Check the path and its permissions, or build the index with `kb index`."
        }
    }
}

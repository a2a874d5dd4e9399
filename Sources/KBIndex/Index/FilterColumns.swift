/// The filter columns of an index (`FILT`, see `FORMAT.md`): for category, product and tags,
/// each value and the documents that have it.
///
/// Opening reads the value names and skips the document lists, which are decoded only when
/// a filter or facet asks for them.
///
/// The columns keep the mapping alive and only read it: `@unchecked Sendable`.
public struct FilterColumns: @unchecked Sendable {
    /// A filterable attribute.
    public enum Column: Int, CaseIterable, Sendable {
        /// `kb:category` (one per document).
        case category = 0
        /// `kb:product` (one per document).
        case product = 1
        /// `kb:tags` (many per document).
        case tag = 2
    }

    private struct ValueEntry: Sendable {
        let documentCount: Int
        let listOffset: Int
        let listLength: Int
    }

    private let file: MappedFile
    private let bytes: UnsafeRawBufferPointer
    private let baseOffset: Int
    private let documentCount: Int
    /// Keyed by the values' UTF-8 bytes: values are compared as stored, and `String`
    /// equality would merge canonically equivalent but byte-different values (NFC, NFD).
    private let columns: [[[UInt8]: ValueEntry]]
    /// Every value of each column, in byte order.
    public let values: [[String]]

    init(file: MappedFile, _ bytes: UnsafeRawBufferPointer, offset: Int, documentCount: Int) throws(IndexFormatError) {
        self.file = file
        self.bytes = bytes
        self.baseOffset = offset
        self.documentCount = documentCount
        var reader = BinaryReader(bytes, baseOffset: offset, section: SectionTag.filters.displayName)
        var columns: [[[UInt8]: ValueEntry]] = []
        var values: [[String]] = []
        for _ in Column.allCases {
            let count = Int(try reader.readVarUInt32())
            guard count <= reader.remaining else {
                throw IndexFormatError(
                    .corrupt("\(count) filter values cannot fit \(reader.remaining) bytes"),
                    section: SectionTag.filters.displayName, offset: offset + reader.position)
            }
            var entries: [[UInt8]: ValueEntry] = [:]
            var names: [String] = []
            names.reserveCapacity(count)
            for _ in 0..<count {
                let name = try reader.readString()
                let documents = Int(try reader.readVarUInt32())
                let length = Int(try reader.readVarUInt32())
                let start = reader.position
                try reader.skip(length)
                guard documents >= 1, documents <= documentCount, documents <= length,
                    names.last.map({ compareBytes($0.utf8, name.utf8) < 0 }) ?? true
                else {
                    throw IndexFormatError(
                        .corrupt("filter value \"\(name)\" is out of order or lists \(documents) documents"),
                        section: SectionTag.filters.displayName, offset: offset + start)
                }
                entries[Array(name.utf8)] = ValueEntry(documentCount: documents, listOffset: start, listLength: length)
                names.append(name)
            }
            columns.append(entries)
            values.append(names)
        }
        self.columns = columns
        self.values = values
    }

    /// How many documents have `value` in `column` (0 for an unknown value).
    public func documentCount(_ column: Column, _ value: String) -> Int {
        columns[column.rawValue][Array(value.utf8)]?.documentCount ?? 0
    }

    /// The doc ids, ascending, of the documents that have `value` in `column`.
    public func documents(_ column: Column, _ value: String) throws(IndexFormatError) -> [Int] {
        guard let entry = columns[column.rawValue][Array(value.utf8)] else { return [] }
        var reader = BinaryReader(
            UnsafeRawBufferPointer(rebasing: bytes[entry.listOffset..<entry.listOffset + entry.listLength]),
            baseOffset: baseOffset + entry.listOffset, section: SectionTag.filters.displayName)
        var documents: [Int] = []
        documents.reserveCapacity(entry.documentCount)
        var previous = 0
        for index in 0..<entry.documentCount {
            let delta = Int(try reader.readVarUInt32())
            previous += delta
            guard (delta > 0 || index == 0), previous < documentCount else {
                throw IndexFormatError(
                    .corrupt("the documents of filter value \"\(value)\" are out of order or out of range"),
                    section: SectionTag.filters.displayName, offset: baseOffset + entry.listOffset)
            }
            documents.append(previous)
        }
        return documents
    }
}

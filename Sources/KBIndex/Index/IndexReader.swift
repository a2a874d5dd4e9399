public import Foundation

/// An open index file: an immutable, `Sendable` snapshot that many threads search at once.
///
/// ```swift
/// let reader = try IndexReader.open(path: "kb.idx")
/// if let term = try reader.terms.lookup("senha") {
///     var postings = try reader.postings(for: term)
///     while try postings.next() != PostingsCursor.exhausted { ... }
/// }
/// ```
///
/// Opening maps the file (`mmap`) and checks the header, the footer, the section table and
/// the small `META` section: milliseconds at any size. Everything else is read on demand,
/// bounds-checked; damaged bytes throw ``IndexFormatError``, never trap. Pass
/// `verifyChecksums: true` to also check every section's CRC-32C (reads the whole file), as
/// the server does before it swaps in a new index; ``IndexVerifier`` checks everything.
///
/// Thread safety: every stored property is a `let`, and the byte buffers point into a
/// read-only mapping that lives as long as the reader; hence `@unchecked Sendable`.
public final class IndexReader: @unchecked Sendable {
    /// The index file's path.
    public let path: String
    /// How the index was built, and its collection statistics.
    public let metadata: IndexMetadata
    /// The analyzer the index was built with: analyze queries with it.
    public let analyzer: Analyzer
    /// The term dictionary.
    public let terms: TermDictionary
    /// The filter columns (category, product, tags).
    public let filters: FilterColumns
    /// The file size in bytes.
    public var fileSize: Int { file.bytes.count }
    /// When the file was last written (the index build time).
    public var buildDate: Date { Date(timeIntervalSince1970: file.modificationTime) }
    /// Number of documents.
    public var documentCount: Int { metadata.documentCount }

    let file: MappedFile
    let sections: [IndexSection]
    let postingsBytes: UnsafeRawBufferPointer
    let positionsBytes: UnsafeRawBufferPointer
    let normsBytes: UnsafeRawBufferPointer
    let storedBytes: UnsafeRawBufferPointer
    /// The codec of compressed stored documents (nil when `STOR` has none), or why it could
    /// not be read: a damaged `STOR` does not stop the index from opening and searching, only
    /// its stored documents from being read.
    let storedCodec: Result<StoredTextDecompressor?, IndexFormatError>
    let documentsBytes: UnsafeRawBufferPointer

    /// Opens the index at `path`.
    ///
    /// - Parameter verifyChecksums: also verify every section's CRC-32C (reads the whole file).
    /// - Throws: ``IndexFormatError`` saying what is wrong and how to fix it.
    public static func open(path: String, verifyChecksums: Bool = false) throws(IndexFormatError) -> IndexReader {
        do {
            return try IndexReader(file: MappedFile(path: path), verifyChecksums: verifyChecksums)
        } catch {
            throw error.path == nil ? error.at(path: path) : error
        }
    }

    private init(file: MappedFile, verifyChecksums: Bool) throws(IndexFormatError) {
        self.file = file
        self.path = file.path
        let sections = try IndexFileLayout.readSections(file.bytes)
        self.sections = sections
        func bytes(_ tag: SectionTag) -> UnsafeRawBufferPointer {
            let section = sections[SectionTag.allCases.firstIndex(of: tag)!]
            return UnsafeRawBufferPointer(rebasing: file.bytes[section.offset..<section.offset + section.length])
        }
        if verifyChecksums {
            for section in sections {
                try IndexFileLayout.verifyChecksum(of: section, in: file.bytes)
            }
        } else {
            try IndexFileLayout.verifyChecksum(of: sections[0], in: file.bytes)
        }
        let metadata = try IndexFileLayout.decodeMetadata(bytes(.meta), offset: sections[0].offset)
        guard let options = metadata.analyzer.options else {
            throw IndexFormatError(
                .unsupportedAnalyzer(
                    "stemmer \"\(metadata.analyzer.stemmer)\", stop words \"\(metadata.analyzer.stopWords)\""),
                section: SectionTag.meta.displayName)
        }
        self.metadata = metadata
        self.analyzer = Analyzer(options: options)
        let documentCount = metadata.documentCount

        func section(_ tag: SectionTag) -> IndexSection { sections[SectionTag.allCases.firstIndex(of: tag)!] }
        func requireLength(_ tag: SectionTag, _ expected: Int) throws(IndexFormatError) {
            let actual = section(tag).length
            guard actual == expected else {
                throw IndexFormatError(
                    .corrupt("the section holds \(actual) bytes where \(documentCount) documents need \(expected)"),
                    section: tag.displayName, offset: section(tag).offset)
            }
        }
        try requireLength(.norms, documentCount * IndexField.count * 2)
        try requireLength(.documents, 8 * (documentCount + 1) + 4 * documentCount)

        terms = try TermDictionary(
            file: file, index: bytes(.termIndex), indexOffset: section(.termIndex).offset,
            blocks: bytes(.terms), blocksOffset: section(.terms).offset)
        filters = try FilterColumns(
            file: file, bytes(.filters), offset: section(.filters).offset, documentCount: documentCount)
        postingsBytes = bytes(.postings)
        positionsBytes = bytes(.positions)
        normsBytes = bytes(.norms)
        storedBytes = bytes(.storedFields)
        let storedOffset = section(.storedFields).offset
        let stored = storedBytes
        storedCodec = Result { () throws(IndexFormatError) in
            try IndexReader.readStoredCodec(stored, offset: storedOffset)
        }
        documentsBytes = bytes(.documents)
    }

    /// The section with `tag` (every tag is present once an index is open).
    func section(_ tag: SectionTag) -> IndexSection {
        sections[SectionTag.allCases.firstIndex(of: tag)!]
    }

    /// The length of `field` in document `document`: the number of terms indexed for it.
    @inline(__always)
    public func fieldLength(_ field: IndexField, of document: Int) -> Int {
        // NORM's length was checked at open against the document count; callers pass doc
        // ids that postings validated against the same count.
        let index = document &* IndexField.count &+ field.rawValue
        precondition(index >= 0 && index * 2 + 2 <= normsBytes.count, "doc id \(document) out of range")
        return Int(UInt16(littleEndian: normsBytes.loadUnaligned(fromByteOffset: index * 2, as: UInt16.self)))
    }

    /// A cursor over the postings of `term`.
    public func postings(for term: TermInfo) throws(IndexFormatError) -> PostingsCursor {
        try PostingsCursor(reader: self, term: term)
    }
}

extension IndexReader {
    /// Each section's tag and length, in section table order (for `kb stats`).
    public var sectionSizes: [(tag: SectionTag, length: Int)] {
        sections.map { ($0.tag, $0.length) }
    }
}

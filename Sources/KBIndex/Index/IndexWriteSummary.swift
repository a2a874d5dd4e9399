/// What ``IndexWriter/write(to:)`` wrote: counts for the build report and the size of each
/// section.
public struct IndexWriteSummary: Sendable, Equatable {
    /// One section's place in the file.
    public struct Section: Sendable, Equatable {
        /// The section's tag.
        public var tag: SectionTag
        /// Offset of its first byte in the file.
        public var offset: Int
        /// Its length in bytes.
        public var length: Int

        /// Creates a section entry.
        public init(tag: SectionTag, offset: Int, length: Int) {
            self.tag = tag
            self.offset = offset
            self.length = length
        }
    }

    /// Number of documents indexed.
    public var documentCount: Int
    /// Number of distinct terms in the dictionary.
    public var termCount: Int
    /// Number of (term, document) postings.
    public var postingCount: Int
    /// Term occurrences not indexed because the term is longer than 255 UTF-8 bytes.
    public var droppedTermOccurrences: Int
    /// Number of sorted runs written to disk because the postings outgrew the memory budget
    /// (0 when everything fitted in memory).
    public var spillRunCount: Int
    /// The sections, in section table order.
    public var sections: [Section]
    /// The size of the index file in bytes.
    public var fileSize: Int

    /// Creates a summary.
    public init(
        documentCount: Int, termCount: Int, postingCount: Int, droppedTermOccurrences: Int, spillRunCount: Int,
        sections: [Section], fileSize: Int
    ) {
        self.documentCount = documentCount
        self.termCount = termCount
        self.postingCount = postingCount
        self.droppedTermOccurrences = droppedTermOccurrences
        self.spillRunCount = spillRunCount
        self.sections = sections
        self.fileSize = fileSize
    }

    /// The length of section `tag` (0 if absent).
    public func length(of tag: SectionTag) -> Int {
        sections.first { $0.tag == tag }?.length ?? 0
    }
}

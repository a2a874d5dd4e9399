/// Writes the frame of an index file (`FORMAT.md`, "File") around sections streamed into it:
/// the header, each section at an 8-byte boundary with the CRC-32C of its bytes computed as
/// they are written, then the section table and the footer.
///
/// ```swift
/// let file = try IndexFileWriter(path: path)
/// try file.beginSection(.positions)
/// try file.output.write(bytes)        // as many times as needed
/// try file.endSection()
/// ...                                 // every tag once, in any order
/// let sections = try file.finish()    // table, footer, close
/// ```
final class IndexFileWriter {
    /// One written section: its table entry.
    struct Section: Equatable, Sendable {
        /// The section's tag.
        var tag: SectionTag
        /// Offset of its first byte in the file (a multiple of 8).
        var offset: Int
        /// Its length in bytes, without padding.
        var length: Int
        /// The CRC-32C of its bytes.
        var checksum: UInt32
    }

    /// The file. Between ``beginSection(_:)`` and ``endSection()`` everything written to it
    /// belongs to the open section.
    let output: BufferedFileOutput
    /// The sections written so far, in file order.
    private(set) var sections: [Section] = []
    private var openSection: (tag: SectionTag, offset: Int)?

    /// Creates the file at `path` and writes the header. An existing file is unlinked first,
    /// so that a reader still mapping it keeps its bytes.
    init(path: String) throws(IndexWriterError) {
        SystemCall.removeFile(path)
        output = try BufferedFileOutput(creating: path, tracksChecksum: true)
        var header = BinaryWriter(capacity: FormatVersion.headerSize)
        header.writeBytes(FormatVersion.magic)
        header.writeUInt32(FormatVersion.current)
        header.writeUInt32(0)  // Flags
        try output.write(header.bytes)
    }

    /// Pads to the section alignment and opens section `tag`.
    func beginSection(_ tag: SectionTag) throws(IndexWriterError) {
        precondition(openSection == nil, "section \(openSection!.tag.rawValue) is still open")
        precondition(!sections.contains { $0.tag == tag }, "section \(tag.rawValue) is written twice")
        try output.pad(toMultipleOf: FormatVersion.sectionAlignment)
        output.resetChecksum()
        openSection = (tag, output.offset)
    }

    /// Closes the open section and records its table entry.
    @discardableResult
    func endSection() throws(IndexWriterError) -> Section {
        guard let (tag, offset) = openSection else { preconditionFailure("no section is open") }
        openSection = nil
        let section = Section(tag: tag, offset: offset, length: output.offset - offset, checksum: output.checksum)
        sections.append(section)
        return section
    }

    /// Writes section `tag` whose bytes are `bytes`.
    func writeSection(_ tag: SectionTag, _ bytes: [UInt8]) throws(IndexWriterError) {
        try beginSection(tag)
        try output.write(bytes)
        try endSection()
    }

    /// Writes section `tag` whose bytes are the content of the file at `path`.
    func writeSection(_ tag: SectionTag, contentsOf path: String) throws(IndexWriterError) {
        try beginSection(tag)
        try output.append(contentsOf: path)
        try endSection()
    }

    /// Writes the section table (every tag, in ``SectionTag`` order) and the footer, and closes
    /// the file. Returns the sections in table order and the file's size. The file is not
    /// synchronized: ``AtomicFilePublisher`` makes it durable before renaming it into place.
    func finish() throws(IndexWriterError) -> (sections: [Section], fileSize: Int) {
        precondition(openSection == nil, "a section is still open")
        let ordered = SectionTag.allCases.map { tag in
            guard let section = sections.first(where: { $0.tag == tag }) else {
                preconditionFailure("section \(tag.rawValue) was not written")
            }
            return section
        }
        try output.pad(toMultipleOf: FormatVersion.sectionAlignment)
        let tableOffset = output.offset
        var table = BinaryWriter(capacity: 8 + ordered.count * FormatVersion.sectionEntrySize)
        table.writeUInt32(UInt32(ordered.count))
        table.writeUInt32(0)  // Reserved
        for section in ordered {
            table.writeBytes(section.tag.bytes)
            table.writeUInt32(0)  // Reserved
            table.writeUInt64(UInt64(section.offset))
            table.writeUInt64(UInt64(section.length))
            table.writeUInt32(section.checksum)
            table.writeUInt32(0)  // Reserved
        }
        try output.write(table.bytes)
        var footer = BinaryWriter(capacity: FormatVersion.footerSize)
        footer.writeUInt64(UInt64(tableOffset))
        footer.writeUInt64(UInt64(table.count))
        footer.writeUInt32(CRC32C.checksum(table.bytes))
        footer.writeUInt32(FormatVersion.current)
        footer.writeBytes(FormatVersion.magic)
        try output.write(footer.bytes)
        try output.close()
        return (ordered, output.offset)
    }
}

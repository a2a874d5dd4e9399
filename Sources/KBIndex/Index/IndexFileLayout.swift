import Foundation

/// Reads and checks the frame of an index file: header, footer and section table
/// (see `FORMAT.md`, "File" and "Opening").
enum IndexFileLayout {
    /// Checks the header, footer and section table of `file` and returns its sections in
    /// ``SectionTag`` order.
    static func readSections(_ file: UnsafeRawBufferPointer) throws(IndexFormatError) -> [IndexSection] {
        let magic = FormatVersion.magic
        let size = file.count
        let startsWithMagic = zip(file.prefix(magic.count), magic).allSatisfy { $0 == $1 }
        guard startsWithMagic else { throw IndexFormatError(.notAnIndex, offset: 0) }
        guard size >= FormatVersion.headerSize + FormatVersion.footerSize else {
            throw IndexFormatError(.truncated, offset: size)
        }
        var header = BinaryReader(
            UnsafeRawBufferPointer(rebasing: file[0..<FormatVersion.headerSize]), section: "header")
        try header.skip(magic.count)
        let version = try header.readUInt32()
        guard version <= FormatVersion.current else {
            throw IndexFormatError(.tooNew(version: version, newestReadable: FormatVersion.current), offset: 8)
        }
        guard version >= FormatVersion.oldestReadable else {
            throw IndexFormatError(.tooOld(version: version, oldestReadable: FormatVersion.oldestReadable), offset: 8)
        }

        let footerStart = size - FormatVersion.footerSize
        var footer = BinaryReader(
            UnsafeRawBufferPointer(rebasing: file[footerStart..<size]), baseOffset: footerStart, section: "footer")
        let tableOffset = try footer.readUInt64()
        let tableLength = try footer.readUInt64()
        let tableChecksum = try footer.readUInt32()
        let footerVersion = try footer.readUInt32()
        let footerMagic = try footer.readBytes(count: magic.count)
        guard footerMagic.elementsEqual(magic) else {
            // The start is an index but the end is not: the file was cut short.
            throw IndexFormatError(.truncated, offset: size)
        }
        guard footerVersion == version else {
            throw IndexFormatError(
                .corrupt("the footer says format \(footerVersion), the header \(version)"), section: "footer",
                offset: footerStart + 20)
        }
        guard tableOffset >= UInt64(FormatVersion.headerSize), tableLength >= 8,
            tableOffset <= UInt64(footerStart), tableLength <= UInt64(footerStart) - tableOffset
        else {
            throw IndexFormatError(
                .corrupt("the section table (offset \(tableOffset), \(tableLength) bytes) lies outside the file"),
                section: "footer", offset: footerStart)
        }
        let table = UnsafeRawBufferPointer(rebasing: file[Int(tableOffset)..<Int(tableOffset + tableLength)])
        let actualChecksum = CRC32C.checksum(table)
        guard actualChecksum == tableChecksum else {
            throw IndexFormatError(
                .checksumMismatch(expected: tableChecksum, actual: actualChecksum), section: "section table",
                offset: Int(tableOffset))
        }
        return try readTable(table, tableOffset: Int(tableOffset))
    }

    private static func readTable(_ table: UnsafeRawBufferPointer, tableOffset: Int) throws(IndexFormatError)
        -> [IndexSection]
    {
        var reader = BinaryReader(table, baseOffset: tableOffset, section: "section table")
        let count = Int(try reader.readUInt32())
        _ = try reader.readUInt32()
        guard table.count == 8 + count * FormatVersion.sectionEntrySize else {
            throw IndexFormatError(
                .corrupt("\(count) sections do not fit a table of \(table.count) bytes"), section: "section table",
                offset: tableOffset)
        }
        var found: [SectionTag: IndexSection] = [:]
        var extents: [(start: Int, end: Int)] = []
        for _ in 0..<count {
            let entryOffset = tableOffset + reader.position
            let tagBytes = try reader.readBytes(count: 4)
            _ = try reader.readUInt32()
            let offset = try reader.readUInt64()
            let length = try reader.readUInt64()
            let checksum = try reader.readUInt32()
            _ = try reader.readUInt32()
            let name = String(decoding: tagBytes, as: UTF8.self)
            guard offset >= UInt64(FormatVersion.headerSize), offset % UInt64(FormatVersion.sectionAlignment) == 0,
                offset <= UInt64(tableOffset), length <= UInt64(tableOffset) - offset
            else {
                throw IndexFormatError(
                    .corrupt("section \(name) (offset \(offset), \(length) bytes) lies outside the data area"),
                    section: "section table", offset: entryOffset)
            }
            extents.append((Int(offset), Int(offset + length)))
            guard let tag = SectionTag(rawValue: name) else { continue }  // unknown sections are ignored
            guard found[tag] == nil else {
                throw IndexFormatError(
                    .corrupt("section \(name) appears twice"), section: "section table", offset: entryOffset)
            }
            found[tag] = IndexSection(tag: tag, offset: Int(offset), length: Int(length), checksum: checksum)
        }
        extents.sort { $0.start < $1.start }
        for (previous, next) in zip(extents, extents.dropFirst()) where next.start < previous.end {
            throw IndexFormatError(
                .corrupt("two sections overlap at byte \(next.start)"), section: "section table", offset: tableOffset)
        }
        var sections: [IndexSection] = []
        for tag in SectionTag.allCases {
            guard let section = found[tag] else {
                throw IndexFormatError(
                    .corrupt("the \(tag.rawValue) section is missing"), section: "section table", offset: tableOffset)
            }
            sections.append(section)
        }
        return sections
    }

    /// Throws `.checksumMismatch` unless `section`'s bytes match its stored CRC-32C.
    static func verifyChecksum(of section: IndexSection, in file: UnsafeRawBufferPointer) throws(IndexFormatError) {
        let bytes = UnsafeRawBufferPointer(rebasing: file[section.offset..<section.offset + section.length])
        let actual = CRC32C.checksum(bytes)
        guard actual == section.checksum else {
            throw IndexFormatError(
                .checksumMismatch(expected: section.checksum, actual: actual), section: section.tag.displayName,
                offset: section.offset)
        }
    }

    /// Decodes and sanity-checks the `META` JSON.
    static func decodeMetadata(_ bytes: UnsafeRawBufferPointer, offset: Int) throws(IndexFormatError) -> IndexMetadata {
        let metadata: IndexMetadata
        do {
            metadata = try JSONDecoder().decode(IndexMetadata.self, from: Data(bytes))
        } catch {
            throw IndexFormatError(
                .corrupt("the settings do not decode: \(error)"), section: SectionTag.meta.displayName, offset: offset)
        }
        let problem: String?
        if metadata.documentCount < 0 || metadata.documentCount > Int(UInt32.max) {
            problem = "document count \(metadata.documentCount) is out of range"
        } else if metadata.termCount < 0 {
            problem = "term count \(metadata.termCount) is negative"
        } else if metadata.fields.map(\.name) != IndexField.allCases.map(\.name) {
            problem = "fields are \(metadata.fields.map(\.name)), expected title, headings, body"
        } else if metadata.fields.contains(where: { $0.totalLength < 0 || !$0.weight.isFinite || $0.weight < 0 }) {
            problem = "a field has a negative length or an invalid weight"
        } else {
            problem = nil
        }
        if let problem {
            throw IndexFormatError(.corrupt(problem), section: SectionTag.meta.displayName, offset: offset)
        }
        return metadata
    }
}

/// Encodes and decodes a document's stored fields but its id, as `STOR` keeps them before
/// compression (`FORMAT.md`, STOR) and the reindex cache keeps them after the id:
///
/// ```
/// Fields --> Title: String, URL: String, Category: String,
///            Product: String, TagCount: VarUInt, Tag: String^TagCount,
///            Summary: String, Updated: String,
///            HeadingCount: VarUInt, Heading: String^HeadingCount, Body: String
/// ```
enum StoredDocumentEncoder {
    /// Appends `document`'s fields, all but the id, to `writer`.
    static func encodeFields(_ document: StoredDocument, into writer: inout BinaryWriter) {
        writer.writeString(document.title)
        writer.writeString(document.url)
        writer.writeString(document.category)
        writer.writeString(document.product)
        writer.writeVarUInt(UInt64(document.tags.count))
        for tag in document.tags {
            writer.writeString(tag)
        }
        writer.writeString(document.summary)
        writer.writeString(document.updated)
        writer.writeVarUInt(UInt64(document.headings.count))
        for heading in document.headings {
            writer.writeString(heading)
        }
        writer.writeString(document.body)
    }

    /// Reads the fields that ``encodeFields(_:into:)`` wrote, for the document `id`.
    static func decodeFields(_ reader: inout BinaryReader, id: String) throws(IndexFormatError) -> StoredDocument {
        let title = try reader.readString()
        let url = try reader.readString()
        let category = try reader.readString()
        let product = try reader.readString()
        let tags = try readStrings(&reader)
        let summary = try reader.readString()
        let updated = try reader.readString()
        let headings = try readStrings(&reader)
        let body = try reader.readString()
        return StoredDocument(
            id: id, title: title, url: url, category: category, product: product, tags: tags, summary: summary,
            updated: updated, headings: headings, body: body)
    }

    /// A VarUInt count, then that many strings; a count that cannot fit the bytes left is
    /// `.corrupt` (each string takes at least one byte).
    private static func readStrings(_ reader: inout BinaryReader) throws(IndexFormatError) -> [String] {
        let count = Int(try reader.readVarUInt32())
        guard count <= reader.remaining else {
            throw IndexFormatError(
                .corrupt("a list of \(count) strings cannot fit \(reader.remaining) bytes"),
                section: reader.section, offset: reader.baseOffset + reader.position)
        }
        var strings: [String] = []
        strings.reserveCapacity(count)
        for _ in 0..<count { strings.append(try reader.readString()) }
        return strings
    }
}

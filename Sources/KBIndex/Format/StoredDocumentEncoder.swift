/// Encodes a document's stored fields but its id, as `STOR` keeps them before compression
/// (`FORMAT.md`, STOR):
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
}

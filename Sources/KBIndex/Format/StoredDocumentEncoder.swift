/// Encodes a document's stored fields as `STOR` keeps them (`FORMAT.md`, STOR):
///
/// ```
/// StoredDocument --> ID: String, Title: String, URL: String, Category: String,
///                    Product: String, TagCount: VarUInt, Tag: String^TagCount,
///                    Summary: String, Updated: String,
///                    HeadingCount: VarUInt, Heading: String^HeadingCount, Body: String
/// ```
enum StoredDocumentEncoder {
    /// Appends `document` to `writer`.
    static func encode(_ document: StoredDocument, into writer: inout BinaryWriter) {
        writer.writeString(document.id)
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

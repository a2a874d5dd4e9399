/// The byte layout of the reindex cache file `<index>.cache`, with the primitives of
/// ``BinaryWriter`` / ``BinaryReader`` (little-endian integers, LEB128 VarUInts, strings as a
/// VarUInt UTF-8 length and the bytes):
///
/// ```
/// magic     8 bytes  0x89 'K' 'B' 'C' 'A' 'C' 'H' '\n'
/// version   UInt32   2
/// key       string   IndexBuildCacheKey of the options it was built with
/// entries   repeated: UInt8 1, VarUInt length, that many bytes of entry
/// end       UInt8 0, UInt64 entry count, UInt32 CRC-32C of every byte before it
/// ```
///
/// An entry is one source file: its path (string), size (VarUInt), FNV-1a (UInt64), CRC-32C
/// (UInt32), then its results: a VarUInt count and, per result, `UInt8 0` and an analyzed
/// article, or `UInt8 1` and a parse error. An analyzed article is its stored document (id,
/// title, url, category, product, tags as a count and strings, summary, updated, headings as
/// a count and strings, body), ``IndexField/count`` fields, each a VarUInt term count and
/// per term its string and position (VarUInt), and its links: a VarUInt count and, per link,
/// its target (string) and its text as a field. A parse error is its path, line (VarUInt, 0 for
/// none, else line + 1) and reason (a UInt8 case tag and its values).
///
/// The cache is an accelerator only: anything unexpected in it makes the builder ignore it.
enum IndexBuildCacheFormat {
    /// The file's first 8 bytes.
    static let magic: [UInt8] = [0x89, 0x4B, 0x42, 0x43, 0x41, 0x43, 0x48, 0x0A]
    /// The layout version this build writes and reads; any other is ignored.
    static let version: UInt32 = 2
    /// The marker before each entry.
    static let entryMarker: UInt8 = 1
    /// The marker before the end record.
    static let endMarker: UInt8 = 0
    /// The end record's size after its marker: entry count and checksum.
    static let endSize = 12

    /// Appends one entry's body (without marker and length) to `writer`.
    static func writeEntry(
        path: String, fingerprint: ContentFingerprint, results: [Result<AnalyzedArticle, ArticleParseError>],
        to writer: inout BinaryWriter
    ) {
        writer.writeString(path)
        writer.writeVarUInt(fingerprint.size)
        writer.writeUInt64(fingerprint.fnv1a)
        writer.writeUInt32(fingerprint.crc32c)
        writer.writeVarUInt(UInt64(results.count))
        for result in results {
            switch result {
            case .success(let article):
                writer.writeUInt8(0)
                writeArticle(article, to: &writer)
            case .failure(let error):
                writer.writeUInt8(1)
                writeError(error, to: &writer)
            }
        }
    }

    /// Reads the results that follow an entry's fingerprint.
    static func readResults(_ reader: inout BinaryReader) throws(IndexFormatError)
        -> [Result<AnalyzedArticle, ArticleParseError>]
    {
        let count = try readCount(&reader)
        var results: [Result<AnalyzedArticle, ArticleParseError>] = []
        for _ in 0..<count {
            switch try reader.readUInt8() {
            case 0: results.append(.success(try readArticle(&reader)))
            case 1: results.append(.failure(try readError(&reader)))
            default: throw corrupt(reader, "unknown result tag")
            }
        }
        return results
    }

    private static func writeArticle(_ article: AnalyzedArticle, to writer: inout BinaryWriter) {
        // The document as STOR keeps it before compression: the id, then its fields.
        writer.writeString(article.document.id)
        StoredDocumentEncoder.encodeFields(article.document, into: &writer)
        for field in article.fields { writeField(field, to: &writer) }
        writer.writeVarUInt(UInt64(article.links.count))
        for link in article.links {
            writer.writeString(link.target)
            writeField(link.text, to: &writer)
        }
    }

    private static func writeField(_ field: AnalyzedArticle.Field, to writer: inout BinaryWriter) {
        writer.writeVarUInt(UInt64(field.terms.count))
        for (term, position) in zip(field.terms, field.positions) {
            writer.writeString(term)
            writer.writeVarUInt(UInt64(position))
        }
    }

    private static func readField(_ reader: inout BinaryReader) throws(IndexFormatError) -> AnalyzedArticle.Field {
        let count = try readCount(&reader)
        var terms: [String] = []
        var positions: [UInt32] = []
        terms.reserveCapacity(count)
        positions.reserveCapacity(count)
        for _ in 0..<count {
            terms.append(try reader.readString())
            positions.append(try reader.readVarUInt32())
        }
        return AnalyzedArticle.Field(terms: terms, positions: positions)
    }

    private static func readArticle(_ reader: inout BinaryReader) throws(IndexFormatError) -> AnalyzedArticle {
        let document = try StoredDocumentEncoder.decodeFields(&reader, id: try reader.readString())
        var fields: [AnalyzedArticle.Field] = []
        for _ in 0..<IndexField.count { fields.append(try readField(&reader)) }
        var links: [AnalyzedArticle.Link] = []
        for _ in 0..<(try readCount(&reader)) {
            links.append(AnalyzedArticle.Link(target: try reader.readString(), text: try readField(&reader)))
        }
        return AnalyzedArticle(document: document, fields: fields, links: links)
    }

    private static func writeError(_ error: ArticleParseError, to writer: inout BinaryWriter) {
        writer.writeString(error.path)
        writer.writeVarUInt(error.line.map { UInt64(max(0, $0)) + 1 } ?? 0)
        switch error.reason {
        case .empty: writer.writeUInt8(0)
        case .binary: writer.writeUInt8(1)
        case .tooLarge(let size, let limit):
            writer.writeUInt8(2)
            writer.writeVarUInt(UInt64(max(0, size)))
            writer.writeVarUInt(UInt64(max(0, limit)))
        case .tooDeep(let limit):
            writer.writeUInt8(3)
            writer.writeVarUInt(UInt64(max(0, limit)))
        case .noText: writer.writeUInt8(4)
        case .unreadable(let message):
            writer.writeUInt8(5)
            writer.writeString(message)
        case .invalidJSON(let details):
            writer.writeUInt8(6)
            writer.writeString(details)
        case .missingField(let name):
            writer.writeUInt8(7)
            writer.writeString(name)
        case .invalidField(let name, let expected):
            writer.writeUInt8(8)
            writer.writeString(name)
            writer.writeString(expected)
        }
    }

    private static func readError(_ reader: inout BinaryReader) throws(IndexFormatError) -> ArticleParseError {
        let path = try reader.readString()
        let line = try readInt(&reader)
        let reason: ArticleParseError.Reason
        switch try reader.readUInt8() {
        case 0: reason = .empty
        case 1: reason = .binary
        case 2: reason = .tooLarge(size: try readInt(&reader), limit: try readInt(&reader))
        case 3: reason = .tooDeep(limit: try readInt(&reader))
        case 4: reason = .noText
        case 5: reason = .unreadable(try reader.readString())
        case 6: reason = .invalidJSON(try reader.readString())
        case 7: reason = .missingField(try reader.readString())
        case 8: reason = .invalidField(name: try reader.readString(), expected: try reader.readString())
        default: throw corrupt(reader, "unknown parse error reason")
        }
        return ArticleParseError(path: path, line: line == 0 ? nil : line - 1, reason: reason)
    }

    /// A VarUInt count of items of at least one byte each: never more than the bytes left.
    private static func readCount(_ reader: inout BinaryReader) throws(IndexFormatError) -> Int {
        let count = try reader.readVarUInt()
        guard count <= UInt64(reader.remaining) else { throw corrupt(reader, "count passes the end") }
        return Int(count)
    }

    /// A VarUInt that must fit in an `Int`.
    private static func readInt(_ reader: inout BinaryReader) throws(IndexFormatError) -> Int {
        guard let value = Int(exactly: try reader.readVarUInt()) else { throw corrupt(reader, "value too large") }
        return value
    }

    private static func corrupt(_ reader: BinaryReader, _ detail: String) -> IndexFormatError {
        IndexFormatError(.corrupt(detail), section: reader.section, offset: reader.baseOffset + reader.position)
    }
}

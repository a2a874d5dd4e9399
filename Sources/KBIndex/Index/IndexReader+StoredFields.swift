extension IndexReader {
    /// The stored fields of document `document` (`STOR`, located through `DOCS`),
    /// decompressed if they are compressed.
    public func storedDocument(_ document: Int) throws(IndexFormatError) -> StoredDocument {
        var record = try storedReader(document)
        let id = try record.readString()
        let methodOffset = record.position
        let method = try record.readUInt8()
        switch StoredDocumentMethod(rawValue: method) {
        case .raw:
            return try StoredDocumentEncoder.decodeFields(&record, id: id)
        case .compressed:
            guard let storedDecompressor = try storedCodec.get() else {
                throw IndexFormatError(
                    .corrupt("a compressed stored document in a section without a codec"),
                    section: record.section, offset: record.baseOffset + methodOffset)
            }
            let length = Int(try record.readVarUInt32())
            let compressedOffset = record.baseOffset + record.position
            let compressed = try record.readBytes(count: record.remaining)
            let fields = try storedDecompressor.decompress(compressed, count: length, offset: compressedOffset)
            let decoded: Result<StoredDocument, IndexFormatError> = fields.withUnsafeBytes { bytes in
                var reader = BinaryReader(bytes, baseOffset: compressedOffset, section: record.section)
                do throws(IndexFormatError) {
                    return .success(try StoredDocumentEncoder.decodeFields(&reader, id: id))
                } catch { return .failure(error) }
            }
            return try decoded.get()
        case nil:
            throw IndexFormatError(
                .corrupt("unknown stored-document method \(method)"),
                section: record.section, offset: record.baseOffset + methodOffset)
        }
    }

    /// The codec at the head of `STOR` (`CodecKind` and `Codec`, FORMAT.md), or nil when the
    /// section has none.
    static func readStoredCodec(_ bytes: UnsafeRawBufferPointer, offset: Int) throws(IndexFormatError)
        -> StoredTextDecompressor?
    {
        guard !bytes.isEmpty else { return nil }
        var reader = BinaryReader(bytes, baseOffset: offset, section: SectionTag.storedFields.displayName)
        let kind = try reader.readUInt8()
        switch StoredFieldsCodecKind(rawValue: kind) {
        case .none?: return nil
        case .lzHuffman?: return try StoredTextDecompressor(reading: &reader)
        case nil:
            throw IndexFormatError(
                .corrupt("unknown stored-fields codec \(kind)"), section: reader.section, offset: offset)
        }
    }

    /// The article id of document `document` (reads only that field).
    public func articleID(of document: Int) throws(IndexFormatError) -> String {
        var reader = try storedReader(document)
        return try reader.readString()
    }

    /// The doc id of the article with id `articleID`, or nil.
    public func document(withArticleID wanted: String) throws(IndexFormatError) -> Int? {
        var low = 0
        var high = documentCount
        let target = Array(wanted.utf8)
        while low < high {
            let middle = (low + high) / 2
            let document = try documentInIDOrder(middle)
            let order = compareBytes(Array(try articleID(of: document).utf8), target)
            if order == 0 { return document }
            if order < 0 { low = middle + 1 } else { high = middle }
        }
        return nil
    }

    /// The `rank`-th doc id in article-id order (`DOCS`'s `IDOrder`).
    func documentInIDOrder(_ rank: Int) throws(IndexFormatError) -> Int {
        let offset = 8 * (documentCount + 1) + 4 * rank
        let document = Int(UInt32(littleEndian: documentsBytes.loadUnaligned(fromByteOffset: offset, as: UInt32.self)))
        guard document < documentCount else {
            throw IndexFormatError(
                .corrupt("the id order lists doc id \(document) of \(documentCount)"),
                section: SectionTag.documents.displayName, offset: section(.documents).offset + offset)
        }
        return document
    }

    /// Where document `document`'s stored fields start and end in `STOR`.
    func storedRange(_ document: Int) throws(IndexFormatError) -> Range<Int> {
        precondition(document >= 0 && document < documentCount, "doc id \(document) out of range")
        let start = documentsBytes.loadUnaligned(fromByteOffset: 8 * document, as: UInt64.self)
        let end = documentsBytes.loadUnaligned(fromByteOffset: 8 * document + 8, as: UInt64.self)
        let (first, last) = (UInt64(littleEndian: start), UInt64(littleEndian: end))
        guard first <= last, last <= UInt64(storedBytes.count) else {
            throw IndexFormatError(
                .corrupt("stored fields of doc id \(document) span \(first)..<\(last) of \(storedBytes.count) bytes"),
                section: SectionTag.documents.displayName, offset: section(.documents).offset + 8 * document)
        }
        return Int(first)..<Int(last)
    }

    private func storedReader(_ document: Int) throws(IndexFormatError) -> BinaryReader {
        let range = try storedRange(document)
        return BinaryReader(
            UnsafeRawBufferPointer(rebasing: storedBytes[range]),
            baseOffset: section(.storedFields).offset + range.lowerBound, section: SectionTag.storedFields.displayName)
    }
}

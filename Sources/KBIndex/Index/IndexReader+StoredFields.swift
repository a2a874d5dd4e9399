extension IndexReader {
    /// The stored fields of document `document` (`STOR`, located through `DOCS`).
    public func storedDocument(_ document: Int) throws(IndexFormatError) -> StoredDocument {
        var reader = try storedReader(document)
        let id = try reader.readString()
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

    private func readStrings(_ reader: inout BinaryReader) throws(IndexFormatError) -> [String] {
        let count = Int(try reader.readVarUInt32())
        guard count <= reader.remaining else {
            throw IndexFormatError(
                .corrupt("a list of \(count) strings cannot fit \(reader.remaining) bytes"),
                section: SectionTag.storedFields.displayName, offset: reader.baseOffset + reader.position)
        }
        var strings: [String] = []
        strings.reserveCapacity(count)
        for _ in 0..<count { strings.append(try reader.readString()) }
        return strings
    }
}

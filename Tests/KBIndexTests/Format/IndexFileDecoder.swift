import Foundation
import Testing

@testable import KBIndex

/// Decodes a whole index file with `BinaryReader`, following `FORMAT.md` only: the tests'
/// independent check of what `IndexWriter` writes (the real reader lives elsewhere).
/// Every structural rule it meets is checked with `#expect` or a thrown error.
struct DecodedIndex {
    /// One section table entry.
    struct Section: Equatable {
        var tag: String
        var offset: Int
        var length: Int
        var checksum: UInt32
    }

    /// One term dictionary entry.
    struct Term: Equatable {
        var term: [UInt8]
        var documentFrequency: Int
        var postingsOffset: Int
        var positionsOffset: Int
    }

    /// One skip entry.
    struct Skip: Equatable {
        var lastDocument: UInt32
        var blockOffset: UInt32
        var maxImpact: Float
        var positionsOffset: UInt32
    }

    /// One document of a posting list, with its positions per field.
    struct Posting: Equatable {
        var document: UInt32
        var frequencies: [UInt32]
        var positions: [[UInt32]]
    }

    struct DecodeError: Error, CustomStringConvertible {
        var description: String
    }

    var bytes: [UInt8]
    var sections: [Section] = []
    var metadata: IndexMetadata
    var metadataJSON: String
    var terms: [Term] = []
    var skips: [[UInt8]: [Skip]] = [:]
    var postings: [[UInt8]: [Posting]] = [:]
    var norms: [UInt16] = []
    var stored: [StoredDocument] = []
    var storedOffsets: [UInt64] = []
    /// `STOR`'s `CodecKind` (nil without documents) and how many documents are compressed.
    var storedCodecKind: UInt8?
    var compressedDocumentCount = 0
    var idOrder: [UInt32] = []
    /// Per column (category, product, tag): values in file order with their documents.
    var filters: [[(value: [UInt8], documents: [UInt32])]] = []

    init(contentsOf url: URL) throws {
        try self.init(bytes: Array(try Data(contentsOf: url)))
    }

    init(bytes: [UInt8]) throws {
        self.bytes = bytes
        func fail(_ message: String) -> DecodeError { DecodeError(description: message) }
        guard bytes.count >= 48 else { throw fail("shorter than 48 bytes") }
        // Header.
        var sectionsFound: [Section] = []
        var metadataBytes: [UInt8] = []
        try bytes.withUnsafeBytes { (file: UnsafeRawBufferPointer) throws in
            var header = BinaryReader(UnsafeRawBufferPointer(rebasing: file[0..<16]), section: "header")
            guard Array(try header.readBytes(count: 8)) == FormatVersion.magic else { throw fail("header magic") }
            guard try header.readUInt32() == FormatVersion.current else { throw fail("header version") }
            guard try header.readUInt32() == 0 else { throw fail("flags") }
            // Footer.
            var footer = BinaryReader(
                UnsafeRawBufferPointer(rebasing: file[(file.count - 32)...]), baseOffset: file.count - 32,
                section: "footer")
            let tableOffset = Int(try footer.readUInt64())
            let tableLength = Int(try footer.readUInt64())
            let tableChecksum = try footer.readUInt32()
            guard try footer.readUInt32() == FormatVersion.current else { throw fail("footer version") }
            guard Array(try footer.readBytes(count: 8)) == FormatVersion.magic else { throw fail("footer magic") }
            guard tableOffset >= 16, tableOffset + tableLength == file.count - 32 else {
                throw fail("section table not between header and footer")
            }
            let tableBytes = UnsafeRawBufferPointer(rebasing: file[tableOffset..<(tableOffset + tableLength)])
            guard CRC32C.checksum(tableBytes) == tableChecksum else { throw fail("section table checksum") }
            var table = BinaryReader(tableBytes, baseOffset: tableOffset, section: "table")
            let count = Int(try table.readUInt32())
            guard try table.readUInt32() == 0 else { throw fail("table reserved") }
            guard tableLength == 8 + 32 * count else { throw fail("table length") }
            for _ in 0..<count {
                let tag = String(decoding: try table.readBytes(count: 4), as: UTF8.self)
                guard try table.readUInt32() == 0 else { throw fail("entry reserved") }
                let offset = Int(try table.readUInt64())
                let length = Int(try table.readUInt64())
                let checksum = try table.readUInt32()
                guard try table.readUInt32() == 0 else { throw fail("entry reserved 2") }
                guard offset % 8 == 0 else { throw fail("\(tag) not aligned") }
                guard offset >= 16, offset + length <= tableOffset else { throw fail("\(tag) outside") }
                let sectionBytes = UnsafeRawBufferPointer(rebasing: file[offset..<(offset + length)])
                guard CRC32C.checksum(sectionBytes) == checksum else { throw fail("\(tag) checksum") }
                sectionsFound.append(Section(tag: tag, offset: offset, length: length, checksum: checksum))
            }
            // No overlaps; and (stricter than FORMAT.md, for naive readers) no empty section
            // starts where a non-empty one does.
            let sorted = sectionsFound.sorted { ($0.offset, $0.length) < ($1.offset, $1.length) }
            for (left, right) in zip(sorted, sorted.dropFirst()) where left.offset + left.length > right.offset {
                throw fail("\(left.tag) overlaps \(right.tag)")
            }
            for empty in sectionsFound where empty.length == 0 {
                if sectionsFound.contains(where: { $0.length > 0 && $0.offset == empty.offset }) {
                    throw fail("empty \(empty.tag) starts where a non-empty section does")
                }
            }
            // Padding between sections is zero.
            var end = 16
            for section in sorted {
                guard file[end..<section.offset].allSatisfy({ $0 == 0 }) else { throw fail("non-zero padding") }
                end = section.offset + section.length
            }
            guard file[end..<tableOffset].allSatisfy({ $0 == 0 }) else { throw fail("non-zero padding") }
        }
        sections = sectionsFound
        guard sections.map(\.tag) == SectionTag.allCases.map(\.rawValue) else { throw fail("tags or their order") }
        let meta = sections[0]
        metadataBytes = Array(bytes[meta.offset..<(meta.offset + meta.length)])
        metadataJSON = String(decoding: metadataBytes, as: UTF8.self)
        metadata = try JSONDecoder().decode(IndexMetadata.self, from: Data(metadataBytes))
        try decodeSections()
    }

    func section(_ tag: SectionTag) -> Section {
        sections.first { $0.tag == tag.rawValue }!
    }

    private mutating func decodeSections() throws {
        let documentCount = metadata.documentCount
        var terms: [Term] = []
        var skips: [[UInt8]: [Skip]] = [:]
        var postings: [[UInt8]: [Posting]] = [:]
        var norms: [UInt16] = []
        var stored: [StoredDocument] = []
        var storedOffsets: [UInt64] = []
        var idOrder: [UInt32] = []
        var filters: [[(value: [UInt8], documents: [UInt32])]] = []
        func fail(_ message: String) -> DecodeError { DecodeError(description: message) }
        let allSections = sections
        func sectionOf(_ tag: SectionTag) -> Section { allSections.first { $0.tag == tag.rawValue }! }
        try bytes.withUnsafeBytes { (file: UnsafeRawBufferPointer) throws in
            func reader(_ tag: SectionTag) -> BinaryReader {
                let section = sectionOf(tag)
                return BinaryReader(
                    UnsafeRawBufferPointer(rebasing: file[section.offset..<(section.offset + section.length)]),
                    baseOffset: section.offset, section: tag.rawValue)
            }
            // TIDX and TERM.
            var index = reader(.termIndex)
            let blockCount = Int(try index.readUInt32())
            guard try index.readUInt32() == 0 else { throw fail("TIDX reserved") }
            var blockOffsets: [Int] = []
            for _ in 0..<blockCount { blockOffsets.append(Int(try index.readUInt32())) }
            guard index.isAtEnd else { throw fail("TIDX trailing bytes") }
            var termReader = reader(.terms)
            for (blockIndex, blockOffset) in blockOffsets.enumerated() {
                guard termReader.position == blockOffset else { throw fail("TIDX offset \(blockIndex)") }
                let count = Int(try termReader.readUInt8())
                guard count >= 1, count <= 32 else { throw fail("term block of \(count)") }
                guard blockIndex == blockOffsets.count - 1 || count == 32 else { throw fail("short inner block") }
                var previous: [UInt8] = []
                for entry in 0..<count {
                    let prefix = Int(try termReader.readVarUInt())
                    let suffixLength = Int(try termReader.readVarUInt())
                    guard entry > 0 || prefix == 0 else { throw fail("first entry has a prefix") }
                    guard prefix <= previous.count else { throw fail("prefix too long") }
                    let term = Array(previous[0..<prefix]) + Array(try termReader.readBytes(count: suffixLength))
                    guard !term.isEmpty, term.count <= 255 else { throw fail("term length") }
                    if let last = terms.last {
                        guard last.term.lexicographicallyPrecedes(term) else { throw fail("terms out of order") }
                    }
                    let documentFrequency = Int(try termReader.readVarUInt())
                    let postingsOffset = Int(try termReader.readVarUInt())
                    let positionsOffset = Int(try termReader.readVarUInt())
                    terms.append(
                        Term(
                            term: term, documentFrequency: documentFrequency, postingsOffset: postingsOffset,
                            positionsOffset: positionsOffset))
                    previous = term
                }
            }
            guard termReader.isAtEnd else { throw fail("TERM trailing bytes") }
            // POST and POSN.
            var postingReader = reader(.postings)
            let positionsSection = sectionOf(.positions)
            let positionsBytes = UnsafeRawBufferPointer(
                rebasing: file[positionsSection.offset..<(positionsSection.offset + positionsSection.length)])
            var expectedPostingsOffset = 0
            var expectedPositionsOffset = 0
            for term in terms {
                guard term.postingsOffset == expectedPostingsOffset else { throw fail("postings offset") }
                guard term.positionsOffset == expectedPositionsOffset else { throw fail("positions offset") }
                try postingReader.seek(to: term.postingsOffset)
                let blocks = Int(try postingReader.readVarUInt())
                guard blocks == (term.documentFrequency + 127) / 128 else { throw fail("block count") }
                var termSkips: [Skip] = []
                for _ in 0..<blocks {
                    termSkips.append(
                        Skip(
                            lastDocument: try postingReader.readUInt32(), blockOffset: try postingReader.readUInt32(),
                            maxImpact: try postingReader.readFloat32(), positionsOffset: try postingReader.readUInt32()
                        ))
                }
                let blocksStart = postingReader.position
                var positionReader = BinaryReader(
                    UnsafeRawBufferPointer(rebasing: positionsBytes[term.positionsOffset...]),
                    baseOffset: positionsSection.offset + term.positionsOffset, section: "POSN")
                var list: [Posting] = []
                var previousLast: UInt32 = 0
                for (blockIndex, skip) in termSkips.enumerated() {
                    guard postingReader.position - blocksStart == Int(skip.blockOffset) else {
                        throw fail("block offset")
                    }
                    guard positionReader.position == Int(skip.positionsOffset) else { throw fail("skip positions") }
                    let count = blockIndex == blocks - 1 ? term.documentFrequency - 128 * (blocks - 1) : 128
                    var deltas = [UInt32](repeating: 0, count: 128)
                    let width = Int(try postingReader.readUInt8())
                    try deltas.withUnsafeMutableBufferPointer {
                        try BitPacking.unpack(from: &postingReader, count: count, bitWidth: width, into: $0)
                    }
                    // The four fields of format 3: title, headings, body, anchors.
                    var frequencies = [[UInt32]](repeating: [UInt32](repeating: 0, count: 128), count: 4)
                    for field in 0..<4 {
                        let width = Int(try postingReader.readUInt8())
                        try frequencies[field].withUnsafeMutableBufferPointer {
                            try BitPacking.unpack(from: &postingReader, count: count, bitWidth: width, into: $0)
                        }
                    }
                    var document = previousLast
                    for index in 0..<count {
                        guard index == 0 || deltas[index] >= 1 else { throw fail("zero inner delta") }
                        document += deltas[index]
                        guard document < documentCount else { throw fail("doc id out of range") }
                        let tf = (0..<4).map { frequencies[$0][index] }
                        guard tf.contains(where: { $0 > 0 }) else { throw fail("posting without occurrences") }
                        var positions: [[UInt32]] = [[], [], [], []]
                        for field in 0..<4 {
                            var position: UInt32 = 0
                            for occurrence in 0..<Int(tf[field]) {
                                let delta = UInt32(try positionReader.readVarUInt())
                                guard occurrence == 0 || delta >= 1 else { throw fail("zero position delta") }
                                position += delta
                                positions[field].append(position)
                            }
                        }
                        list.append(Posting(document: document, frequencies: tf, positions: positions))
                    }
                    guard document == skip.lastDocument else { throw fail("LastDocID") }
                    previousLast = document
                }
                postings[term.term] = list
                skips[term.term] = termSkips
                expectedPostingsOffset = postingReader.position
                expectedPositionsOffset = term.positionsOffset + positionReader.position
            }
            guard expectedPostingsOffset == sectionOf(.postings).length else { throw fail("POST trailing bytes") }
            guard expectedPositionsOffset == positionsSection.length else { throw fail("POSN trailing bytes") }
            // NORM.
            var normReader = reader(.norms)
            guard sectionOf(.norms).length == documentCount * 8 else { throw fail("NORM length") }
            for _ in 0..<(documentCount * 4) { norms.append(try normReader.readUInt16()) }
            // DOCS.
            var documentReader = reader(.documents)
            guard sectionOf(.documents).length == (documentCount + 1) * 8 + documentCount * 4 else {
                throw fail("DOCS length")
            }
            for _ in 0...documentCount { storedOffsets.append(try documentReader.readUInt64()) }
            for _ in 0..<documentCount { idOrder.append(try documentReader.readUInt32()) }
            guard storedOffsets.last == UInt64(sectionOf(.storedFields).length) else {
                throw fail("stored offsets end")
            }
            // STOR: the codec, then each document's id, method and fields.
            var storedReader = reader(.storedFields)
            var decompressor: StoredTextDecompressor? = nil
            if documentCount > 0 {
                let kind = try storedReader.readUInt8()
                storedCodecKind = kind
                switch kind {
                case 0: break
                case 1: decompressor = try StoredTextDecompressor(reading: &storedReader)
                default: throw fail("STOR codec kind")
                }
            }
            for document in 0..<documentCount {
                guard storedReader.position == Int(storedOffsets[document]) else { throw fail("stored offset") }
                let id = try storedReader.readString()
                var fields: [UInt8]
                switch try storedReader.readUInt8() {
                case 0:
                    fields = Array(
                        try storedReader.readBytes(count: Int(storedOffsets[document + 1]) - storedReader.position))
                case 1:
                    guard let decompressor else { throw fail("compressed document without a codec") }
                    compressedDocumentCount += 1
                    let length = Int(try storedReader.readVarUInt())
                    let compressed = try storedReader.readBytes(
                        count: Int(storedOffsets[document + 1]) - storedReader.position)
                    fields = try decompressor.decompress(compressed, count: length, offset: 0)
                default: throw fail("stored document method")
                }
                try fields.withUnsafeBytes { bytes in
                    var fieldReader = BinaryReader(bytes, section: "stored fields")
                    let title = try fieldReader.readString()
                    let url = try fieldReader.readString()
                    let category = try fieldReader.readString()
                    let product = try fieldReader.readString()
                    var tags: [String] = []
                    for _ in 0..<Int(try fieldReader.readVarUInt()) { tags.append(try fieldReader.readString()) }
                    let summary = try fieldReader.readString()
                    let updated = try fieldReader.readString()
                    var headings: [String] = []
                    for _ in 0..<Int(try fieldReader.readVarUInt()) { headings.append(try fieldReader.readString()) }
                    let body = try fieldReader.readString()
                    guard fieldReader.isAtEnd else { throw fail("stored fields trailing bytes") }
                    stored.append(
                        StoredDocument(
                            id: id, title: title, url: url, category: category, product: product, tags: tags,
                            summary: summary, updated: updated, headings: headings, body: body))
                }
            }
            guard storedReader.isAtEnd else { throw fail("STOR trailing bytes") }
            // FILT.
            var filterReader = reader(.filters)
            for _ in 0..<3 {
                var column: [(value: [UInt8], documents: [UInt32])] = []
                for _ in 0..<Int(try filterReader.readVarUInt()) {
                    let value = Array(try filterReader.readBytes(count: Int(try filterReader.readVarUInt())))
                    let count = Int(try filterReader.readVarUInt())
                    let byteLength = Int(try filterReader.readVarUInt())
                    let start = filterReader.position
                    var documents: [UInt32] = []
                    var document: UInt32 = 0
                    for index in 0..<count {
                        let delta = UInt32(try filterReader.readVarUInt())
                        guard index == 0 || delta >= 1 else { throw fail("filter delta") }
                        document += delta
                        documents.append(document)
                    }
                    guard filterReader.position - start == byteLength else { throw fail("filter ByteLength") }
                    if let last = column.last {
                        guard last.value.lexicographicallyPrecedes(value) else { throw fail("filter order") }
                    }
                    column.append((value, documents))
                }
                filters.append(column)
            }
            guard filterReader.isAtEnd else { throw fail("FILT trailing bytes") }
        }
        self.terms = terms
        self.skips = skips
        self.postings = postings
        self.norms = norms
        self.stored = stored
        self.storedOffsets = storedOffsets
        self.idOrder = idOrder
        self.filters = filters
    }
}

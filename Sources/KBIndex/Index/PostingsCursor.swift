/// Walks the posting list of one term in doc id order, decoding one block of 128 documents
/// at a time (see `FORMAT.md`, "POST" and "POSN").
///
/// ```swift
/// var postings = try reader.postings(for: term)
/// while try postings.next() != PostingsCursor.exhausted {
///     let inTitle = postings.frequency(in: .title)
/// }
/// ```
///
/// ``advance(to:)`` uses the skip entries to jump over whole blocks without decoding them,
/// and ``maxImpact(ofBlock:)`` exposes each block's largest BM25F pseudo-frequency for
/// block-max pruning.
public struct PostingsCursor {
    /// The doc id past every real document: the cursor's ``document`` once exhausted.
    public static let exhausted = Int(Int32.max)
    /// Documents per full block.
    public static let blockSize = 128

    /// The term this cursor walks.
    public let term: TermInfo
    /// The current document: -1 before the first ``next()``, ``exhausted`` after the last.
    public private(set) var document = -1
    /// Number of posting blocks.
    public let blockCount: Int
    /// The largest ``maxImpact(ofBlock:)`` over all blocks.
    public let maxImpact: Float

    private let reader: IndexReader
    private let postings: UnsafeRawBufferPointer
    private let positions: UnsafeRawBufferPointer
    private let postingsBase: Int
    private let positionsBase: Int
    private let documentCount: Int
    private let skipStart: Int
    private let blocksStart: Int
    private var blockIndex = -1
    private var blockLength = 0
    private var indexInBlock = 0
    private var buffer: PostingsBlockBuffer

    init(reader: IndexReader, term: TermInfo) throws(IndexFormatError) {
        self.term = term
        self.reader = reader
        postings = reader.postingsBytes
        positions = reader.positionsBytes
        postingsBase = reader.section(.postings).offset
        positionsBase = reader.section(.positions).offset
        documentCount = reader.documentCount
        guard term.postingsOffset < postings.count else {
            throw IndexFormatError(
                .corrupt("postings of \"\(term.term)\" start past the end of the section"),
                section: SectionTag.postings.displayName, offset: postingsBase)
        }
        var input = BinaryReader(
            UnsafeRawBufferPointer(rebasing: postings[term.postingsOffset...]),
            baseOffset: postingsBase + term.postingsOffset, section: SectionTag.postings.displayName)
        let blockCount = Int(try input.readVarUInt32())
        let expected = (term.documentFrequency + Self.blockSize - 1) / Self.blockSize
        guard blockCount == expected, term.documentFrequency <= documentCount else {
            throw IndexFormatError(
                .corrupt(
                    "\"\(term.term)\" has \(blockCount) posting blocks for \(term.documentFrequency) documents"),
                section: SectionTag.postings.displayName, offset: postingsBase + term.postingsOffset)
        }
        self.blockCount = blockCount
        skipStart = term.postingsOffset + input.position
        blocksStart = skipStart + blockCount * 16
        guard blocksStart <= postings.count else {
            throw IndexFormatError(
                .truncated, section: SectionTag.postings.displayName, offset: postingsBase + skipStart)
        }
        var maxImpact: Float = 0
        for block in 0..<blockCount {
            let impact = Float(
                bitPattern: UInt32(
                    littleEndian: postings.loadUnaligned(
                        fromByteOffset: skipStart + block * 16 + 8, as: UInt32.self)))
            guard impact.isFinite, impact >= 0 else {
                throw IndexFormatError(
                    .corrupt("a block's impact is \(impact)"), section: SectionTag.postings.displayName,
                    offset: postingsBase + skipStart + block * 16 + 8)
            }
            maxImpact = max(maxImpact, impact)
        }
        self.maxImpact = maxImpact
        buffer = PostingsBlockBuffer()
    }

    /// A new cursor over the same postings, before the first document.
    public func restarted() throws(IndexFormatError) -> PostingsCursor {
        try PostingsCursor(reader: reader, term: term)
    }

    // MARK: - Skip entries

    /// The last doc id of block `block`.
    @inline(__always)
    public func lastDocument(ofBlock block: Int) -> Int {
        Int(UInt32(littleEndian: postings.loadUnaligned(fromByteOffset: skipStart + block * 16, as: UInt32.self)))
    }

    /// The largest BM25F pseudo-frequency of the documents of block `block`.
    @inline(__always)
    public func maxImpact(ofBlock block: Int) -> Float {
        Float(
            bitPattern: UInt32(
                littleEndian: postings.loadUnaligned(
                    fromByteOffset: skipStart + block * 16 + 8, as: UInt32.self)))
    }

    /// The index of the block that holds the first document ≥ `target`, searching from the
    /// current block onwards; ``blockCount`` when there is none.
    public func block(containing target: Int) -> Int {
        var low = max(blockIndex, 0)
        var high = blockCount
        while low < high {
            let middle = (low + high) / 2
            if lastDocument(ofBlock: middle) < target { low = middle + 1 } else { high = middle }
        }
        return low
    }

    // MARK: - Iteration

    /// Moves to the next document and returns it (``exhausted`` at the end).
    @discardableResult
    public mutating func next() throws(IndexFormatError) -> Int {
        indexInBlock += 1
        if indexInBlock >= blockLength {
            guard blockIndex + 1 < blockCount else {
                document = Self.exhausted
                return document
            }
            try load(block: blockIndex + 1)
        }
        document = Int(buffer.documents[indexInBlock])
        return document
    }

    /// Moves to the first document ≥ `target` and returns it (``exhausted`` if none).
    /// Never moves backwards.
    @discardableResult
    public mutating func advance(to target: Int) throws(IndexFormatError) -> Int {
        if document >= target { return document }
        if blockIndex < 0 || indexInBlock >= blockLength || lastDocument(ofBlock: blockIndex) < target {
            let block = block(containing: target)
            guard block < blockCount else {
                document = Self.exhausted
                return document
            }
            try load(block: block)
        }
        while Int(buffer.documents[indexInBlock]) < target {
            indexInBlock += 1
        }
        document = Int(buffer.documents[indexInBlock])
        return document
    }

    /// The term's frequency in `field` of the current document.
    @inline(__always)
    public func frequency(in field: IndexField) -> Int {
        Int(buffer.frequencies[field.rawValue &* Self.blockSize &+ indexInBlock])
    }

    /// Calls `body` with each position of the term in the current document, field by field.
    public func forEachPosition(_ body: (IndexField, Int) -> Void) throws(IndexFormatError) {
        let blockStart = Int(
            UInt32(
                littleEndian: postings.loadUnaligned(
                    fromByteOffset: skipStart + blockIndex * 16 + 12, as: UInt32.self)))
        // Both offsets come from the file: compare without adding, which could overflow.
        guard term.positionsOffset <= positions.count, blockStart <= positions.count - term.positionsOffset else {
            throw IndexFormatError(
                .corrupt("positions of \"\(term.term)\" start past the end of the section"),
                section: SectionTag.positions.displayName, offset: positionsBase)
        }
        let start = term.positionsOffset + blockStart
        var input = BinaryReader(
            UnsafeRawBufferPointer(rebasing: positions[start...]), baseOffset: positionsBase + start,
            section: SectionTag.positions.displayName)
        var skipped = 0
        for index in 0..<indexInBlock {
            for field in 0..<IndexField.count {
                skipped += Int(buffer.frequencies[field * Self.blockSize + index])
            }
        }
        try input.skipVarUInts(skipped)
        for field in IndexField.allCases {
            var position = 0
            for _ in 0..<frequency(in: field) {
                position += Int(try input.readVarUInt32())
                body(field, position)
            }
        }
    }

    // MARK: - Decoding

    /// Decodes `block` into the buffer and moves to its first document. On error the buffer
    /// may hold part of the damaged block, so the cursor ends (``document`` becomes
    /// ``exhausted``, no block is loaded) rather than let a later call hand out its
    /// unchecked doc ids.
    private mutating func load(block: Int) throws(IndexFormatError) {
        do {
            try decode(block: block)
        } catch {
            blockIndex = blockCount - 1
            blockLength = 0
            indexInBlock = 0
            document = Self.exhausted
            throw error
        }
    }

    private mutating func decode(block: Int) throws(IndexFormatError) {
        // Copies of a cursor share the buffer until one of them loads a block.
        if !isKnownUniquelyReferenced(&buffer) { buffer = PostingsBlockBuffer() }
        let entry = skipStart + block * 16
        let offset =
            blocksStart
            + Int(
                UInt32(
                    littleEndian: postings.loadUnaligned(
                        fromByteOffset: entry + 4, as: UInt32.self)))
        guard offset <= postings.count else {
            throw IndexFormatError(.truncated, section: SectionTag.postings.displayName, offset: postingsBase + offset)
        }
        let count = block == blockCount - 1 ? term.documentFrequency - block * Self.blockSize : Self.blockSize
        var input = BinaryReader(
            UnsafeRawBufferPointer(rebasing: postings[offset...]), baseOffset: postingsBase + offset,
            section: SectionTag.postings.displayName)
        let documents = buffer.documents
        let width = Int(try input.readUInt8())
        try BitPacking.unpack(from: &input, count: count, bitWidth: width, into: documents)
        var previous = block == 0 ? 0 : lastDocument(ofBlock: block - 1)
        for index in 0..<count {
            let delta = Int(documents[index])
            guard delta > 0 || (block == 0 && index == 0) else {
                throw corruptBlock(block, "doc ids do not increase")
            }
            previous += delta
            documents[index] = UInt32(truncatingIfNeeded: previous)
        }
        guard previous == lastDocument(ofBlock: block), previous < documentCount else {
            throw corruptBlock(block, "the last doc id \(previous) does not match the skip entry or the document count")
        }
        for field in 0..<IndexField.count {
            let width = Int(try input.readUInt8())
            try BitPacking.unpack(
                from: &input, count: count, bitWidth: width,
                into: UnsafeMutableBufferPointer(rebasing: buffer.frequencies[(field * Self.blockSize)...]))
        }
        blockIndex = block
        blockLength = count
        indexInBlock = 0
    }

    private func corruptBlock(_ block: Int, _ detail: String) -> IndexFormatError {
        IndexFormatError(
            .corrupt("posting block \(block) of \"\(term.term)\": \(detail)"), section: SectionTag.postings.displayName,
            offset: postingsBase + skipStart + block * 16)
    }
}

/// The decoded doc ids and per-field frequencies of one posting block.
final class PostingsBlockBuffer {
    let documents: UnsafeMutableBufferPointer<UInt32>
    let frequencies: UnsafeMutableBufferPointer<UInt32>

    init() {
        documents = .allocate(capacity: PostingsCursor.blockSize)
        documents.initialize(repeating: 0)
        frequencies = .allocate(capacity: PostingsCursor.blockSize * IndexField.count)
        frequencies.initialize(repeating: 0)
    }

    deinit {
        documents.deallocate()
        frequencies.deallocate()
    }
}

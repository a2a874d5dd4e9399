/// Writes the postings (`POST`) and positions (`POSN`) of one term at a time
/// (`FORMAT.md`, POST and POSN).
///
/// A term's documents arrive in doc id order as ``PostingRecord`` payloads (one per spill
/// run holding the term). They are cut into blocks of 128: doc deltas and per-field term
/// frequencies bit-packed, with a skip entry per block (last doc id, block offset, block-max
/// impact, positions offset). The skip entries precede the blocks, so a term's `POST` bytes
/// are assembled in memory (a few bytes per document) and written when the term ends; its
/// positions are copied from the records straight through to `POSN`.
final class PostingsWriter {
    /// Documents per posting block.
    static let blockSize = 128

    /// Where `POST` goes; offset 0 is the start of the section.
    private let postings: BufferedFileOutput
    /// Where `POSN` goes (the index file, inside the open `POSN` section).
    private let positions: BufferedFileOutput
    private let pseudoFrequency: BM25FPseudoFrequency

    // The block being filled.
    private var documents = [UInt32](repeating: 0, count: blockSize)
    private var frequencies = [[UInt32]](repeating: [UInt32](repeating: 0, count: blockSize), count: IndexField.count)
    private var deltas = [UInt32](repeating: 0, count: blockSize)
    private var fill = 0
    private var blockMaximum = 0.0
    private var blockPositionsOffset = 0

    // The term being written.
    private var skipEntries = BinaryWriter()
    private var blocks = BinaryWriter()
    private var blockCount = 0
    private var documentFrequency = 0
    private var previousLastDocument: UInt32 = 0
    private var lastDocument: Int = -1
    private var termPositionsStart = 0
    private var positionBuffer: [UInt8] = []
    /// Bytes of `POSN` so far, including `positionBuffer`.
    private var positionsLength = 0

    /// A writer of `POST` into `postings` (empty) and of `POSN` into `positions` from its
    /// current offset on, with block-max impacts from `pseudoFrequency`.
    init(postings: BufferedFileOutput, positions: BufferedFileOutput, pseudoFrequency: BM25FPseudoFrequency) {
        precondition(postings.offset == 0, "POST must start at the beginning of its output")
        self.postings = postings
        self.positions = positions
        self.pseudoFrequency = pseudoFrequency
        positionBuffer.reserveCapacity(1 << 16)
    }

    /// Starts a new term.
    func beginTerm() {
        precondition(documentFrequency == 0 && fill == 0, "finishTerm() was not called")
        skipEntries = BinaryWriter()
        blocks = BinaryWriter()
        blockCount = 0
        previousLastDocument = 0
        lastDocument = -1
        termPositionsStart = positionsLength
    }

    /// Adds the documents of one payload of the current term; `source` names where it came
    /// from, for errors. Payloads come in doc id order.
    func add(payload: UnsafeRawBufferPointer, source: String) throws(IndexWriterError) {
        var decoder = PostingRecordDecoder(payload, source: source)
        while !decoder.isAtEnd {
            try decoder.next()
            let document = decoder.document
            guard Int(document) > lastDocument else {
                throw .damagedTemporaryFile(path: source, detail: "doc ids are out of order")
            }
            lastDocument = Int(document)
            if fill == 0 {
                blockPositionsOffset = positionsLength - termPositionsStart
                blockMaximum = 0
            }
            let tf = decoder.frequencies
            documents[fill] = document
            for field in 0..<IndexField.count { frequencies[field][fill] = tf[field] }
            blockMaximum = max(blockMaximum, pseudoFrequency(document: document, frequencies: tf))
            fill += 1
            documentFrequency += 1
            let range = decoder.positions
            positionBuffer.append(contentsOf: UnsafeRawBufferPointer(rebasing: payload[range]))
            positionsLength += range.count
            if positionBuffer.count >= 1 << 16 { try flushPositions() }
            if fill == Self.blockSize { try finishBlock() }
        }
    }

    /// Ends the current term: writes its `POST` bytes. Returns its document frequency and
    /// where its postings and positions start in `POST` and `POSN`.
    func finishTerm() throws(IndexWriterError) -> (documentFrequency: Int, postingsOffset: Int, positionsOffset: Int) {
        precondition(documentFrequency > 0, "a term has at least one document")
        if fill > 0 { try finishBlock() }
        let postingsOffset = postings.offset
        var head = BinaryWriter(capacity: 10)
        head.writeVarUInt(UInt64(blockCount))
        try postings.write(head.bytes)
        try postings.write(skipEntries.bytes)
        try postings.write(blocks.bytes)
        let result = (documentFrequency, postingsOffset, termPositionsStart)
        documentFrequency = 0
        return result
    }

    /// Writes the buffered positions. Call once, after the last term.
    func finish() throws(IndexWriterError) {
        try flushPositions()
    }

    private func finishBlock() throws(IndexWriterError) {
        guard let blockOffset = UInt32(exactly: blocks.count),
            let positionsOffset = UInt32(exactly: blockPositionsOffset)
        else {
            throw .indexTooLarge("one term's postings or positions pass 4 GiB")
        }
        var previous = previousLastDocument
        for index in 0..<fill {
            deltas[index] = documents[index] - previous
            previous = documents[index]
        }
        pack(deltas)
        for field in 0..<IndexField.count {
            pack(frequencies[field])
        }
        let last = documents[fill - 1]
        skipEntries.writeUInt32(last)
        skipEntries.writeUInt32(blockOffset)
        skipEntries.writeFloat32(BM25FPseudoFrequency.upperBound(blockMaximum))
        skipEntries.writeUInt32(positionsOffset)
        previousLastDocument = last
        blockCount += 1
        fill = 0
    }

    /// Appends the first `fill` values of `values`: bit width, then the packed values.
    private func pack(_ values: [UInt32]) {
        values.withUnsafeBufferPointer { values in
            let block = UnsafeBufferPointer(rebasing: values[0..<fill])
            let width = BitPacking.bitWidth(of: block)
            blocks.writeUInt8(UInt8(width))
            BitPacking.pack(block, bitWidth: width, into: &blocks)
        }
    }

    private func flushPositions() throws(IndexWriterError) {
        try positions.write(positionBuffer)
        positionBuffer.removeAll(keepingCapacity: true)
    }
}

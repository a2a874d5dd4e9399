/// Writes the term dictionary (`FORMAT.md`, TERM and TIDX): terms in byte order, in blocks
/// of at most 32 with prefix compression inside a block, and the offset of every block.
///
/// `TERM` is streamed to `output` one block at a time; the block offsets stay in memory
/// (4 bytes per 32 terms) until ``termIndex()`` encodes `TIDX`.
final class TermDictionaryWriter {
    /// The most terms in one block.
    static let blockSize = 32

    /// Where `TERM` goes; its offset 0 is the start of the section.
    private let output: BufferedFileOutput
    /// Offset of each block in `TERM`.
    private(set) var blockOffsets: [UInt32] = []
    /// The number of terms written.
    private(set) var termCount = 0

    private var block = BinaryWriter()
    private var blockTermCount = 0
    private var previousTerm: [UInt8] = []

    /// A writer appending `TERM` to `output`, which must be empty.
    init(output: BufferedFileOutput) {
        precondition(output.offset == 0, "TERM must start at the beginning of its output")
        self.output = output
    }

    /// Adds the next term, which must sort after the previous one in byte order.
    func add(
        term: [UInt8], documentFrequency: Int, postingsOffset: Int, positionsOffset: Int
    ) throws(IndexWriterError) {
        precondition(!term.isEmpty && term.count <= 255, "terms are 1...255 bytes long")
        precondition(termCount == 0 || ByteOrder.precedes(previousTerm, term), "terms must be added in byte order")
        precondition(documentFrequency > 0, "a term is in at least one document")
        if blockTermCount == Self.blockSize { try flushBlock() }
        var prefix = 0
        if blockTermCount > 0 {
            let limit = min(previousTerm.count, term.count)
            while prefix < limit && previousTerm[prefix] == term[prefix] { prefix += 1 }
        }
        block.writeVarUInt(UInt64(prefix))
        block.writeVarUInt(UInt64(term.count - prefix))
        term.withUnsafeBytes { block.writeBytes(UnsafeRawBufferPointer(rebasing: $0[prefix...])) }
        block.writeVarUInt(UInt64(documentFrequency))
        block.writeVarUInt(UInt64(postingsOffset))
        block.writeVarUInt(UInt64(positionsOffset))
        blockTermCount += 1
        termCount += 1
        previousTerm = term
    }

    /// Writes the last block. Call once, after the last term.
    func finish() throws(IndexWriterError) {
        if blockTermCount > 0 { try flushBlock() }
    }

    /// The `TIDX` section of a dictionary without terms.
    static let emptyTermIndex: [UInt8] = [UInt8](repeating: 0, count: 8)

    /// The `TIDX` section: block count, reserved, then each block's offset in `TERM`.
    func termIndex() -> [UInt8] {
        var index = BinaryWriter(capacity: 8 + 4 * blockOffsets.count)
        index.writeUInt32(UInt32(blockOffsets.count))
        index.writeUInt32(0)  // Reserved
        for offset in blockOffsets {
            index.writeUInt32(offset)
        }
        return index.bytes
    }

    private func flushBlock() throws(IndexWriterError) {
        guard let offset = UInt32(exactly: output.offset) else {
            throw .indexTooLarge("the term dictionary passes 4 GiB")
        }
        blockOffsets.append(offset)
        try output.write([UInt8(blockTermCount)])
        try output.write(block.bytes)
        block = BinaryWriter(capacity: block.count)
        blockTermCount = 0
    }
}

/// A sorted run: the postings of a stretch of consecutive documents, written to a temporary
/// file when the in-memory postings outgrow the memory budget.
///
/// ```
/// Run   --> Magic, Entry^TermCount, 0x00
/// Magic --> 'K' 'B' 'R' 'U' 'N' 0x00 0x00 0x01                        (8 bytes)
/// Entry --> TermLength: VarUInt (1...255), Term: bytes, DocumentCount: VarUInt,
///           LastDocID: VarUInt, PayloadLength: VarUInt, Payload: PostingRecord^DocumentCount
/// ```
///
/// Terms are in byte order, each once. Runs cover consecutive doc id ranges in run order,
/// so a term's postings in the index are its payloads concatenated in run order.
enum SpillRun {
    /// The first eight bytes of a run file.
    static let magic: [UInt8] = [0x4B, 0x42, 0x52, 0x55, 0x4E, 0x00, 0x00, 0x01]
}

/// Writes one ``SpillRun`` file, term by term, in byte order.
final class SpillRunWriter {
    private let output: BufferedFileOutput
    private var previousTerm: [UInt8] = []
    private var hasTerm = false

    /// Creates the run file at `path`.
    init(path: String) throws(IndexWriterError) {
        output = try BufferedFileOutput(creating: path)
        try output.write(SpillRun.magic)
    }

    /// Writes `accumulator`'s terms, in byte order, and closes the file.
    static func write(_ accumulator: PostingsAccumulator, to path: String) throws(IndexWriterError) {
        let writer = try SpillRunWriter(path: path)
        for id in accumulator.terms.idsInByteOrder() {
            try writer.append(
                term: accumulator.terms.key(id), documentCount: accumulator.documentFrequency(of: id),
                lastDocument: accumulator.lastDocument(of: id), payloads: [accumulator.records(of: id)])
        }
        try writer.finish()
    }

    /// Appends one term whose payload is `payloads` concatenated: payloads after the first
    /// continue its doc ids, so their first `DocDelta` (relative to 0) is rewritten relative to
    /// the previous payload's last document, given in `lastDocuments`.
    func append(
        term: [UInt8], documentCount: Int, lastDocument: UInt32, payloads: [[UInt8]],
        previousLastDocuments: [UInt32] = []
    ) throws(IndexWriterError) {
        precondition(!hasTerm || ByteOrder.precedes(previousTerm, term), "spill run terms out of order")
        precondition(payloads.count == previousLastDocuments.count + 1, "one last document per joined payload")
        hasTerm = true
        previousTerm = term
        // The rewritten first deltas, and the payload length they give.
        var length = payloads[0].count
        var firstDeltas: [(old: Int, new: BinaryWriter)] = []
        for (index, payload) in payloads.enumerated().dropFirst() {
            let (first, firstLength) = try Self.firstVarUInt(payload, path: output.path)
            var rewritten = BinaryWriter()
            rewritten.writeVarUInt(first - UInt64(previousLastDocuments[index - 1]))
            firstDeltas.append((firstLength, rewritten))
            length += payload.count - firstLength + rewritten.count
        }
        var header = BinaryWriter(capacity: term.count + 24)
        header.writeVarUInt(UInt64(term.count))
        header.writeBytes(term)
        header.writeVarUInt(UInt64(documentCount))
        header.writeVarUInt(UInt64(lastDocument))
        header.writeVarUInt(UInt64(length))
        try output.write(header.bytes)
        try output.write(payloads[0])
        for (index, payload) in payloads.enumerated().dropFirst() {
            let (old, new) = firstDeltas[index - 1]
            try output.write(new.bytes)
            try payload.withUnsafeBytesThrowing { (bytes) throws(IndexWriterError) in
                try output.write(UnsafeRawBufferPointer(rebasing: bytes[old...]))
            }
        }
    }

    /// Writes the end mark and closes the file.
    func finish() throws(IndexWriterError) {
        try output.write([0])
        try output.close()
    }

    private static func firstVarUInt(
        _ payload: [UInt8], path: String
    ) throws(IndexWriterError) -> (UInt64, Int) {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        for (index, byte) in payload.enumerated() where shift < 64 {
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return (value, index + 1) }
            shift += 7
        }
        throw .damagedTemporaryFile(path: path, detail: "a payload does not start with a doc id")
    }
}

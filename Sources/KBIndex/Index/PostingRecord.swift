/// The in-memory and spill-run form of one document's postings for one term.
///
/// ```
/// Record --> DocDelta: VarUInt, TermFrequency: VarUInt^FieldCount, PositionDelta: VarUInt^(Σ tf)
/// ```
///
/// `occurrences` are the document's occurrence keys of the term (`termID << 34 | field << 32 |
/// position`), sorted; a repeated key (the same position twice) counts once.
///
/// A term's records follow each other in doc id order. `DocDelta` is relative to the
/// previous record's doc id, the first one to 0 (so a payload can be decoded on its own).
/// The position deltas are exactly `POSN`'s `DocPositions` (per field with `tf > 0`, in
/// field order, the first relative to 0, then to the previous position), so the final write
/// copies them as they are.
enum PostingRecord {
    /// A term's frequency in each field of a document, in ``IndexField`` order (the four
    /// fields fit one SIMD vector).
    typealias Frequencies = SIMD4<UInt32>

    /// Appends one record.
    @inline(__always)
    static func append(
        to writer: inout BinaryWriter, delta: UInt32, frequencies: Frequencies,
        occurrences: ArraySlice<UInt64>
    ) {
        appendHeader(to: &writer, delta: delta, frequencies: frequencies)
        var previousKey = UInt64.max
        var previousField = UInt64.max
        var previousPosition: UInt64 = 0
        for key in occurrences where key != previousKey {
            previousKey = key
            let field = (key >> 32) & 3
            let position = key & 0xFFFF_FFFF
            if field != previousField {
                previousField = field
                previousPosition = 0
            }
            writer.writeVarUInt(position - previousPosition)
            previousPosition = position
        }
    }

    /// Appends a record's doc id delta and frequencies, which its position deltas follow.
    @inline(__always)
    private static func appendHeader(to writer: inout BinaryWriter, delta: UInt32, frequencies: Frequencies) {
        writer.writeVarUInt(UInt64(delta))
        for field in 0..<IndexField.count { writer.writeVarUInt(UInt64(frequencies[field])) }
    }

    /// One stream of records, in document order, from the payloads of two kinds of runs: `own`
    /// (a document's own fields) and `anchors` (the `anchors` field, which comes last in field
    /// order). A document in both gets one record: its frequencies added up and its position
    /// deltas one after the other, which is the same as one record of all its fields. Returns
    /// the records (the first delta relative to 0) and their number.
    static func combine(_ own: [[UInt8]], _ anchors: [[UInt8]], source: String) throws(IndexWriterError)
        -> (records: [UInt8], count: Int)
    {
        let left = try decodeAll(own, source: source)
        let right = try decodeAll(anchors, source: source)
        var writer = BinaryWriter()
        var previous: UInt32 = 0
        var count = 0
        func append(
            _ document: UInt32, _ frequencies: Frequencies, _ positions: ArraySlice<UInt8>,
            then anchorPositions: ArraySlice<UInt8> = []
        ) {
            appendHeader(to: &writer, delta: document - previous, frequencies: frequencies)
            positions.withUnsafeBytes { writer.writeBytes($0) }
            anchorPositions.withUnsafeBytes { writer.writeBytes($0) }
            previous = document
            count += 1
        }
        var i = 0
        var j = 0
        while i < left.count || j < right.count {
            if j == right.count || (i < left.count && left[i].document < right[j].document) {
                append(left[i].document, left[i].frequencies, left[i].positions)
                i += 1
            } else if i == left.count || right[j].document < left[i].document {
                append(right[j].document, right[j].frequencies, right[j].positions)
                j += 1
            } else {
                append(
                    left[i].document, left[i].frequencies &+ right[j].frequencies, left[i].positions,
                    then: right[j].positions)
                i += 1
                j += 1
            }
        }
        return (writer.bytes, count)
    }

    /// The records of `payloads` (consecutive, in document order), with their position bytes.
    private static func decodeAll(_ payloads: [[UInt8]], source: String) throws(IndexWriterError)
        -> [(document: UInt32, frequencies: Frequencies, positions: ArraySlice<UInt8>)]
    {
        var records: [(document: UInt32, frequencies: Frequencies, positions: ArraySlice<UInt8>)] = []
        for payload in payloads {
            try payload.withUnsafeBytesThrowing { (bytes) throws(IndexWriterError) in
                var decoder = PostingRecordDecoder(bytes, source: source)
                while !decoder.isAtEnd {
                    try decoder.next()
                    records.append((decoder.document, decoder.frequencies, payload[decoder.positions]))
                }
            }
        }
        return records
    }
}

/// Reads a term's records (see ``PostingRecord``) from a payload, one document at a time.
///
/// Every read is bounds-checked: a payload from a spill run that does not decode throws
/// ``IndexWriterError/damagedTemporaryFile(path:detail:)`` instead of reading past it.
struct PostingRecordDecoder {
    /// The document of the record just read.
    private(set) var document: UInt32 = 0
    /// Its term frequency in each field.
    private(set) var frequencies = PostingRecord.Frequencies()
    /// Where its position deltas lie in the payload.
    private(set) var positions: Range<Int> = 0..<0

    private let bytes: UnsafeRawBufferPointer
    private var offset = 0
    private let source: String

    /// A decoder over `payload`; `source` names the file it came from, for errors.
    init(_ payload: UnsafeRawBufferPointer, source: String) {
        bytes = payload
        self.source = source
    }

    /// Whether every record has been read.
    var isAtEnd: Bool { offset >= bytes.count }

    /// Reads the next record.
    mutating func next() throws(IndexWriterError) {
        let delta = try readVarUInt()
        let next = UInt64(document) + delta
        guard next <= UInt64(UInt32.max) else { throw damaged("a doc id overflows") }
        document = UInt32(next)
        var remaining: UInt64 = 0
        for field in 0..<IndexField.count {
            let frequency = try readFrequency()
            frequencies[field] = frequency
            remaining += UInt64(frequency)
        }
        let start = offset
        while remaining > 0 {
            guard offset < bytes.count else { throw damaged("positions run past the payload") }
            if bytes[offset] < 0x80 { remaining -= 1 }
            offset += 1
        }
        positions = start..<offset
    }

    private mutating func readFrequency() throws(IndexWriterError) -> UInt32 {
        let value = try readVarUInt()
        guard value <= UInt64(UInt32.max) else { throw damaged("a term frequency overflows") }
        return UInt32(value)
    }

    private mutating func readVarUInt() throws(IndexWriterError) -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while offset < bytes.count, shift < 64 {
            let byte = bytes[offset]
            offset += 1
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return value }
            shift += 7
        }
        throw damaged("a VarUInt runs past the payload")
    }

    private func damaged(_ detail: String) -> IndexWriterError {
        .damagedTemporaryFile(path: source, detail: detail)
    }
}

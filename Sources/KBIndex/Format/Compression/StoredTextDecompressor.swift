/// Decompresses documents compressed by ``StoredTextCompressor``, reading the codec from the
/// head of a mapped `STOR` section. Immutable once made: any number of threads may share it.
struct StoredTextDecompressor: @unchecked Sendable {
    /// The preset dictionary, inside the mapped file.
    private let dictionary: UnsafeRawBufferPointer
    private let literalLengthTable: [UInt16]
    private let distanceTable: [UInt16]
    /// The section's name and offset, for errors.
    private let baseOffset: Int

    /// Reads the `Codec` at `reader`'s position (FORMAT.md, STOR), checking that the code
    /// lengths describe prefix codes.
    init(reading reader: inout BinaryReader) throws(IndexFormatError) {
        baseOffset = reader.baseOffset
        let start = reader.position
        let dictionaryLength = Int(try reader.readVarUInt32())
        guard dictionaryLength <= StoredTextCodec.maximumDictionaryLength else {
            throw IndexFormatError(
                .corrupt("a stored-text dictionary of \(dictionaryLength) bytes (at most 32,768)"),
                section: reader.section, offset: reader.baseOffset + start)
        }
        dictionary = try reader.readBytes(count: dictionaryLength)
        let lengthsOffset = reader.position
        let literalLengths = Array(try reader.readBytes(count: LengthAndDistanceCodes.literalLengthSymbolCount))
        let distanceLengths = Array(try reader.readBytes(count: LengthAndDistanceCodes.distanceSymbolCount))
        guard HuffmanCode.isValid(lengths: literalLengths), HuffmanCode.isValid(lengths: distanceLengths) else {
            throw IndexFormatError(
                .corrupt("the stored-text code lengths do not form prefix codes"),
                section: reader.section, offset: reader.baseOffset + lengthsOffset)
        }
        literalLengthTable = HuffmanDecodingTable(HuffmanCode(lengths: literalLengths)).entries
        distanceTable = HuffmanDecodingTable(HuffmanCode(lengths: distanceLengths)).entries
    }

    /// The `count` bytes that `input` (at `offset` in the section) decompresses to. Damaged
    /// input throws `.corrupt`; it never reads outside `input` or the dictionary.
    func decompress(_ input: UnsafeRawBufferPointer, count: Int, offset: Int) throws(IndexFormatError) -> [UInt8] {
        var failure: String? = nil
        let output = [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            failure = decode(input, into: buffer)
            initialized = failure == nil ? count : 0
        }
        if let failure {
            throw IndexFormatError(
                .corrupt(failure), section: SectionTag.storedFields.displayName, offset: baseOffset + offset)
        }
        return output
    }

    /// Fills `output` completely from `input`; returns why it could not, or nil.
    private func decode(_ input: UnsafeRawBufferPointer, into output: UnsafeMutableBufferPointer<UInt8>) -> String? {
        let tableMask = (1 << HuffmanCode.maximumLength) - 1
        var reader = BitInput(input)
        var produced = 0
        let count = output.count
        return literalLengthTable.withUnsafeBufferPointer { literalLengthTable in
            distanceTable.withUnsafeBufferPointer { distanceTable in
                while produced < count {
                    reader.refill()
                    let entry = Int(literalLengthTable[Int(truncatingIfNeeded: reader.peek()) & tableMask])
                    let length = entry & 15
                    if length == 0 { return "an invalid code in a stored document" }
                    reader.consume(length)
                    let symbol = entry >> 4
                    if symbol < LengthAndDistanceCodes.literalCount {
                        output[produced] = UInt8(truncatingIfNeeded: symbol)
                        produced += 1
                        continue
                    }
                    let lengthCode = symbol - LengthAndDistanceCodes.literalCount
                    guard lengthCode < LengthAndDistanceCodes.lengthBases.count else {
                        return "an invalid length code in a stored document"
                    }
                    let matchLength =
                        Int(LengthAndDistanceCodes.lengthBases[lengthCode])
                        + reader.take(Int(LengthAndDistanceCodes.lengthExtraBits[lengthCode]))
                    let distanceEntry = Int(distanceTable[Int(truncatingIfNeeded: reader.peek()) & tableMask])
                    let distanceLength = distanceEntry & 15
                    if distanceLength == 0 { return "an invalid distance code in a stored document" }
                    reader.consume(distanceLength)
                    let distanceSymbol = distanceEntry >> 4
                    let distance =
                        Int(LengthAndDistanceCodes.distanceBases[distanceSymbol])
                        + reader.take(Int(LengthAndDistanceCodes.distanceExtraBits[distanceSymbol]))
                    guard matchLength <= count - produced else { return "a match past the document's end" }
                    guard distance <= produced + dictionary.count else { return "a match before the dictionary" }
                    var copied = 0
                    if distance > produced {
                        // Starts in the dictionary (and may run on into the document).
                        let start = dictionary.count - (distance - produced)
                        let fromDictionary = min(matchLength, distance - produced)
                        for index in 0..<fromDictionary { output[produced + index] = dictionary[start + index] }
                        copied = fromDictionary
                    }
                    // Byte by byte: the source may overlap what this match writes.
                    while copied < matchLength {
                        output[produced + copied] = output[produced + copied - distance]
                        copied += 1
                    }
                    produced += matchLength
                }
                return reader.isOverrun ? "a stored document shorter than its length says" : nil
            }
        }
    }
}

/// Bits read least significant first, refilled 8 bytes at a time. Reads past the end see
/// zero bits and set ``isOverrun``.
private struct BitInput {
    private let bytes: UnsafeRawBufferPointer
    private var next = 0
    private var buffer: UInt64 = 0
    private var available = 0
    /// Zero bits buffered from beyond the input's end.
    private var overrun = 0

    init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    /// Whether more bits were consumed than the input has.
    var isOverrun: Bool { overrun > available }

    /// Ensures at least 56 bits are buffered (zeros past the end).
    @inline(__always)
    mutating func refill() {
        if next + 8 <= bytes.count {
            let word = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: next, as: UInt64.self))
            buffer |= word << UInt64(available)
            let taken = (63 - available) >> 3
            next += taken
            available += taken << 3
            return
        }
        while available <= 56 {
            if next < bytes.count {
                buffer |= UInt64(bytes[next]) << UInt64(available)
                next += 1
            } else {
                overrun += 8
            }
            available += 8
        }
    }

    /// The buffered bits (at least 56 after ``refill()``).
    @inline(__always) func peek() -> UInt64 { buffer }

    @inline(__always)
    mutating func consume(_ count: Int) {
        buffer >>= UInt64(count)
        available -= count
    }

    /// Takes `count` (at most 16) bits as a number.
    @inline(__always)
    mutating func take(_ count: Int) -> Int {
        let value = Int(buffer & ((1 << UInt64(count)) &- 1))
        consume(count)
        return value
    }
}

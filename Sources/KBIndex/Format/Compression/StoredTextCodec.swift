/// The compression of stored fields (`STOR`, FORMAT.md): LZ77 with a preset dictionary and
/// two static canonical prefix codes (literals/lengths and distances), all three trained once
/// per index on a sample of its documents and kept at the head of `STOR`.
///
/// Each document is compressed on its own, so one document decompresses without touching the
/// others (a results page reads ten documents, not ten blocks), while the shared dictionary
/// and codes give small documents most of the ratio that compressing large blocks would.
/// The token layout follows DEFLATE's: a literal/length symbol (a literal byte, or a length
/// code plus extra bits), then for lengths a distance symbol plus extra bits; bits go least
/// significant first.
struct StoredTextCodec: Equatable {
    /// The largest preset dictionary: matches reach back at most this far anyway.
    static let maximumDictionaryLength = LengthAndDistanceCodes.maximumDistance

    /// Bytes that every document may refer back into, as if they preceded it.
    let dictionary: [UInt8]
    /// The code of literals (0–255) and length codes (256–284).
    let literalLengthCode: HuffmanCode
    /// The code of distance codes (0–29).
    let distanceCode: HuffmanCode

    /// A codec with the given parts; the codes must cover their whole alphabets.
    init(dictionary: [UInt8], literalLengthLengths: [UInt8], distanceLengths: [UInt8]) {
        precondition(dictionary.count <= Self.maximumDictionaryLength, "dictionary too long")
        precondition(literalLengthLengths.count == LengthAndDistanceCodes.literalLengthSymbolCount)
        precondition(distanceLengths.count == LengthAndDistanceCodes.distanceSymbolCount)
        self.dictionary = dictionary
        literalLengthCode = HuffmanCode(lengths: literalLengthLengths)
        distanceCode = HuffmanCode(lengths: distanceLengths)
    }

    static func == (left: StoredTextCodec, right: StoredTextCodec) -> Bool {
        left.dictionary == right.dictionary && left.literalLengthCode.lengths == right.literalLengthCode.lengths
            && left.distanceCode.lengths == right.distanceCode.lengths
    }

    /// Appends the codec as `STOR`'s `Codec` (FORMAT.md):
    /// `DictionaryLength: VarUInt, Dictionary: Byte^DictionaryLength, CodeLength: Byte^(285 + 30)`.
    func encode(into writer: inout BinaryWriter) {
        writer.writeVarUInt(UInt64(dictionary.count))
        writer.writeBytes(dictionary)
        writer.writeBytes(literalLengthCode.lengths)
        writer.writeBytes(distanceCode.lengths)
    }
}

/// Compresses documents with a ``StoredTextCodec``. Not thread-safe: one per thread.
struct StoredTextCompressor {
    private let codec: StoredTextCodec
    private var matcher: LZMatcher

    /// A compressor for `codec`.
    init(codec: StoredTextCodec) {
        self.codec = codec
        matcher = LZMatcher(dictionary: codec.dictionary)
    }

    /// Appends the compressed bits of `bytes` to `output`, padded to a whole byte. The
    /// uncompressed length is not written: the caller stores it.
    mutating func compress(_ bytes: UnsafeRawBufferPointer, into output: inout [UInt8]) {
        var bits = BitOutput()
        let literalLength = codec.literalLengthCode
        let distance = codec.distanceCode
        matcher.parse(bytes) { token in
            switch token {
            case .literal(let byte):
                bits.write(literalLength.reversedCodes[Int(byte)], count: literalLength.lengths[Int(byte)], to: &output)
            case .match(let length, let matchDistance):
                let lengthCode = Int(LengthAndDistanceCodes.lengthCodeOfLength[length])
                let symbol = LengthAndDistanceCodes.literalCount + lengthCode
                bits.write(literalLength.reversedCodes[symbol], count: literalLength.lengths[symbol], to: &output)
                bits.write(
                    UInt16(length - Int(LengthAndDistanceCodes.lengthBases[lengthCode])),
                    count: LengthAndDistanceCodes.lengthExtraBits[lengthCode], to: &output)
                let distanceSymbol = LengthAndDistanceCodes.distanceCode(of: matchDistance)
                bits.write(
                    distance.reversedCodes[distanceSymbol], count: distance.lengths[distanceSymbol], to: &output)
                bits.write(
                    UInt16(matchDistance - Int(LengthAndDistanceCodes.distanceBases[distanceSymbol])),
                    count: LengthAndDistanceCodes.distanceExtraBits[distanceSymbol], to: &output)
            }
        }
        bits.flush(to: &output)
    }

    /// Adds to the frequency tables the symbols that compressing `bytes` would write (for
    /// training a codec).
    mutating func countSymbols(
        _ bytes: UnsafeRawBufferPointer, literalLength: inout [UInt64], distance: inout [UInt64]
    ) {
        matcher.parse(bytes) { token in
            switch token {
            case .literal(let byte):
                literalLength[Int(byte)] += 1
            case .match(let length, let matchDistance):
                let lengthCode = Int(LengthAndDistanceCodes.lengthCodeOfLength[length])
                literalLength[LengthAndDistanceCodes.literalCount + lengthCode] += 1
                distance[LengthAndDistanceCodes.distanceCode(of: matchDistance)] += 1
            }
        }
    }
}

/// Bits written least significant first into bytes.
private struct BitOutput {
    private var buffer: UInt64 = 0
    private var count = 0

    @inline(__always)
    mutating func write(_ value: UInt16, count bitCount: UInt8, to output: inout [UInt8]) {
        buffer |= UInt64(value) << UInt64(count)
        count += Int(bitCount)
        while count >= 8 {
            output.append(UInt8(truncatingIfNeeded: buffer))
            buffer >>= 8
            count -= 8
        }
    }

    mutating func flush(to output: inout [UInt8]) {
        if count > 0 { output.append(UInt8(truncatingIfNeeded: buffer)) }
        buffer = 0
        count = 0
    }
}

/// The match-length and match-distance alphabets of the stored-text codec: the ones DEFLATE
/// (RFC 1951, section 3.2.5) uses, a code per range plus extra bits for the offset in the
/// range. Lengths run from 3 to 258, distances from 1 to 32,768.
enum LengthAndDistanceCodes {
    /// The shortest match worth a back-reference.
    static let minimumMatchLength = 3
    /// The longest match one back-reference can copy.
    static let maximumMatchLength = 258
    /// The farthest back a match may start.
    static let maximumDistance = 32_768

    /// Literal bytes 0–255 come first in the literal/length alphabet; length code `c` is
    /// symbol `256 + c`.
    static let literalCount = 256
    /// Symbols of the literal/length alphabet: 256 literals and 29 length codes.
    static let literalLengthSymbolCount = 256 + lengthBases.count
    /// Symbols of the distance alphabet.
    static let distanceSymbolCount = distanceBases.count

    /// The first length of each length code.
    static let lengthBases: [UInt16] = [
        3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227,
        258,
    ]
    /// The extra bits after each length code.
    static let lengthExtraBits: [UInt8] = [
        0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0,
    ]
    /// The first distance of each distance code.
    static let distanceBases: [UInt16] = [
        1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097,
        6145, 8193, 12289, 16385, 24577,
    ]
    /// The extra bits after each distance code.
    static let distanceExtraBits: [UInt8] = [
        0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13,
    ]

    /// The length code (0–28) of match length `length` (3–258).
    static let lengthCodeOfLength: [UInt8] = {
        var table = [UInt8](repeating: 0, count: maximumMatchLength + 1)
        for code in 0..<lengthBases.count {
            let first = Int(lengthBases[code])
            let last = code + 1 < lengthBases.count ? Int(lengthBases[code + 1]) - 1 : maximumMatchLength
            for length in first...min(last, maximumMatchLength) { table[length] = UInt8(code) }
        }
        table[maximumMatchLength] = UInt8(lengthBases.count - 1)
        return table
    }()

    /// The distance code (0–29) of match distance `distance` (1–32,768).
    @inline(__always)
    static func distanceCode(of distance: Int) -> Int {
        if distance <= 4 { return distance - 1 }
        // Codes come in pairs per power of two: 2 × (bit length − 1) + the bit below the top.
        let zeroBased = distance - 1
        let bitLength = Int.bitWidth - zeroBased.leadingZeroBitCount
        return 2 * (bitLength - 1) + ((zeroBased >> (bitLength - 2)) & 1)
    }
}

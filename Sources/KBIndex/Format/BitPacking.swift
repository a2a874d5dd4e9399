/// Fixed-width bit packing of blocks of unsigned 32-bit integers: the encoding of posting
/// blocks (128 doc-id deltas or term frequencies), each stored with the bit width of its
/// largest value.
///
/// Byte layout: `count` values of `bitWidth` bits (0...32) form one little-endian bit stream,
/// LSB-first: value `i` occupies stream bits `i * bitWidth ..< (i + 1) * bitWidth`, its least
/// significant bit first, and stream bit `k` is bit `k % 8` of byte `k / 8`. The stream is
/// padded with zero bits to a whole byte: `packedByteCount(count:bitWidth:)` =
/// `(count * bitWidth + 7) / 8` bytes. No header: the count and bit width are stored by the
/// caller. Width 0 takes no bytes (every value is 0).
public enum BitPacking {
    /// The number of bytes `pack` writes for `count` values of `bitWidth` bits:
    /// `(count * bitWidth + 7) / 8`.
    @inlinable
    public static func packedByteCount(count: Int, bitWidth: Int) -> Int {
        (count * bitWidth + 7) / 8
    }

    /// The fewest bits that hold every value of `values` (0 when they are all 0, at most 32).
    public static func bitWidth(of values: UnsafeBufferPointer<UInt32>) -> Int {
        var union: UInt32 = 0
        for value in values { union |= value }
        return UInt32.bitWidth - union.leadingZeroBitCount
    }

    /// Appends `values` packed at `bitWidth` bits each: exactly
    /// `packedByteCount(count: values.count, bitWidth: bitWidth)` bytes, LSB-first (see
    /// `BitPacking`). Traps if `bitWidth` is outside 0...32 or a value does not fit in it.
    public static func pack(_ values: UnsafeBufferPointer<UInt32>, bitWidth: Int, into writer: inout BinaryWriter) {
        precondition((0...32).contains(bitWidth), "bit width \(bitWidth) is outside 0...32")
        guard bitWidth > 0 else {
            precondition(values.allSatisfy { $0 == 0 }, "bit width 0 holds only zeros")
            return
        }
        // Whole 64-bit words go out as soon as they fill; `pending` holds the `pendingBits`
        // low bits not yet written (0...63).
        var pending: UInt64 = 0
        var pendingBits = 0
        for value in values {
            precondition(bitWidth == 32 || value >> bitWidth == 0, "value \(value) does not fit in \(bitWidth) bits")
            pending |= UInt64(value) << pendingBits
            pendingBits += bitWidth
            if pendingBits >= 64 {
                writer.writeUInt64(pending)
                pendingBits -= 64
                // The high `pendingBits` bits of `value` did not fit in the word just written.
                pending = pendingBits > 0 ? UInt64(value) >> (bitWidth - pendingBits) : 0
            }
        }
        while pendingBits > 0 {
            writer.writeUInt8(UInt8(truncatingIfNeeded: pending))
            pending >>= 8
            pendingBits -= 8
        }
    }

    /// Reads `count` values of `bitWidth` bits packed by `pack` into `output[0..<count]`,
    /// advancing `reader` by `packedByteCount(count:bitWidth:)` bytes.
    ///
    /// Throws `.corrupt` if `bitWidth` is outside 0...32, `count` is negative or larger than
    /// `output`; `.truncated` if the reader has fewer bytes left than the block needs. On
    /// error neither the reader nor `output` is changed.
    public static func unpack(
        from reader: inout BinaryReader, count: Int, bitWidth: Int, into output: UnsafeMutableBufferPointer<UInt32>
    ) throws(IndexFormatError) {
        guard (0...32).contains(bitWidth) else {
            throw reader.corrupt("bit width \(bitWidth) is outside 0...32", at: reader.position)
        }
        guard count >= 0, count <= output.count else {
            throw reader.corrupt("block of \(count) values for a buffer of \(output.count)", at: reader.position)
        }
        let packed = try reader.readBytes(count: packedByteCount(count: count, bitWidth: bitWidth))
        guard count > 0, let out = output.baseAddress else { return }
        guard bitWidth > 0 else {
            out.update(repeating: 0, count: count)
            return
        }
        let source = packed.baseAddress.unsafelyUnwrapped
        switch bitWidth {
        case 1: unpack(source, byteCount: packed.count, count: count, bitWidth: 1, into: out)
        case 2: unpack(source, byteCount: packed.count, count: count, bitWidth: 2, into: out)
        case 3: unpack(source, byteCount: packed.count, count: count, bitWidth: 3, into: out)
        case 4: unpack(source, byteCount: packed.count, count: count, bitWidth: 4, into: out)
        case 5: unpack(source, byteCount: packed.count, count: count, bitWidth: 5, into: out)
        case 6: unpack(source, byteCount: packed.count, count: count, bitWidth: 6, into: out)
        case 7: unpack(source, byteCount: packed.count, count: count, bitWidth: 7, into: out)
        case 8: unpack(source, byteCount: packed.count, count: count, bitWidth: 8, into: out)
        case 9: unpack(source, byteCount: packed.count, count: count, bitWidth: 9, into: out)
        case 10: unpack(source, byteCount: packed.count, count: count, bitWidth: 10, into: out)
        case 11: unpack(source, byteCount: packed.count, count: count, bitWidth: 11, into: out)
        case 12: unpack(source, byteCount: packed.count, count: count, bitWidth: 12, into: out)
        case 13: unpack(source, byteCount: packed.count, count: count, bitWidth: 13, into: out)
        case 14: unpack(source, byteCount: packed.count, count: count, bitWidth: 14, into: out)
        case 15: unpack(source, byteCount: packed.count, count: count, bitWidth: 15, into: out)
        case 16: unpack(source, byteCount: packed.count, count: count, bitWidth: 16, into: out)
        case 17: unpack(source, byteCount: packed.count, count: count, bitWidth: 17, into: out)
        case 18: unpack(source, byteCount: packed.count, count: count, bitWidth: 18, into: out)
        case 19: unpack(source, byteCount: packed.count, count: count, bitWidth: 19, into: out)
        case 20: unpack(source, byteCount: packed.count, count: count, bitWidth: 20, into: out)
        case 21: unpack(source, byteCount: packed.count, count: count, bitWidth: 21, into: out)
        case 22: unpack(source, byteCount: packed.count, count: count, bitWidth: 22, into: out)
        case 23: unpack(source, byteCount: packed.count, count: count, bitWidth: 23, into: out)
        case 24: unpack(source, byteCount: packed.count, count: count, bitWidth: 24, into: out)
        case 25: unpack(source, byteCount: packed.count, count: count, bitWidth: 25, into: out)
        case 26: unpack(source, byteCount: packed.count, count: count, bitWidth: 26, into: out)
        case 27: unpack(source, byteCount: packed.count, count: count, bitWidth: 27, into: out)
        case 28: unpack(source, byteCount: packed.count, count: count, bitWidth: 28, into: out)
        case 29: unpack(source, byteCount: packed.count, count: count, bitWidth: 29, into: out)
        case 30: unpack(source, byteCount: packed.count, count: count, bitWidth: 30, into: out)
        case 31: unpack(source, byteCount: packed.count, count: count, bitWidth: 31, into: out)
        default: unpack(source, byteCount: packed.count, count: count, bitWidth: 32, into: out)
        }
    }

    /// Unpacks `count` (> 0) values of `bitWidth` (1...32) bits from the `byteCount` bytes at
    /// `source`, which are exactly the packed block. Inlined once per constant width by the
    /// `switch` of `unpack(from:count:bitWidth:into:)`, so shifts and masks become constants.
    ///
    /// Each value is one unaligned 64-bit little-endian load at byte `bit / 8`, shifted right
    /// by `bit % 8` (at most 7, and 7 + 32 < 64) and masked. Eight values span exactly
    /// `bitWidth` bytes, so they go in groups of eight, straight from the block while a
    /// group's last load stays inside it. The rest (fewer than 36 bytes) is copied into a
    /// zero-padded 64-byte buffer on the stack and finished from there, so no load passes the
    /// block's end.
    @inline(__always)
    private static func unpack(
        _ source: UnsafeRawPointer, byteCount: Int, count: Int, bitWidth: Int, into output: UnsafeMutablePointer<UInt32>
    ) {
        // A group's last load starts at byte (7 * bitWidth) / 8 of the group and reads 8 bytes.
        let groupReach = (7 &* bitWidth) &>> 3 &+ 8
        var index = 0
        var groupStart = 0
        while index &+ 8 <= count, groupStart &+ groupReach <= byteCount {
            unpackGroup(source + groupStart, bitWidth: bitWidth, into: output + index)
            index &+= 8
            groupStart &+= bitWidth
        }
        guard index < count else { return }
        // Fewer than 8 values are left (at most 28 bytes), or the next group's reach passes
        // the end (fewer than 36 bytes left); the loads below reach at most 44 bytes in.
        let tailBytes = byteCount &- groupStart
        var padded: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0, 0, 0)
        withUnsafeMutableBytes(of: &padded) { padded in
            assert(tailBytes <= 36)
            let tail = padded.baseAddress.unsafelyUnwrapped
            tail.copyMemory(from: source + groupStart, byteCount: tailBytes)
            var tailStart = 0
            while index &+ 8 <= count {
                unpackGroup(tail + tailStart, bitWidth: bitWidth, into: output + index)
                index &+= 8
                tailStart &+= bitWidth
            }
            var bit = tailStart &* 8
            while index < count {
                output[index] = extract(tail, bit: bit, bitWidth: bitWidth)
                index &+= 1
                bit &+= bitWidth
            }
        }
    }

    /// Unpacks the 8 values of `bitWidth` bits in the `bitWidth` bytes at `source` (loads
    /// reach `(7 * bitWidth) / 8 + 8` bytes) into `output[0..<8]`.
    @inline(__always)
    private static func unpackGroup(
        _ source: UnsafeRawPointer, bitWidth: Int, into output: UnsafeMutablePointer<UInt32>
    ) {
        for lane in 0..<8 {
            output[lane] = extract(source, bit: lane &* bitWidth, bitWidth: bitWidth)
        }
    }

    /// The `bitWidth`-bit value starting at stream bit `bit` of `source`: a 64-bit
    /// little-endian load at byte `bit / 8` (reads 8 bytes), shifted and masked.
    @inline(__always)
    private static func extract(_ source: UnsafeRawPointer, bit: Int, bitWidth: Int) -> UInt32 {
        let word = UInt64(littleEndian: source.loadUnaligned(fromByteOffset: bit &>> 3, as: UInt64.self))
        let mask = UInt64(UInt32.max) &>> UInt64(32 &- bitWidth)
        return UInt32(truncatingIfNeeded: (word &>> UInt64(bit & 7)) & mask)
    }
}

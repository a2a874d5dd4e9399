/// Decodes the characters (Unicode scalars) of a term's UTF-8 bytes one at a time, for the
/// edit-distance walk, which reuses the work done on a prefix shared with the previous term.
///
/// Index terms are valid UTF-8. Malformed bytes are still decoded, one byte at a time, as
/// ``malformed``, a value that no query scalar equals; and every unit reports how far its
/// decoding looked, so that the walk only reuses a unit when the next term shares all those
/// bytes.
enum TermScalarDecoder {
    /// One decoded unit: a scalar, or a malformed byte.
    struct Unit: Equatable {
        /// The scalar's value, or ``TermScalarDecoder/malformed``.
        var value: UInt32
        /// The byte offset just past the unit.
        var end: Int
        /// One past the last byte offset the decoding examined (`count + 1` when it ran into
        /// the end of the term): the unit is the same in any term that shares these bytes.
        var dependencyEnd: Int
    }

    /// The value of a malformed byte: not a Unicode scalar, so it never equals a query's.
    static let malformed: UInt32 = .max

    /// The unit starting at `position` (< `bytes.count`).
    @inline(__always)
    static func unit(in bytes: UnsafeBufferPointer<UInt8>, at position: Int) -> Unit {
        let lead = bytes[position]
        if lead < 0x80 {
            return Unit(value: UInt32(lead), end: position + 1, dependencyEnd: position + 1)
        }
        let length: Int
        var value: UInt32
        switch lead {
        case 0xC2...0xDF:
            length = 2
            value = UInt32(lead & 0x1F)
        case 0xE0...0xEF:
            length = 3
            value = UInt32(lead & 0x0F)
        case 0xF0...0xF4:
            length = 4
            value = UInt32(lead & 0x07)
        default:
            return Unit(value: malformed, end: position + 1, dependencyEnd: position + 1)
        }
        for offset in 1..<length {
            let index = position + offset
            guard index < bytes.count else {
                return Unit(value: malformed, end: position + 1, dependencyEnd: bytes.count + 1)
            }
            let byte = bytes[index]
            guard byte & 0xC0 == 0x80 else {
                return Unit(value: malformed, end: position + 1, dependencyEnd: index + 1)
            }
            value = value << 6 | UInt32(byte & 0x3F)
        }
        return Unit(value: value, end: position + length, dependencyEnd: position + length)
    }
}

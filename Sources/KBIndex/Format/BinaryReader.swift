/// Reads the primitive values written by `BinaryWriter` from one section of a mapped index
/// file, checking every read against the section's end.
///
/// Byte layout (see `BinaryWriter`): fixed-width integers little-endian at any alignment;
/// `Float` as its binary32 bit pattern in a little-endian `UInt32`; VarUInt as LEB128 (7 bits
/// per byte, least significant group first, high bit set on every byte but the last, at most
/// 10 bytes); string as a VarUInt UTF-8 byte length followed by that many UTF-8 bytes.
///
/// `position` counts bytes from the start of the section; errors report the absolute file
/// offset `baseOffset + position` of the value whose read failed, and the `section` name. A
/// read that fails leaves `position` where it was. The reader does not own the bytes: it must
/// not outlive the mapping it reads.
public struct BinaryReader {
    /// The section's bytes.
    public let bytes: UnsafeRawBufferPointer
    /// The section's offset in the file, added to `position` in errors.
    public let baseOffset: Int
    /// The section's name, carried by errors.
    public let section: String
    /// The offset of the next read, from the start of the section (0...`bytes.count`).
    @usableFromInline internal var cursor: Int

    /// Starts reading `bytes` at its first byte.
    /// - Parameters:
    ///   - bytes: the section's bytes (a slice of the mapped file).
    ///   - baseOffset: the offset of `bytes` in the file, for error messages.
    ///   - section: the section's name, for error messages.
    public init(_ bytes: UnsafeRawBufferPointer, baseOffset: Int = 0, section: String) {
        self.bytes = bytes
        self.baseOffset = baseOffset
        self.section = section
        self.cursor = 0
    }

    /// The offset of the next read, from the start of the section.
    @inlinable public var position: Int { cursor }

    /// The number of bytes left after `position`.
    @inlinable public var remaining: Int { bytes.count &- cursor }

    /// Whether every byte has been read.
    @inlinable public var isAtEnd: Bool { cursor == bytes.count }

    /// Moves to `offset` bytes from the start of the section. An offset past the end is
    /// `.corrupt` (offsets come from the file itself); seeking to the end is allowed.
    @inlinable
    public mutating func seek(to offset: Int) throws(IndexFormatError) {
        guard offset >= 0, offset <= bytes.count else {
            throw seekOutOfBounds(offset)
        }
        cursor = offset
    }

    /// Skips `count` bytes: `.truncated` if fewer are left, `.corrupt` if `count` is negative.
    @inlinable
    public mutating func skip(_ count: Int) throws(IndexFormatError) {
        try checkLength(count)
        cursor &+= count
    }

    /// Skips `count` VarUInts without decoding them: each ends at a byte below 0x80, so the
    /// ends are counted 8 bytes at a time. `.truncated` if the section ends first (and then
    /// `position` does not move). Overlong encodings are not detected here (`kb check` reads
    /// every value).
    @inlinable
    public mutating func skipVarUInts(_ count: Int) throws(IndexFormatError) {
        var remaining = count
        var index = cursor
        let end = bytes.count
        while remaining >= 8 && index &+ 8 <= end {
            let word = bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            remaining &-= (~word & 0x8080_8080_8080_8080).nonzeroBitCount
            index &+= 8
        }
        while remaining > 0 {
            guard index < end else { throw truncated(at: cursor) }
            if bytes[index] < 0x80 { remaining &-= 1 }
            index &+= 1
        }
        cursor = index
    }

    /// Reads one byte.
    @inlinable @inline(__always)
    public mutating func readUInt8() throws(IndexFormatError) -> UInt8 {
        try readLittleEndian(UInt8.self)
    }

    /// Reads 2 bytes, little-endian.
    @inlinable @inline(__always)
    public mutating func readUInt16() throws(IndexFormatError) -> UInt16 {
        try readLittleEndian(UInt16.self)
    }

    /// Reads 4 bytes, little-endian.
    @inlinable @inline(__always)
    public mutating func readUInt32() throws(IndexFormatError) -> UInt32 {
        try readLittleEndian(UInt32.self)
    }

    /// Reads 8 bytes, little-endian.
    @inlinable @inline(__always)
    public mutating func readUInt64() throws(IndexFormatError) -> UInt64 {
        try readLittleEndian(UInt64.self)
    }

    /// Reads 4 bytes, little-endian, as the bit pattern of an IEEE 754 binary32 `Float`.
    @inlinable @inline(__always)
    public mutating func readFloat32() throws(IndexFormatError) -> Float {
        Float(bitPattern: try readLittleEndian(UInt32.self))
    }

    /// Reads a LEB128 VarUInt: 7 bits per byte, least significant group first, high bit set on
    /// every byte but the last. `.truncated` if the section ends before the last byte;
    /// `.corrupt` if the value has more than 10 bytes or does not fit in 64 bits. Redundant
    /// trailing zero groups (`0x80 0x00` for 0) are accepted.
    @inlinable @inline(__always)
    public mutating func readVarUInt() throws(IndexFormatError) -> UInt64 {
        if cursor < bytes.count {
            let first = bytes.baseAddress.unsafelyUnwrapped.load(fromByteOffset: cursor, as: UInt8.self)
            if first < 0x80 {
                cursor &+= 1
                return UInt64(first)
            }
        }
        return try readMultiByteVarUInt()
    }

    /// Reads a LEB128 VarUInt (see `readVarUInt()`) that must fit in 32 bits: `.corrupt` if it
    /// is larger than `UInt32.max`.
    @inlinable
    public mutating func readVarUInt32() throws(IndexFormatError) -> UInt32 {
        let start = cursor
        let value = try readVarUInt()
        guard let narrow = UInt32(exactly: value) else {
            cursor = start
            throw varUInt32Overflow(value, at: start)
        }
        return narrow
    }

    /// Returns the next `count` bytes without copying them (a slice of `bytes`): `.truncated`
    /// if fewer are left, `.corrupt` if `count` is negative.
    @inlinable
    public mutating func readBytes(count: Int) throws(IndexFormatError) -> UnsafeRawBufferPointer {
        try checkLength(count)
        let slice = UnsafeRawBufferPointer(rebasing: bytes[cursor..<(cursor &+ count)])
        cursor &+= count
        return slice
    }

    /// Reads a string: its UTF-8 byte length as a VarUInt, then the UTF-8 bytes. `.corrupt` if
    /// the length passes the end of the section or the bytes are not valid UTF-8 (they are
    /// rejected, not repaired); `.truncated` if the length itself is cut off.
    public mutating func readString() throws(IndexFormatError) -> String {
        let start = cursor
        let length = try readVarUInt()
        guard length <= UInt64(remaining) else {
            cursor = start
            throw corrupt("string length \(length) passes the end of the section (\(remaining) bytes left)", at: start)
        }
        let utf8 = UnsafeRawBufferPointer(rebasing: bytes[cursor..<(cursor + Int(length))])
        let decoded = utf8.withMemoryRebound(to: UInt8.self) { String(validating: $0, as: UTF8.self) }
        guard let string = decoded else {
            cursor = start
            throw corrupt("string of \(length) bytes is not valid UTF-8", at: start)
        }
        cursor += Int(length)
        return string
    }

    /// Reads a fixed-width little-endian integer with one unaligned load.
    @inlinable @inline(__always)
    internal mutating func readLittleEndian<T: FixedWidthInteger>(_: T.Type) throws(IndexFormatError) -> T {
        let size = MemoryLayout<T>.size
        guard bytes.count &- cursor >= size else { throw truncated(at: cursor) }
        let raw = bytes.baseAddress.unsafelyUnwrapped.loadUnaligned(fromByteOffset: cursor, as: T.self)
        cursor &+= size
        return T(littleEndian: raw)
    }

    /// Throws unless `count` bytes are left after `position`.
    @inlinable @inline(__always)
    internal func checkLength(_ count: Int) throws(IndexFormatError) {
        guard count >= 0 else { throw negativeCount(count) }
        guard bytes.count &- cursor >= count else { throw truncated(at: cursor) }
    }

    /// The general case of `readVarUInt()`: the value has several bytes, or none is left.
    @usableFromInline
    internal mutating func readMultiByteVarUInt() throws(IndexFormatError) -> UInt64 {
        let start = cursor
        var offset = cursor
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard offset < bytes.count else { throw truncated(at: start) }
            let byte = bytes.baseAddress.unsafelyUnwrapped.load(fromByteOffset: offset, as: UInt8.self)
            offset &+= 1
            if shift == 63 {
                // The 10th byte holds bit 63 only.
                guard byte & 0x80 == 0 else { throw corrupt("VarUInt longer than 10 bytes", at: start) }
                guard byte <= 1 else { throw corrupt("VarUInt overflows 64 bits", at: start) }
            }
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 {
                cursor = offset
                return value
            }
            shift &+= 7
        }
    }

    /// The `.corrupt` error of `seek(to:)`: `offset` is outside the section.
    @usableFromInline @inline(never)
    internal func seekOutOfBounds(_ offset: Int) -> IndexFormatError {
        corrupt("offset \(offset) is outside the section's \(bytes.count) bytes", at: cursor)
    }

    /// The `.corrupt` error of `readVarUInt32()`: `value`, read at section offset `offset`, is
    /// too large.
    @usableFromInline @inline(never)
    internal func varUInt32Overflow(_ value: UInt64, at offset: Int) -> IndexFormatError {
        corrupt("VarUInt \(value) exceeds the 32-bit maximum", at: offset)
    }

    /// The `.corrupt` error of a negative byte count.
    @usableFromInline @inline(never)
    internal func negativeCount(_ count: Int) -> IndexFormatError {
        corrupt("negative byte count \(count)", at: cursor)
    }

    /// A `.truncated` error at section offset `offset`.
    @usableFromInline @inline(never)
    internal func truncated(at offset: Int) -> IndexFormatError {
        IndexFormatError(.truncated, section: section, offset: baseOffset + offset)
    }

    /// A `.corrupt(detail)` error at section offset `offset`.
    @usableFromInline @inline(never)
    internal func corrupt(_ detail: String, at offset: Int) -> IndexFormatError {
        IndexFormatError(.corrupt(detail), section: section, offset: baseOffset + offset)
    }
}

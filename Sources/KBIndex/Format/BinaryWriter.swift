/// Appends the primitive values of the index format to a growing byte array.
///
/// Byte layout, read back by `BinaryReader`:
/// - fixed-width integers (`UInt8/16/32/64`): little-endian, no alignment required;
/// - `Float`: its IEEE 754 binary32 bit pattern as a little-endian `UInt32`;
/// - VarUInt: LEB128, 7 bits per byte, least significant group first, high bit set on every
///   byte but the last (1 byte for 0...127, 2 for 128...16383, up to 10 for `UInt64.max`);
/// - string: its UTF-8 byte length as a VarUInt, then the UTF-8 bytes (no terminator);
/// - padding (`align(to:)`): zero bytes.
///
/// Offsets are byte indices into `bytes`; a value written before its target is known is
/// back-filled with `patchUInt32(_:at:)` or `patchUInt64(_:at:)`.
public struct BinaryWriter: Sendable {
    /// The bytes written so far.
    public private(set) var bytes: [UInt8]

    /// Starts an empty writer, reserving room for `capacity` bytes.
    public init(capacity: Int = 0) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    /// The number of bytes written so far: the offset the next value is written at.
    public var count: Int { bytes.count }

    /// Appends one byte.
    public mutating func writeUInt8(_ value: UInt8) {
        bytes.append(value)
    }

    /// Appends 2 bytes, little-endian.
    public mutating func writeUInt16(_ value: UInt16) {
        appendLittleEndian(value)
    }

    /// Appends 4 bytes, little-endian.
    public mutating func writeUInt32(_ value: UInt32) {
        appendLittleEndian(value)
    }

    /// Appends 8 bytes, little-endian.
    public mutating func writeUInt64(_ value: UInt64) {
        appendLittleEndian(value)
    }

    /// Appends the IEEE 754 binary32 bit pattern of `value`: 4 bytes, little-endian. NaN
    /// payloads and the sign of zero are kept.
    public mutating func writeFloat32(_ value: Float) {
        appendLittleEndian(value.bitPattern)
    }

    /// Appends `value` as LEB128: 7 bits per byte, least significant group first, high bit set
    /// on every byte but the last; 1 to 10 bytes, the shortest encoding.
    public mutating func writeVarUInt(_ value: UInt64) {
        var rest = value
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    /// Appends `source` as is.
    public mutating func writeBytes(_ source: UnsafeRawBufferPointer) {
        bytes.append(contentsOf: source)
    }

    /// Appends `source` as is.
    public mutating func writeBytes(_ source: [UInt8]) {
        bytes.append(contentsOf: source)
    }

    /// Appends `string`: its UTF-8 byte length as a VarUInt, then its UTF-8 bytes.
    public mutating func writeString(_ string: String) {
        let utf8 = string.utf8
        writeVarUInt(UInt64(utf8.count))
        bytes.append(contentsOf: utf8)
    }

    /// Appends zero bytes until `count` is a multiple of `alignment` (which must be positive).
    public mutating func align(to alignment: Int) {
        precondition(alignment > 0, "alignment must be positive, got \(alignment)")
        let remainder = bytes.count % alignment
        if remainder != 0 {
            bytes.append(contentsOf: repeatElement(0, count: alignment - remainder))
        }
    }

    /// Overwrites the 4 bytes at `offset` (already written) with `value`, little-endian.
    public mutating func patchUInt32(_ value: UInt32, at offset: Int) {
        patchLittleEndian(value, at: offset)
    }

    /// Overwrites the 8 bytes at `offset` (already written) with `value`, little-endian.
    public mutating func patchUInt64(_ value: UInt64, at offset: Int) {
        patchLittleEndian(value, at: offset)
    }

    /// Appends the `MemoryLayout<T>.size` bytes of `value`, least significant first.
    private mutating func appendLittleEndian<T: FixedWidthInteger>(_ value: T) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    /// Overwrites the `MemoryLayout<T>.size` bytes at `offset` with `value`, least significant
    /// first. Traps if they were not all written yet.
    private mutating func patchLittleEndian<T: FixedWidthInteger>(_ value: T, at offset: Int) {
        let size = MemoryLayout<T>.size
        precondition(
            offset >= 0 && offset <= bytes.count - size,
            "patch of \(size) bytes at \(offset) outside the \(bytes.count) bytes written")
        bytes.withUnsafeMutableBytes { buffer in
            buffer.storeBytes(of: value.littleEndian, toByteOffset: offset, as: T.self)
        }
    }
}

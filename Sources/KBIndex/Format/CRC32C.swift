/// CRC-32C (Castagnoli): the checksum stored after every section of an index file.
///
/// Polynomial 0x1EDC6F41 (0x82F63B78 reflected), initial value 0xFFFFFFFF, input and output
/// reflected, final XOR 0xFFFFFFFF: the variant of iSCSI (RFC 3720), ext4 and LevelDB. The
/// check value of the ASCII bytes "123456789" is 0xE3069283.
///
/// Table-driven slicing-by-8 in pure Swift: eight bytes per step, read as one unaligned
/// little-endian 64-bit load, so any start address works. Incremental: feeding the bytes in
/// pieces through `update(_:)` gives the same `value` as one `checksum(_:)` call.
public struct CRC32C: Sendable {
    /// The running register: the CRC of the bytes so far, before the final XOR.
    private var state: UInt32 = 0xFFFF_FFFF

    /// Starts a checksum over no bytes (`value` is 0).
    public init() {}

    /// The checksum of all the bytes passed to `update(_:)` so far.
    public var value: UInt32 { ~state }

    /// Adds `bytes` to the checksum. Any length and alignment.
    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        state = Self.tables.withUnsafeBufferPointer { tables in
            Self.update(state, base: base, count: bytes.count, tables: tables)
        }
    }

    /// Adds `bytes` to the checksum.
    public mutating func update(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { update($0) }
    }

    /// The CRC-32C of `bytes`.
    public static func checksum(_ bytes: UnsafeRawBufferPointer) -> UInt32 {
        var crc = CRC32C()
        crc.update(bytes)
        return crc.value
    }

    /// The CRC-32C of `bytes`.
    public static func checksum(_ bytes: [UInt8]) -> UInt32 {
        bytes.withUnsafeBytes { checksum($0) }
    }

    /// The slicing-by-8 loop over `count` bytes at `base`, starting from register `crc`.
    ///
    /// `tables[k * 256 + b]` is the CRC register after feeding byte `b` followed by `k` zero
    /// bytes, so the eight table lookups of one 64-bit word are independent of one another.
    private static func update(
        _ crc: UInt32, base: UnsafeRawPointer, count: Int, tables: UnsafeBufferPointer<UInt32>
    ) -> UInt32 {
        var crc = crc
        var offset = 0
        while count - offset >= 8 {
            let word = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            let low = UInt32(truncatingIfNeeded: word) ^ crc
            let high = UInt32(truncatingIfNeeded: word &>> 32)
            crc =
                tables[7 &* 256 &+ Int(low & 0xFF)]
                ^ tables[6 &* 256 &+ Int((low &>> 8) & 0xFF)]
                ^ tables[5 &* 256 &+ Int((low &>> 16) & 0xFF)]
                ^ tables[4 &* 256 &+ Int(low &>> 24)]
                ^ tables[3 &* 256 &+ Int(high & 0xFF)]
                ^ tables[2 &* 256 &+ Int((high &>> 8) & 0xFF)]
                ^ tables[1 &* 256 &+ Int((high &>> 16) & 0xFF)]
                ^ tables[Int(high &>> 24)]
            offset &+= 8
        }
        while offset < count {
            let byte = base.load(fromByteOffset: offset, as: UInt8.self)
            crc = tables[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc &>> 8)
            offset &+= 1
        }
        return crc
    }

    /// The eight 256-entry lookup tables of slicing-by-8, one after another (2,048 entries).
    ///
    /// Table 0 is the classic byte-at-a-time table of the reflected polynomial 0x82F63B78;
    /// table k extends table k-1 by one zero byte.
    private static let tables: [UInt32] = {
        var tables = [UInt32](repeating: 0, count: 8 * 256)
        for byte in 0..<256 {
            var crc = UInt32(byte)
            for _ in 0..<8 {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0x82F6_3B78 : crc >> 1
            }
            tables[byte] = crc
        }
        for slice in 1..<8 {
            for byte in 0..<256 {
                let previous = tables[(slice - 1) * 256 + byte]
                tables[slice * 256 + byte] = tables[Int(previous & 0xFF)] ^ (previous >> 8)
            }
        }
        return tables
    }()
}

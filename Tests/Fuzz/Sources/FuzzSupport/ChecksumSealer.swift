import KBIndex

/// Recomputes the checksums of an index file's bytes in place: each section's CRC-32C in the
/// section table, then the section table's in the footer (`FORMAT.md`, "File"). Damage then
/// gets past the checksums and reaches the decoders, as it would from a buggy writer.
///
/// Only what lies inside the file is touched; bytes without a readable footer and table
/// are left alone.
public enum ChecksumSealer {
    /// Seals `bytes`; returns whether any byte changed.
    public static func seal(_ bytes: inout [UInt8]) -> Bool {
        let footer = bytes.count - FormatVersion.footerSize
        guard footer >= FormatVersion.headerSize else { return false }
        let tableOffset = load(UInt64.self, bytes, at: footer)
        let tableLength = load(UInt64.self, bytes, at: footer + 8)
        guard tableOffset <= UInt64(footer), tableLength >= 8, tableLength <= UInt64(footer) - tableOffset else {
            return false
        }
        let table = Int(tableOffset)..<Int(tableOffset + tableLength)
        let original = bytes
        let entryCount = min(Int(load(UInt32.self, bytes, at: table.lowerBound)), (table.count - 8) / 32)
        for index in 0..<entryCount {
            let entry = table.lowerBound + 8 + index * FormatVersion.sectionEntrySize
            let offset = load(UInt64.self, bytes, at: entry + 8)
            let length = load(UInt64.self, bytes, at: entry + 16)
            guard offset <= UInt64(bytes.count), length <= UInt64(bytes.count) - offset else { continue }
            let checksum = CRC32C.checksum(Array(bytes[Int(offset)..<Int(offset + length)]))
            store(checksum, in: &bytes, at: entry + 24)
        }
        store(CRC32C.checksum(Array(bytes[table])), in: &bytes, at: footer + 16)
        return bytes != original
    }

    /// The little-endian integer at `offset`.
    static func load<Integer: FixedWidthInteger>(_: Integer.Type, _ bytes: [UInt8], at offset: Int) -> Integer {
        var value: Integer = 0
        for index in 0..<(Integer.bitWidth / 8) {
            value |= Integer(bytes[offset + index]) << (8 * index)
        }
        return value
    }

    static func store(_ value: UInt32, in bytes: inout [UInt8], at offset: Int) {
        for index in 0..<4 {
            bytes[offset + index] = UInt8(truncatingIfNeeded: value >> (8 * index))
        }
    }
}

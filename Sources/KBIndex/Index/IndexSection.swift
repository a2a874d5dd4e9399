/// Where one section lies in the index file, and its stored checksum.
struct IndexSection: Sendable {
    /// The section's tag.
    let tag: SectionTag
    /// Offset of the section's first byte in the file.
    let offset: Int
    /// Length in bytes, padding excluded.
    let length: Int
    /// The CRC-32C stored in the section table.
    let checksum: UInt32
}
